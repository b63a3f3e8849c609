//! A dose in words, the same on every screen: "3 × 10 reps at 12 kg", or "10, 8, 6 reps"
//! when the sets differ.

use crate::domain::library::Measure;
use crate::domain::prescription::SetTarget;
use crate::domain::profile::OwnExercise;
use crate::domain::units::{Grams, Units};
use crate::domain::workout::ServedItem;

pub fn dose_words(sets: &[SetTarget], measure: Measure, units: Units) -> String {
    let amounts: Vec<String> = sets.iter().map(|t| t.amount.to_string()).collect();
    let amount = if amounts.windows(2).all(|w| w[0] == w[1]) {
        format!(
            "{} × {}",
            sets.len(),
            amounts.first().cloned().unwrap_or_default()
        )
    } else {
        amounts.join(", ")
    };
    let load = sets.iter().map(|t| t.load).max().unwrap_or_default();
    let load = if load.is_zero() {
        String::new()
    } else {
        format!(" at {}", units.format(load))
    };
    format!("{amount} {}{load}", measure.short())
}

/// One set in words: "10 reps at 12 kg", "30 s".
pub fn set_words(amount: u16, load: Grams, measure: Measure, units: Units) -> String {
    if load.is_zero() {
        format!("{amount} {}", measure.short())
    } else {
        format!("{amount} {} at {}", measure.short(), units.format(load))
    }
}

/// What a session serves of one exercise, as Today, Plan and the workout say it.
pub fn item_dose(item: &ServedItem, units: Units) -> String {
    let side = if item.each_side() { " each side" } else { "" };
    format!("{}{side}", dose_words(&item.targets, item.measure, units))
}

/// An own exercise's dose, the same way.
pub fn own_dose(o: &OwnExercise, units: Units) -> String {
    let set = SetTarget {
        amount: o.amount,
        load: o.load,
    };
    dose_words(&vec![set; usize::from(o.sets)], o.measure, units)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::units::Grams;

    #[test]
    fn equal_sets_read_as_sets_times_amount_and_uneven_ones_are_listed() {
        let t = |amount, kg: u32| SetTarget {
            amount,
            load: Grams(kg * 1000),
        };
        assert_eq!(
            dose_words(&[t(10, 12); 3], Measure::Reps, Units::Kg),
            "3 × 10 reps at 12 kg"
        );
        assert_eq!(
            dose_words(&[t(10, 0), t(8, 0)], Measure::Reps, Units::Kg),
            "10, 8 reps"
        );
        assert_eq!(
            dose_words(&[t(30, 0); 2], Measure::Seconds, Units::Kg),
            "2 × 30 s"
        );
    }
}
