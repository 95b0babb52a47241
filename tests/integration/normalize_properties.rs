//! Property tests of the one normaliser `match`, `search` and name resolution share:
//! normalising twice changes nothing, and case, hyphens and word order do not matter.

use linkage::normalize::{name_key, normal_form, Sought, Words};
use proptest::prelude::*;

/// Words of several scripts: ASCII, accented Latin, digits, Chinese characters.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z]{1,12}",
        "[a-zA-ZÀ-ÖØ-öø-ÿ]{1,8}",
        "[0-9]{1,4}",
        "[\u{4e00}-\u{4e2f}]{1,4}",
        "[ΣσςΑα]{1,4}",
        Just("of".to_string()),
        Just("The".to_string()),
    ]
}

/// What may stand between two words.
fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(" "),
        Just("-"),
        Just("\u{2010}"),
        Just(", "),
        Just(" – "),
        Just("  "),
        Just("’s "),
        Just(" (“"),
    ]
}

/// A text of words and separators.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((word(), separator()), 0..12).prop_map(|parts| {
        let mut text = String::new();
        for (word, separator) in parts {
            text.push_str(&word);
            text.push_str(separator);
        }
        text
    })
}

proptest! {
    #[test]
    fn normalising_twice_changes_nothing(text in text()) {
        let once = normal_form(&text);
        prop_assert_eq!(normal_form(&once), once.clone());
        prop_assert_eq!(name_key(&once), name_key(&text));
    }

    /// The key of a name is the set of its words' stems, however it is computed.
    #[test]
    fn a_name_key_is_the_set_of_the_stems(text in text()) {
        let mut stems: Vec<String> = Words::of(&text).words.into_iter().map(|w| w.stem).collect();
        stems.sort();
        stems.dedup();
        prop_assert_eq!(name_key(&text), stems.join(" "));
    }

    #[test]
    fn case_does_not_matter(text in text()) {
        prop_assert_eq!(
            normal_form(&text.to_ascii_uppercase()),
            normal_form(&text.to_ascii_lowercase())
        );
    }

    #[test]
    fn hyphens_do_not_matter(text in text()) {
        let spaced = text.replace(['-', '\u{2010}'], " ");
        prop_assert_eq!(normal_form(&spaced), normal_form(&text));
    }

    #[test]
    fn word_order_does_not_matter_to_the_key(words in prop::collection::vec(word(), 1..8), seed in any::<u64>()) {
        let mut shuffled = words.clone();
        // A deterministic shuffle from the seed.
        let len = shuffled.len();
        for i in (1..len).rev() {
            let j = usize::try_from(seed.rotate_left(u32::try_from(i).unwrap()) % (i as u64 + 1)).unwrap();
            shuffled.swap(i, j);
        }
        prop_assert_eq!(name_key(&shuffled.join(" ")), name_key(&words.join(" ")));
    }

    /// `search` finds a text in itself whatever the case and the hyphens.
    #[test]
    fn search_is_blind_to_case_and_hyphens(text in text()) {
        prop_assume!(!text.trim().is_empty());
        let sought = Sought::new(&text);
        prop_assert!(sought.found_in(&text));
        prop_assert!(sought.found_in(&text.to_ascii_uppercase()));
        let spaced = text.replace(['-', '\u{2010}'], " ");
        prop_assert!(sought.found_in(&spaced));
        prop_assert!(Sought::new(&text.to_ascii_uppercase()).found_in(&text));
    }

    /// Each word's byte range points at the written word it came from.
    #[test]
    fn each_word_points_into_the_text(text in text()) {
        for word in Words::of(&text).words {
            prop_assert_eq!(normal_form(&text[word.bytes.clone()]), word.stem);
        }
    }
}

#[test]
fn a_compound_meets_the_word_written_solid() {
    let hyphenated = Words::of("multi-dimensional poverty");
    let solid = normal_form("multidimensional");
    assert!(hyphenated.terms().any(|t| t == solid), "{hyphenated:?}");
    assert_eq!(name_key("rural-urban"), name_key("urban rural"));
    assert_eq!(
        normal_form("institutionalization of poverty alleviation"),
        normal_form("Institutional poverty alleviations")
    );
}
