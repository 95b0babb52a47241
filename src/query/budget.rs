//! Bounds on the work of an enumeration, so a query on a dense graph answers within a
//! second with a notice instead of running for years.
//!
//! The main bound counts units of work (one unit per relation looked at), so the same
//! query on the same data stops at the same place on every machine and prints the same
//! output. The time bound is a backstop for slow machines and debug builds.

use std::time::{Duration, Instant};

/// How much work an enumeration may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Units of work (one per relation looked at while enumerating).
    pub work: u64,
    /// Wall-clock time.
    pub time: Duration,
}

impl Default for Budget {
    /// Two million units of work (some 20 ms in a release build) or 900 ms.
    fn default() -> Self {
        Self {
            work: 2_000_000,
            time: Duration::from_millis(900),
        }
    }
}

/// Why an enumeration stopped before it was complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The work budget ran out after this many units.
    Work(u64),
    /// The time budget ran out.
    Time(Duration),
}

/// Counts work against a [`Budget`].
#[derive(Debug)]
pub(crate) struct Meter {
    budget: Budget,
    spent: u64,
    started: Instant,
    stopped: Option<Stop>,
}

impl Meter {
    /// How many units pass between two looks at the clock.
    const CLOCK_EVERY: u64 = 4096;

    pub(crate) fn new(budget: Budget) -> Self {
        Self {
            budget,
            spent: 0,
            started: Instant::now(),
            stopped: None,
        }
    }

    /// Spends one unit; false once the budget is exhausted (and from then on).
    pub(crate) fn tick(&mut self) -> bool {
        if self.stopped.is_some() {
            return false;
        }
        self.spent += 1;
        if self.spent > self.budget.work {
            self.stopped = Some(Stop::Work(self.budget.work));
            return false;
        }
        if self.spent.is_multiple_of(Self::CLOCK_EVERY) {
            let elapsed = self.started.elapsed();
            if elapsed > self.budget.time {
                self.stopped = Some(Stop::Time(elapsed));
                return false;
            }
        }
        true
    }

    /// Why the budget ran out, if it did.
    pub(crate) fn stopped(&self) -> Option<Stop> {
        self.stopped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_work_budget_stops_at_exactly_its_size() {
        let mut meter = Meter::new(Budget {
            work: 10,
            time: Duration::MAX,
        });
        assert_eq!((0..20).filter(|_| meter.tick()).count(), 10);
        assert_eq!(meter.stopped(), Some(Stop::Work(10)));
        assert!(!meter.tick());
    }

    #[test]
    fn the_time_budget_stops_too() {
        let mut meter = Meter::new(Budget {
            work: u64::MAX,
            time: Duration::ZERO,
        });
        let ran = (0..10_000).take_while(|_| meter.tick()).count();
        assert!(ran < 10_000);
        assert!(matches!(meter.stopped(), Some(Stop::Time(_))));
    }
}
