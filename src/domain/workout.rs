//! One model of a session in progress (rules §2 and §7): the exercises as served —
//! planned, chosen by hand, physiotherapy or the user's own — every set, every pain report,
//! the changes accepted for pain 3–4, stops and swaps. The planner folds every stored
//! session through it and the workout screen renders it, so no rule is decided twice.

use super::equipment::EquipmentSet;
use super::history::{Entry, Logged, SetLog};
use super::library::Exercise;
use super::pain::{
    easier_variation_avoiding, pain_band, pain_rule_during_exercise, Doing, Modification, Pain,
    PainAction, PainBand,
};
use super::phase::Phase;
use super::prescription::{Prescription, SetTarget};
use super::reason::Reason;
use super::served::ServedItem;
use super::units::Grams;
use chrono::NaiveDate;

/// Why a step of a block serves what it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepWhy {
    /// What the session started with.
    Served,
    /// Pain 5+ on `from` swapped this easier variation in, in place.
    SwappedForPain { from: String, pain: Pain },
    /// Swapped in by hand during the session.
    ChosenByYou { from: String },
}

/// A set done, of the step's exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DoneSet {
    pub amount: u16,
    pub load: Grams,
    pub rpe: Option<u8>,
}

/// One exercise done in a block, until a swap replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub item: ServedItem,
    pub why: StepWhy,
    pub done: Vec<DoneSet>,
    /// Changes accepted for pain 3–4: they hold for every remaining set.
    pub accepted: Vec<Modification>,
    /// Changes proposed and turned down: the next proposal is of another kind.
    pub declined: Vec<Modification>,
}

impl Step {
    fn new(item: ServedItem, why: StepWhy) -> Step {
        Step {
            done: Vec::with_capacity(item.targets.len()),
            item,
            why,
            accepted: Vec::new(),
            declined: Vec::new(),
        }
    }

    fn tried(&self) -> Vec<Modification> {
        self.accepted
            .iter()
            .chain(&self.declined)
            .cloned()
            .collect()
    }

    /// Sets logged with something in them (a stop stored by an old version has none).
    pub fn sets_done(&self) -> usize {
        self.done.iter().filter(|s| s.amount > 0).count()
    }

    /// The sets still to do, as the user sees them: a load or a count the user picked
    /// carries on to the next sets, and every accepted change applies (never raising).
    pub fn remaining(&self) -> Vec<SetTarget> {
        let done = self.sets_done();
        let last = self.done.iter().rev().find(|s| s.amount > 0);
        let picked_load = last
            .map(|s| s.load)
            .filter(|_| self.item.equipment.is_loadable());
        // A count differing from what that set asked for is a choice; an equal one keeps
        // a planned pyramid ("10, 8, 6") as it is.
        let picked_amount = last
            .zip(self.item.targets.get(done.wrapping_sub(1)))
            .filter(|(s, t)| s.amount != t.amount)
            .map(|(s, _)| s.amount);
        self.item
            .targets
            .iter()
            .skip(done)
            .map(|t| {
                let t = SetTarget {
                    load: picked_load.unwrap_or(t.load),
                    amount: picked_amount.unwrap_or(t.amount),
                };
                self.accepted.iter().fold(t, |t, m| m.apply(t))
            })
            .collect()
    }

    /// The shorter range accepted, written on every remaining set.
    pub fn range_cue(&self) -> Option<&str> {
        self.accepted.iter().rev().find_map(|m| match m {
            Modification::ShorterRange { how } => Some(how.as_str()),
            _ => None,
        })
    }

    /// The tempo to follow: the slower one accepted, else the planned one.
    pub fn tempo(&self) -> &str {
        self.accepted
            .iter()
            .rev()
            .find_map(|m| match m {
                Modification::SlowerTempo { tempo } => Some(tempo.as_str()),
                _ => None,
            })
            .unwrap_or(&self.item.tempo)
    }
}

/// A pain report, tied to the exercise and the moment (not to a set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PainReport {
    /// The step of the block whose exercise it is about.
    pub step: usize,
    pub pain: Pain,
    /// Sets of that exercise done when it was reported.
    pub after_sets: usize,
    pub at_ms: i64,
}

