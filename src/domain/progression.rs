//! DOMAIN.md §3, progression: +5 % a week by default, never above +10 % of load or volume
//! per exercise, in real equipment steps; reps then sets when the step is too big.

use super::equipment::EquipmentSet;
use super::library::{easier_variation, Exercise, Measure};
use super::prescription::{Prescription, SetTarget};
use super::units::Grams;
use serde::{Deserialize, Serialize};

/// The default weekly increase, in tenths of a percent (5 %).
pub const DEFAULT_INCREASE_PERMILLE: u64 = 50;
/// Phase 3 progresses more slowly (DOMAIN.md §4): 2.5 %.
pub const SLOW_INCREASE_PERMILLE: u64 = 25;
/// The hard ceiling: 10 % a week.
pub const MAX_INCREASE_PERMILLE: u64 = 100;

/// What changed in a dose, for the reason shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Load { from: Grams, to: Grams },
    Amount { from: u32, to: u32 },
    Sets { from: usize, to: usize },
    Volume { from: u64, to: u64 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    Increased(Prescription, Change),
    /// Nothing more this exercise can give within the rules: time for the next rung.
    AtTop,
}

pub fn max_sets(phase: u8) -> usize {
    if phase <= 1 {
        3
    } else {
        4
    }
}

/// Largest value allowed after a rise of at most 10 %.
pub fn weekly_cap(before: u64) -> u64 {
    before * (1000 + MAX_INCREASE_PERMILLE) / 1000
}

fn weekly_target(before: u64, permille: u64) -> u64 {
    (before * (1000 + permille)).div_ceil(1000)
}

/// DOMAIN.md §3 progression rule. Tries, in order: a heavier load when the equipment's
/// real step is within 10 %; more reps or seconds (double progression); one more set with
/// the same total rise. Each choice aims for `permille` and never passes +10 % volume.
pub fn progress_dose(
    p: &Prescription,
    ex: &Exercise,
    owned: &EquipmentSet,
    phase: u8,
    permille: u64,
) -> Progress {
    progress_load(p, ex, owned, permille)
        .or_else(|| progress_amount(p, ex, permille))
        .or_else(|| progress_sets(p, ex, phase))
        .unwrap_or(Progress::AtTop)
}

fn progress_load(
    p: &Prescription,
    ex: &Exercise,
    owned: &EquipmentSet,
    permille: u64,
) -> Option<Progress> {
    if !p.is_loaded() {
        return None;
    }
    let from = p.max_load();
    let cap = Grams(weekly_cap(u64::from(from.0)) as u32);
    let target = Grams(weekly_target(u64::from(from.0), permille) as u32);
    let fits: Vec<Grams> = owned
        .loads(p.equipment)
        .into_iter()
        .filter(|g| *g > from && g.0 - from.0 >= ex.min_step.0 && *g <= cap)
        .collect();
    let to = fits
        .iter()
        .copied()
        .find(|g| *g >= target)
        .or(fits.last().copied())?;
    let mut next = p.clone();
    next.sets.iter_mut().for_each(|s| s.load = to);
    Some(Progress::Increased(next, Change::Load { from, to }))
}

fn amount_step(ex: &Exercise) -> u16 {
    match ex.measure {
        Measure::Reps | Measure::Minutes => 1,
        Measure::Seconds => 2,
    }
}

fn progress_amount(p: &Prescription, ex: &Exercise, permille: u64) -> Option<Progress> {
    let before = p.volume();
    let cap = weekly_cap(before);
    let target = weekly_target(before, permille);
    let top = ex.range.1;
    let mut next = p.clone();
    let mut changed = false;
    while next.volume() < target {
        let Some(i) = lowest_below(&next.sets, top) else {
            break;
        };
        let old = next.sets[i].amount;
        next.sets[i].amount = (old + amount_step(ex)).min(top);
        if next.volume() > cap {
            next.sets[i].amount = old;
            break;
        }
        changed = true;
    }
    changed.then(|| {
        let change = Change::Amount {
            from: p.total_amount(),
            to: next.total_amount(),
        };
        Progress::Increased(next, change)
    })
}

fn lowest_below(sets: &[SetTarget], top: u16) -> Option<usize> {
    sets.iter()
        .enumerate()
        .filter(|(_, s)| s.amount < top)
        .min_by_key(|(i, s)| (s.amount, *i))
        .map(|(i, _)| i)
}

