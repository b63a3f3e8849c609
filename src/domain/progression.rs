//! rules §3, progression: +5 % a week by default, never above +10 % of load or volume
//! per exercise, in real equipment steps; reps then sets when the step is too big.

use super::equipment::{Equipment, EquipmentSet};
use super::library::{Exercise, Measure};
use super::prescription::{Prescription, SetTarget};
use super::units::Grams;

/// The default weekly increase, in tenths of a percent (5 %).
pub const DEFAULT_INCREASE_PERMILLE: u64 = 50;
/// Phase 3 progresses more slowly (rules §4): 2.5 %.
pub const SLOW_INCREASE_PERMILLE: u64 = 25;
/// The hard ceiling: 10 % a week.
pub const MAX_INCREASE_PERMILLE: u64 = 100;

/// What changed in a dose, for the reason shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Load {
        from: Grams,
        to: Grams,
    },
    Amount {
        from: u32,
        to: u32,
    },
    Sets {
        from: usize,
        to: usize,
    },
    Volume {
        from: u64,
        to: u64,
    },
    /// Double progression's heavier step: the next real weight, with fewer reps so the
    /// week's volume does not rise (rules §3, the one exception to the 10 % on load).
    Heavier {
        equipment: Equipment,
        from: Grams,
        to: Grams,
        reps_from: u16,
        reps_to: u16,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    Increased(Prescription, Change),
    /// Nothing more this exercise can give within the rules: time for the next rung.
    AtTop,
}

/// rules §7 (early on: fewer sets): the most sets a phase allows per exercise.
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

/// rules §3 progression rule, in order: the next real weight when it is within 10 %
/// of the load; more reps or seconds; one more set (double progression); and only once
/// reps are at the top of the range and sets at the most the phase allows, the next real
/// weight with fewer reps so the volume does not rise. Each choice aims for `permille`;
/// load and volume never rise more than 10 %, but for that heavier step.
pub fn progress_dose(
    p: &Prescription,
    ex: &Exercise,
    owned: &EquipmentSet,
    phase: u8,
    permille: u64,
) -> Progress {
    progress_load(p, owned, permille)
        .or_else(|| progress_amount(p, ex, permille))
        .or_else(|| progress_sets(p, ex, phase))
        .or_else(|| heavier_step(p, ex, owned, phase))
        .unwrap_or(Progress::AtTop)
}

/// rules §3 (design, exact): the heavier-weight step of double progression.
fn heavier_step(
    p: &Prescription,
    ex: &Exercise,
    owned: &EquipmentSet,
    phase: u8,
) -> Option<Progress> {
    let (lo, hi) = ex.range;
    let at_top = !p.sets.is_empty() && p.sets.iter().all(|s| s.amount >= hi);
    if !p.is_loaded() || !at_top || p.sets.len() < max_sets(phase) {
        return None;
    }
    let from = p.max_load();
    let to = owned.next_up(p.equipment, from)?;
    let before = p.volume();
    let k = p.sets.len() as u64;
    let total = before / u64::from(to.0);
    let (base, extra) = (total / k, total % k);
    if base < u64::from(lo) {
        return None;
    }
    let mut next = p.clone();
    next.sets = (0..k)
        .map(|i| SetTarget {
            amount: (base + u64::from(i < extra)).min(u64::from(hi)) as u16,
            load: to,
        })
        .collect();
    debug_assert!(next.volume() <= before);
    Some(Progress::Increased(
        next,
        Change::Heavier {
            equipment: p.equipment,
            from,
            to,
            reps_from: hi,
            reps_to: base as u16,
        },
    ))
}

