//! The planner: profile + history + date → this week's plan. A pure, deterministic fold:
//! week by week from the start, and inside each week everything in the order it happened —
//! setup changes, swaps by hand, sessions with every set and pain report (through the one
//! session model, `workout::LiveSession`), next-day answers. Every decision carries its
//! `Reason`.

mod snapshot;

use super::careful::{careful_for_now, safe_alternative};
use super::checkin::CheckIn;
use super::equipment::{Equipment, EquipmentSet};
use super::flare::{
    first_week_back, flare_exit_ready, flare_spans_after, resume_share, FlareSpan, FLARE_EXERCISES,
};
use super::habits::{
    daily_mobility, walking_progression, walking_split, WalkingStep, WalkingTarget,
    WALK_START_MINUTES,
};
use super::history::{Entry, History, Response24h};
use super::library::{exercise, ladder, Exercise, Ladder, Pattern};
use super::order;
use super::pain::{easier_variation_avoiding, lower_rung, pain_band, Pain, PainBand};
use super::phase::{phase_after_flare, phase_rule, Phase, PhaseStep, WeekSummary};
use super::prescription::{Prescription, SetTarget};
use super::profile::{Experience, Goal, OwnExercise, Profile, RehabExercise};
use super::progression::{
    fit_sessions, less_volume, progress_dose, scale_volume, step_back_dose, this_week_limit,
    Change, Progress, StepBack, WeeklyDose, DEFAULT_INCREASE_PERMILLE, SLOW_INCREASE_PERMILLE,
};
use super::reason::Reason;
use super::response::{twenty_four_hour_rule, worst_response, DoseDecision};
use super::safety::{red_flag_gate, Clearance, Gate, RedFlagAnswers};
use super::schedule::{moment, session_dates, week_index, week_start};
use super::served::{Origin, ServedItem};
use super::session::{ramp_up_sets, session_templates, warm_up, WarmUp};
use super::units::Grams;
use super::workout::{Ctx, LiveSession, Outcome};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// The red-flag record the gate reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Safety {
    pub answers: RedFlagAnswers,
    pub clearances: Vec<Clearance>,
}

impl Safety {
    /// rules §1: the gate for `today`, with the check-ins that may report new
    /// symptoms. Nothing starts or resumes a session unless it is open.
    pub fn gate(&self, history: &History, today: NaiveDate) -> Gate {
        red_flag_gate(&self.answers, &self.clearances, &history.checkins, today)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedExercise {
    pub exercise: &'static Exercise,
    pub prescription: Prescription,
    pub ramp_up: Vec<SetTarget>,
    pub reason: Reason,
    /// Swapped in by hand (on Plan, in the workout or from a followed plan).
    pub chosen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedSession {
    /// 0 = A, 1 = B, …
    pub slot: u8,
    pub date: NaiveDate,
    pub warm_up: Vec<WarmUp>,
    /// The library exercises: as planned, or, once started, as served now.
    pub exercises: Vec<PlannedExercise>,
    /// Physio and own exercises, done after the planned ones.
    pub extras: Vec<ServedItem>,
    pub started: bool,
    pub finished: bool,
    /// The session as it stands, once started.
    pub live: Option<LiveSession>,
}

impl PlannedSession {
    /// What this session serves: exactly what Today and Plan list. Once started, what the
    /// session serves now (after any swap).
    pub fn items(&self) -> Vec<ServedItem> {
        match &self.live {
            Some(live) => live
                .blocks
                .iter()
                .map(|b| b.current().item.clone())
                .collect(),
            None => self
                .exercises
                .iter()
                .map(|pe| {
                    ServedItem::from_library(
                        pe.exercise,
                        &pe.prescription,
                        pe.reason.clone(),
                        pe.chosen,
                    )
                })
                .chain(self.extras.iter().cloned())
                .collect(),
        }
    }

    /// Started and not finished: the workout to resume.
    pub fn is_open(&self) -> bool {
        self.started && !self.finished
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Training,
    /// Flare-up mode: no loading; walks, gentle mobility and bracing only.
    Flare {
        since: NaiveDate,
        exit_ready: bool,
    },
    /// The flare-up is over; strength restarts next week, a phase lower and lighter.
    Resuming,
}

/// An own exercise in the plan, with what the rules say of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedOwn {
    pub own: OwnExercise,
    /// rules §6: a careful kind, in phase 1 or 2.
    pub careful_for_now: bool,
    /// The library's nearest safe alternative, offered while it is careful for now.
    pub alternative: Option<&'static Exercise>,
    /// Paused by pain 5+ until the user brings it back.
    pub paused: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRehab {
    pub rehab: RehabExercise,
    /// Paused by pain 5+ until the user (or their physio) brings it back.
    pub paused: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub day: NaiveDate,
    /// Program week, 1-based.
    pub week: u32,
    pub phase: Phase,
    pub weeks_in_phase: u32,
    pub phase_step: PhaseStep,
    pub mode: Mode,
    pub sessions: Vec<PlannedSession>,
    pub walking: WalkingTarget,
    pub walking_step: Option<WalkingStep>,
    pub mobility: Vec<&'static Exercise>,
    /// In flare-up mode: what to do instead of the sessions, with amounts.
    pub flare_routine: Vec<(&'static Exercise, u16)>,
    pub rehab: Vec<PlannedRehab>,
    /// The user's own exercises, done at the end of each strength session.
    pub own: Vec<PlannedOwn>,
    /// The phase of every program week so far, week 1 first (this week last).
    pub phase_history: Vec<Phase>,
    /// The equipment in force today.
    pub equipment: EquipmentSet,
    /// Exercises stopped for pain 5+ this week: not served again until next week.
    pub stopped_this_week: Vec<&'static str>,
    /// Library exercises paused by pain 5+ with no easier movement below them: out of the
    /// sessions until the user brings them back.
    pub paused: Vec<&'static Exercise>,
    dosing: Dosing,
    /// Every session of the week, also those a flare hides, for `swap_dose`.
    week_sessions: Vec<PlannedSession>,
}

impl Plan {
    /// Equipment the user owns that this week's plan does not use yet (phase 1 keeps to
    /// bodyweight; the barbell waits for phase 3), so the plan can say why.
    pub fn equipment_waiting(&self) -> Vec<Equipment> {
        Equipment::ALL
            .into_iter()
            .filter(|e| *e != Equipment::Bodyweight && self.equipment.has(*e))
            .filter(|e| {
                !self
                    .sessions
                    .iter()
                    .flat_map(|s| &s.exercises)
                    .any(|x| x.prescription.equipment == *e)
            })
            .collect()
    }

    /// Every strength session of the week, also those flare-up mode holds back: the plan
    /// the user returns to.
    pub fn week_sessions(&self) -> &[PlannedSession] {
        &self.week_sessions
    }

    /// The session planned for `day`, if it is a strength day and not yet started.
    pub fn session_on(&self, day: NaiveDate) -> Option<&PlannedSession> {
        self.sessions.iter().find(|s| s.date == day && !s.started)
    }

    /// The first session of the week not yet started, for training on another day.
    pub fn next_session(&self) -> Option<&PlannedSession> {
        self.sessions.iter().find(|s| !s.started)
    }

    /// The session started and not finished, if any.
    pub fn open_session(&self) -> Option<&PlannedSession> {
        self.sessions.iter().rev().find(|s| s.is_open())
    }

    /// Each exercise's dose over the week as it stands: sessions started count what they
    /// serve now, the others what is planned.
    pub fn weekly_doses(&self) -> BTreeMap<&'static str, WeeklyDose> {
        weekly_doses(&self.sessions)
    }

    /// The dose an exercise swapped in for pain during the open session starts at, kept
    /// within the week's 10 %; `None` when the week has no room left for it.
    pub fn swap_dose(&self, from: &Exercise, to: &'static Exercise) -> Option<Prescription> {
        let now_in = self.open_session().map(|s| s.slot);
        self.dosing
            .dose(self.dosing.ladder_of(from), to, &self.week_sessions, now_in)
            .map(|(rx, _)| rx)
    }

    /// What a live session needs to apply the rules the way the planner does.
    pub fn ctx<'a>(&'a self, dose: &'a DoseFn<'a>) -> Ctx<'a> {
        Ctx {
            owned: &self.equipment,
            phase: self.phase,
            dose,
        }
    }

    /// Exercises the user may swap `from` for by hand now: another rung of the same ladder
    /// (the same job, easier or harder), doable with their equipment, allowed in this
    /// phase, not already in use, and not at or above a rung that hurt this week.
    pub fn swap_choices(&self, from: &Exercise) -> Vec<&'static Exercise> {
        let in_use: Vec<&str> = self
            .sessions
            .iter()
            .flat_map(|s| s.exercises.iter().map(|e| e.exercise.id))
            .collect();
        super::library::LIBRARY
            .iter()
            .filter(|e| {
                e.ladder == from.ladder
                    && e.id != from.id
                    && swap_allowed(e, &self.equipment, self.phase)
                    && !in_use.contains(&e.id)
                    && !held_back(e, &self.stopped_this_week)
                    && self
                        .dosing
                        .dose(
                            self.dosing.ladder_of(from),
                            e,
                            &self.week_sessions,
                            self.open_session().map(|s| s.slot),
                        )
                        .is_some()
            })
            .collect()
    }
}

/// rules §2: after pain 5+ on an exercise, its movement (on any rung) and the harder
/// rungs of its ladder wait for next week.
fn held_back(e: &Exercise, stopped: &[&'static str]) -> bool {
    stopped
        .iter()
        .filter_map(|id| exercise(id))
        .any(|x| (x.ladder == e.ladder && e.rung() >= x.rung()) || x.same_movement(e))
}

fn weekly_doses(sessions: &[PlannedSession]) -> BTreeMap<&'static str, WeeklyDose> {
    let mut out: BTreeMap<&'static str, WeeklyDose> = BTreeMap::new();
    for pe in sessions.iter().flat_map(|s| &s.exercises) {
        out.entry(pe.exercise.id)
            .or_default()
            .add(WeeklyDose::of(&pe.prescription, 1));
    }
    out
}

/// Whether an exercise may be chosen by hand: doable, and allowed in the phase (so never
/// a careful one before phase 3).
fn swap_allowed(e: &Exercise, owned: &EquipmentSet, phase: Phase) -> bool {
    e.is_doable_with(owned) && e.allowed_in_phase(phase.number())
}

/// The dose an exercise swapped in for pain starts at (`from`, `to`), as the planner keeps
/// it within the week's 10 %.
pub type DoseFn<'a> = dyn Fn(&Exercise, &'static Exercise) -> Option<Prescription> + 'a;

