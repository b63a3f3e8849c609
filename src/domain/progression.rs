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

/// The largest single weight step taken with fewer reps (design).
pub const MAX_HEAVIER_STEP_PERCENT: u32 = 25;

/// DOMAIN.md §3 progression rule. Tries, in order: the next weight when the equipment's
/// real step is within 10 %; a bigger step (at most 25 %) with fewer reps in the same sets
/// when the week's volume still rises no more than 10 % and every set stays in range; more reps
/// or seconds, then one more set (double progression). Each choice aims for `permille`;
/// the weekly volume and the weekly reps or seconds never rise more than 10 %.
pub fn progress_dose(
    p: &Prescription,
    ex: &Exercise,
    owned: &EquipmentSet,
    phase: u8,
    permille: u64,
) -> Progress {
    progress_load(p, ex, owned, permille)
        .or_else(|| progress_heavier_fewer_reps(p, ex, owned))
        .or_else(|| progress_amount(p, ex, permille))
        .or_else(|| progress_sets(p, ex, phase))
        .unwrap_or(Progress::AtTop)
}

fn progress_heavier_fewer_reps(
    p: &Prescription,
    ex: &Exercise,
    owned: &EquipmentSet,
) -> Option<Progress> {
    if !p.is_loaded() {
        return None;
    }
    let from = p.max_load();
    let limit = u64::from(from.0) * u64::from(100 + MAX_HEAVIER_STEP_PERCENT) / 100;
    let to = owned
        .loads(p.equipment)
        .into_iter()
        .find(|g| *g > from && g.0 - from.0 >= ex.min_step.0)
        .filter(|g| u64::from(g.0) <= limit)?;
    let before = p.volume();
    let total = (weekly_cap(before) / u64::from(to.0)) as u32;
    let (lo, hi) = (u32::from(ex.range.0), u32::from(ex.range.1));
    let k = p.sets.len() as u32;
    let (base, extra) = (total / k.max(1), total % k.max(1));
    if k == 0 || base < lo {
        return None;
    }
    let mut next = p.clone();
    next.sets = (0..k)
        .map(|i| SetTarget {
            amount: (base + u32::from(i < extra)).min(hi) as u16,
            load: to,
        })
        .collect();
    (next.volume() > before).then_some(Progress::Increased(next, Change::Load { from, to }))
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

/// An exercise's dose over one week: volume (sets × reps × load) and reps or seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeeklyDose {
    pub volume: u64,
    pub amount: u64,
}

impl WeeklyDose {
    pub fn of(p: &Prescription, times_a_week: u32) -> WeeklyDose {
        let t = u64::from(times_a_week);
        WeeklyDose {
            volume: p.volume() * t,
            amount: u64::from(p.total_amount()) * t,
        }
    }

    /// Whether `self` is within +10 % of `before` on both measures.
    pub fn within_cap_of(&self, before: &WeeklyDose) -> bool {
        self.volume <= weekly_cap(before.volume) && self.amount <= weekly_cap(before.amount)
    }
}