/// The next real weight of the user's own equipment (their steps decide, in lb as in kg),
/// when it is within 10 %.
fn progress_load(p: &Prescription, owned: &EquipmentSet, permille: u64) -> Option<Progress> {
    if !p.is_loaded() {
        return None;
    }
    let from = p.max_load();
    let cap = Grams(weekly_cap(u64::from(from.0)) as u32);
    let target = Grams(weekly_target(u64::from(from.0), permille) as u32);
    let fits = owned.loads_within(p.equipment, Grams(from.0 + 1), cap);
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

/// One more set, the week's reps spread over it, within the cap and the rep range.
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
            amount: (base + u32::from(i < extra)).min(u32::from(ex.range.1)) as u16,
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
    LessVolume(Prescription, Change),
    Easier(&'static Exercise),
    /// The gentlest rung at a dose too small to cut by 10–20 %: it stays as it is.
    AsSmallAsItGoes,
}

/// Whether `after` is 10–20 % below `before`.
pub fn is_step_back(before: u64, after: u64) -> bool {
    after * 10 <= before * 9 && after * 10 >= before * 8
}

/// rules §2 (design): a 24-hour spike steps back for a week — a real load 10–20 %
/// lighter (nearest to 15 %); when no load step lands there, 10–20 % fewer reps or
/// seconds; when even that cannot land there (a tiny dose), one easier variation; on the
/// easiest rung, the dose stays as it is.
pub fn step_back_dose(
    p: &Prescription,
    ex: &Exercise,
    owned: &EquipmentSet,
    phase: u8,
) -> StepBack {
    if p.is_loaded() {
        let from = p.max_load();
        let to = owned
            .loads_within(p.equipment, Grams(from.0 * 8 / 10), from)
            .into_iter()
            .filter(|g| is_step_back(u64::from(from.0), u64::from(g.0)))
            .min_by_key(|g| (i64::from(g.0) * 100 - i64::from(from.0) * 85).abs());
        if let Some(to) = to {
            let mut next = p.clone();
            next.sets.iter_mut().for_each(|s| s.load = s.load.min(to));
            return StepBack::Lighter(next, Change::Load { from, to });
        }
    }
    if let Some(next) = less_volume(p) {
        let change = Change::Volume {
            from: p.volume(),
            to: next.volume(),
        };
        return StepBack::LessVolume(next, change);
    }
    match super::pain::lower_rung(ex, owned, phase) {
        Some(e) => StepBack::Easier(e),
        None => StepBack::AsSmallAsItGoes,
    }
}

/// Takes reps (or seconds) off the biggest sets, or a whole set, until the volume is
/// 10–20 % lower; `None` when no whole number lands there.
pub fn less_volume(p: &Prescription) -> Option<Prescription> {
    let before = p.volume();
    let mut next = p.clone();
    while next.volume() * 10 > before * 9 {
        let i = next
            .sets
            .iter()
            .enumerate()
            .max_by_key(|(i, s)| (s.amount, std::cmp::Reverse(*i)))
            .map(|(i, _)| i)?;
        if next.sets[i].amount <= 1 {
            if next.sets.len() <= 1 {
                return None;
            }
            next.sets.remove(i);
        } else {
            next.sets[i].amount -= 1;
        }
    }
    is_step_back(before, next.volume()).then_some(next)
}

/// Scales every set's amount to `percent`, rounded to the nearest whole rep or second
/// (at least 1), e.g. the 10 % deload after a break or the 20 % after a flare. Flooring
/// would turn 6 reps into 4, a third less instead of a fifth.
pub fn scale_volume(p: &Prescription, percent: u32) -> (Prescription, Change) {
    let mut next = p.clone();
    for s in &mut next.sets {
        s.amount = ((u32::from(s.amount) * percent + 50) / 100).max(1) as u16;
    }
    let change = Change::Volume {
        from: p.volume(),
        to: next.volume(),
    };
    (next, change)
}

/// An exercise's dose over one week: volume (sets × reps × load), reps or seconds, and
/// the heaviest load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeeklyDose {
    pub volume: u64,
    pub amount: u64,
    pub load: Grams,
}

impl WeeklyDose {
    pub fn of(p: &Prescription, times_a_week: u32) -> WeeklyDose {
        let t = u64::from(times_a_week);
        WeeklyDose {
            volume: p.volume() * t,
            amount: u64::from(p.total_amount()) * t,
            load: p.max_load(),
        }
    }

    /// Adds another session's dose to the week.
    pub fn add(&mut self, other: WeeklyDose) {
        self.volume += other.volume;
        self.amount += other.amount;
        self.load = self.load.max(other.load);
    }

    /// rules §3: whether `self` is within +10 % of `before` on load and volume (and
    /// reps or seconds); with `heavier`, the heavier step's volume may not rise at all.
    pub fn within_cap_of(&self, before: &WeeklyDose) -> bool {
        self.volume <= weekly_cap(before.volume)
            && self.amount <= weekly_cap(before.amount)
            && u64::from(self.load.0) <= weekly_cap(u64::from(before.load.0))
    }

    /// The heavier step's test: volume not above last week's.
    pub fn within_heavier_step_of(&self, before: &WeeklyDose) -> bool {
        self.volume <= before.volume
    }
}

/// The most a dose may add up to over the sessions still to come this week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub volume: u64,
    pub amount: Option<u64>,
    pub load: Option<Grams>,
}

/// rules §3 weekly rule as a limit: +10 % on last week's volume, reps or seconds and
/// load, less what this week has already served; for the heavier step, last week's
/// volume with no rise and no cap on the (new) load.
///
/// Loaded work after a week without load (bodyweight or bands) is held to it rep for rep
/// (`loaded_after_unloaded`): its reps or seconds rise at most 10 %, and its load is the
/// exercise's own light start, which counts as the step up, as a harder rung does.
pub fn weekly_limit(last: WeeklyDose, already: WeeklyDose, heavier: bool) -> Limit {
    if last.load.is_zero() {
        return loaded_after_unloaded(last, already);
    }
    if heavier {
        return Limit {
            volume: last.volume.saturating_sub(already.volume),
            amount: None,
            load: None,
        };
    }
    Limit {
        volume: weekly_cap(last.volume).saturating_sub(already.volume),
        amount: Some(weekly_cap(last.amount).saturating_sub(already.amount)),
        load: Some(Grams(weekly_cap(u64::from(last.load.0)) as u32)),
    }
}