/// How a block ended before its sets were all done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Pain 5+ with its sets done, or no room this week for the easier one: nothing more
    /// today; next time it is a rung lower.
    Stopped(Pain),
    /// Pain 5+ with no easier movement below it, or on an own or physio exercise: paused
    /// until the user brings it back.
    Paused(Pain),
}

/// One place of the session: a ladder of the plan, or a physio or own exercise. Swaps
/// replace what it serves; the steps keep every exercise done in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub steps: Vec<Step>,
    pub pains: Vec<PainReport>,
    /// What the rule said to the last pain report.
    pub said: Option<(Pain, PainAction)>,
    /// The change proposed for pain 3–4, waiting to be accepted or turned down.
    pub proposal: Option<Modification>,
    pub ended: Option<Ended>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockState {
    Active,
    Done,
    Ended(Ended),
}

impl Block {
    pub fn current(&self) -> &Step {
        self.steps.last().expect("a block always has a step")
    }

    fn current_mut(&mut self) -> &mut Step {
        self.steps.last_mut().expect("a block always has a step")
    }

    /// The block's first exercise, as the session started.
    pub fn first(&self) -> &Step {
        &self.steps[0]
    }

    pub fn state(&self) -> BlockState {
        match self.ended {
            Some(e) => BlockState::Ended(e),
            None if self.current().remaining().is_empty() => BlockState::Done,
            None => BlockState::Active,
        }
    }

    /// The next set to do, if any.
    pub fn next_set(&self) -> Option<SetTarget> {
        match self.state() {
            BlockState::Active => self.current().remaining().first().copied(),
            _ => None,
        }
    }

    pub fn worst_pain(&self) -> Option<Pain> {
        self.pains.iter().map(|p| p.pain).max()
    }

    /// The exercise a pain report is about.
    pub fn key_of(&self, p: &PainReport) -> &str {
        &self.steps[p.step].item.key
    }

    /// The highest pain reported for `key` in this block.
    pub fn worst_pain_of(&self, key: &str) -> Option<Pain> {
        self.pains
            .iter()
            .filter(|p| self.key_of(p) == key)
            .map(|p| p.pain)
            .max()
    }

    fn holds(&self, key: &str) -> bool {
        self.steps.iter().any(|s| same_key(&s.item.key, key))
    }
}

/// Key equality with the cheap differences first: a replay asks it for every stored entry.
fn same_key(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    x.len() == y.len() && x.last() == y.last() && x == y
}

/// What the planner has to know about a decision taken inside the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Nothing,
    /// Pain 5+ stopped `from`; `to` is the easier variation swapped in (or due next time
    /// when the sets were already done).
    Stopped {
        from: &'static Exercise,
        to: &'static Exercise,
        pain: Pain,
    },
    /// Pain 5+ paused an exercise with no easier movement below it, or an own or physio
    /// one, until the user brings it back.
    Paused {
        key: String,
        pain: Pain,
    },
}

/// What the session needs from the plan to decide: the equipment, the phase, and the dose
/// an exercise swapped in for pain starts at (`from`, `to`), which the planner keeps within
/// the week's 10 % — `None` when the week has no room left for it.
pub struct Ctx<'a> {
    pub owned: &'a EquipmentSet,
    pub phase: Phase,
    pub dose: &'a dyn Fn(&Exercise, &'static Exercise) -> Option<Prescription>,
}

/// A session from its start, with everything logged in it so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveSession {
    pub day: NaiveDate,
    pub slot: u8,
    pub started_ms: i64,
    pub blocks: Vec<Block>,
    /// Entries about exercises this session did not serve (stored by an older version,
    /// or by a tab with another plan). Kept and counted, never lost.
    pub other: Vec<Logged>,
    /// The block the last entry went to: the next entry is most often for it too.
    hint: Hint,
}

/// A lookup shortcut, not state: two sessions differing only in it are equal.
#[derive(Debug, Clone, Copy, Default)]
struct Hint(usize);