/// What fitting a new exercise into this week needs: last week's doses, the ladder each
/// exercise of the plan stands in, and the week's sessions.
#[derive(Debug, Clone, PartialEq, Default)]
struct Dosing {
    last: BTreeMap<&'static str, WeeklyDose>,
    /// This week's most, the first week back after a flare.
    ceiling: BTreeMap<&'static str, WeeklyDose>,
    owned: EquipmentSet,
    phase: Option<Phase>,
    templates: Vec<Vec<Ladder>>,
    slot_of: BTreeMap<&'static str, Ladder>,
}

impl Dosing {
    /// The ladder of the plan `e` stands in (a swap by hand can put it in another ladder
    /// of the same pattern).
    fn ladder_of(&self, e: &Exercise) -> Ladder {
        self.slot_of.get(e.id).copied().unwrap_or(e.ladder)
    }

    /// rules §3 for an exercise coming in mid-week in ladder `l`: its first dose and
    /// the sessions it goes in (the open one, `now_in`, first), trimmed so that what this
    /// week has served of it plus what is to come stay within 10 % of last week's.
    /// `None` when the week has no room left for it.
    fn dose(
        &self,
        l: Ladder,
        e: &'static Exercise,
        sessions: &[PlannedSession],
        now_in: Option<u8>,
    ) -> Option<(Prescription, Vec<u8>)> {
        let phase = self.phase.unwrap_or(Phase::Restore);
        self.fit(l, e, starting_dose(e, &self.owned, phase), sessions, now_in)
    }

    /// `dose`, for a given dose (an exercise coming back as it was).
    fn fit(
        &self,
        l: Ladder,
        e: &'static Exercise,
        rx: Prescription,
        sessions: &[PlannedSession],
        now_in: Option<u8>,
    ) -> Option<(Prescription, Vec<u8>)> {
        let last = self.last.get(e.id).copied();
        self.fit_from(l, e, rx, last, &[], sessions, now_in)
    }

    /// `fit`, held to `last` as last week's dose, counting what this week served of `e`
    /// and of the exercises in `also` (the one it takes the place of).
    #[allow(clippy::too_many_arguments)]
    fn fit_from(
        &self,
        l: Ladder,
        e: &'static Exercise,
        rx: Prescription,
        last: Option<WeeklyDose>,
        also: &[&str],
        sessions: &[PlannedSession],
        now_in: Option<u8>,
    ) -> Option<(Prescription, Vec<u8>)> {
        let mut already = WeeklyDose::default();
        let mut candidates: Vec<u8> = now_in.into_iter().collect();
        let counts = |id: &str| id == e.id || also.contains(&id);
        for s in sessions {
            if s.started {
                for pe in s.exercises.iter().filter(|pe| counts(pe.exercise.id)) {
                    already.add(WeeklyDose::of(&pe.prescription, 1));
                }
            } else if self
                .templates
                .get(usize::from(s.slot))
                .is_some_and(|t| t.contains(&l))
            {
                candidates.push(s.slot);
            }
        }
        let ceiling = self.ceiling.get(e.id).copied();
        let Some(limit) = this_week_limit(last, ceiling, already, false) else {
            return Some((rx, candidates));
        };
        let (trimmed, k) =
            fit_sessions(&rx, candidates.len() as u32, limit, &self.owned, e.range.0)?;
        candidates.truncate(k as usize);
        Some((trimmed.unwrap_or(rx), candidates))
    }
}

/// Plans `today` for this profile and history: the red-flag gate first (rules §1),
/// then every week from the start replayed in order. Same inputs, same plan.
pub fn plan(
    profile: &Profile,
    safety: &Safety,
    history: &History,
    today: NaiveDate,
) -> Result<Plan, Gate> {
    plan_with(&mut PlanCache::default(), profile, safety, history, today)
}

/// What a re-plan can start from instead of week 0: the planner as each week opened. The
/// opening of week `w` depends only on what is dated before week `w`, so a change dated `d`
/// keeps every opening up to `d`'s week (`forget_from`).
#[derive(Debug, Clone, Default)]
pub struct PlanCache {
    base: Option<Profile>,
    /// The week of `openings[0]`: 0, or the week of the checkpoint it was started from.
    first: u32,
    /// The planner as each week from `first` opened: kept for the last weeks and every
    /// few weeks before them (`None` between), so a replay from scratch does not copy its
    /// state every week; a change further back replays from the kept week before it.
    openings: Vec<Option<Opening>>,
    /// The phase each week ended in, from week 0, for the weeks before the last kept opening.
    phases: Vec<Phase>,
    /// Flares that ended before `first`'s week, when started from a checkpoint: the
    /// check-ins before them are not needed.
    flares_before: Vec<FlareSpan>,
}

/// The last weeks whose openings a cache keeps, and the rhythm of those kept before them.
const KEEP_RECENT_OPENINGS: u32 = 8;
const KEEP_EVERY_NTH_OPENING: u32 = 8;

/// Bumped whenever the planner's rules change what a week opens with: checkpoints of
/// other rules are not used.
pub const RULES_VERSION: u32 = 2;

/// The planner as one week opened, with what it needs to carry on from there without
/// anything dated before `floor`: stored on the device so a start reads only recent records.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    rules: u32,
    base: Profile,
    week: u32,
    opening: Opening,
    phases: Vec<Phase>,
    flares_before: Vec<FlareSpan>,
    floor: NaiveDate,
}

impl Checkpoint {
    /// Sessions and check-ins from this day on are what a plan from it reads.
    pub fn floor(&self) -> NaiveDate {
        self.floor
    }

    /// The first day of its week: anything added, changed or taken away before it
    /// makes it wrong.
    pub fn week_start(&self) -> NaiveDate {
        week_start(self.base.start, self.week)
    }

    /// The flares as the planner sees them, from this checkpoint on: `history` need hold
    /// only the check-ins from `floor`.
    pub fn flare_spans(&self, history: &History) -> Vec<FlareSpan> {
        spans_after(&self.flares_before, history)
    }

    /// Whether it was made by these rules for this profile.
    pub fn fits(&self, profile: &Profile) -> bool {
        self.rules == RULES_VERSION && self.base == *profile
    }
}

impl PlanCache {
    /// Something dated `day` was added, changed or taken away: the weeks from its week on
    /// are replayed at the next plan. A day before the first kept week clears it all (and
    /// a plan then needs the whole history).
    pub fn forget_from(&mut self, day: NaiveDate) {
        let Some(base) = &self.base else { return };
        let w = week_index(base.start, day);
        if day < base.start || w < self.first {
            // Setups dated before the start shape week 0 itself.
            self.clear();
            return;
        }
        self.openings.truncate((w - self.first) as usize + 1);
        self.phases.truncate(w as usize);
    }

    /// Everything replayed at the next plan.
    pub fn clear(&mut self) {
        *self = PlanCache::default();
    }

    /// The weeks up to the last kept opening (counting those before a checkpoint).
    pub fn weeks_kept(&self) -> usize {
        self.first as usize + self.openings.len()
    }

    /// The week the cache starts from: a plan needs the sessions and check-ins dated from
    /// `Checkpoint::floor` of it on (everything, when it is 0).
    pub fn first_week(&self) -> u32 {
        self.first
    }

    /// The planner as week `week` opened, to store, if this cache holds that week (plan
    /// first). `history` is what was planned with.
    pub fn checkpoint(&self, history: &History, week: u32) -> Option<Checkpoint> {
        let base = self.base.as_ref()?;
        let opening = self
            .openings
            .get(week.checked_sub(self.first)? as usize)?
            .as_ref()?;
        let phases = self.phases.get(..week as usize)?.to_vec();
        let start = week_start(base.start, week);
        let spans = self.flare_spans(history);
        // The flares over before the week are settled; the ones after need their check-ins.
        let settled = spans
            .iter()
            .take_while(|s| s.end.is_some_and(|(d, _)| d < start))
            .count();
        let floor = spans[settled..]
            .iter()
            .map(|s| s.start.0)
            .fold(start, NaiveDate::min);
        Some(Checkpoint {
            rules: RULES_VERSION,
            base: base.clone(),
            week,
            opening: opening.clone(),
            phases,
            flares_before: spans[..settled].to_vec(),
            floor,
        })
    }

    /// A cache that carries on from a stored week: plans need only what is dated from
    /// `c.floor()` on.
    pub fn from_checkpoint(c: Checkpoint) -> PlanCache {
        PlanCache {
            base: Some(c.base),
            first: c.week,
            openings: vec![Some(c.opening)],
            phases: c.phases,
            flares_before: c.flares_before,
        }
    }

    fn flare_spans(&self, history: &History) -> Vec<FlareSpan> {
        spans_after(&self.flares_before, history)
    }
}

/// The planner's flares, carrying on after those settled in `before`.
fn spans_after(before: &[FlareSpan], history: &History) -> Vec<FlareSpan> {
    flare_spans_after(
        before,
        &history.flares,
        &history.flare_times,
        &history.checkins,
        moment,
    )
}