/// DOMAIN.md §3 weekly cap: whatever else changed (a new phase's template, a return from a
/// break), an exercise's weekly volume and weekly reps or seconds never rise more than 10 %
/// over the week before. Returns the dose trimmed to fit, or `None` when it already fits.
pub fn cap_weekly_increase(
    p: &Prescription,
    times_a_week: u32,
    last_week: WeeklyDose,
) -> Option<Prescription> {
    let times = times_a_week.max(1);
    let fits = |q: &Prescription| WeeklyDose::of(q, times).within_cap_of(&last_week);
    if last_week.volume == 0 || fits(p) {
        return None;
    }
    let mut next = p.clone();
    // Scale every set down in proportion first, then trim what rounding left over.
    let now = WeeklyDose::of(&next, times);
    let (num, den) =
        if now.volume * weekly_cap(last_week.amount) < now.amount * weekly_cap(last_week.volume) {
            (weekly_cap(last_week.amount), now.amount)
        } else {
            (weekly_cap(last_week.volume), now.volume)
        };
    for s in &mut next.sets {
        s.amount = ((u64::from(s.amount) * num / den.max(1)).max(1)) as u16;
    }
    while !fits(&next) && next.sets.len() > 1 {
        next.sets.pop();
    }
    while !fits(&next) && next.sets[0].amount > 1 {
        next.sets[0].amount -= 1;
    }
    Some(next)
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
        // 20 kg bar, a 2.5 kg step is +12.5 %: taken only with fewer reps, so the week's
        // volume still rises less than 10 %.
        let p = rx("barbell-rdl", Equipment::Barbell, 3, 8, 20.0);
        let ex = exercise("barbell-rdl").unwrap();
        let Progress::Increased(next, change) =
            progress_dose(&p, ex, &barbell(), 2, DEFAULT_INCREASE_PERMILLE)
        else {
            panic!()
        };
        assert_eq!(
            change,
            Change::Load {
                from: Grams::kg(20.0),
                to: Grams::kg(22.5)
            }
        );
        assert_eq!(next.total_amount(), 23);
        assert!(next.volume() > p.volume() && next.volume() * 10 <= p.volume() * 11);
        assert!(next.sets.iter().all(|s| s.amount >= ex.range.0));
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
        let p = rx("dead-bug", Equipment::Bodyweight, 3, 10, 0.0);
        // Last week: twice a week at 2 x 10 = 40; now three times at 3 x 10 = 90.
        let last = WeeklyDose {
            volume: 40,
            amount: 40,
        };
        let trimmed = cap_weekly_increase(&p, 3, last).expect("must trim");
        assert!(WeeklyDose::of(&trimmed, 3).within_cap_of(&last));
        assert!(trimmed.volume() * 3 >= 36, "trimmed no more than needed");
        assert!(cap_weekly_increase(&trimmed, 3, last).is_none());
    }

    #[test]
    fn progression_waits_for_enough_reps_before_a_big_weight_step() {
        let dumbbells = EquipmentSet {
            dumbbells: Some(SteppedRange {
                min: Grams::kg(2.0),
                max: Grams::kg(30.0),
                step: Grams::kg(2.0),
            }),
            ..Default::default()
        };
        let ex = exercise("goblet-squat").unwrap(); // 8–12 reps
                                                    // 3 x 8 at 8 kg: 10 kg would leave 7-rep sets, below the range: add reps first.
        let start = rx("goblet-squat", Equipment::Dumbbells, 3, 8, 8.0);
        let Progress::Increased(_, change) =
            progress_dose(&start, ex, &dumbbells, 2, DEFAULT_INCREASE_PERMILLE)
        else {
            panic!()
        };
        assert!(matches!(change, Change::Amount { .. }));
        // 3 x 10 at 8 kg: 10 kg fits as 9, 9, 8.
        let more = rx("goblet-squat", Equipment::Dumbbells, 3, 10, 8.0);
        let Progress::Increased(next, change) =
            progress_dose(&more, ex, &dumbbells, 2, DEFAULT_INCREASE_PERMILLE)
        else {
            panic!()
        };
        assert_eq!(
            change,
            Change::Load {
                from: Grams::kg(8.0),
                to: Grams::kg(10.0)
            }
        );
        assert_eq!(
            next.sets.iter().map(|s| s.amount).collect::<Vec<_>>(),
            vec![9, 9, 8]
        );
        // 8 -> 12 kg kettlebells is +50 %: never, whatever the reps.
        let bells = EquipmentSet {
            kettlebells: vec![Grams::kg(8.0), Grams::kg(12.0)],
            ..Default::default()
        };
        let kb = rx("goblet-squat", Equipment::Kettlebell, 4, 12, 8.0);
        assert_eq!(
            progress_dose(&kb, ex, &bells, 2, DEFAULT_INCREASE_PERMILLE),
            Progress::AtTop
        );
    }
}
