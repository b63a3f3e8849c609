//! A plan as it is shared with a friend or a physiotherapist: the template only (phase,
//! sessions, exercises and doses, rehab exercises, progression step, units). Never pain,
//! check-ins, red-flag answers or any other health record.

use super::history::{ManualSwap, SetupChange};
use super::library::{exercise, Exercise, Measure};
use super::phase::Phase;
use super::planner::Plan;
use super::prescription::SetTarget;
use super::profile::{OwnExercise, Profile, RehabDose, RehabExercise, Setup};
use super::progression::MAX_INCREASE_PERMILLE;
use super::units::{Grams, Units};
use chrono::NaiveDate;

/// Limits a shared plan must stay within: anything outside is nonsense, not a plan.
pub const MAX_TITLE_CHARS: usize = 60;
pub const MAX_NAME_CHARS: usize = 60;
pub const MAX_SESSIONS: usize = 7;
pub const MAX_EXERCISES_PER_SESSION: usize = 12;
pub const MAX_SETS: usize = 10;
pub const MAX_REHAB: usize = 12;
pub const MAX_OWN: usize = 12;
pub const MAX_LOAD: Grams = Grams(400_000);
pub const MAX_REPS: u16 = 100;
pub const MAX_SECONDS: u16 = 600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedExercise {
    pub exercise: &'static Exercise,
    pub sets: Vec<SetTarget>,
    pub rest_seconds: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPlan {
    pub title: String,
    pub phase: Phase,
    pub units: Units,
    pub session_minutes: u16,
    /// The step each progression aims for, in per mille (50 = 5 %; never above 10 %).
    pub increase_permille: u16,
    pub sessions: Vec<Vec<SharedExercise>>,
    pub rehab: Vec<RehabExercise>,
    /// Exercises the sharer added themselves.
    pub own: Vec<OwnExercise>,
}

/// Why a decoded plan is refused: each is something a real plan never contains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    NoSessions,
    TooMany(&'static str),
    UnknownExercise(String),
    BadDose(String),
    BadText(&'static str),
    BadSetting(&'static str),
}

impl PlanProblem {
    pub fn message(&self) -> String {
        match self {
            PlanProblem::NoSessions => "The plan in this link has no sessions.".into(),
            PlanProblem::TooMany(what) => format!("The plan in this link has too many {what}."),
            PlanProblem::UnknownExercise(id) => format!(
                "The plan in this link uses an exercise this version of Backstrong does not know ({}).",
                truncate_chars(id, 24)
            ),
            PlanProblem::BadDose(name) => format!(
                "The plan in this link asks for an impossible amount or load for {}.",
                truncate_chars(name, MAX_NAME_CHARS)
            ),
            PlanProblem::BadText(what) => format!("The {what} in this link is empty or too long."),
            PlanProblem::BadSetting(what) => format!("The {what} in this link is out of range."),
        }
    }
}

fn truncate_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Text from a link is shown as text, never markup; it only must be a sensible length.
/// Control characters (newlines included) are not part of any real name.
pub fn clean_text(s: &str, max: usize) -> Option<String> {
    let t = s.trim();
    let n = t.chars().count();
    (n > 0 && n <= max && !t.chars().any(char::is_control)).then(|| t.to_string())
}

fn amount_ok(e: &Exercise, amount: u16) -> bool {
    let max = match e.measure {
        Measure::Reps => MAX_REPS,
        Measure::Seconds => MAX_SECONDS,
        Measure::Minutes => 120,
    };
    (1..=max).contains(&amount)
}

fn rehab_ok(r: &RehabExercise) -> bool {
    let dose = match r.dose {
        RehabDose::Reps { sets, reps } => {
            (1..=MAX_SETS as u8).contains(&sets) && (1..=MAX_REPS).contains(&reps)
        }
        RehabDose::Seconds { sets, seconds } => {
            (1..=MAX_SETS as u8).contains(&sets) && (1..=MAX_SECONDS).contains(&seconds)
        }
    };
    dose && (1..=7).contains(&r.per_week)
}

/// An exercise the user adds must be one a person could do: a name of sensible length,
/// 1–10 sets, a real amount and a load no heavier than any plan allows.
pub fn validate_own_exercise(e: &OwnExercise) -> Result<(), PlanProblem> {
    if clean_text(&e.name, MAX_NAME_CHARS).as_deref() != Some(e.name.as_str()) {
        return Err(PlanProblem::BadText("exercise name"));
    }
    let max = match e.measure {
        Measure::Reps => MAX_REPS,
        Measure::Seconds => MAX_SECONDS,
        Measure::Minutes => 120,
    };
    let ok = (1..=MAX_SETS as u8).contains(&e.sets)
        && (1..=max).contains(&e.amount)
        && e.load <= MAX_LOAD;
    if ok {
        Ok(())
    } else {
        Err(PlanProblem::BadDose(e.name.clone()))
    }
}

/// Checks a shared plan against what any real plan looks like; the first problem found.
pub fn validate_shared_plan(p: &SharedPlan) -> Result<(), PlanProblem> {
    if clean_text(&p.title, MAX_TITLE_CHARS).as_deref() != Some(p.title.as_str()) {
        return Err(PlanProblem::BadText("plan name"));
    }
    if p.sessions.is_empty() {
        return Err(PlanProblem::NoSessions);
    }
    if p.sessions.len() > MAX_SESSIONS {
        return Err(PlanProblem::TooMany("sessions"));
    }
    if !(10..=180).contains(&p.session_minutes) {
        return Err(PlanProblem::BadSetting("session length"));
    }
    if !(1..=MAX_INCREASE_PERMILLE).contains(&u64::from(p.increase_permille)) {
        return Err(PlanProblem::BadSetting("weekly increase"));
    }
    for s in &p.sessions {
        if s.is_empty() || s.len() > MAX_EXERCISES_PER_SESSION {
            return Err(PlanProblem::TooMany("exercises in a session"));
        }
        for x in s {
            let ok = !x.sets.is_empty()
                && x.sets.len() <= MAX_SETS
                && x.rest_seconds <= 600
                && x.sets
                    .iter()
                    .all(|t| amount_ok(x.exercise, t.amount) && t.load <= MAX_LOAD);
            if !ok {
                return Err(PlanProblem::BadDose(x.exercise.name.into()));
            }
        }
    }
    if p.rehab.len() > MAX_REHAB {
        return Err(PlanProblem::TooMany("rehab exercises"));
    }
    for r in &p.rehab {
        if clean_text(&r.name, MAX_NAME_CHARS).as_deref() != Some(r.name.as_str()) {
            return Err(PlanProblem::BadText("exercise name"));
        }
        if !rehab_ok(r) {
            return Err(PlanProblem::BadDose(r.name.clone()));
        }
    }
    if p.own.len() > MAX_OWN {
        return Err(PlanProblem::TooMany("own exercises"));
    }
    p.own.iter().try_for_each(validate_own_exercise)
}

/// Looks an exercise up by the id a link carries.
pub fn known_exercise(id: &str) -> Result<&'static Exercise, PlanProblem> {
    exercise(id).ok_or_else(|| PlanProblem::UnknownExercise(id.to_string()))
}

/// This week's plan as a shareable template.
pub fn share_plan(plan: &Plan, profile: &Profile, title: &str) -> SharedPlan {
    let title = clean_text(title, MAX_TITLE_CHARS).unwrap_or_else(|| "My plan".into());
    SharedPlan {
        title,
        phase: plan.phase,
        units: profile.units,
        session_minutes: profile.session_minutes,
        increase_permille: super::planner::weekly_increase_permille(plan.phase) as u16,
        // The week's sessions, also in flare-up mode: a friend gets the plan, not the flare
        // routine, and never loads anyway.
        sessions: plan
            .week_sessions()
            .iter()
            .map(|s| {
                s.exercises
                    .iter()
                    .map(|pe| SharedExercise {
                        exercise: pe.exercise,
                        sets: pe.prescription.sets.clone(),
                        rest_seconds: pe.prescription.rest_seconds,
                    })
                    .collect()
            })
            .filter(|s: &Vec<SharedExercise>| !s.is_empty())
            .collect(),
        rehab: profile.rehab.clone(),
        own: profile.own.clone(),
    }
}

/// Why an exercise of a shared plan is not taken over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotTaken {
    /// It needs equipment the user has not listed.
    Equipment,
    /// It belongs to a later phase than the user's own.
    LaterPhase,
    /// The user's plan does not train that movement this phase.
    NotInYourPlan,
}

/// What adopting a shared plan changes: the rehab and own lists and units (profile), the
/// days and session length (a dated setup change, from next week) and exercise choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adoption {
    pub profile: Profile,
    pub setup: SetupChange,
    pub swaps: Vec<ManualSwap>,
    pub same: Vec<&'static Exercise>,
    pub not_taken: Vec<(&'static Exercise, NotTaken)>,
}

/// Following someone else's plan (rules §3, §4): their exercise choices and schedule
/// are taken, but never their loads or their phase. Doses start from the user's own
/// history and progression, and an exercise from a later phase waits until the user is
/// there: a shared link must not skip anyone past the rules.
pub fn adopt_shared_plan(
    shared: &SharedPlan,
    profile: &Profile,
    setup_now: &Setup,
    current: &Plan,
    today: NaiveDate,
    now_ms: i64,
) -> Adoption {
    let mut p = profile.clone();
    let mut setup = setup_now.clone();
    setup.days_per_week = (shared.sessions.len() as u8).clamp(2, 4);
    setup.session_minutes = match shared.session_minutes {
        0..=37 => 30,
        38..=52 => 45,
        _ => 60,
    };
    if setup.days_per_week != setup_now.days_per_week {
        setup.weekdays.clear();
    }
    p.units = shared.units;
    for r in &shared.rehab {
        if !p
            .rehab
            .iter()
            .any(|mine| mine.name.eq_ignore_ascii_case(&r.name))
        {
            p.rehab.push(r.clone());
        }
    }
    for o in &shared.own {
        if !p
            .own
            .iter()
            .any(|mine| mine.name.eq_ignore_ascii_case(&o.name))
        {
            p.own.push(o.clone());
        }
    }
    let mut swaps = Vec::new();
    let mut same = Vec::new();
    let mut not_taken = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mine: Vec<&'static Exercise> = current
        .sessions
        .iter()
        .flat_map(|s| s.exercises.iter().map(|pe| pe.exercise))
        .collect();
    for x in shared.sessions.iter().flatten().map(|x| x.exercise) {
        if seen.contains(&x.id) {
            continue;
        }
        seen.push(x.id);
        if mine.iter().any(|m| m.id == x.id) {
            same.push(x);
        } else if !x.is_doable_with(&setup.equipment) {
            not_taken.push((x, NotTaken::Equipment));
        } else if !x.allowed_in_phase(current.phase.number()) {
            not_taken.push((x, NotTaken::LaterPhase));
        } else if let Some(m) = mine.iter().find(|m| m.ladder == x.ladder) {
            swaps.push(ManualSwap {
                day: today,
                at_ms: now_ms,
                from: m.id.to_string(),
                to: x.id.to_string(),
            });
        } else {
            not_taken.push((x, NotTaken::NotInYourPlan));
        }
    }
    Adoption {
        profile: p,
        setup: SetupChange {
            day: today,
            at_ms: now_ms,
            setup,
        },
        swaps,
        same,
        not_taken,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::equipment::EquipmentSet;
    use crate::domain::history::History;
    use crate::domain::planner::{plan, Safety};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn safe() -> Safety {
        Safety {
            answers: crate::domain::safety::RedFlagAnswers {
                day: Some(day("2026-01-05")),
                at_ms: 0,
                yes: vec![],
            },
            clearances: vec![],
        }
    }

    fn my_plan() -> (Profile, Plan) {
        let p = Profile::new(day("2026-01-05"), EquipmentSet::bodyweight_only());
        let pl = plan(&p, &safe(), &History::default(), day("2026-01-07")).unwrap();
        (p, pl)
    }

    #[test]
    fn share_plan_carries_the_template_and_no_health_record() {
        let (p, pl) = my_plan();
        let s = share_plan(&pl, &p, "  Anna's plan ");
        assert_eq!(s.title, "Anna's plan");
        assert_eq!(s.phase, pl.phase);
        assert_eq!(s.sessions.len(), pl.sessions.len());
        assert!(validate_shared_plan(&s).is_ok());
        // The type has no field for pain, check-ins or red-flag answers: nothing to leak.
    }

    #[test]
    fn share_plan_in_flare_up_mode_shares_the_plan_to_return_to() {
        let (p, pl) = my_plan();
        let h = History {
            flares: vec![crate::domain::checkin::FlareEvent::Started(day(
                "2026-01-07",
            ))],
            ..History::default()
        };
        let flaring = plan(&p, &safe(), &h, day("2026-01-07")).unwrap();
        assert!(flaring.sessions.is_empty());
        let s = share_plan(&flaring, &p, "Plan");
        assert_eq!(s.sessions.len(), pl.sessions.len());
        assert!(validate_shared_plan(&s).is_ok());
    }

    #[test]
    fn validate_shared_plan_refuses_nonsense() {
        let (p, pl) = my_plan();
        let good = share_plan(&pl, &p, "Plan");
        let mut many_sets = good.clone();
        many_sets.sessions[0][0].sets = vec![many_sets.sessions[0][0].sets[0]; 900];
        assert!(matches!(
            validate_shared_plan(&many_sets),
            Err(PlanProblem::BadDose(_))
        ));
        let mut heavy = good.clone();
        heavy.sessions[0][0].sets[0].load = Grams(5_000_000);
        assert!(validate_shared_plan(&heavy).is_err());
        let mut none = good.clone();
        none.sessions.clear();
        assert_eq!(validate_shared_plan(&none), Err(PlanProblem::NoSessions));
        let mut title = good.clone();
        title.title = "a\nb".into();
        assert!(validate_shared_plan(&title).is_err());
        let mut steep = good;
        steep.increase_permille = 500;
        assert!(validate_shared_plan(&steep).is_err());
    }

    #[test]
    fn validate_own_exercise_accepts_a_real_dose_and_refuses_nonsense() {
        use crate::domain::library::Pattern;
        let ok = OwnExercise {
            name: "Pallof press".into(),
            pattern: Pattern::Core,
            careful: None,
            measure: Measure::Reps,
            sets: 3,
            amount: 10,
            load: Grams(5000),
        };
        assert_eq!(validate_own_exercise(&ok), Ok(()));
        for bad in [
            OwnExercise {
                name: "  ".into(),
                ..ok.clone()
            },
            OwnExercise {
                sets: 0,
                ..ok.clone()
            },
            OwnExercise {
                amount: 900,
                ..ok.clone()
            },
            OwnExercise {
                load: Grams(5_000_000),
                ..ok.clone()
            },
        ] {
            assert!(validate_own_exercise(&bad).is_err(), "{bad:?}");
        }
        // Own exercises join the plan in training, not during a flare-up (no loading).
        let (mut p, _) = my_plan();
        p.own.push(ok.clone());
        let day = day("2026-01-07");
        let training = plan(&p, &safe(), &History::default(), day).unwrap();
        assert_eq!(training.own[0].own, ok);
        assert!(training.sessions[0]
            .extras
            .iter()
            .any(|i| i.key == ok.log_id()));
        let flaring = History {
            flares: vec![crate::domain::checkin::FlareEvent::Started(day)],
            ..History::default()
        };
        assert!(plan(&p, &safe(), &flaring, day)
            .unwrap()
            .sessions
            .is_empty());
    }

    #[test]
    fn adopt_shared_plan_takes_choices_but_never_loads_or_a_later_phase() {
        let (p, pl) = my_plan();
        let mut shared = share_plan(&pl, &p, "Friend");
        // The friend trains a harder squat rung from phase 3 and one from this phase.
        let later = crate::domain::library::LIBRARY
            .iter()
            .find(|e| e.min_phase == 3 && e.is_doable_with(&p.equipment))
            .unwrap();
        let first = shared.sessions[0][0].exercise;
        let sideways = crate::domain::library::ladder(first.ladder)
            .find(|e| e.id != first.id && e.is_doable_with(&p.equipment) && e.allowed_in_phase(1))
            .unwrap();
        shared.sessions[0][0].exercise = sideways;
        shared.sessions[0].push(SharedExercise {
            exercise: later,
            sets: vec![SetTarget {
                amount: 5,
                load: Grams::ZERO,
            }],
            rest_seconds: 90,
        });
        shared.sessions.push(shared.sessions[0].clone());
        shared.sessions.push(shared.sessions[0].clone());
        shared.rehab.push(RehabExercise {
            name: "Clamshell".into(),
            dose: RehabDose::Reps { sets: 2, reps: 12 },
            per_week: 7,
        });
        let a = adopt_shared_plan(&shared, &p, &p.setup(), &pl, day("2026-01-07"), 5);
        assert_eq!(
            a.setup.setup.days_per_week,
            shared.sessions.len().min(4) as u8
        );
        assert_eq!(a.profile.rehab.len(), 1);
        assert!(a
            .swaps
            .iter()
            .any(|s| s.from == first.id && s.to == sideways.id));
        assert!(a.not_taken.contains(&(later, NotTaken::LaterPhase)));
        // The adopted plan starts the swapped exercise at its own starting dose.
        let h = History {
            swaps: a.swaps.clone(),
            setups: vec![a.setup.clone()],
            ..History::default()
        };
        let next = plan(&a.profile, &safe(), &h, day("2026-01-07")).unwrap();
        assert!(next
            .sessions
            .iter()
            .flat_map(|s| &s.exercises)
            .any(|pe| pe.exercise.id == sideways.id));
        assert!(next
            .sessions
            .iter()
            .flat_map(|s| &s.exercises)
            .all(|pe| pe.exercise.id != later.id));
    }
}
