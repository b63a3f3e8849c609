//! The planner: profile + history + date → this week's plan. A pure, deterministic fold
//! over the program's weeks; every decision carries its `Reason`.

use super::equipment::EquipmentSet;
use super::flare::{flare_exit_ready, flare_periods, in_flare, FLARE_EXERCISES};
use super::habits::{
    daily_mobility, walking_progression, walking_split, WalkingStep, WalkingTarget,
    WALK_START_MINUTES,
};
use super::history::{CheckIn, History, Response24h, SessionLog};
use super::library::{exercise, ladder, Exercise, Ladder, Measure, Pattern};
use super::pain::{pain_band, PainBand};
use super::phase::{phase_after_flare, phase_rule, Phase, PhaseStep, WeekSummary};
use super::prescription::{Prescription, SetTarget};
use super::profile::{Experience, Goal, Profile, RehabExercise};
use super::progression::{
    cap_weekly_increase, progress_dose, scale_volume, step_back_dose, Progress, StepBack,
    WeeklyDose, DEFAULT_INCREASE_PERMILLE, SLOW_INCREASE_PERMILLE,
};
use super::reason::Reason;
use super::response::{twenty_four_hour_rule, worst_response, DoseDecision};
use super::safety::{red_flag_gate, Clearance, Gate, RedFlagAnswers};
use super::schedule::{session_dates, week_index, week_start};
use super::session::{ramp_up_sets, session_templates, warm_up, WarmUp};
use super::units::Grams;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// The red-flag record the gate reads.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Safety {
    pub answers: RedFlagAnswers,
    pub clearances: Vec<Clearance>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedExercise {
    pub exercise: &'static Exercise,
    pub prescription: Prescription,
    pub ramp_up: Vec<SetTarget>,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedSession {
    /// 0 = A, 1 = B, …
    pub slot: u8,
    pub date: NaiveDate,
    pub warm_up: Vec<WarmUp>,
    pub exercises: Vec<PlannedExercise>,
    pub logged: bool,
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
    pub rehab: Vec<RehabExercise>,
    /// The user's own exercises, done at the end of each strength session.
    pub own: Vec<super::profile::OwnExercise>,
    /// The phase of every program week so far, week 1 first (this week last).
    pub phase_history: Vec<Phase>,
}

impl Plan {
    /// The session planned for `day`, if it is a strength day and not yet logged.
    pub fn session_on(&self, day: NaiveDate) -> Option<&PlannedSession> {
        self.sessions.iter().find(|s| s.date == day && !s.logged)
    }

    /// The first session of the week not yet logged, for training on another day.
    pub fn next_session(&self) -> Option<&PlannedSession> {
        self.sessions.iter().find(|s| !s.logged)
    }

    /// Each exercise's planned dose over the week: weekly volume and reps or seconds.
    pub fn weekly_doses(&self) -> BTreeMap<&'static str, WeeklyDose> {
        let mut out: BTreeMap<&'static str, WeeklyDose> = BTreeMap::new();
        for pe in self.sessions.iter().flat_map(|s| &s.exercises) {
            let d = out.entry(pe.exercise.id).or_default();
            d.volume += pe.prescription.volume();
            d.amount += u64::from(pe.prescription.total_amount());
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    exercise: &'static Exercise,
    rx: Prescription,
    reason: Reason,
    chosen: bool,
}

struct State<'a> {
    profile: &'a Profile,
    phase: Phase,
    phase_weeks: Vec<WeekSummary>,
    templates: Vec<Vec<Ladder>>,
    slots: BTreeMap<Ladder, Slot>,
    last_week: BTreeMap<&'static str, WeeklyDose>,
    idle_weeks: u32,
    walking: u16,
    walking_step: Option<WalkingStep>,
    flare_pending: bool,
}

/// History bucketed by program week, read once.
struct Weeks<'h> {
    sessions: Vec<Vec<&'h SessionLog>>,
    checkins: Vec<Vec<&'h CheckIn>>,
}