/// `plan`, starting from the latest week `cache` still holds and keeping what it replays.
/// The caller tells the cache about every change (`PlanCache::forget_from`); a different
/// profile starts it over. Gives exactly what `plan` gives.
pub fn plan_with(
    cache: &mut PlanCache,
    profile: &Profile,
    safety: &Safety,
    history: &History,
    today: NaiveDate,
) -> Result<Plan, Gate> {
    match safety.gate(history, today) {
        Gate::Open => {}
        blocked => return Err(blocked),
    }
    if cache.base.as_ref() != Some(profile) {
        *cache = PlanCache {
            base: Some(profile.clone()),
            ..PlanCache::default()
        };
    }
    let current = week_index(profile.start, today);
    let spans = cache.flare_spans(history);
    // The last opening kept, up to this week's.
    let upto = (cache.openings.len() as u32).min((current + 1).saturating_sub(cache.first));
    cache.openings.truncate(upto as usize);
    while cache.openings.last().is_some_and(Option::is_none) {
        cache.openings.pop();
    }
    let (mut st, from) = match cache.openings.last().cloned().flatten() {
        Some(o) => {
            let k = cache.first + cache.openings.len() as u32 - 1;
            (State::resume(profile, history, o), k)
        }
        None => {
            let mut st = State::new(profile, history);
            st.see(moment(week_start(profile.start, 0), 0), &spans);
            cache.first = 0;
            cache.openings.clear();
            cache.openings.push(Some(st.opening()));
            (st, 0)
        }
    };
    cache.phases.truncate(from as usize);
    let timeline = Timeline::new(profile, history, today, from, current, &spans);
    for w in from..=current {
        if w > from {
            st.boundary(w, &timeline, &spans);
            st.seen.clear();
            // The week as it opens.
            st.see(moment(week_start(profile.start, w), 0), &spans);
            let keep = w + KEEP_RECENT_OPENINGS > current || w % KEEP_EVERY_NTH_OPENING == 0;
            cache.openings.push(keep.then(|| st.opening()));
        }
        st.run_week(timeline.week(w), &spans);
        cache.phases.push(st.phase);
    }
    let mut plan = st.this_week(current, today, &spans);
    plan.phase_history = cache.phases.clone();
    Ok(plan)
}

/// The plan for `today` as it would be if `edit` were made to the history: a setup change
/// previewed before it is saved. `edit` may only add or change what is dated `from` or
/// later; the weeks before `from`'s are taken from `cache` and only the sessions from that
/// week on are copied. The cache keeps the weeks before `from`'s (what was imagined is
/// forgotten).
pub fn plan_as_if(
    cache: &mut PlanCache,
    profile: &Profile,
    safety: &Safety,
    history: &History,
    from: NaiveDate,
    edit: impl FnOnce(&mut History),
    today: NaiveDate,
) -> Result<Plan, Gate> {
    if from < profile.start {
        // Week 0 itself changes: nothing to start from but the whole history.
        let mut whole = history.clone();
        edit(&mut whole);
        return plan(profile, safety, &whole, today);
    }
    // Every week up to `today`'s opened as it really did, then forget from the edit on.
    plan_with(cache, profile, safety, history, today.max(from))?;
    cache.forget_from(from);
    // The replay starts at the earlier of the two weeks: its sessions on are needed.
    let week_from = week_start(profile.start, week_index(profile.start, from.min(today)));
    let mut h = history.clone_from_day(week_from);
    edit(&mut h);
    let out = plan_with(cache, profile, safety, &h, today);
    cache.forget_from(from);
    out
}

/// The step each progression aims for in `phase`; the weekly cap stays 10 %.
pub fn weekly_increase_permille(phase: Phase) -> u64 {
    if phase == Phase::Reload {
        SLOW_INCREASE_PERMILLE
    } else {
        DEFAULT_INCREASE_PERMILLE
    }
}

/// Whether the planner may pick `e` by itself: the phase allows it, the user owns what it
/// needs, and a careful barbell lift only for users who asked for one.
fn auto_allowed(e: &Exercise, profile: &Profile, phase: Phase) -> bool {
    e.is_doable_with(&profile.equipment)
        && e.allowed_in_phase(phase.number())
        && (!e.careful
            || (profile.goal.wants_barbell_lifts()
                && e.equipment == [super::equipment::Equipment::Barbell]))
}

/// The first variation of a ladder for this phase: for new lifters the easiest rung of the
/// phase, for returning lifters the hardest rung of the phase.
/// Exercises in `avoid` (already in another slot of the plan) are passed over.
fn starting_exercise(
    l: Ladder,
    profile: &Profile,
    phase: Phase,
    avoid: &[&str],
) -> Option<&'static Exercise> {
    let ok: Vec<&'static Exercise> = ladder(l)
        .filter(|e| auto_allowed(e, profile, phase) && !avoid.contains(&e.id))
        .collect();
    let this_phase: Vec<&'static Exercise> = ok
        .iter()
        .copied()
        .filter(|e| e.min_phase == phase.number())
        .collect();
    match (this_phase.is_empty(), profile.experience) {
        (false, Experience::New) => this_phase.first().copied(),
        (false, Experience::Returning) => this_phase.last().copied(),
        (true, _) => ok.last().copied(),
    }
}

/// rules §7 (early on: fewer sets, lighter loads): the first dose of an exercise.
pub fn starting_dose(e: &Exercise, owned: &EquipmentSet, phase: Phase) -> Prescription {
    let eq = e
        .equipment_for(owned)
        .unwrap_or(super::equipment::Equipment::Bodyweight);
    let load = if eq.is_loadable() {
        owned.round_down(eq, e.start_load)
    } else {
        Grams::ZERO
    };
    let sets: u16 = if phase == Phase::Restore { 2 } else { 3 };
    // Enough reps in total that one more is no more than +10 %.
    let amount = match e.measure {
        super::library::Measure::Reps => e.range.0.max(10u16.div_ceil(sets)).min(e.range.1),
        super::library::Measure::Seconds | super::library::Measure::Minutes => e.range.0,
    };
    let rest_seconds = match (e.measure, eq.is_loadable()) {
        (super::library::Measure::Reps, true) if phase == Phase::Reload => 120,
        (super::library::Measure::Reps, true) => 90,
        (super::library::Measure::Reps, false) => 60,
        (super::library::Measure::Seconds, _) => 45,
        (super::library::Measure::Minutes, _) => 0,
    };
    Prescription {
        exercise: Cow::Borrowed(e.id),
        equipment: eq,
        sets: vec![SetTarget { amount, load }; usize::from(sets)],
        tempo: Cow::Borrowed(e.tempo),
        rest_seconds,
    }
}

/// One thing that happened in a week, in the order the fold takes them.
#[derive(Debug, Clone, Copy)]
enum Ev {
    Setup(usize),
    Swap(usize),
    Resume(usize),
    Start(usize),
    Entry(usize, usize),
    End(usize),
    /// A day a flare starts or ends.
    Day,
}

/// When an event happened: the moment (ms since the epoch), its kind (setups, swaps and
/// resumes before a session that starts at the same moment), its place in the history,
/// and the day it counts for.
type EvKey = (i64, u8, usize, usize, NaiveDate);

/// What is stored for weeks `from..=current`, bucketed by program week and put in order.
struct Timeline<'h> {
    from: u32,
    weeks: Vec<Vec<(EvKey, Ev)>>,
    checkins: Vec<Vec<&'h CheckIn>>,
}

impl<'h> Timeline<'h> {
    fn new(
        profile: &Profile,
        history: &'h History,
        today: NaiveDate,
        from: u32,
        current: u32,
        spans: &[FlareSpan],
    ) -> Self {
        let n = (current - from) as usize + 1;
        // The bucket of a day, or none for a week before `from`.
        let week =
            |d: NaiveDate| (week_index(profile.start, d).checked_sub(from)).map(|w| w as usize);
        let mut keyed: Vec<Vec<(EvKey, Ev)>> = vec![Vec::new(); n];
        for (i, c) in history.setups.iter().enumerate() {
            if let Some(w) = week(c.day).filter(|_| c.day <= today) {
                keyed[w].push(((moment(c.day, c.at_ms), 0, i, 0, c.day), Ev::Setup(i)));
            }
        }
        for (i, s) in history.swaps.iter().enumerate() {
            if let Some(w) = week(s.day).filter(|_| s.day <= today) {
                keyed[w].push(((moment(s.day, s.at_ms), 1, i, 0, s.day), Ev::Swap(i)));
            }
        }
        for (i, r) in history.resumes.iter().enumerate() {
            if let Some(w) = week(r.day).filter(|_| r.day <= today) {
                keyed[w].push(((moment(r.day, r.at_ms), 2, i, 0, r.day), Ev::Resume(i)));
            }
        }
        for (i, s) in history.sessions.iter().enumerate() {
            if s.day > today || s.day < profile.start {
                continue;
            }
            let Some(w) = week(s.day) else { continue };
            let started = moment(s.day, s.started_ms);
            keyed[w].reserve(s.entries.len() + 2);
            keyed[w].push(((started, 3, i, 0, s.day), Ev::Start(i)));
            let mut last = started;
            for (j, e) in s.entries.iter().enumerate() {
                let at = e.at_ms.max(started);
                last = last.max(at);
                keyed[w].push(((at, 4, i, j, s.day), Ev::Entry(i, j)));
            }
            // A finished session ends with its last entry; one left open, when the week
            // does (a later session closes it sooner). Not at the end of time: what the
            // week looked like then must not depend on anything stored after it.
            let week_end = moment(week_start(profile.start, from + w as u32 + 1), 0) - 1;
            let end = match (s.finished, s.finished_ms) {
                (true, Some(ms)) => ms.max(last),
                (true, None) => last,
                (false, _) => week_end.max(last),
            };
            keyed[w].push(((end, 5, i, 0, s.day), Ev::End(i)));
        }
        for span in spans {
            // The moments a flare starts and ends change what the plan shows.
            for (d, at) in std::iter::once(span.start).chain(span.end) {
                if d <= today && d >= profile.start {
                    if let Some(w) = week(d) {
                        keyed[w].push(((at, 0, 0, 0, d), Ev::Day));
                    }
                }
            }
        }
        let weeks = keyed
            .into_iter()
            .map(|mut v| {
                order::sort_by_key(&mut v, |(k, _)| *k);
                v
            })
            .collect();
        let mut checkins = vec![Vec::new(); n];
        for c in history
            .checkins
            .iter()
            .filter(|c| c.day <= today && c.day >= profile.start)
        {
            if let Some(w) = week(c.day) {
                checkins[w].push(c);
            }
        }
        for w in &mut checkins {
            order::sort_by_key(w, |c| c.day);
        }
        Timeline {
            from,
            weeks,
            checkins,
        }
    }

    fn week(&self, w: u32) -> &[(EvKey, Ev)] {
        &self.weeks[(w - self.from) as usize]
    }

