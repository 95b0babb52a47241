//! Interned names: node kinds, relation kinds and paper ids.
//!
//! A dataset declares a handful of kinds and cites a handful of papers, yet a million
//! relations name them. Owning a `String` per mention cost two allocations per relation
//! and a byte-by-byte comparison at every kind check (profiled: `memcmp` was the
//! largest single cost of loading). A [`Symbol`] is one shared copy of the name:
//! copying it is copying a pointer, and two symbols are equal exactly when they point at
//! the same copy.
//!
//! The copies live for the rest of the process. That is bounded by the distinct names
//! the process ever reads (kinds and paper ids, never free text), which is small even
//! for a whole literature.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{Mutex, OnceLock};

/// An interned string: `Copy`, compared by identity, read as a `&str`.
#[derive(Clone, Copy)]
pub struct Symbol(&'static str);

/// Every name interned so far, shared by all threads.
fn table() -> &'static Mutex<HashSet<&'static str>> {
    static TABLE: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(Mutex::default)
}

thread_local! {
    /// This thread's view of the table, so that the checking threads of a large load
    /// do not queue on the lock for names they have already seen.
    static SEEN: RefCell<HashSet<&'static str>> = RefCell::default();
}

impl Symbol {
    /// The symbol for `name`, interning it on first use.
    #[must_use]
    pub fn new(name: &str) -> Self {
        if let Some(found) = SEEN.with(|seen| seen.borrow().get(name).copied()) {
            return Self(found);
        }
        let shared = {
            // A poisoned lock only means another thread panicked between two
            // statements that cannot leave the set half-changed.
            let mut table = table()
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(&found) = table.get(name) {
                found
            } else {
                let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
                table.insert(leaked);
                leaked
            }
        };
        SEEN.with(|seen| seen.borrow_mut().insert(shared));
        Self(shared)
    }

    /// The name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl PartialEq for Symbol {
    fn eq(&self, other: &Self) -> bool {
        // Interning makes identity and equality the same thing.
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Symbol {}

impl Hash for Symbol {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Hashed as the string it is, so a `HashMap<Symbol, _>` can be searched with
        // a `&str` (see `Borrow`).
        self.0.hash(state);
    }
}

impl PartialOrd for Symbol {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Symbol {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.cmp(other.0)
    }
}

impl Deref for Symbol {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Symbol {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl Borrow<str> for Symbol {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl Default for Symbol {
    fn default() -> Self {
        Self::new("")
    }
}

impl From<&str> for Symbol {
    fn from(name: &str) -> Self {
        Self::new(name)
    }
}

impl From<&String> for Symbol {
    fn from(name: &String) -> Self {
        Self::new(name)
    }
}

impl From<String> for Symbol {
    fn from(name: String) -> Self {
        Self::new(&name)
    }
}

impl From<Symbol> for String {
    fn from(symbol: Symbol) -> Self {
        symbol.0.to_owned()
    }
}

impl PartialEq<str> for Symbol {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Symbol {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Symbol {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

impl PartialEq<Symbol> for str {
    fn eq(&self, other: &Symbol) -> bool {
        self == other.0
    }
}

impl PartialEq<Symbol> for &str {
    fn eq(&self, other: &Symbol) -> bool {
        *self == other.0
    }
}

impl PartialEq<Symbol> for String {
    fn eq(&self, other: &Symbol) -> bool {
        self.as_str() == other.0
    }
}

impl serde::Serialize for Symbol {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Symbol {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Symbol;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Symbol, E> {
                Ok(Symbol::new(name))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::Symbol;

    #[test]
    fn equal_names_are_one_symbol_and_compare_as_strings() {
        let a = Symbol::new("drives");
        let b = Symbol::new(&String::from("drives"));
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_ne!(a, Symbol::new("part-of"));
        assert_eq!(a, "drives");
        assert!(Symbol::new("a") < Symbol::new("b"));
    }

    #[test]
    fn symbols_interned_on_other_threads_are_the_same() {
        let here = Symbol::new("mutually-promotes");
        let there = std::thread::spawn(|| Symbol::new("mutually-promotes"))
            .join()
            .unwrap();
        assert_eq!(here, there);
    }

    #[test]
    fn a_map_keyed_by_symbols_is_searched_by_str() {
        let mut map = std::collections::HashMap::new();
        map.insert(Symbol::new("tan2020"), 1);
        assert_eq!(map.get("tan2020"), Some(&1));
    }
}
