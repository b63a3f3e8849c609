//! What happened: logged sets and sessions, 24-hour responses, daily check-ins, flare-ups,
//! function scores and red-flag answers. Plain records; the rules read them.

use super::pain::Pain;
use super::units::Grams;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One logged set. `amount` is reps, seconds or minutes as the exercise measures it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetLog {
    pub exercise: String,
    pub amount: u16,
    pub load: Grams,
    /// Effort as RPE 1–10, optional.
    pub rpe: Option<u8>,
    pub pain: Option<Pain>,
}

/// The answer, the next day, to "how is your back after yesterday's session?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response24h {
    /// Any soreness settled within a day.
    Settled,
    /// Pain still raised after 24 hours.
    StillRaised,
    /// Pain spiked and is staying up for days.
    Spiked,
}

/// A strength session as logged. `day` is the local date the session started on, so a
/// session that crosses midnight stays on its training day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLog {
    pub day: NaiveDate,
    /// Which session of the week it was (0 = A, 1 = B, ...).
    pub slot: u8,
    pub sets: Vec<SetLog>,
    pub response: Option<Response24h>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Trigger {
    Sitting,
    Bending,
    Lifting,
    Twisting,
    StandingLong,
    PoorSleep,
    Stress,
}

impl Trigger {
    pub const ALL: [Trigger; 7] = [
        Trigger::Sitting,
        Trigger::Bending,
        Trigger::Lifting,
        Trigger::Twisting,
        Trigger::StandingLong,
        Trigger::PoorSleep,
        Trigger::Stress,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Trigger::Sitting => "Sitting",
            Trigger::Bending => "Bending",
            Trigger::Lifting => "Lifting",
            Trigger::Twisting => "Twisting",
            Trigger::StandingLong => "Standing a long time",
            Trigger::PoorSleep => "Poor sleep",
            Trigger::Stress => "Stress",
        }
    }
}

/// The daily check-in (DOMAIN.md §8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub day: NaiveDate,
    pub pain: Pain,
    pub walking_minutes: u16,
    pub mobility_done: bool,
    /// Hours slept, rounded.
    pub sleep_hours: u8,
    /// Stress 0–10.
    pub stress: u8,
    pub protein_meals: u8,
    /// Glasses of water.
    pub water: u8,
    pub triggers: Vec<Trigger>,
    /// The user reports a new symptom: the red-flag questions must be asked again.
    pub new_symptoms: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlareEvent {
    Started(NaiveDate),
    Ended(NaiveDate),
}

impl FlareEvent {
    pub fn day(self) -> NaiveDate {
        match self {
            FlareEvent::Started(d) | FlareEvent::Ended(d) => d,
        }
    }
}

/// A swap the user chose by hand: from `day` on, `ladder_of` is trained with `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualSwap {
    pub day: NaiveDate,
    pub from: String,
    pub to: String,
}

/// Everything the planner reads. Order inside each list does not matter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct History {
    pub sessions: Vec<SessionLog>,
    pub checkins: Vec<CheckIn>,
    pub flares: Vec<FlareEvent>,
    pub swaps: Vec<ManualSwap>,
}
