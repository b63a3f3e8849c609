//! What a session serves: each exercise with its dose, stored with the session when it
//! starts so that what was served stays a fact whatever the planner learns later.

use super::equipment::Equipment;
use super::library::{exercise, Exercise, Ladder, Measure};
use super::prescription::{set_volume, Prescription, SetTarget, Text};
use super::profile::{OwnExercise, RehabDose, RehabExercise};
use super::progression::WeeklyDose;
use super::reason::Reason;
use super::units::Grams;
use std::borrow::Cow;

/// How an exercise came to be in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Chosen by the planner.
    Planned,
    /// Swapped in by hand, on Plan, in the workout or by following a shared plan.
    ChosenByYou,
    /// One of the physiotherapist's exercises.
    Physio,
    /// One the user added.
    Own,
}

/// One exercise as a session serves it, with its dose. Stored with the session when it
/// starts, so what was served stays a fact whatever is learned later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedItem {
    /// The library id, or `own:NAME` / `physio:NAME`: what its sets are logged under.
    pub key: Text,
    pub name: Text,
    pub origin: Origin,
    pub measure: Measure,
    pub equipment: Equipment,
    pub targets: Vec<SetTarget>,
    pub tempo: Text,
    pub rest_seconds: u16,
    /// Why the planner chose this dose (library exercises).
    pub reason: Option<Reason>,
    /// The library exercise `key` names, looked up once (none for physio and own ones).
    pub exercise: Option<&'static Exercise>,
}

impl ServedItem {
    /// The library exercise, when it is one.
    pub fn library(&self) -> Option<&'static Exercise> {
        self.exercise
    }

    /// The library exercise an item of this origin and key stands for.
    pub fn lookup(origin: Origin, key: &str) -> Option<&'static Exercise> {
        match origin {
            Origin::Planned | Origin::ChosenByYou => exercise(key),
            Origin::Physio | Origin::Own => None,
        }
    }

    pub fn ladder(&self) -> Option<Ladder> {
        self.library().map(|e| e.ladder)
    }

    pub fn each_side(&self) -> bool {
        self.library().is_some_and(|e| e.each_side)
    }

    /// A library exercise with its prescription.
    pub fn from_library(
        e: &'static Exercise,
        rx: &Prescription,
        reason: Reason,
        chosen: bool,
    ) -> ServedItem {
        ServedItem {
            key: Cow::Borrowed(e.id),
            name: Cow::Borrowed(e.name),
            origin: if chosen {
                Origin::ChosenByYou
            } else {
                Origin::Planned
            },
            measure: e.measure,
            equipment: rx.equipment,
            targets: rx.sets.clone(),
            tempo: rx.tempo.clone(),
            rest_seconds: rx.rest_seconds,
            reason: Some(reason),
            exercise: Some(e),
        }
    }

    pub fn from_own(o: &OwnExercise) -> ServedItem {
        ServedItem {
            key: Cow::Owned(o.log_id()),
            name: Cow::Owned(o.name.clone()),
            origin: Origin::Own,
            measure: o.measure,
            equipment: if o.load.is_zero() {
                Equipment::Bodyweight
            } else {
                Equipment::Dumbbells
            },
            targets: vec![
                SetTarget {
                    amount: o.amount,
                    load: o.load,
                };
                usize::from(o.sets)
            ],
            tempo: Cow::Borrowed(""),
            rest_seconds: 60,
            reason: None,
            exercise: None,
        }
    }

    pub fn from_rehab(r: &RehabExercise) -> ServedItem {
        let (measure, sets, amount) = match r.dose {
            RehabDose::Reps { sets, reps } => (Measure::Reps, sets, reps),
            RehabDose::Seconds { sets, seconds } => (Measure::Seconds, sets, seconds),
        };
        ServedItem {
            key: Cow::Owned(r.log_id()),
            name: Cow::Owned(r.name.clone()),
            origin: Origin::Physio,
            measure,
            equipment: Equipment::Bodyweight,
            targets: vec![
                SetTarget {
                    amount,
                    load: Grams::ZERO,
                };
                usize::from(sets)
            ],
            tempo: Cow::Borrowed(""),
            rest_seconds: 45,
            reason: None,
            exercise: None,
        }
    }

    /// Its dose over one session, for the week's figures.
    pub fn weekly_dose(&self) -> WeeklyDose {
        let volume = self.targets.iter().map(set_volume).sum();
        WeeklyDose {
            volume,
            amount: self.targets.iter().map(|t| u64::from(t.amount)).sum(),
            load: self
                .targets
                .iter()
                .map(|t| t.load)
                .max()
                .unwrap_or_default(),
        }
    }

    pub fn prescription(&self) -> Prescription {
        Prescription {
            exercise: self.key.clone(),
            equipment: self.equipment,
            sets: self.targets.clone(),
            tempo: self.tempo.clone(),
            rest_seconds: self.rest_seconds,
        }
    }
}