impl<'h> Weeks<'h> {
    fn new(profile: &Profile, history: &'h History, today: NaiveDate, weeks: usize) -> Self {
        let mut sessions = vec![Vec::new(); weeks];
        let mut checkins = vec![Vec::new(); weeks];
        for s in history
            .sessions
            .iter()
            .filter(|s| s.day <= today && s.day >= profile.start)
        {
            sessions[week_index(profile.start, s.day) as usize].push(s);
        }
        for c in history
            .checkins
            .iter()
            .filter(|c| c.day <= today && c.day >= profile.start)
        {
            checkins[week_index(profile.start, c.day) as usize].push(c);
        }
        for w in &mut sessions {
            w.sort_by_key(|s| (s.day, s.slot));
        }
        for w in &mut checkins {
            w.sort_by_key(|c| c.day);
        }
        Weeks { sessions, checkins }
    }
}

/// Plans `today` for this profile and history: the red-flag gate first (DOMAIN.md §1),
/// then every week from the start replayed in order. Same inputs, same plan.
pub fn plan(
    profile: &Profile,
    safety: &Safety,
    history: &History,
    today: NaiveDate,
) -> Result<Plan, Gate> {
    match red_flag_gate(&safety.answers, &safety.clearances) {
        Gate::Open => {}
        blocked => return Err(blocked),
    }
    let current = week_index(profile.start, today);
    let weeks = Weeks::new(profile, history, today, current as usize + 1);
    let periods = flare_periods(&history.flares);
    let mut swaps: Vec<_> = history.swaps.iter().filter(|s| s.day <= today).collect();
    swaps.sort_by_key(|s| s.day);

    let mut st = State::new(profile);
    let mut phases = vec![st.phase];
    for w in 1..=current {
        st.boundary(w, &weeks, &periods);
        let (from, to) = (
            week_start(profile.start, w - 1),
            week_start(profile.start, w),
        );
        for s in swaps.iter().filter(|s| s.day >= from && s.day < to) {
            st.apply_swap(&s.from, &s.to);
        }
        st.cap_and_record();
        phases.push(st.phase);
    }
    let mut plan = st.this_week(current, today, &weeks, &periods, &swaps, history);
    plan.phase_history = phases;
    Ok(plan)
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
fn starting_exercise(l: Ladder, profile: &Profile, phase: Phase) -> Option<&'static Exercise> {
    let ok: Vec<&'static Exercise> = ladder(l)
        .filter(|e| auto_allowed(e, profile, phase))
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

/// DOMAIN.md §7 (early on: fewer sets, lighter loads): the first dose of an exercise.
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
        Measure::Reps => e.range.0.max(10u16.div_ceil(sets)).min(e.range.1),
        Measure::Seconds | Measure::Minutes => e.range.0,
    };
    let rest_seconds = match (e.measure, eq.is_loadable()) {
        (Measure::Reps, true) if phase == Phase::Reload => 120,
        (Measure::Reps, true) => 90,
        (Measure::Reps, false) => 60,
        (Measure::Seconds, _) => 45,
        (Measure::Minutes, _) => 0,
    };
    Prescription {
        exercise: e.id.to_string(),
        equipment: eq,
        sets: vec![SetTarget { amount, load }; usize::from(sets)],
        tempo: e.tempo.to_string(),
        rest_seconds,
    }
}

fn times_a_week(templates: &[Vec<Ladder>], l: Ladder) -> u32 {
    templates.iter().filter(|s| s.contains(&l)).count() as u32
}

impl<'a> State<'a> {
    fn new(profile: &'a Profile) -> Self {
        let mut st = State {
            profile,
            phase: Phase::Restore,
            phase_weeks: Vec::new(),
            templates: Vec::new(),
            slots: BTreeMap::new(),
            last_week: BTreeMap::new(),
            idle_weeks: 0,
            walking: WALK_START_MINUTES,
            walking_step: None,
            flare_pending: false,
        };
        st.rebuild();
        st.cap_and_record();
        st
    }