fn progress_sets(p: &Prescription, ex: &Exercise, phase: u8) -> Option<Progress> {
    let n = p.sets.len();
    if n == 0 || n >= max_sets(phase) {
        return None;
    }
    let load = p.max_load();
    let per_unit = if load.is_zero() { 1 } else { u64::from(load.0) };
    let total = (weekly_cap(p.volume()) / per_unit) as u32;
    let k = n as u32 + 1;
    let base = total / k;
    if base < u32::from(ex.range.0) || total <= p.total_amount() {
        return None;
    }
    let extra = total % k;
    let mut next = p.clone();
    next.sets = (0..k)
        .map(|i| SetTarget {
            amount: (base + u32::from(i < extra)) as u16,
            load,
        })
        .collect();
    Some(Progress::Increased(
        next,
        Change::Sets {
            from: n,
            to: k as usize,
        },
    ))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepBack {
    Lighter(Prescription, Change),
    Easier(&'static Exercise),
    LessVolume(Prescription, Change),
}

/// DOMAIN.md §2 (design): a spike steps back — 15 % less load where the equipment allows,
/// else one easier variation, else 15 % less volume.
pub fn step_back_dose(p: &Prescription, ex: &Exercise, owned: &EquipmentSet) -> StepBack {
    if p.is_loaded() {
        let from = p.max_load();
        let to = owned.round_down(p.equipment, Grams(from.0 / 100 * 85));
        if to < from {
            let mut next = p.clone();
            next.sets.iter_mut().for_each(|s| s.load = s.load.min(to));
            return StepBack::Lighter(next, Change::Load { from, to });
        }
    }
    if let Some(easier) = easier_variation(ex, owned) {
        return StepBack::Easier(easier);
    }
    let (next, change) = scale_volume(p, 85);
    StepBack::LessVolume(next, change)
}

/// Scales every set's amount to `percent` (at least 1), e.g. the 10 % deload after a
/// break or the 20 % cut after a flare.
pub fn scale_volume(p: &Prescription, percent: u32) -> (Prescription, Change) {
    let mut next = p.clone();
    for s in &mut next.sets {
        s.amount = ((u32::from(s.amount) * percent / 100).max(1)) as u16;
    }
    let change = Change::Volume {
        from: p.volume(),
        to: next.volume(),
    };
    (next, change)
}

/// The exercise's dose in one week: how often it is done and the heaviest set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeeklyDose {
    pub volume: u64,
    pub max_load: Grams,
}

impl WeeklyDose {
    pub fn of(p: &Prescription, times_a_week: u32) -> WeeklyDose {
        WeeklyDose {
            volume: p.volume() * u64::from(times_a_week),
            max_load: p.max_load(),
        }
    }
}

/// DOMAIN.md §3 weekly cap: whatever else changed (a new phase's template, a return from a
/// break), an exercise's weekly volume and top load never rise more than 10 % over the
/// week before. Returns the dose trimmed to fit, or `None` when it already fits.
pub fn cap_weekly_increase(
    p: &Prescription,
    times_a_week: u32,
    last_week: WeeklyDose,
    owned: &EquipmentSet,
) -> Option<Prescription> {
    let mut next = p.clone();
    let load_cap = Grams(weekly_cap(u64::from(last_week.max_load.0)) as u32);
    if !last_week.max_load.is_zero() && next.max_load() > load_cap {
        let to = owned.round_down(next.equipment, load_cap).min(load_cap);
        next.sets.iter_mut().for_each(|s| s.load = s.load.min(to));
    }
    let cap = weekly_cap(last_week.volume);
    let weekly = |q: &Prescription| q.volume() * u64::from(times_a_week.max(1));
    if last_week.volume > 0 && weekly(&next) > cap {
        let now = weekly(&next);
        for s in &mut next.sets {
            s.amount = ((u64::from(s.amount) * cap / now).max(1)) as u16;
        }
        while weekly(&next) > cap && next.sets.len() > 1 {
            next.sets.pop();
        }
        while weekly(&next) > cap {
            let s = &mut next.sets[0];
            if s.amount <= 1 {
                break;
            }
            s.amount -= 1;
        }
    }
    (next != *p).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::equipment::{BarbellSet, Equipment, SteppedRange};
    use crate::domain::library::exercise;

    fn rx(id: &str, eq: Equipment, sets: usize, amount: u16, kg: f64) -> Prescription {
        Prescription {
            exercise: id.into(),
            equipment: eq,
            sets: vec![
                SetTarget {
                    amount,
                    load: Grams::kg(kg)
                };
                sets
            ],
            tempo: String::new(),
            rest_seconds: 90,
        }
    }

    fn barbell() -> EquipmentSet {
        EquipmentSet {
            barbell: Some(BarbellSet {
                bar: Grams::kg(20.0),
                smallest_plate: Grams::kg(1.25),
                max: Grams::kg(200.0),
            }),
            ..Default::default()
        }
    }

    #[test]
    fn progression_default_is_5_percent_in_real_plate_steps() {
        let p = rx("barbell-rdl", Equipment::Barbell, 3, 8, 50.0);
        let ex = exercise("barbell-rdl").unwrap();
        let Progress::Increased(next, change) =
            progress_dose(&p, ex, &barbell(), 2, DEFAULT_INCREASE_PERMILLE)
        else {
            panic!()
        };
        assert_eq!(
            change,
            Change::Load {
                from: Grams::kg(50.0),
                to: Grams::kg(52.5)
            }
        );
        assert_eq!(next.sets.len(), 3);
    }

    #[test]
    fn progression_never_passes_10_percent_a_week() {
        // 20 kg bar, 2.5 kg step is 12.5 %: load cannot rise, reps do.
        let p = rx("barbell-rdl", Equipment::Barbell, 3, 8, 20.0);
        let ex = exercise("barbell-rdl").unwrap();
        let Progress::Increased(next, change) =
            progress_dose(&p, ex, &barbell(), 2, DEFAULT_INCREASE_PERMILLE)
        else {
            panic!()
        };
        assert_eq!(next.max_load(), Grams::kg(20.0));
        assert!(matches!(change, Change::Amount { from: 24, to: 26 }));
        assert!(next.volume() * 10 <= p.volume() * 11);
    }

    #[test]
    fn progression_double_progression_reps_then_sets_when_the_step_is_too_big() {
        let bells = EquipmentSet {
            kettlebells: vec![Grams::kg(8.0), Grams::kg(12.0)],
            ..Default::default()
        };
        let ex = exercise("kb-deadlift").unwrap();
        let mut p = rx("kb-deadlift", Equipment::Kettlebell, 2, 8, 8.0);
        let mut saw_sets = false;
        for _ in 0..30 {
            match progress_dose(&p, ex, &bells, 2, DEFAULT_INCREASE_PERMILLE) {
                Progress::Increased(next, change) => {
                    assert_eq!(next.max_load(), Grams::kg(8.0), "12 kg is +50 %");
                    assert!(next.volume() * 10 <= p.volume() * 11);
                    if matches!(change, Change::Sets { .. }) {
                        assert!(p.sets.iter().all(|s| s.amount == ex.range.1), "reps first");
                        saw_sets = true;
                    }
                    p = next;
                }
                Progress::AtTop => break,
            }
        }
        assert!(saw_sets);
        assert_eq!(p.sets.len(), max_sets(2));
        assert_eq!(
            progress_dose(&p, ex, &bells, 2, DEFAULT_INCREASE_PERMILLE),
            Progress::AtTop
        );
    }

    #[test]
    fn progression_respects_the_exercises_smallest_step() {
        let fine = EquipmentSet {
            dumbbells: Some(SteppedRange {
                min: Grams::kg(0.5),
                max: Grams::kg(40.0),
                step: Grams::kg(0.5),
            }),
            ..Default::default()
        };
        let ex = exercise("goblet-squat").unwrap(); // min step 2 kg
        let p = rx("goblet-squat", Equipment::Dumbbells, 3, 8, 24.0);
        let Progress::Increased(next, _) =
            progress_dose(&p, ex, &fine, 2, DEFAULT_INCREASE_PERMILLE)
        else {
            panic!()
        };
        assert_eq!(next.max_load(), Grams::kg(26.0));
    }

    #[test]
    fn progression_of_timed_holds_adds_seconds_within_the_cap() {
        let ex = exercise("side-plank").unwrap();
        let p = rx("side-plank", Equipment::Bodyweight, 2, 20, 0.0);
        let Progress::Increased(next, _) = progress_dose(
            &p,
            ex,
            &EquipmentSet::default(),
            1,
            DEFAULT_INCREASE_PERMILLE,
        ) else {
            panic!()
        };
        assert_eq!(next.total_amount(), 42);
    }

    #[test]
    fn step_back_reduces_load_10_to_20_percent_or_regresses() {
        let bells = EquipmentSet {
            kettlebells: vec![Grams::kg(8.0), Grams::kg(12.0)],
            ..Default::default()
        };
        let ex = exercise("kb-deadlift").unwrap();
        let p = rx("kb-deadlift", Equipment::Kettlebell, 3, 10, 12.0);
        // 15 % of 12 kg is 10.2 kg: the next real step down is the 8 kg bell.
        assert!(
            matches!(step_back_dose(&p, ex, &bells), StepBack::Lighter(_, Change::Load { to, .. }) if to == Grams::kg(8.0))
        );
        let light = rx("kb-deadlift", Equipment::Kettlebell, 3, 10, 8.0);
        assert!(
            matches!(step_back_dose(&light, ex, &bells), StepBack::Easier(e) if e.id == "dowel-hinge")
        );
        let first = exercise("wall-hip-hinge").unwrap();
        let bw = rx("wall-hip-hinge", Equipment::Bodyweight, 2, 10, 0.0);
        let StepBack::LessVolume(less, _) = step_back_dose(&bw, first, &bells) else {
            panic!()
        };
        assert_eq!(less.total_amount(), 16);
    }

    #[test]
    fn weekly_cap_trims_a_dose_that_would_rise_more_than_10_percent() {
        let owned = EquipmentSet::default();
        let p = rx("dead-bug", Equipment::Bodyweight, 3, 10, 0.0);
        // Last week: twice a week at 2 x 10 = 40; now three times at 3 x 10 = 90.
        let last = WeeklyDose {
            volume: 40,
            max_load: Grams::ZERO,
        };
        let trimmed = cap_weekly_increase(&p, 3, last, &owned).expect("must trim");
        assert!(trimmed.volume() * 3 <= 44);
        assert!(cap_weekly_increase(&trimmed, 3, last, &owned).is_none());
    }
}