    fn checkins(&self, w: u32) -> &[&'h CheckIn] {
        &self.checkins[(w - self.from) as usize]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    exercise: &'static Exercise,
    rx: Prescription,
    reason: Reason,
    chosen: bool,
    /// What a swap by hand replaced, so swapping back restores it.
    before_choice: Option<Box<Slot>>,
    /// The sessions of this week it is in, when not all of its ladder's: fewer sessions
    /// keep a week within its 10 % without sets too small to count.
    only_in: Option<Vec<u8>>,
}

/// What happened this week so far.
#[derive(Default)]
struct Week {
    /// Sessions started, with the history index they come from, oldest first.
    lives: Vec<(usize, LiveSession, bool)>,
    /// Exercises stopped for pain 5+: not served again this week.
    stopped: BTreeSet<&'static str>,
    /// Ladders changed during the week (pain 5+, a spike): not progressed at its end.
    changed: BTreeSet<Ladder>,
}

struct State<'a> {
    base: &'a Profile,
    /// The profile with the setup in force now.
    profile: Profile,
    /// The profile with the setup the week started with: its days and session length.
    week_profile: Profile,
    history: &'a History,
    phase: Phase,
    phase_weeks: Vec<WeekSummary>,
    templates: Vec<Vec<Ladder>>,
    /// What `templates` were made for: phase, days a week, session minutes.
    templates_for: Option<(Phase, u8, u16)>,
    slots: BTreeMap<Ladder, Slot>,
    last_week: BTreeMap<&'static str, WeeklyDose>,
    /// The doses of the last week before a flare, kept until the user is back.
    before_flare: Option<BTreeMap<&'static str, WeeklyDose>>,
    /// This week's most of each exercise: set for the first week back after a flare.
    ceiling: BTreeMap<&'static str, WeeklyDose>,
    idle_weeks: u32,
    walking: u16,
    walking_step: Option<WalkingStep>,
    flare_pending: bool,
    /// Exercises paused by pain 5+: own, physio, and library ones with nothing easier.
    paused: BTreeSet<String>,
    week: Week,
    week_index: u32,
    /// The least the plan showed of each exercise this week, so far.
    seen: Seen,
}

/// The planner as a week opens, owning all of it: `State` without the inputs it reads.
#[derive(Debug, Clone)]
struct Opening {
    profile: Profile,
    week_profile: Profile,
    phase: Phase,
    phase_weeks: Vec<WeekSummary>,
    templates: Vec<Vec<Ladder>>,
    slots: BTreeMap<Ladder, Slot>,
    last_week: BTreeMap<&'static str, WeeklyDose>,
    before_flare: Option<BTreeMap<&'static str, WeeklyDose>>,
    ceiling: BTreeMap<&'static str, WeeklyDose>,
    idle_weeks: u32,
    walking: u16,
    walking_step: Option<WalkingStep>,
    flare_pending: bool,
    paused: BTreeSet<String>,
    week_index: u32,
    seen: BTreeMap<&'static str, WeeklyDose>,
}

impl<'a> State<'a> {
    fn new(base: &'a Profile, history: &'a History) -> Self {
        let profile = base.with_setup(&history.setup_at(base, base.start, i64::MIN));
        let mut st = State {
            base,
            week_profile: profile.clone(),
            profile,
            history,
            phase: Phase::Restore,
            phase_weeks: Vec::new(),
            templates: Vec::new(),
            templates_for: None,
            slots: BTreeMap::new(),
            last_week: BTreeMap::new(),
            before_flare: None,
            ceiling: BTreeMap::new(),
            idle_weeks: 0,
            walking: WALK_START_MINUTES,
            walking_step: None,
            flare_pending: false,
            paused: BTreeSet::new(),
            week: Week::default(),
            week_index: 0,
            seen: Seen::default(),
        };
        st.retemplate(false);
        st
    }

    /// Where the planner stands as a week opens (nothing of the week happened yet).
    fn opening(&self) -> Opening {
        Opening {
            profile: self.profile.clone(),
            week_profile: self.week_profile.clone(),
            phase: self.phase,
            phase_weeks: self.phase_weeks.clone(),
            templates: self.templates.clone(),
            slots: self.slots.clone(),
            last_week: self.last_week.clone(),
            before_flare: self.before_flare.clone(),
            ceiling: self.ceiling.clone(),
            idle_weeks: self.idle_weeks,
            walking: self.walking,
            walking_step: self.walking_step,
            flare_pending: self.flare_pending,
            paused: self.paused.clone(),
            week_index: self.week_index,
            seen: self.seen.to_map(),
        }
    }

    fn resume(base: &'a Profile, history: &'a History, o: Opening) -> Self {
        State {
            base,
            profile: o.profile,
            week_profile: o.week_profile,
            history,
            phase: o.phase,
            phase_weeks: o.phase_weeks,
            templates: o.templates,
            templates_for: None,
            slots: o.slots,
            last_week: o.last_week,
            before_flare: o.before_flare,
            ceiling: o.ceiling,
            idle_weeks: o.idle_weeks,
            walking: o.walking,
            walking_step: o.walking_step,
            flare_pending: o.flare_pending,
            paused: o.paused,
            week: Week::default(),
            week_index: o.week_index,
            seen: Seen::from_map(&o.seen),
        }
    }

    fn owned(&self) -> &EquipmentSet {
        &self.profile.equipment
    }

    fn fresh(&self, e: &'static Exercise, reason: Reason) -> Slot {
        Slot {
            exercise: e,
            rx: starting_dose(e, self.owned(), self.phase),
            reason,
            chosen: false,
            before_choice: None,
            only_in: None,
        }
    }

    fn dosing(&self) -> Dosing {
        Dosing {
            last: self.last_week.clone(),
            ceiling: self.ceiling.clone(),
            owned: self.profile.equipment.clone(),
            phase: Some(self.phase),
            templates: self.templates.clone(),
            slot_of: self
                .slots
                .iter()
                .map(|(l, s)| (s.exercise.id, *l))
                .collect(),
        }
    }

    /// The open session's slot, if a session is under way.
    fn open_slot(&self) -> Option<u8> {
        self.week
            .lives
            .iter()
            .rev()
            .find(|(_, _, open)| *open)
            .map(|(_, l, _)| l.slot)
    }

    /// A new exercise for ladder `l` mid-week, within the week's 10 %: `None` when the
    /// week has no room left for it (then it waits for next week).
    fn mid_week(
        &self,
        l: Ladder,
        e: &'static Exercise,
        now_in: Option<u8>,
    ) -> (Prescription, Option<Vec<u8>>) {
        self.mid_week_with(l, e, starting_dose(e, self.owned(), self.phase), now_in)
    }

    /// `mid_week`, for a given dose (an exercise coming back as it was).
    fn mid_week_with(
        &self,
        l: Ladder,
        e: &'static Exercise,
        rx: Prescription,
        now_in: Option<u8>,
    ) -> (Prescription, Option<Vec<u8>>) {
        match self
            .dosing()
            .fit(l, e, rx.clone(), &self.sessions_now(), now_in)
        {
            Some((fitted, only_in)) => (fitted, Some(only_in)),
            None => (rx, Some(Vec::new())),
        }
    }

    /// Sets the sessions' ladders for the phase, days and session length; keeps each
    /// ladder's exercise and dose while still allowed, starts the others fresh, drops
    /// ladders no longer trained. On entering phase 3, goal lifts come back.
    fn retemplate(&mut self, new_phase: bool) {
        let p = &self.week_profile;
        let key = (self.phase, p.clamped_days(), p.session_minutes);
        // The same phase, days and length give the same sessions (most weeks).
        if self.templates_for != Some(key) {
            self.templates = session_templates(key.0, key.1, key.2);
            self.templates_for = Some(key);
        }
        let templates = &self.templates;
        let trained = |l: &Ladder| templates.iter().any(|t| t.contains(l));
        // The slots still allowed stay as they are; the others start fresh with an exercise
        // no other slot holds.
        let (profile, phase) = (&self.profile, self.phase);
        self.slots.retain(|l, s| {
            trained(l)
                && if s.chosen {
                    swap_allowed(s.exercise, &profile.equipment, phase)
                } else {
                    auto_allowed(s.exercise, profile, phase)
                }
        });
        for l in Ladder::ALL.into_iter().filter(trained) {
            if self.slots.contains_key(&l) {
                continue;
            }
            let in_use: Vec<&str> = self.slots.values().map(|s| s.exercise.id).collect();
            if let Some(e) = starting_exercise(l, &self.profile, self.phase, &in_use) {
                let slot = self.fresh(e, Reason::Start);
                self.slots.insert(l, slot);
            }
        }
        if new_phase && self.phase == Phase::Reload {
            self.reintroduce_goal_lifts();
        }
    }

    /// rules §4 phase 3: barbell lifts return for users who want them, starting light.
    fn reintroduce_goal_lifts(&mut self) {
        let (l, id) = match self.profile.goal {
            Goal::DeadliftAgain => (Ladder::Hinge, "barbell-deadlift"),
            Goal::SquatAgain => (Ladder::Squat, "barbell-back-squat"),
            Goal::EverydayStrength | Goal::BackToSport => return,
        };
        let Some(target) = exercise(id).filter(|e| auto_allowed(e, &self.profile, self.phase))
        else {
            return;
        };
        let fresh = self.fresh(target, Reason::Start);
        if let Some(slot) = self.slots.get_mut(&l) {
            if slot.exercise.id != id && !slot.chosen {
                *slot = Slot {
                    reason: Reason::GoalLift {
                        from: slot.exercise.id,
                    },
                    ..fresh
                };
            }
        }
    }

