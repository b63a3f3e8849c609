//! The daily check-in (rules §8) and the flare-ups it starts and ends (rules §5): what the
//! user tells the app about their back outside the sessions.

use super::pain::Pain;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// The daily check-in (rules §8).
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// When it was saved, ms since the epoch (`0` for check-ins saved before this was
    /// kept): a new symptom closes the gate from that moment (rules §1).
    pub at_ms: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