/// rules §3, how loaded work compares with bodyweight work: rep for rep. After a week
/// with no load, a week's reps (or seconds) rise at most 10 %, whatever the load.
pub fn loaded_after_unloaded(last: WeeklyDose, already: WeeklyDose) -> Limit {
    Limit {
        volume: u64::MAX,
        amount: Some(weekly_cap(last.amount).saturating_sub(already.amount)),
        load: None,
    }
}

/// The limit of a week on an exercise: +10 % over last week (`last`, when it was seen),
/// and no more than `ceiling` (the first week back after a flare), less what this week has
/// already served. `None` when neither applies.
pub fn this_week_limit(
    last: Option<WeeklyDose>,
    ceiling: Option<WeeklyDose>,
    already: WeeklyDose,
    heavier: bool,
) -> Option<Limit> {
    let from_ceiling = ceiling.map(|c| Limit {
        volume: c.volume.saturating_sub(already.volume),
        amount: Some(c.amount.saturating_sub(already.amount)),
        load: Some(c.load),
    });
    let from_last = last.map(|l| weekly_limit(l, already, heavier && ceiling.is_none()));
    let min = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match (from_last, from_ceiling) {
        (Some(a), Some(b)) => Some(Limit {
            volume: a.volume.min(b.volume),
            amount: min(a.amount, b.amount),
            load: min(
                a.load.map(|g| u64::from(g.0)),
                b.load.map(|g| u64::from(g.0)),
            )
            .map(|g| Grams(g as u32)),
        }),
        (a, b) => a.or(b),
    }
}

/// Why a dose could not be made to fit a limit: the equipment has no load light enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoFit;

/// rules §3 weekly cap, choosing how often: the dose fitted into as many of the
/// `candidates` sessions as keep each set at `min_amount` or more (fewer sessions rather
/// than sets too small to count), at least one. `None` when not even one session fits.
/// Returns the trimmed dose (`None`: as it is) and how many sessions.
pub fn fit_sessions(
    p: &Prescription,
    candidates: u32,
    limit: Limit,
    owned: &EquipmentSet,
    min_amount: u16,
) -> Option<(Option<Prescription>, u32)> {
    for k in (1..=candidates.max(1)).rev() {
        match fit_to_limit(p, k, limit, owned, min_amount) {
            Ok(None) => return Some((None, k)),
            Ok(Some(q)) if k == 1 || q.sets.iter().all(|s| s.amount >= min_amount) => {
                return Some((Some(q), k))
            }
            _ => {}
        }
    }
    None
}

/// rules §3 weekly cap: whatever else changed (a new phase's template, more days, a
/// swap, new equipment), trims `p`, done `sessions` more times this week, so that the
/// week stays inside `limit`: a lighter real load if the load is over, then the reps or
/// seconds the limit leaves, in as many sets as keep each at least `min_amount`.
/// `Ok(None)` when it already fits.
pub fn fit_to_limit(
    p: &Prescription,
    sessions: u32,
    limit: Limit,
    owned: &EquipmentSet,
    min_amount: u16,
) -> Result<Option<Prescription>, NoFit> {
    let times = u64::from(sessions.max(1));
    let fits = |q: &Prescription| {
        q.volume() * times <= limit.volume
            && limit
                .amount
                .is_none_or(|a| u64::from(q.total_amount()) * times <= a)
            && limit.load.is_none_or(|l| q.max_load() <= l)
    };
    if fits(p) {
        return Ok(None);
    }
    let mut next = p.clone();
    if let Some(max) = limit.load.filter(|l| p.max_load() > *l) {
        // Loaded equipment has no load of zero: under its lightest, nothing fits.
        let to = if p.equipment.is_loadable() {
            owned.round_down(p.equipment, max)
        } else {
            Grams::ZERO
        };
        if to > max {
            return Err(NoFit);
        }
        next.sets.iter_mut().for_each(|s| s.load = s.load.min(to));
        if fits(&next) {
            return Ok(Some(next));
        }
    }
    let load = next.max_load();
    let unit = if load.is_zero() { 1 } else { u64::from(load.0) };
    let mut total = limit.volume / times / unit;
    if let Some(a) = limit.amount {
        total = total.min(a / times);
    }
    let top = u64::from(next.sets.iter().map(|s| s.amount).max().unwrap_or(1));
    if total == 0 {
        return Err(NoFit);
    }
    let n = next.sets.len().max(1) as u64;
    let k = (1..=n)
        .rev()
        .find(|k| (total / k).min(top) >= u64::from(min_amount))
        .unwrap_or(1);
    let per = (total / k).min(top);
    let extra = if per == top { 0 } else { total % k };
    next.sets = (0..k)
        .map(|i| SetTarget {
            amount: (per + u64::from(i < extra)).clamp(1, top) as u16,
            load,
        })
        .collect();
    if !fits(&next) {
        return Err(NoFit);
    }
    Ok(Some(next))
}

#[cfg(test)]
mod tests;