impl PartialEq for Hint {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Hint {}

impl LiveSession {
    pub fn start(
        day: NaiveDate,
        slot: u8,
        started_ms: i64,
        served: impl IntoIterator<Item = ServedItem>,
    ) -> Self {
        LiveSession {
            day,
            slot,
            started_ms,
            blocks: served
                .into_iter()
                .map(|item| Block {
                    steps: vec![Step::new(item, StepWhy::Served)],
                    pains: Vec::new(),
                    said: None,
                    proposal: None,
                    ended: None,
                })
                .collect(),
            other: Vec::new(),
            hint: Hint::default(),
        }
    }

    /// The block serving `key` now, or else the one that served it earlier.
    pub fn block_of(&self, key: &str) -> Option<usize> {
        self.blocks
            .iter()
            .position(|b| same_key(&b.current().item.key, key))
            .or_else(|| self.blocks.iter().position(|b| b.holds(key)))
    }

    /// Takes one stored entry, in order, and applies the rules of rules §2 to it.
    pub fn log(&mut self, at_ms: i64, entry: &Entry, ctx: &Ctx) -> Outcome {
        let key = entry.exercise();
        let hinted = self
            .blocks
            .get(self.hint.0)
            .filter(|b| same_key(&b.current().item.key, key))
            .map(|_| self.hint.0);
        let Some(b) = hinted.or_else(|| self.block_of(key)) else {
            self.other.push(Logged {
                at_ms,
                entry: entry.clone(),
            });
            return Outcome::Nothing;
        };
        // What the other blocks serve now: a swap for pain must not double one of them.
        // Only pain 5+ can swap, so only then is it listed.
        let stop = match entry {
            Entry::Pain { pain, .. }
            | Entry::Set(SetLog {
                pain: Some(pain), ..
            }) => pain_band(*pain) == PainBand::Stop,
            _ => false,
        };
        let in_use: Vec<&'static str> = if stop {
            self.blocks
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != b)
                .filter_map(|(_, x)| x.current().item.library().map(|e| e.id))
                .collect()
        } else {
            Vec::new()
        };
        self.hint = Hint(b);
        let block = &mut self.blocks[b];
        // The step the entry is about: the block's last for its exercise (a swap only adds
        // steps after it, so it stays the same while the entry is taken in). A hint that
        // held compared the last step's key already.
        let last = block.steps.len() - 1;
        let step = if hinted.is_some() || same_key(&block.steps[last].item.key, key) {
            last
        } else {
            block
                .steps
                .iter()
                .rposition(|s| same_key(&s.item.key, key))
                .unwrap_or(last)
        };
        match entry {
            Entry::Set(set) => {
                // A set stored with its pain by an older version: the pain came first.
                let outcome = match set.pain {
                    Some(p) => report(block, step, p, at_ms, ctx, &in_use),
                    None => Outcome::Nothing,
                };
                block.steps[step].done.push(DoneSet {
                    amount: set.amount,
                    load: set.load,
                    rpe: set.rpe,
                });
                outcome
            }
            Entry::Pain { pain, .. } => report(block, step, *pain, at_ms, ctx, &in_use),
            Entry::Accept { exercise, change } => {
                if block.ended.is_none() && block.current().item.key == *exercise {
                    block.current_mut().accepted.push(change.clone());
                    block.proposal = None;
                }
                Outcome::Nothing
            }
            Entry::Decline { exercise } => {
                if block.current().item.key == *exercise {
                    if let Some(m) = block.proposal.take() {
                        block.current_mut().declined.push(m);
                    }
                }
                Outcome::Nothing
            }
        }
    }

    /// A swap made by hand while the session is open: the block serving `from` goes on
    /// with `to` for its remaining work. False when no open block serves `from`.
    pub fn swap(&mut self, from: &str, to: ServedItem) -> bool {
        let Some(block) = self
            .blocks
            .iter_mut()
            .find(|b| b.ended.is_none() && b.current().item.key == from)
        else {
            return false;
        };
        block.steps.push(Step::new(
            to,
            StepWhy::ChosenByYou {
                from: from.to_string(),
            },
        ));
        block.proposal = None;
        block.said = None;
        true
    }

    /// Every pain report, the session's own and those about exercises it did not serve.
    pub fn pains(&self) -> impl Iterator<Item = (&str, Pain)> + '_ {
        let mine = self
            .blocks
            .iter()
            .flat_map(|b| b.pains.iter().map(move |p| (b.key_of(p), p.pain)));
        let other = self.other.iter().filter_map(|l| match &l.entry {
            Entry::Pain { exercise, pain } => Some((exercise.as_str(), *pain)),
            Entry::Set(s) => s.pain.map(|p| (s.exercise.as_str(), p)),
            _ => None,
        });
        mine.chain(other)
    }

    pub fn worst_pain(&self) -> Option<Pain> {
        self.pains().map(|(_, p)| p).max()
    }

    /// Sets logged, in every block and outside them.
    pub fn sets_logged(&self) -> usize {
        let other = self
            .other
            .iter()
            .filter(|l| matches!(&l.entry, Entry::Set(s) if s.amount > 0))
            .count();
        self.blocks
            .iter()
            .flat_map(|b| &b.steps)
            .map(Step::sets_done)
            .sum::<usize>()
            + other
    }

    /// Sets still to do in blocks that are neither done nor stopped.
    pub fn sets_left(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| b.state() == BlockState::Active)
            .map(|b| b.current().remaining().len())
            .sum()
    }
}

