//! A dose in words, the same on every screen: "3 × 10 reps at 12 kg", or "10, 8, 6 reps"
//! when the sets differ.

use crate::domain::equipment::BarbellSet;
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

/// What goes on the bar for `load`: "20 kg bar · per side 10 + 2.5 + 1.25", "The bar
/// alone (20 kg)". `None` when the plates cannot make it (a load from before a change).
pub fn bar_words(b: &BarbellSet, load: Grams, units: Units) -> Option<String> {
    let side = b.per_side(load)?;
    let bar = units.format(b.bar);
    if side.is_empty() {
        return Some(format!("The bar alone ({bar})"));
    }
    let plates: Vec<String> = side.iter().map(|g| units.plate_number(*g)).collect();
    Some(format!("{bar} bar · per side {}", plates.join(" + ")))
}

/// Ramp-up sets in words, each with what goes on the bar when the lift is a barbell one:
/// "5 reps at 40 kg · 20 kg bar · per side 10".
pub fn ramp_words(
    sets: &[SetTarget],
    measure: Measure,
    barbell: Option<&BarbellSet>,
    units: Units,
) -> Vec<String> {
    sets.iter()
        .map(|t| {
            let words = set_words(t.amount, t.load, measure, units);
            match barbell.and_then(|b| bar_words(b, t.load, units)) {
                Some(bar) => format!("{words} · {bar}"),
                None => words,
            }
        })
        .collect()
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
    fn a_barbell_load_reads_as_the_bar_and_the_plates_on_each_side() {
        let b = BarbellSet::standard(Units::Kg);
        assert_eq!(
            bar_words(&b, Grams(47_500), Units::Kg).as_deref(),
            Some("20 kg bar · per side 10 + 2.5 + 1.25")
        );
        assert_eq!(
            bar_words(&b, Grams(20_000), Units::Kg).as_deref(),
            Some("The bar alone (20 kg)")
        );
        assert_eq!(bar_words(&b, Grams(21_000), Units::Kg), None);
        let lb = BarbellSet::standard(Units::Lb);
        assert_eq!(
            bar_words(&lb, Grams(20_412 + 2 * (20_412 + 1_134)), Units::Lb).as_deref(),
            Some("45 lb bar · per side 45 + 2.5")
        );
    }

    #[test]
    fn ramp_up_sets_on_a_barbell_say_their_plates() {
        use crate::domain::equipment::{Equipment, EquipmentSet};
        use crate::domain::session::ramp_up_sets;
        let owned = EquipmentSet {
            barbell: Some(BarbellSet::standard(Units::Kg)),
            ..EquipmentSet::default()
        };
        let sets = ramp_up_sets(Grams(80_000), Equipment::Barbell, &owned);
        assert_eq!(
            ramp_words(&sets, Measure::Reps, owned.barbell.as_ref(), Units::Kg),
            vec![
                "8 reps at 20 kg · The bar alone (20 kg)",
                "5 reps at 40 kg · 20 kg bar · per side 10",
                "3 reps at 60 kg · 20 kg bar · per side 20",
            ]
        );
        assert_eq!(
            ramp_words(&sets[1..2], Measure::Reps, None, Units::Kg),
            vec!["5 reps at 40 kg"]
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