    fn owned(&self) -> &'a EquipmentSet {
        &self.profile.equipment
    }

    fn fresh(&self, e: &'static Exercise, reason: Reason) -> Slot {
        Slot {
            exercise: e,
            rx: starting_dose(e, self.owned(), self.phase),
            reason,
            chosen: false,
        }
    }

    /// Sets the week's sessions for the phase; keeps each ladder's exercise and dose when
    /// it is still allowed, starts the others fresh, drops ladders no longer trained.
    fn rebuild(&mut self) {
        let p = self.profile;
        self.templates = session_templates(self.phase, p.clamped_days(), p.session_minutes);
        let mut ladders: Vec<Ladder> = self.templates.iter().flatten().copied().collect();
        ladders.sort();
        ladders.dedup();
        let mut next = BTreeMap::new();
        for l in ladders {
            let keep = self.slots.remove(&l).filter(|s| {
                if s.chosen {
                    s.exercise.allowed_in_phase(self.phase.number())
                        && s.exercise.is_doable_with(self.owned())
                } else {
                    auto_allowed(s.exercise, p, self.phase)
                }
            });
            let slot = match keep {
                Some(s) => s,
                None => match starting_exercise(l, p, self.phase) {
                    Some(e) => self.fresh(e, Reason::Start),
                    None => continue,
                },
            };
            next.insert(l, slot);
        }
        self.slots = next;
        if self.phase == Phase::Reload {
            self.reintroduce_goal_lifts();
        }
    }

    /// DOMAIN.md §4 phase 3: barbell lifts return for users who want them, starting light.
    fn reintroduce_goal_lifts(&mut self) {
        let wanted = match self.profile.goal {
            Goal::DeadliftAgain => (Ladder::Hinge, "barbell-deadlift"),
            Goal::SquatAgain => (Ladder::Squat, "barbell-back-squat"),
            Goal::EverydayStrength | Goal::BackToSport => return,
        };
        let (l, id) = wanted;
        let Some(target) = exercise(id).filter(|e| auto_allowed(e, self.profile, self.phase))
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

    /// A week boundary: judge week `w - 1` and set week `w`.
    fn boundary(&mut self, w: u32, weeks: &Weeks, periods: &[(NaiveDate, Option<NaiveDate>)]) {
        let start = self.profile.start;
        let (from, to) = (week_start(start, w - 1), week_start(start, w));
        let logged = &weeks.sessions[(w - 1) as usize];
        let touched = periods
            .iter()
            .any(|(s, e)| *s < to && e.is_none_or(|e| e > from));
        let summary = week_summary(logged, touched);
        let flare_now = in_flare(periods, to);

        if touched || flare_now {
            self.walking_step = None;
        } else {
            let (total, step) =
                walking_progression(self.walking, &weeks.checkins[(w - 1) as usize]);
            self.walking = total;
            self.walking_step = Some(step);
        }

        if flare_now {
            self.flare_pending = true;
            self.phase_weeks.push(summary);
            return;
        }
        if touched || self.flare_pending {
            self.resume_after_flare();
            return;
        }

        if logged.is_empty() {
            self.idle_weeks += 1;
            let welcome_back = self.idle_weeks == 2;
            for slot in self.slots.values_mut() {
                if welcome_back {
                    let (rx, change) = scale_volume(&slot.rx, 90);
                    slot.rx = rx;
                    slot.reason = Reason::WelcomeBack(change);
                } else {
                    slot.reason = Reason::HeldNotTrained;
                }
            }
        } else {
            self.idle_weeks = 0;
            let changed = self.in_week(logged);
            let ladders: Vec<Ladder> = self
                .slots
                .keys()
                .copied()
                .filter(|l| !changed.contains(l))
                .collect();
            for l in ladders {
                self.decide(l, logged);
            }
        }

        self.phase_weeks.push(summary);
        if let PhaseStep::Up(next) = phase_rule(self.phase, &self.phase_weeks) {
            self.phase = next;
            self.phase_weeks.clear();
            self.rebuild();
        }
    }

    /// DOMAIN.md §5: after a flare, one phase lower and 20 % lighter.
    fn resume_after_flare(&mut self) {
        self.flare_pending = false;
        self.phase = phase_after_flare(self.phase);
        self.phase_weeks.clear();
        let owned = self.owned();
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
        self.rebuild();
    }

    /// DOMAIN.md §2 pain 5+: the next easier rung of the ladder, or on the easiest rung a
    /// smaller dose.
    fn stopped(&self, slot: &Slot, pain: u8) -> Slot {
        let ex = slot.exercise;
        match super::library::easier_variation(ex, self.owned()) {
            Some(e) => Slot {
                reason: Reason::SwappedForPain { from: ex.id, pain },
                ..self.fresh(e, Reason::Start)
            },
            None => {
                let (rx, change) = scale_volume(&slot.rx, 80);
                Slot {
                    rx,
                    reason: Reason::EasiestAlready { pain, change },
                    ..slot.clone()
                }
            }
        }
    }

    /// DOMAIN.md §2 spike: lighter, or an easier variation, for a week.
    fn stepped_back(&self, slot: &Slot) -> Slot {
        let ex = slot.exercise;
        match step_back_dose(&slot.rx, ex, self.owned()) {
            StepBack::Lighter(rx, c) | StepBack::LessVolume(rx, c) => Slot {
                rx,
                reason: Reason::SteppedBack(c),
                ..slot.clone()
            },
            StepBack::Easier(e) => Slot {
                reason: Reason::SteppedBackEasier { from: ex.id },
                ..self.fresh(e, Reason::Start)
            },
        }
    }

    /// What cannot wait for the week's end, replayed session by session: pain 5+ swaps the
    /// movement at once (and again if the easier one hurts too); a spike steps back once.
    /// Returns the ladders it changed.
    fn in_week(&mut self, logged: &[&SessionLog]) -> BTreeSet<Ladder> {
        let mut changed = BTreeSet::new();
        let mut stepped = BTreeSet::new();
        for s in logged {
            let ladders: Vec<Ladder> = self.slots.keys().copied().collect();
            for l in ladders {
                let slot = &self.slots[&l];
                let mine = || s.sets.iter().filter(|x| x.exercise == slot.exercise.id);
                let worst = mine().filter_map(|x| x.pain).max();
                let next = if let Some(p) = worst.filter(|p| pain_band(*p) == PainBand::Stop) {
                    self.stopped(slot, p.value())
                } else if s.response == Some(Response24h::Spiked)
                    && mine().next().is_some()
                    && stepped.insert(l)
                {
                    self.stepped_back(slot)
                } else {
                    continue;
                };
                self.slots.insert(l, next);
                changed.insert(l);
            }
        }
        changed
    }

    /// One ladder's verdict on last week, in the order of DOMAIN.md §2 and §3.
    fn decide(&mut self, l: Ladder, logged: &[&SessionLog]) {
        let profile = self.profile;
        let phase = self.phase;
        let templates = &self.templates;
        let Some(slot) = self.slots.get(&l) else {
            return;
        };
        let (ex, rx) = (slot.exercise, &slot.rx);
        let relevant: Vec<&SessionLog> = logged
            .iter()
            .copied()
            .filter(|s| {
                templates
                    .get(usize::from(s.slot))
                    .is_some_and(|t| t.contains(&l))
                    || s.sets.iter().any(|x| x.exercise == ex.id)
            })
            .collect();
        let verdict = judge(ex, rx, &relevant);
        let owned = self.owned();
        let next = match verdict {
            Verdict::NotTrained => Slot {
                reason: Reason::HeldNotTrained,
                ..slot.clone()
            },
            Verdict::Stop(pain) => self.stopped(slot, pain),
            Verdict::Dose(DoseDecision::StepBack) => self.stepped_back(slot),
            Verdict::Dose(DoseDecision::Hold) => Slot {
                reason: Reason::HeldStillRaised,
                ..slot.clone()
            },
            Verdict::Modified(p) => Slot {
                reason: Reason::HeldPain(p),
                ..slot.clone()
            },
            Verdict::Incomplete => Slot {
                reason: Reason::HeldIncomplete,
                ..slot.clone()
            },
            Verdict::NoResponse => Slot {
                reason: Reason::HeldNoResponse,
                ..slot.clone()
            },
            Verdict::Dose(DoseDecision::Progress) => {
                match progress_dose(
                    rx,
                    ex,
                    owned,
                    phase.number(),
                    weekly_increase_permille(phase),
                ) {
                    Progress::Increased(rx, c) => Slot {
                        rx,
                        reason: Reason::Progressed(c),
                        ..slot.clone()
                    },
                    Progress::AtTop => match harder(ex, profile, phase) {
                        Some(e) => Slot {
                            reason: Reason::LadderUp { from: ex.id },
                            ..self.fresh(e, Reason::Start)
                        },
                        None => Slot {
                            reason: Reason::HeldAtTop,
                            ..slot.clone()
                        },
                    },
                }
            }
        };
        self.slots.insert(l, next);
    }

    /// A swap chosen by hand; ignored when stale or not valid for this user now.
    fn apply_swap(&mut self, from: &str, to: &str) {
        let Some(target) = exercise(to) else { return };
        let in_use = self.slots.values().any(|s| s.exercise.id == to);
        let phase = self.phase.number();
        let owned = self.owned();
        let Some((_, slot)) = self.slots.iter_mut().find(|(_, s)| s.exercise.id == from) else {
            return;
        };
        if in_use
            || target.pattern() != slot.exercise.pattern()
            || !target.is_doable_with(owned)
            || !target.allowed_in_phase(phase)
        {
            return;
        }
        *slot = Slot {
            exercise: target,
            rx: starting_dose(target, owned, self.phase),
            reason: Reason::ChosenByYou {
                from: slot.exercise.id,
            },
            chosen: true,
        };
    }

    /// DOMAIN.md §3: no exercise rises more than 10 % over last week, whatever changed.
    fn cap_and_record(&mut self) {
        let mut record = BTreeMap::new();
        for (l, slot) in self.slots.iter_mut() {
            let times = times_a_week(&self.templates, *l);
            if let Some(last) = self.last_week.get(slot.exercise.id) {
                if let Some(rx) = cap_weekly_increase(&slot.rx, times, *last) {
                    slot.rx = rx;
                    slot.reason = Reason::CappedWeekly;
                }
            }
            record.insert(slot.exercise.id, WeeklyDose::of(&slot.rx, times));
        }
        self.last_week = record;
    }

    fn this_week(
        mut self,
        week: u32,
        today: NaiveDate,
        weeks: &Weeks,
        periods: &[(NaiveDate, Option<NaiveDate>)],
        swaps: &[&super::history::ManualSwap],
        history: &History,
    ) -> Plan {
        let start = self.profile.start;
        let week_from = week_start(start, week);
        let logged = &weeks.sessions[week as usize];
        let flare_since = periods
            .iter()
            .rev()
            .find(|(s, e)| *s <= today && e.is_none_or(|e| today < e))
            .map(|(s, _)| *s);
        let touched = periods
            .iter()
            .any(|(s, e)| *s <= today && e.is_none_or(|e| e > week_from));
        let mode = match flare_since {
            Some(since) => Mode::Flare {
                since,
                exit_ready: flare_exit_ready(&history.checkins, since, today),
            },
            None if touched || self.flare_pending => Mode::Resuming,
            None => Mode::Training,
        };

        let phase_step = phase_rule(self.phase, &self.phase_weeks);
        let weeks_in_phase = self.phase_weeks.len() as u32 + 1;
        let base = self.slots.clone();
        // This week so far: a stop or a spike changes the sessions still to come.
        self.in_week(logged);
        for s in swaps.iter().filter(|s| s.day >= week_from) {
            self.apply_swap(&s.from, &s.to);
        }

        let dates = session_dates(self.profile, week);
        let sessions = if mode == Mode::Training {
            self.templates
                .iter()
                .enumerate()
                .map(|(i, ladders)| {
                    let slot_no = i as u8;
                    let done = logged.iter().any(|s| s.slot == slot_no);
                    let source = if done { &base } else { &self.slots };
                    let mut exercises: Vec<PlannedExercise> = ladders
                        .iter()
                        .filter_map(|l| source.get(l))
                        .map(|s| PlannedExercise {
                            exercise: s.exercise,
                            ramp_up: ramp_up_sets(s.rx.max_load(), s.rx.equipment, self.owned()),
                            prescription: s.rx.clone(),
                            reason: s.reason.clone(),
                        })
                        .collect();
                    exercises.sort_by_key(|e| e.exercise.pattern() == Pattern::Core);
                    let loaded = exercises.iter().any(|e| e.prescription.is_loaded());
                    PlannedSession {
                        slot: slot_no,
                        date: dates[i],
                        warm_up: warm_up(loaded),
                        exercises,
                        logged: done,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };

        let in_flare = matches!(mode, Mode::Flare { .. });
        let flare_routine = if in_flare {
            FLARE_EXERCISES
                .iter()
                .filter_map(|id| exercise(id))
                .map(|e| (e, e.range.0))
                .collect()
        } else {
            Vec::new()
        };
        Plan {
            day: today,
            week: week + 1,
            phase: self.phase,
            weeks_in_phase,
            phase_step,
            walking: if in_flare {
                walking_split(WALK_START_MINUTES)
            } else {
                walking_split(self.walking)
            },
            walking_step: self.walking_step,
            mobility: daily_mobility(today),
            flare_routine,
            rehab: self.profile.rehab.clone(),
            own: if mode == Mode::Training {
                self.profile.own.clone()
            } else {
                Vec::new()
            },
            mode,
            sessions,
            phase_history: Vec::new(),
        }
    }
}

fn harder(ex: &Exercise, profile: &Profile, phase: Phase) -> Option<&'static Exercise> {
    ladder(ex.ladder)
        .skip(ex.rung() + 1)
        .find(|e| auto_allowed(e, profile, phase))
}

fn week_summary(logged: &[&SessionLog], flare: bool) -> WeekSummary {
    WeekSummary {
        sessions: logged.len() as u32,
        max_pain: logged
            .iter()
            .flat_map(|s| &s.sets)
            .filter_map(|x| x.pain)
            .map(|p| p.value())
            .max()
            .unwrap_or(0),
        spike: logged
            .iter()
            .any(|s| s.response == Some(Response24h::Spiked)),
        flare,
    }
}

enum Verdict {
    NotTrained,
    Stop(u8),
    Dose(DoseDecision),
    Modified(u8),
    Incomplete,
    NoResponse,
}

/// A week of one exercise judged by the rules, most serious first: pain 5+ (§2), the
/// 24-hour response (§2), pain 3–4, unfinished sets, an unanswered next-day question.
fn judge(ex: &Exercise, rx: &Prescription, relevant: &[&SessionLog]) -> Verdict {
    if relevant.is_empty() {
        return Verdict::NotTrained;
    }
    let mine = || {
        relevant
            .iter()
            .flat_map(|s| &s.sets)
            .filter(|x| x.exercise == ex.id)
    };
    let worst = mine().filter_map(|x| x.pain).max();
    if let Some(p) = worst.filter(|p| pain_band(*p) == PainBand::Stop) {
        return Verdict::Stop(p.value());
    }
    let response = worst_response(relevant.iter().filter_map(|s| s.response));
    if let Some(d @ (DoseDecision::StepBack | DoseDecision::Hold)) =
        response.map(twenty_four_hour_rule)
    {
        return Verdict::Dose(d);
    }
    if let Some(p) = worst.filter(|p| pain_band(*p) == PainBand::Modify) {
        return Verdict::Modified(p.value());
    }
    let complete = relevant.iter().all(|s| {
        let done: Vec<_> = s.sets.iter().filter(|x| x.exercise == ex.id).collect();
        done.len() >= rx.sets.len()
            && rx
                .sets
                .iter()
                .zip(&done)
                .all(|(t, d)| d.amount >= t.amount && d.load >= t.load)
    });
    if !complete {
        return Verdict::Incomplete;
    }
    if response.is_none() {
        return Verdict::NoResponse;
    }
    Verdict::Dose(DoseDecision::Progress)
}