/// A pain report for `key` in `block`: kept whatever happens, then answered by the rule
/// when it is about the exercise the block serves now.
fn report(
    block: &mut Block,
    step: usize,
    pain: Pain,
    at_ms: i64,
    ctx: &Ctx,
    in_use: &[&str],
) -> Outcome {
    let after_sets = block.steps[step].sets_done();
    block.pains.push(PainReport {
        step,
        pain,
        after_sets,
        at_ms,
    });
    // A report about an exercise already swapped out or stopped counts, and changes nothing
    // more: the rule already acted on it.
    if step + 1 != block.steps.len() || block.ended.is_some() {
        return Outcome::Nothing;
    }
    if pain_band(pain) == PainBand::Go {
        block.said = Some((pain, PainAction::Continue));
        block.proposal = None;
        return Outcome::Nothing;
    }
    let step = block.current();
    let tried = step.tried();
    let remaining = step.remaining();
    let next = remaining
        .first()
        .copied()
        .or(step.item.targets.last().copied())
        .unwrap_or(SetTarget {
            amount: 0,
            load: Grams::ZERO,
        });
    let library = step.item.library();
    let doing = Doing {
        exercise: library,
        measure: step.item.measure,
        equipment: step.item.equipment,
        tempo: step.tempo(),
        next,
        tried: &tried,
    };
    let mut action = pain_rule_during_exercise(pain, doing, ctx.owned, ctx.phase.number());
    // The easier rung is already served by another block: one rung further down, still of
    // another movement.
    if let (PainAction::StopAndSwap(to), Some(from)) = (&action, library) {
        if in_use.contains(&to.id) {
            action = match easier_variation_avoiding(from, ctx.owned, ctx.phase.number(), in_use) {
                Some(lower) => PainAction::StopAndSwap(lower),
                None => PainAction::StopAndPause,
            };
        }
    }
    let sets_left = !remaining.is_empty();
    block.said = Some((pain, action.clone()));
    block.proposal = None;
    match action {
        PainAction::Continue | PainAction::AlreadyEased => Outcome::Nothing,
        PainAction::Modify(m) => {
            if sets_left {
                block.proposal = Some(m);
            }
            Outcome::Nothing
        }
        PainAction::StopAndSwap(to) => {
            let from = library.expect("a swap is for a library exercise");
            match (ctx.dose)(from, to).filter(|_| sets_left) {
                Some(rx) => {
                    let reason = Reason::SwappedForPain {
                        from: from.id,
                        pain: pain.value(),
                    };
                    block.steps.push(Step::new(
                        ServedItem::from_library(to, &rx, reason, false),
                        StepWhy::SwappedForPain {
                            from: from.id.to_string(),
                            pain,
                        },
                    ));
                }
                // Nothing left to do today, or no room this week: no new work now; next
                // time it is one rung lower.
                None => block.ended = Some(Ended::Stopped(pain)),
            }
            Outcome::Stopped { from, to, pain }
        }
        PainAction::StopAndPause => {
            block.ended = Some(Ended::Paused(pain));
            Outcome::Paused {
                key: block.current().item.key.to_string(),
                pain,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::{exercise, Measure};
    use crate::domain::planner::starting_dose;
    use crate::domain::profile::OwnExercise;

    fn d() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn bells() -> EquipmentSet {
        EquipmentSet {
            kettlebells: vec![Grams(8000), Grams(12000), Grams(16000)],
            ..Default::default()
        }
    }

    fn item(id: &str, sets: usize, amount: u16, g: u32) -> ServedItem {
        let e = exercise(id).unwrap();
        let rx = Prescription {
            exercise: e.id.into(),
            equipment: e.equipment_for(&bells()).unwrap(),
            sets: vec![
                SetTarget {
                    amount,
                    load: Grams(g)
                };
                sets
            ],
            tempo: e.tempo.into(),
            rest_seconds: 60,
        };
        ServedItem::from_library(e, &rx, Reason::Start, false)
    }

    fn ctx_dose(_: &Exercise, e: &'static Exercise) -> Option<Prescription> {
        Some(starting_dose(e, &bells(), Phase::Rebuild))
    }

    fn ctx() -> Ctx<'static> {
        static OWNED: std::sync::OnceLock<EquipmentSet> = std::sync::OnceLock::new();
        Ctx {
            owned: OWNED.get_or_init(bells),
            phase: Phase::Rebuild,
            dose: &ctx_dose,
        }
    }

    use crate::domain::history::SetLog;

    fn set(id: &str, amount: u16, g: u32) -> Entry {
        Entry::Set(SetLog {
            exercise: id.into(),
            amount,
            load: Grams(g),
            rpe: None,
            pain: None,
        })
    }

    fn pain(id: &str, p: u8) -> Entry {
        Entry::Pain {
            exercise: id.into(),
            pain: Pain::clamped(p),
        }
    }

    #[test]
    fn pain_after_the_last_set_is_kept_for_that_exercise() {
        let mut s = LiveSession::start(d(), 0, 0, vec![item("kb-deadlift", 2, 8, 12000)]);
        s.log(1, &set("kb-deadlift", 8, 12000), &ctx());
        s.log(2, &set("kb-deadlift", 8, 12000), &ctx());
        s.log(3, &pain("kb-deadlift", 4), &ctx());
        assert_eq!(s.worst_pain(), Some(Pain::clamped(4)));
        assert_eq!(s.blocks[0].pains[0].after_sets, 2);
        assert_eq!(s.blocks[0].state(), BlockState::Done);
        assert_eq!(s.blocks[0].proposal, None, "nothing left to change");
    }

    #[test]
    fn an_accepted_change_shows_on_every_remaining_set() {
        let mut s = LiveSession::start(d(), 0, 0, vec![item("kb-deadlift", 3, 8, 16000)]);
        s.log(1, &set("kb-deadlift", 8, 16000), &ctx());
        s.log(2, &pain("kb-deadlift", 4), &ctx());
        let m = s.blocks[0]
            .proposal
            .clone()
            .expect("pain 4 proposes a change");
        assert_eq!(
            m,
            Modification::LessLoad {
                from: Grams(16000),
                to: Grams(12000)
            }
        );
        s.log(
            3,
            &Entry::Accept {
                exercise: "kb-deadlift".into(),
                change: m,
            },
            &ctx(),
        );
        let left = s.blocks[0].current().remaining();
        assert_eq!(left.len(), 2);
        assert!(left.iter().all(|t| t.load == Grams(12000)));
        // A second 3–4: a shorter range, written on the remaining sets.
        s.log(4, &pain("kb-deadlift", 3), &ctx());
        let m = s.blocks[0].proposal.clone().unwrap();
        s.log(
            5,
            &Entry::Accept {
                exercise: "kb-deadlift".into(),
                change: m,
            },
            &ctx(),
        );
        assert!(s.blocks[0].current().range_cue().is_some());
        // A third: a slower tempo, which the tempo guide then counts.
        s.log(6, &pain("kb-deadlift", 3), &ctx());
        let m = s.blocks[0].proposal.clone().unwrap();
        let Modification::SlowerTempo { tempo } = &m else {
            panic!("{m:?}")
        };
        let tempo = tempo.clone();
        s.log(
            7,
            &Entry::Accept {
                exercise: "kb-deadlift".into(),
                change: m,
            },
            &ctx(),
        );
        assert_eq!(s.blocks[0].current().tempo(), tempo);
    }

    #[test]
    fn pain_5_plus_swaps_in_place_and_again_if_the_easier_one_hurts() {
        let mut s = LiveSession::start(d(), 0, 0, vec![item("kb-deadlift", 3, 8, 12000)]);
        s.log(1, &set("kb-deadlift", 8, 12000), &ctx());
        let out = s.log(2, &pain("kb-deadlift", 6), &ctx());
        let Outcome::Stopped { from, to, .. } = out else {
            panic!("{out:?}")
        };
        assert_eq!(from.id, "kb-deadlift");
        assert!(to.rung() < from.rung());
        assert_eq!(s.blocks[0].current().item.key, to.id);
        assert_eq!(s.blocks[0].state(), BlockState::Active);
        let out = s.log(3, &pain(to.id, 7), &ctx());
        let Outcome::Stopped { to: lower, .. } = out else {
            panic!("{out:?}")
        };
        assert!(lower.rung() < to.rung());
        assert_ne!(lower.movement, to.movement);
        assert_eq!(s.blocks[0].steps.len(), 3);
    }

    #[test]
    fn pain_5_plus_after_the_last_set_ends_the_block_without_new_work() {
        let mut s = LiveSession::start(d(), 0, 0, vec![item("kb-deadlift", 1, 8, 12000)]);
        s.log(1, &set("kb-deadlift", 8, 12000), &ctx());
        let out = s.log(2, &pain("kb-deadlift", 5), &ctx());
        assert!(matches!(out, Outcome::Stopped { .. }));
        assert_eq!(s.blocks[0].steps.len(), 1);
        assert!(matches!(s.blocks[0].state(), BlockState::Ended(_)));
    }

    #[test]
    fn pain_5_plus_pauses_an_own_exercise() {
        let own = OwnExercise {
            name: "Sit-ups".into(),
            pattern: crate::domain::library::Pattern::Core,
            careful: None,
            measure: Measure::Reps,
            sets: 2,
            amount: 10,
            load: Grams::ZERO,
        };
        let mut s = LiveSession::start(d(), 0, 0, vec![ServedItem::from_own(&own)]);
        let out = s.log(1, &pain("own:Sit-ups", 5), &ctx());
        assert!(matches!(out, Outcome::Paused { .. }));
        assert_eq!(s.blocks[0].next_set(), None);
    }

    #[test]
    fn entries_about_other_exercises_are_kept() {
        let mut s = LiveSession::start(d(), 0, 0, vec![item("kb-deadlift", 2, 8, 12000)]);
        s.log(1, &set("dead-bug", 8, 0), &ctx());
        s.log(2, &pain("dead-bug", 3), &ctx());
        assert_eq!(s.sets_logged(), 1);
        assert_eq!(s.worst_pain(), Some(Pain::clamped(3)));
    }

    #[test]
    fn a_load_picked_for_one_set_carries_to_the_next() {
        let mut s = LiveSession::start(d(), 0, 0, vec![item("kb-deadlift", 3, 8, 12000)]);
        s.log(1, &set("kb-deadlift", 8, 8000), &ctx());
        assert_eq!(s.blocks[0].next_set().unwrap().load, Grams(8000));
    }

    #[test]
    fn a_count_picked_for_one_set_carries_to_the_next_and_a_planned_one_does_not() {
        let mut s = LiveSession::start(d(), 0, 0, vec![item("kb-deadlift", 3, 8, 12000)]);
        s.log(1, &set("kb-deadlift", 6, 12000), &ctx());
        assert_eq!(s.blocks[0].next_set().unwrap().amount, 6);
        s.log(2, &set("kb-deadlift", 6, 12000), &ctx());
        assert_eq!(s.blocks[0].current().remaining().len(), 1);
        assert_eq!(s.blocks[0].next_set().unwrap().amount, 6);

        let mut s = LiveSession::start(d(), 0, 0, vec![item("kb-deadlift", 3, 8, 12000)]);
        s.log(1, &set("kb-deadlift", 8, 12000), &ctx());
        assert_eq!(s.blocks[0].next_set().unwrap().amount, 8);
    }
}