    /// The slots a session of this week serves, main patterns first, core last.
    fn slots_of(&self, slot: u8) -> impl Iterator<Item = &Slot> + '_ {
        let ladders = self
            .templates
            .get(usize::from(slot))
            .map_or(&[][..], Vec::as_slice);
        // Paused for pain, or stopped for pain this week: not served.
        let served = move |l: &Ladder| {
            self.slots.get(l).filter(|s| {
                !self.paused.contains(s.exercise.id)
                    && !self.week.stopped.contains(s.exercise.id)
                    && s.only_in.as_ref().is_none_or(|o| o.contains(&slot))
            })
        };
        let core = |s: &&Slot| s.exercise.pattern() == Pattern::Core;
        let main = ladders.iter().filter_map(served).filter(move |s| !core(s));
        main.chain(ladders.iter().filter_map(served).filter(core))
    }

    /// The library exercises a session of this week serves, from the slots now.
    fn planned(&self, slot: u8) -> Vec<PlannedExercise> {
        self.slots_of(slot)
            .map(|s| PlannedExercise {
                exercise: s.exercise,
                ramp_up: ramp_up_sets(s.rx.max_load(), s.rx.equipment, self.owned()),
                prescription: s.rx.clone(),
                reason: s.reason.clone(),
                chosen: s.chosen,
            })
            .collect()
    }

    /// Own and physio exercises not paused, for a strength session.
    fn extras(&self) -> Vec<ServedItem> {
        let rehab = self
            .base
            .rehab
            .iter()
            .map(ServedItem::from_rehab)
            .filter(|i| !self.paused.contains(i.key.as_ref()));
        let own = self
            .base
            .own
            .iter()
            .map(ServedItem::from_own)
            .filter(|i| !self.paused.contains(i.key.as_ref()));
        rehab.chain(own).collect()
    }

    fn run_week(&mut self, events: &[(EvKey, Ev)], spans: &[FlareSpan]) {
        for ((at, ..), ev) in events {
            let changed = match *ev {
                Ev::Setup(i) => {
                    self.apply_setup(i);
                    true
                }
                Ev::Swap(i) => {
                    let s = &self.history.swaps[i];
                    self.apply_swap(&s.from, &s.to);
                    true
                }
                Ev::Resume(i) => {
                    self.paused.remove(&self.history.resumes[i].exercise);
                    true
                }
                // A session that starts as planned, or ends without a spike, changes nothing
                // of what the plan shows in training (most of them): no new look needed.
                Ev::Start(i) => {
                    let slot = self.history.sessions[i].slot;
                    let training = self.training_at(*at, spans);
                    let before = training.then(|| self.slot_view(slot, true));
                    self.start_session(i);
                    before.is_none_or(|b| !same_view(&b, &self.slot_view(slot, true)))
                }
                Ev::Entry(i, j) => self.entry(i, j),
                Ev::End(i) => {
                    let stepped_back = self.end_session(i);
                    stepped_back || !self.training_at(*at, spans)
                }
                Ev::Day => true,
            };
            if changed {
                self.see(*at, spans);
            }
        }
    }

    /// Takes in what the plan shows on `day` now: the week's record keeps, for each
    /// exercise, the least the user saw of it, the base the next week's 10 % counts from.
    fn see(&mut self, at: i64, spans: &[FlareSpan]) {
        for (id, d) in self.view_at(at, spans) {
            self.seen.take_least(id, d);
        }
    }

    fn start_session(&mut self, i: usize) {
        let log = &self.history.sessions[i];
        for (_, _, open) in &mut self.week.lives {
            *open = false;
        }
        let served = if log.served.is_empty() {
            // Stored before sessions kept what they served: serve what the plan had.
            let mut items: Vec<ServedItem> = self
                .slots_of(log.slot)
                .map(|s| ServedItem::from_library(s.exercise, &s.rx, s.reason.clone(), s.chosen))
                .collect();
            items.extend(self.extras());
            items
        } else {
            log.served.clone()
        };
        let live = LiveSession::start(log.day, log.slot, log.started_ms, served);
        self.week.lives.push((i, live, true));
    }

    /// One stored entry of session `i`; true when it changed what the plan shows.
    fn entry(&mut self, i: usize, j: usize) -> bool {
        let Some(k) = self.week.lives.iter().position(|(x, _, _)| *x == i) else {
            return false;
        };
        let logged = &self.history.sessions[i].entries[j];
        let slot = self.week.lives[k].1.slot;
        // Only pain 5+ can swap an exercise in and need a dose: the week as it stands is
        // worked out then, before the session changes.
        let stop = match &logged.entry {
            Entry::Pain { pain, .. } => pain.value() >= 5,
            Entry::Set(s) => s.pain.is_some_and(|p| p.value() >= 5),
            _ => false,
        };
        let week = stop.then(|| (self.dosing(), self.sessions_now()));
        let mut live = std::mem::replace(
            &mut self.week.lives[k].1,
            LiveSession::start(self.history.sessions[i].day, slot, 0, Vec::new()),
        );
        let dose = |from: &Exercise, to: &'static Exercise| {
            let (dosing, sessions) = week.as_ref()?;
            dosing
                .dose(dosing.ladder_of(from), to, sessions, Some(slot))
                .map(|(rx, _)| rx)
        };
        let ctx = Ctx {
            owned: &self.profile.equipment,
            phase: self.phase,
            dose: &dose,
        };
        let outcome = live.log(logged.at_ms, &logged.entry, &ctx);
        self.week.lives[k].1 = live;
        let changed = outcome != Outcome::Nothing;
        self.apply_outcome(outcome);
        changed
    }

    /// rules §2 pain 5+, for the rest of the week and the next: the movement is not
    /// served again this week, and its ladder continues on the easier movement; with none
    /// below, the exercise is paused until the user brings it back, a step lighter.
    fn apply_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            Outcome::Paused { key, pain } => {
                if let Some(e) = exercise(&key) {
                    self.pause_library(e, pain);
                }
                self.paused.insert(key);
            }
            Outcome::Stopped { from, to, pain } => {
                self.week.stopped.insert(from.id);
                let Some(l) = self.slot_ladder_of(from) else {
                    return;
                };
                self.week.changed.insert(l);
                let slot = &self.slots[&l];
                // Another slot may hold the easier rung already: one further down.
                let others: Vec<&str> = self
                    .slots
                    .iter()
                    .filter(|(x, _)| **x != l)
                    .map(|(_, s)| s.exercise.id)
                    .collect();
                let to = if others.contains(&to.id) {
                    easier_variation_avoiding(from, self.owned(), self.phase.number(), &others)
                } else {
                    Some(to)
                };
                let Some(to) = to else {
                    // Nothing of another movement left below: paused, as with no rung.
                    if slot.exercise.id == from.id {
                        self.pause_library(from, pain);
                        self.paused.insert(from.id.to_string());
                    }
                    return;
                };
                if slot.exercise.id == from.id || slot.exercise.rung() > to.rung() {
                    let (rx, only_in) = self.mid_week(l, to, None);
                    self.slots.insert(
                        l,
                        Slot {
                            exercise: to,
                            rx,
                            reason: Reason::SwappedForPain {
                                from: from.id,
                                pain: pain.value(),
                            },
                            chosen: false,
                            before_choice: None,
                            only_in,
                        },
                    );
                } else if slot.exercise.id == to.id {
                    // The slot holds it already: what the session just took of it comes
                    // off the rest of the week.
                    let slot = slot.clone();
                    let (rx, only_in) = self.mid_week_with(l, to, slot.rx.clone(), None);
                    self.slots.insert(
                        l,
                        Slot {
                            rx,
                            only_in,
                            ..slot
                        },
                    );
                }
            }
        }
    }

    /// The ladder of the plan whose slot holds `e`, or else one of its own ladder.
    fn slot_ladder_of(&self, e: &Exercise) -> Option<Ladder> {
        self.slots
            .iter()
            .find(|(_, s)| s.exercise.id == e.id)
            .or_else(|| {
                self.slots
                    .iter()
                    .find(|(_, s)| s.exercise.ladder == e.ladder)
            })
            .map(|(l, _)| *l)
    }

    /// rules §2 pain 5+ with no easier movement below: the library exercise is
    /// stopped for the week and paused; when the user brings it back, it comes back 10–20 %
    /// smaller (in whole reps or sets), its reason saying why.
    fn pause_library(&mut self, e: &'static Exercise, pain: Pain) {
        self.week.stopped.insert(e.id);
        let Some(l) = self
            .slots
            .iter()
            .find(|(_, s)| s.exercise.id == e.id)
            .map(|(l, _)| *l)
        else {
            return;
        };
        self.week.changed.insert(l);
        if let Some(slot) = self.slots.get_mut(&l) {
            let (rx, change) = match less_volume(&slot.rx) {
                Some(rx) => {
                    let change = Change::Volume {
                        from: slot.rx.volume(),
                        to: rx.volume(),
                    };
                    (rx, change)
                }
                None => scale_volume(&slot.rx, 85),
            };
            slot.rx = rx;
            slot.reason = Reason::EasiestAlready {
                pain: pain.value(),
                change,
            };
        }
    }

    /// A session ends; true when a spike stepped what it trained back.
    fn end_session(&mut self, i: usize) -> bool {
        let Some(k) = self.week.lives.iter().position(|(x, _, _)| *x == i) else {
            return false;
        };
        self.week.lives[k].2 = false;
        if self.history.sessions[i].response != Some(Response24h::Spiked) {
            return false;
        }
        // rules §2, a spike: too much too soon. What the session trained steps back for
        // the rest of the week and the next, once a week per ladder.
        let trained: Vec<&'static str> = self.week.lives[k]
            .1
            .blocks
            .iter()
            .filter(|b| b.steps.iter().any(|s| s.sets_done() > 0) || !b.pains.is_empty())
            .filter_map(|b| b.current().item.library())
            .map(|e| e.id)
            .collect();
        let ladders: Vec<Ladder> = self
            .slots
            .iter()
            .filter(|(l, s)| trained.contains(&s.exercise.id) && !self.week.changed.contains(l))
            .map(|(l, _)| *l)
            .collect();
        for l in ladders {
            let slot = self.slots[&l].clone();
            let mut next = self.stepped_back(&slot);
            if next.exercise.id != slot.exercise.id {
                // An easier variation coming in mid-week: within the week's 10 %.
                let (rx, only_in) = self.mid_week_with(l, next.exercise, next.rx.clone(), None);
                next.rx = rx;
                next.only_in = only_in;
            }
            self.slots.insert(l, next);
            self.week.changed.insert(l);
        }
        true
    }

    /// rules §2 spike: 10–20 % lighter, or fewer reps, or an easier variation.
    fn stepped_back(&self, slot: &Slot) -> Slot {
        let ex = slot.exercise;
        match step_back_dose(&slot.rx, ex, self.owned(), self.phase.number()) {
            // A choice made by hand stays one: swapping back still restores the plan's.
            StepBack::Lighter(rx, c) | StepBack::LessVolume(rx, c) => Slot {
                rx,
                reason: Reason::SteppedBack(c),
                ..slot.clone()
            },
            StepBack::Easier(e) => Slot {
                reason: Reason::SteppedBackEasier { from: ex.id },
                before_choice: slot.before_choice.clone(),
                ..self.fresh(e, Reason::Start)
            },
            StepBack::AsSmallAsItGoes => Slot {
                reason: Reason::HeldSmallest,
                ..slot.clone()
            },
        }
    }

    /// A swap chosen by hand; ignored when stale or not valid for this user now. Swapping
    /// back to what a swap replaced restores it as it was.
    fn apply_swap(&mut self, from: &str, to: &str) {
        let Some(target) = exercise(to) else { return };
        let Some(l) = self
            .slots
            .iter()
            .find(|(_, s)| s.exercise.id == from)
            .map(|(l, _)| *l)
        else {
            return;
        };
        let slot = self.slots[&l].clone();
        let next = match slot.before_choice.as_deref() {
            Some(before)
                if before.exercise.id == to
                    && swap_allowed(before.exercise, self.owned(), self.phase)
                    && !held_back(
                        before.exercise,
                        &self.week.stopped.iter().copied().collect::<Vec<_>>(),
                    ) =>
            {
                // Back as it was (on the equipment the user has now), within this week's 10 %.
                let rx = self.on_equipment_now(before.exercise, &before.rx);
                let (rx, only_in) = self.mid_week_with(l, before.exercise, rx, self.open_slot());
                Slot {
                    rx,
                    only_in,
                    reason: Reason::BackToPlan {
                        from: slot.exercise.id,
                    },
                    ..before.clone()
                }
            }
            _ => {
                let in_use = self.slots.values().any(|s| s.exercise.id == to);
                if in_use
                    || target.ladder != slot.exercise.ladder
                    || !swap_allowed(target, self.owned(), self.phase)
                    || held_back(
                        target,
                        &self.week.stopped.iter().copied().collect::<Vec<_>>(),
                    )
                {
                    return;
                }
                let before = match slot.before_choice.clone() {
                    Some(b) => b,
                    None => Box::new(slot.clone()),
                };
                // No room left for it in this week's 10 %: the swap waits (the app does not
                // offer it).
                let Some((rx, only_in)) =
                    self.dosing()
                        .dose(l, target, &self.sessions_now(), self.open_slot())
                else {
                    return;
                };
                let only_in = Some(only_in);
                Slot {
                    exercise: target,
                    rx,
                    reason: Reason::ChosenByYou {
                        from: slot.exercise.id,
                    },
                    chosen: true,
                    before_choice: Some(before),
                    only_in,
                }
            }
        };
        let item =
            ServedItem::from_library(next.exercise, &next.rx, next.reason.clone(), next.chosen);
        // A session under way takes it only where this week has room for it.
        let room = |slot: u8| next.only_in.as_ref().is_none_or(|o| o.contains(&slot));
        for (_, live, open) in &mut self.week.lives {
            if *open && room(live.slot) {
                live.swap(from, item.clone());
            }
        }
        self.slots.insert(l, next);
    }

    /// rules §4: new equipment counts from the next session. An exercise the user can
    /// no longer do moves to the nearest rung they can; loads go to the new real steps,
    /// never up; and the week stays within its 10 %.
    fn apply_setup(&mut self, i: usize) {
        let before = self.profile.equipment.clone();
        self.profile = self.base.with_setup(&self.history.setups[i].setup);
        let ladders: Vec<Ladder> = self.slots.keys().copied().collect();
        for l in ladders {
            let slot = self.slots[&l].clone();
            let owned = self.owned().clone();
            let still = slot.exercise.is_doable_with(&owned);
            if let Some(to) = self.uses_new_equipment(l, &slot, &before).filter(|_| still) {
                self.move_to_new_equipment(l, &slot, to);
                continue;
            }
            let mut rx = slot.rx.clone();
            if still && !owned.has(rx.equipment) {
                rx.equipment = slot
                    .exercise
                    .equipment_for(&owned)
                    .unwrap_or(super::equipment::Equipment::Bodyweight);
            }
            let reround = |rx: &mut Prescription| {
                if rx.equipment.is_loadable() {
                    for s in &mut rx.sets {
                        s.load = owned.round_down(rx.equipment, s.load);
                    }
                } else {
                    rx.sets.iter_mut().for_each(|s| s.load = Grams::ZERO);
                }
            };
            reround(&mut rx);
            let fits = still && rx.max_load() <= slot.rx.max_load();
            if fits {
                if rx != slot.rx {
                    self.slots.insert(
                        l,
                        Slot {
                            rx,
                            reason: Reason::EquipmentLoads,
                            ..slot
                        },
                    );
                }
                continue;
            }
            // The nearest lower rung the new equipment allows that no other slot holds and
            // no pain held back this week; else where the ladder starts.
            let in_use: Vec<&str> = self
                .slots
                .iter()
                .filter(|(x, _)| **x != l)
                .map(|(_, s)| s.exercise.id)
                .collect();
            let stopped: Vec<&'static str> = self.week.stopped.iter().copied().collect();
            let usable = |e: &&'static Exercise| {
                e.is_doable_with(&owned)
                    && e.allowed_in_phase(self.phase.number())
                    && !in_use.contains(&e.id)
                    && !held_back(e, &stopped)
            };
            let to = ladder(slot.exercise.ladder)
                .take(slot.exercise.rung())
                .filter(usable)
                .last()
                .or_else(|| {
                    starting_exercise(l, &self.profile, self.phase, &in_use)
                        .filter(|e| !held_back(e, &stopped))
                });
            if let Some(to) = to {
                let (rx, only_in) = self.mid_week(l, to, None);
                self.slots.insert(
                    l,
                    Slot {
                        exercise: to,
                        rx,
                        reason: Reason::EquipmentChanged {
                            from: slot.exercise.id,
                        },
                        chosen: false,
                        before_choice: None,
                        only_in,
                    },
                );
            } else {
                self.slots.remove(&l);
            }
        }
    }

    /// `rx` of `e` on the equipment the user has now: the same loads on their real steps
    /// (never up), or, when what carried it is gone and its replacement is loaded
    /// differently, the light start of `e`.
    fn on_equipment_now(&self, e: &'static Exercise, rx: &Prescription) -> Prescription {
        let owned = self.owned();
        if owned.has(rx.equipment) {
            let mut rx = rx.clone();
            if rx.equipment.is_loadable() {
                for s in &mut rx.sets {
                    s.load = owned.round_down(rx.equipment, s.load);
                }
            }
            return rx;
        }
        let eq = e
            .equipment_for(owned)
            .unwrap_or(super::equipment::Equipment::Bodyweight);
        if eq.is_loadable() != rx.equipment.is_loadable() {
            return starting_dose(e, owned, self.phase);
        }
        let mut rx = rx.clone();
        rx.equipment = eq;
        for s in &mut rx.sets {
            s.load = if eq.is_loadable() {
                owned.round_down(eq, s.load)
            } else {
                Grams::ZERO
            };
        }
        rx
    }

    /// rules §4, equipment added: the variation of `slot`'s ladder for this phase that
    /// is done with equipment the user did not have (`before`), no harder than today's
    /// rung — the hardest such, which may be today's exercise itself, now with it. A
    /// choice made by hand stays as it is.
    fn uses_new_equipment(
        &self,
        l: Ladder,
        slot: &Slot,
        before: &EquipmentSet,
    ) -> Option<&'static Exercise> {
        if slot.chosen {
            return None;
        }
        let owned = self.owned();
        let added = |e: &Exercise| {
            e.equipment_for(owned)
                .is_some_and(|eq| eq != slot.rx.equipment && !before.has(eq))
        };
        let in_use: Vec<&str> = self
            .slots
            .iter()
            .filter(|(x, _)| **x != l)
            .map(|(_, s)| s.exercise.id)
            .collect();
        let stopped: Vec<&'static str> = self.week.stopped.iter().copied().collect();
        ladder(slot.exercise.ladder)
            .take(slot.exercise.rung() + 1)
            .filter(|e| added(e) && auto_allowed(e, &self.profile, self.phase))
            .filter(|e| !in_use.contains(&e.id) && !held_back(e, &stopped))
            .filter(|e| !self.paused.contains(e.id))
            .last()
    }

    /// The slot of ladder `l` moves to `to` with the new equipment, from a light start held
    /// to last week's dose of what it replaces: +10 % at most, rep for rep where that was
    /// done without load (`progression::loaded_after_unloaded`).
    fn move_to_new_equipment(&mut self, l: Ladder, slot: &Slot, to: &'static Exercise) {
        let from = slot.exercise;
        let rx = starting_dose(to, self.owned(), self.phase);
        let last = self
            .last_week
            .get(from.id)
            .or(self.last_week.get(to.id))
            .copied();
        let (rx, only_in) = match self.dosing().fit_from(
            l,
            to,
            rx.clone(),
            last,
            &[from.id],
            &self.sessions_now(),
            None,
        ) {
            Some((fitted, only_in)) => (fitted, Some(only_in)),
            None => (rx, Some(Vec::new())),
        };
        let equipment = rx.equipment;
        self.slots.insert(
            l,
            Slot {
                exercise: to,
                rx,
                reason: Reason::NewEquipment {
                    from: (to.id != from.id).then_some(from.id),
                    equipment,
                },
                chosen: false,
                before_choice: None,
                only_in,
            },
        );
    }

    /// Each exercise's weekly dose as the plan shows it at moment `at` of this week: in
    /// flare-up mode or easing back in (a flare this week, up to `at`), only a session
    /// still open shows.
    fn view_at(&self, at: i64, spans: &[FlareSpan]) -> Vec<(&'static Exercise, WeeklyDose)> {
        let training = self.training_at(at, spans);
        // The same figures as `weekly_doses(&self.sessions_now())`, without building the
        // sessions: this runs after every change of a week of history. A plan holds a
        // dozen exercises: a list is quicker than a map.
        let mut out: Vec<(&'static Exercise, WeeklyDose)> = Vec::with_capacity(16);
        for i in 0..self.templates.len() {
            for (e, d) in self.slot_view(i as u8, training) {
                match out.iter_mut().find(|(x, _)| std::ptr::eq(*x, e)) {
                    Some((_, sum)) => sum.add(d),
                    None => out.push((e, d)),
                }
            }
        }
        out
    }

    /// Whether the plan is in training mode at moment `at` of this week (not a flare, nor
    /// easing back in).
    fn training_at(&self, at: i64, spans: &[FlareSpan]) -> bool {
        let week_from = self.week_from();
        mode_at(at, moment(week_from, 0), spans, &[], week_from) == Mode::Training
    }

    /// What session `slot` of the week shows of each library exercise: the session under
    /// way (or done) as it serves, else what is planned; in flare-up mode or easing back
    /// in (`training` false), only a session still open.
    fn slot_view(&self, slot: u8, training: bool) -> Vec<(&'static Exercise, WeeklyDose)> {
        match self
            .week
            .lives
            .iter()
            .rev()
            .find(|(_, l, _)| l.slot == slot)
        {
            Some((_, _, open)) if !training && !open => Vec::new(),
            Some((_, live, _)) => live
                .blocks
                .iter()
                .filter_map(|b| {
                    let item = &b.current().item;
                    Some((item.library()?, item.weekly_dose()))
                })
                .collect(),
            None if training => self
                .slots_of(slot)
                .map(|s| (s.exercise, WeeklyDose::of(&s.rx, 1)))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The week's sessions as they stand now.
    fn sessions_now(&self) -> Vec<PlannedSession> {
        let dates = session_dates(&self.week_profile, self.week_no());
        self.templates
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let slot = i as u8;
                let date = dates.get(i).copied().unwrap_or(self.week_from());
                let live = self
                    .week
                    .lives
                    .iter()
                    .rev()
                    .find(|(_, l, _)| l.slot == slot);
                match live {
                    Some((h, live, _)) => {
                        let exercises: Vec<PlannedExercise> = live
                            .blocks
                            .iter()
                            .filter_map(|b| {
                                let step = b.current();
                                let e = step.item.library()?;
                                let rx = step.item.prescription();
                                Some(PlannedExercise {
                                    exercise: e,
                                    ramp_up: ramp_up_sets(
                                        rx.max_load(),
                                        rx.equipment,
                                        self.owned(),
                                    ),
                                    prescription: rx,
                                    reason: step.item.reason.clone().unwrap_or(Reason::Start),
                                    chosen: step.item.origin == Origin::ChosenByYou,
                                })
                            })
                            .collect();
                        let extras = live
                            .blocks
                            .iter()
                            .map(|b| &b.current().item)
                            .filter(|i| i.library().is_none())
                            .cloned()
                            .collect();
                        let loaded = exercises.iter().any(|e| e.prescription.is_loaded());
                        PlannedSession {
                            slot,
                            date,
                            warm_up: warm_up(loaded),
                            exercises,
                            extras,
                            started: true,
                            finished: self.history.sessions[*h].finished,
                            live: Some(live.clone()),
                        }
                    }
                    None => {
                        let exercises = self.planned(slot);
                        let loaded = exercises.iter().any(|e| e.prescription.is_loaded());
                        PlannedSession {
                            slot,
                            date,
                            warm_up: warm_up(loaded),
                            exercises,
                            extras: self.extras(),
                            started: false,
                            finished: false,
                            live: None,
                        }
                    }
                }
            })
            .collect()
    }

    fn week_no(&self) -> u32 {
        self.week_index
    }

    fn week_from(&self) -> NaiveDate {
        week_start(self.base.start, self.week_index)
    }
}

