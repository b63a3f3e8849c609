//! A dose of one exercise: sets of reps or seconds at a load, with tempo and rest.

use super::equipment::Equipment;
use super::units::Grams;
use std::borrow::Cow;

/// Text the library has, borrowed from it, or the user's own, owned: replaying years of
/// sessions copies no exercise's name.
pub type Text = Cow<'static, str>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetTarget {
    /// Reps, seconds or minutes, as the exercise measures it.
    pub amount: u16,
    pub load: Grams,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prescription {
    pub exercise: Text,
    /// The equipment it is done with; decides the load steps.
    pub equipment: Equipment,
    pub sets: Vec<SetTarget>,
    pub tempo: Text,
    pub rest_seconds: u16,
}

impl Prescription {
    /// rules §3 (design): volume = sets × reps × load; bodyweight and timed work
    /// count reps or seconds alone.
    pub fn volume(&self) -> u64 {
        self.sets.iter().map(set_volume).sum()
    }

    pub fn max_load(&self) -> Grams {
        self.sets.iter().map(|s| s.load).max().unwrap_or_default()
    }

    pub fn total_amount(&self) -> u32 {
        self.sets.iter().map(|s| u32::from(s.amount)).sum()
    }

    pub fn is_loaded(&self) -> bool {
        self.equipment.is_loadable() && !self.max_load().is_zero()
    }
}

pub fn set_volume(s: &SetTarget) -> u64 {
    let amount = u64::from(s.amount);
    if s.load.is_zero() {
        amount
    } else {
        amount * u64::from(s.load.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_is_sets_times_reps_times_load_or_reps_alone() {
        let loaded = Prescription {
            exercise: "kb-deadlift".into(),
            equipment: Equipment::Kettlebell,
            sets: vec![
                SetTarget {
                    amount: 8,
                    load: Grams(12_000)
                };
                3
            ],
            tempo: "".into(),
            rest_seconds: 90,
        };
        assert_eq!(loaded.volume(), 3 * 8 * 12_000);
        let bodyweight = Prescription {
            equipment: Equipment::Bodyweight,
            sets: vec![
                SetTarget {
                    amount: 10,
                    load: Grams::ZERO
                };
                2
            ],
            ..loaded
        };
        assert_eq!(bodyweight.volume(), 20);
        assert!(!bodyweight.is_loaded());
    }
}
