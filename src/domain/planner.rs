//! The planner: profile + history + date → this week's plan. A pure, deterministic fold:
//! week by week from the start, and inside each week everything in the order it happened —
//! setup changes, swaps by hand, sessions with every set and pain report (through the one
//! session model, `workout::LiveSession`), next-day answers. Every decision carries its
//! `Reason`.

// The planner's parts, in the order a replay uses them.
mod cache;
mod changes;
mod dosing;
mod replay;
mod state;
mod timeline;
mod week_end;

pub use cache::{plan_as_if, plan_with, Checkpoint, PlanCache, RULES_VERSION};
use dosing::*;
pub use dosing::{starting_dose, DoseFn};
use state::*;
pub(crate) use state::{Opening, Slot};
use timeline::*;
use week_end::*;

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
    /// The weekdays this week's strength sessions fall on, Monday first.
    pub fn training_weekdays(&self) -> Vec<chrono::Weekday> {
        use chrono::Datelike;
        let mut days: Vec<chrono::Weekday> =
            self.sessions.iter().map(|s| s.date.weekday()).collect();
        order::sort_by_key(&mut days, |d| d.num_days_from_monday());
        days.dedup();
        days
    }

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

fn weekly_doses(sessions: &[PlannedSession]) -> BTreeMap<&'static str, WeeklyDose> {
    let mut out: BTreeMap<&'static str, WeeklyDose> = BTreeMap::new();
    for pe in sessions.iter().flat_map(|s| &s.exercises) {
        out.entry(pe.exercise.id)
            .or_default()
            .add(WeeklyDose::of(&pe.prescription, 1));
    }
    out
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

/// The step each progression aims for in `phase`; the weekly cap stays 10 %.
pub fn weekly_increase_permille(phase: Phase) -> u64 {
    if phase == Phase::Reload {
        SLOW_INCREASE_PERMILLE
    } else {
        DEFAULT_INCREASE_PERMILLE
    }
}