impl State<'_> {
    /// A week boundary: judge week `w - 1` as it finally stood, then set week `w`.
    fn boundary(&mut self, w: u32, tl: &Timeline, spans: &[FlareSpan]) {
        let start = self.base.start;
        let (from, to) = (
            moment(week_start(start, w - 1), 0),
            moment(week_start(start, w), 0),
        );
        // The base of the 10 %: the least the user saw of each exercise during the week,
        // from its first moment to its last (after stops, swaps, a flare).
        self.see(to - 1, spans);
        let record = std::mem::take(&mut self.seen).to_map();
        let touched = spans
            .iter()
            .any(|s| s.start.1 < to && s.end.is_none_or(|(_, e)| e > from));
        // A flare running as the week begins.
        let flare_now = spans.iter().any(|s| s.runs_at(to));
        let summary = self.week_summary(touched);

        if touched || flare_now {
            self.walking_step = None;
            self.walking = self.walking.min(WALK_START_MINUTES);
        } else {
            let (total, step) = walking_progression(self.walking, tl.checkins(w - 1));
            self.walking = total;
            self.walking_step = Some(step);
        }

        // The last week before a flare: the week before the one it began in, and that week
        // until it began, whichever was less.
        if (touched || flare_now) && self.before_flare.is_none() {
            self.before_flare = Some(least_of(&self.last_week, &record));
        }
        let mut back_from_flare = None;
        let mut new_phase = false;
        if flare_now {
            self.flare_pending = true;
            self.phase_weeks.push(summary);
        } else if touched || self.flare_pending {
            self.resume_after_flare();
            back_from_flare = self.before_flare.take();
            new_phase = true;
        } else {
            let trained = self
                .week
                .lives
                .iter()
                .any(|(_, l, _)| l.sets_logged() > 0 || l.worst_pain().is_some());
            if trained {
                self.idle_weeks = 0;
                // A paused exercise waits as it is, its lighter dose kept for its return.
                // Judged out of the map (nothing reads a slot's own place while it is).
                let slots = std::mem::take(&mut self.slots);
                self.slots = slots
                    .into_iter()
                    .map(|(l, s)| {
                        if self.week.changed.contains(&l) || self.paused.contains(s.exercise.id) {
                            (l, s)
                        } else {
                            (l, self.decide(s))
                        }
                    })
                    .collect();
            } else {
                self.idle_weeks += 1;
                let welcome_back = self.idle_weeks == 2;
                for slot in self.slots.values_mut() {
                    if welcome_back {
                        let (rx, change) = scale_volume(&slot.rx, 90);
                        slot.rx = rx;
                        slot.reason = Reason::WelcomeBack(change);
                    } else if !self.week.changed.contains(&slot.exercise.ladder) {
                        slot.reason = Reason::HeldNotTrained;
                    }
                }
            }
            self.phase_weeks.push(summary);
            if let PhaseStep::Up(next) = phase_rule(self.phase, &self.phase_weeks) {
                self.phase = next;
                self.phase_weeks.clear();
                new_phase = true;
            }
        }

        self.week = Week::default();
        self.week_index = w;
        self.week_profile = self.profile.clone();
        self.retemplate(new_phase);
        self.ceiling = back_from_flare
            .map(|before| self.first_week_back(&before))
            .unwrap_or_default();
        self.cap_to(&record);
        self.last_week = record;
    }

    /// rules §5: the most of each exercise in the first week back after a flare, from
    /// the last week before it, with the real loads the user's equipment has.
    fn first_week_back(
        &self,
        before: &BTreeMap<&'static str, WeeklyDose>,
    ) -> BTreeMap<&'static str, WeeklyDose> {
        let owned = self.owned();
        before
            .iter()
            .map(|(id, d)| {
                let eq = self
                    .slots
                    .values()
                    .find(|s| s.exercise.id == *id)
                    .map(|s| s.rx.equipment)
                    .or_else(|| exercise(id).and_then(|e| e.equipment_for(owned)));
                let target = Grams(resume_share(u64::from(d.load.0)) as u32);
                let lighter = eq
                    .filter(|e| e.is_loadable() && !d.load.is_zero())
                    .map(|e| owned.round_down(e, target));
                (*id, first_week_back(*d, lighter))
            })
            .collect()
    }

    fn week_summary(&self, flare: bool) -> WeekSummary {
        let lives = &self.week.lives;
        WeekSummary {
            sessions: lives.iter().filter(|(_, l, _)| l.sets_logged() > 0).count() as u32,
            max_pain: lives
                .iter()
                .filter_map(|(_, l, _)| l.worst_pain())
                .map(|p| p.value())
                .max()
                .unwrap_or(0),
            spike: lives
                .iter()
                .any(|(i, _, _)| self.history.sessions[*i].response == Some(Response24h::Spiked)),
            flare,
        }
    }

    /// rules §5: after a flare, one phase lower and 20 % lighter.
    fn resume_after_flare(&mut self) {
        self.flare_pending = false;
        self.phase = phase_after_flare(self.phase);
        self.phase_weeks.clear();
        let owned = self.owned().clone();
        for slot in self.slots.values_mut() {
            if slot.rx.is_loaded() {
                let to = owned.round_down(slot.rx.equipment, Grams(slot.rx.max_load().0 / 10 * 8));
                slot.rx
                    .sets
                    .iter_mut()
                    .for_each(|s| s.load = s.load.min(to));
            } else {
                slot.rx = scale_volume(&slot.rx, 80).0;
            }
            slot.reason = Reason::AfterFlare;
        }
    }

    /// One ladder's verdict on last week, in the order of rules §2 and §3.
    fn decide(&self, slot: Slot) -> Slot {
        match self.judge(&slot) {
            Verdict::NotTrained => Slot {
                reason: Reason::HeldNotTrained,
                ..slot
            },
            Verdict::Dose(DoseDecision::StepBack) => self.stepped_back(&slot),
            Verdict::Dose(DoseDecision::Hold) => Slot {
                reason: Reason::HeldStillRaised,
                ..slot
            },
            Verdict::Modified(p) => Slot {
                reason: Reason::HeldPain(p),
                ..slot
            },
            Verdict::Incomplete => Slot {
                reason: Reason::HeldIncomplete,
                ..slot
            },
            Verdict::NoResponse => Slot {
                reason: Reason::HeldNoResponse,
                ..slot
            },
            Verdict::Dose(DoseDecision::Progress) => {
                let phase = self.phase;
                match progress_dose(
                    &slot.rx,
                    slot.exercise,
                    self.owned(),
                    phase.number(),
                    weekly_increase_permille(phase),
                ) {
                    Progress::Increased(rx, c) => Slot {
                        rx,
                        reason: Reason::Progressed(c),
                        ..slot
                    },
                    Progress::AtTop => match harder(slot.exercise, &self.profile, phase) {
                        Some(e) => Slot {
                            reason: Reason::LadderUp {
                                from: slot.exercise.id,
                            },
                            ..self.fresh(e, Reason::Start)
                        },
                        None => Slot {
                            reason: Reason::HeldAtTop,
                            ..slot
                        },
                    },
                }
            }
        }
    }

    /// A week of one exercise judged by the rules, most serious first (pain 5+ was acted
    /// on during the week): the 24-hour response, pain 3–4, unfinished sets, a next-day
    /// question left unanswered. Only the sessions that served this exercise count.
    fn judge(&self, slot: &Slot) -> Verdict {
        let id = slot.exercise.id;
        // The blocks that served it, with the next-day answer of their session.
        let blocks = || {
            self.week.lives.iter().flat_map(move |(i, live, _)| {
                let response = self.history.sessions[*i].response;
                live.blocks
                    .iter()
                    .filter(move |b| b.current().item.key == id)
                    .map(move |b| (b, response))
            })
        };
        if blocks().next().is_none() {
            return Verdict::NotTrained;
        }
        let unanswered = blocks().any(|(_, r)| r.is_none());
        let response = worst_response(blocks().filter_map(|(_, r)| r));
        if let Some(d @ (DoseDecision::StepBack | DoseDecision::Hold)) =
            response.map(twenty_four_hour_rule)
        {
            return Verdict::Dose(d);
        }
        let worst = blocks().filter_map(|(b, _)| b.worst_pain_of(id)).max();
        if let Some(p) = worst.filter(|p| pain_band(*p) != PainBand::Go) {
            return Verdict::Modified(p.value());
        }
        let complete = blocks().all(|(b, _)| {
            let step = b.current();
            let done = || step.done.iter().filter(|s| s.amount > 0);
            done().count() >= step.item.targets.len()
                && step
                    .item
                    .targets
                    .iter()
                    .zip(done())
                    .all(|(t, d)| d.amount >= t.amount && d.load >= t.load)
        });
        if !complete {
            return Verdict::Incomplete;
        }
        if unanswered {
            return Verdict::NoResponse;
        }
        Verdict::Dose(DoseDecision::Progress)
    }

    /// rules §3: no exercise rises more than 10 % in load or in weekly volume over
    /// last week, whatever changed; the heavier step of double progression keeps the
    /// volume where it was. A dose that would need sets too small to count goes in fewer
    /// of the week's sessions; what cannot fit at all moves one rung down until something
    /// does, or waits a week.
    fn cap_to(&mut self, record: &BTreeMap<&'static str, WeeklyDose>) {
        // Fitted in place, out of the map (nothing below reads another slot).
        let mut slots = std::mem::take(&mut self.slots);
        // What earlier slots already take of an exercise's week.
        let mut taken: BTreeMap<&'static str, WeeklyDose> = BTreeMap::new();
        for (l, slot) in slots.iter_mut() {
            let sessions: Vec<u8> = self
                .templates
                .iter()
                .enumerate()
                .filter(|(_, t)| t.contains(l))
                .map(|(i, _)| i as u8)
                .collect();
            slot.only_in = None;
            loop {
                let id = slot.exercise.id;
                let heavier = matches!(slot.reason, Reason::Progressed(Change::Heavier { .. }));
                let already = taken.get(id).copied().unwrap_or_default();
                let (last, ceiling) = (record.get(id).copied(), self.ceiling.get(id).copied());
                let Some(limit) = this_week_limit(last, ceiling, already, heavier) else {
                    break;
                };
                match fit_sessions(
                    &slot.rx,
                    sessions.len() as u32,
                    limit,
                    self.owned(),
                    slot.exercise.range.0,
                ) {
                    Some((rx, k)) => {
                        let trimmed = rx.is_some() || (k as usize) < sessions.len();
                        if let Some(rx) = rx {
                            slot.rx = rx;
                        }
                        if trimmed {
                            // A rise held back says so; a dose already lower for a reason
                            // (after a flare, a break, pain) keeps its reason.
                            if matches!(
                                slot.reason,
                                Reason::Progressed(_)
                                    | Reason::Start
                                    | Reason::LadderUp { .. }
                                    | Reason::GoalLift { .. }
                                    | Reason::HeldAtTop
                                    | Reason::HeldNotTrained
                                    | Reason::HeldIncomplete
                                    | Reason::HeldNoResponse
                                    | Reason::HeldPain(_)
                                    | Reason::HeldStillRaised
                                    | Reason::HeldSmallest
                            ) {
                                slot.reason = Reason::CappedWeekly;
                            }
                        }
                        if (k as usize) < sessions.len() {
                            slot.only_in = Some(sessions[..k as usize].to_vec());
                        }
                        break;
                    }
                    None => match lower_rung(slot.exercise, self.owned(), self.phase.number()) {
                        Some(e) => {
                            *slot = Slot {
                                reason: Reason::CappedWeekly,
                                ..self.fresh(e, Reason::Start)
                            }
                        }
                        None => {
                            slot.only_in = Some(Vec::new());
                            break;
                        }
                    },
                }
            }
            let k = slot.only_in.as_ref().map_or(sessions.len(), Vec::len) as u32;
            taken
                .entry(slot.exercise.id)
                .or_default()
                .add(WeeklyDose::of(&slot.rx, k));
        }
        self.slots = slots;
    }

    fn this_week(self, week: u32, today: NaiveDate, spans: &[FlareSpan]) -> Plan {
        let week_from = week_start(self.base.start, week);
        // The last moment `today` can have anywhere: everything stored for today is in.
        let end_of_today = moment(today + chrono::Days::new(1), 0) + 28 * 3_600_000 - 1;
        let mode = mode_at(
            end_of_today,
            moment(week_from, 0),
            spans,
            &self.history.checkins,
            today,
        );
        let phase_step = phase_rule(self.phase, &self.phase_weeks);
        let weeks_in_phase = self.phase_weeks.len() as u32 + 1;
        let training = mode == Mode::Training;
        // The whole week, whatever the mode: a dose for a swap counts every session left.
        let week_sessions = self.sessions_now();
        let sessions: Vec<PlannedSession> = week_sessions
            .iter()
            .filter(|s| training || s.is_open())
            .cloned()
            .collect();
        let flare_routine = if matches!(mode, Mode::Flare { .. }) {
            FLARE_EXERCISES
                .iter()
                .filter_map(|id| exercise(id))
                .map(|e| (e, e.range.0))
                .collect()
        } else {
            Vec::new()
        };
        let walking = if training {
            walking_split(self.walking)
        } else {
            walking_split(self.walking.min(WALK_START_MINUTES))
        };
        let own = self
            .base
            .own
            .iter()
            .map(|o| {
                let careful = careful_for_now(o.careful, self.phase);
                PlannedOwn {
                    own: o.clone(),
                    careful_for_now: careful,
                    alternative: careful
                        .then(|| safe_alternative(o, self.owned(), self.phase))
                        .flatten(),
                    paused: self.paused.contains(&o.log_id()),
                }
            })
            .collect();
        let rehab = self
            .base
            .rehab
            .iter()
            .map(|r| PlannedRehab {
                rehab: r.clone(),
                paused: self.paused.contains(&r.log_id()),
            })
            .collect();
        Plan {
            day: today,
            week: week + 1,
            phase: self.phase,
            weeks_in_phase,
            phase_step,
            walking,
            walking_step: self.walking_step,
            mobility: daily_mobility(today),
            flare_routine,
            rehab,
            own,
            mode,
            sessions,
            phase_history: Vec::new(),
            equipment: self.profile.equipment.clone(),
            stopped_this_week: self.week.stopped.iter().copied().collect(),
            paused: self
                .slots
                .values()
                .filter(|s| self.paused.contains(s.exercise.id))
                .map(|s| s.exercise)
                .collect(),
            dosing: self.dosing(),
            week_sessions,
        }
    }
}

