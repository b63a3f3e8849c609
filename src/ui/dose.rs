//! A dose in words, the same on every screen: "3 × 10 reps at 12 kg", or "10, 8, 6 reps"
//! when the sets differ.

use crate::domain::library::Measure;
use crate::domain::prescription::SetTarget;
use crate::domain::profile::OwnExercise;
use crate::domain::served::ServedItem;
use crate::domain::units::{Grams, Units};

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

/// Sets as logged, grouped the same way: "2 × 10 reps at 14 kg".
pub fn logged_words(sets: &[(u16, Grams)], measure: Measure, units: Units) -> String {
    let targets: Vec<SetTarget> = sets
        .iter()
        .map(|(amount, load)| SetTarget {
            amount: *amount,
            load: *load,
        })
        .collect();
    dose_words(&targets, measure, units)
}

/// One amount of a drill or warm-up step: "8 reps each side", "30 s", "5 min".
pub fn amount_words(amount: u16, measure: Measure, each_side: bool) -> String {
    let side = if each_side && measure != Measure::Minutes {
        " each side"
    } else {
        ""
    };
    format!("{amount} {}{side}", measure.short())
}

/// How often a physio exercise is done: "daily" or "3 days a week".
pub fn how_often(per_week: u8) -> String {
    if per_week >= 7 {
        "daily".into()
    } else {
        format!("{per_week} days a week")
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

    #[test]
    fn logged_sets_drills_and_physio_days_read_the_same_way_as_planned_doses() {
        let kg = |g: u32| Grams(g * 1000);
        assert_eq!(
            logged_words(&[(10, kg(14)), (10, kg(14))], Measure::Reps, Units::Kg),
            "2 × 10 reps at 14 kg"
        );
        assert_eq!(
            logged_words(&[(8, Grams::ZERO); 2], Measure::Reps, Units::Kg),
            "2 × 8 reps"
        );
        assert_eq!(amount_words(8, Measure::Reps, true), "8 reps each side");
        assert_eq!(amount_words(5, Measure::Minutes, true), "5 min");
        assert_eq!(how_often(7), "daily");
        assert_eq!(how_often(3), "3 days a week");
    }
}