/// rules §5 at moment `at` of the week that began at `week_from` (ms): flare-up mode
/// while a flare runs; easing back in for the rest of a week a flare ran in; training
/// otherwise. The plan for a day is the plan at the end of that day; every view the
/// planner takes inside a week uses the same rule at its own moment.
fn mode_at(
    at: i64,
    week_from: i64,
    spans: &[FlareSpan],
    checkins: &[CheckIn],
    day: NaiveDate,
) -> Mode {
    if let Some(s) = spans.iter().rev().find(|s| s.runs_at(at)) {
        return Mode::Flare {
            since: s.start.0,
            exit_ready: flare_exit_ready(checkins, s.start.0, day),
        };
    }
    let touched = spans
        .iter()
        .any(|s| s.start.1 <= at && s.end.is_none_or(|(_, e)| e > week_from));
    if touched {
        Mode::Resuming
    } else {
        Mode::Training
    }
}

/// The least the plan showed of each exercise so far this week. A week's plan holds a
/// dozen exercises, and this is updated after every change: a list, compared by the
/// library entry itself, is quicker than a map of names.
#[derive(Debug, Clone, Default)]
struct Seen(Vec<(&'static Exercise, WeeklyDose)>);

impl Seen {
    /// Keeps, field by field, the least of what was seen and `d`.
    fn take_least(&mut self, e: &'static Exercise, d: WeeklyDose) {
        match self.0.iter_mut().find(|(x, _)| std::ptr::eq(*x, e)) {
            Some((_, r)) => {
                r.volume = r.volume.min(d.volume);
                r.amount = r.amount.min(d.amount);
                r.load = r.load.min(d.load);
            }
            None => self.0.push((e, d)),
        }
    }

    fn clear(&mut self) {
        self.0.clear();
    }

    fn to_map(&self) -> BTreeMap<&'static str, WeeklyDose> {
        self.0.iter().map(|(e, d)| (e.id, *d)).collect()
    }

    fn from_map(m: &BTreeMap<&'static str, WeeklyDose>) -> Seen {
        Seen(
            m.iter()
                .filter_map(|(id, d)| Some((exercise(id)?, *d)))
                .collect(),
        )
    }
}

/// Whether two views of a session show the same exercises (the same library entries) at
/// the same doses.
fn same_view(a: &[(&'static Exercise, WeeklyDose)], b: &[(&'static Exercise, WeeklyDose)]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|((x, d), (y, e))| std::ptr::eq(*x, *y) && d == e)
}

/// Each exercise's least of two weeks' doses: field by field where both have it.
fn least_of(
    a: &BTreeMap<&'static str, WeeklyDose>,
    b: &BTreeMap<&'static str, WeeklyDose>,
) -> BTreeMap<&'static str, WeeklyDose> {
    let mut out = a.clone();
    for (id, d) in b {
        out.entry(id)
            .and_modify(|x| {
                x.volume = x.volume.min(d.volume);
                x.amount = x.amount.min(d.amount);
                x.load = x.load.min(d.load);
            })
            .or_insert(*d);
    }
    out
}

fn harder(ex: &Exercise, profile: &Profile, phase: Phase) -> Option<&'static Exercise> {
    ladder(ex.ladder)
        .skip(ex.rung() + 1)
        .find(|e| auto_allowed(e, profile, phase))
}

enum Verdict {
    NotTrained,
    Dose(DoseDecision),
    Modified(u8),
    Incomplete,
    NoResponse,
}
