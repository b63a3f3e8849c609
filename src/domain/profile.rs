//! Who the user is and what they train with. Plain data, no rules.

use super::equipment::EquipmentSet;
use super::units::Units;
use chrono::{NaiveDate, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Experience {
    /// New to strength training.
    #[default]
    New,
    /// Trained before the back pain.
    Returning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    EverydayStrength,
    DeadliftAgain,
    SquatAgain,
    BackToSport,
}

impl Goal {
    pub fn label(self) -> &'static str {
        match self {
            Goal::EverydayStrength => "Everyday strength: lifting, carrying, gardening",
            Goal::DeadliftAgain => "Deadlift with a barbell again",
            Goal::SquatAgain => "Squat with a barbell again",
            Goal::BackToSport => "Back to my sport",
        }
    }

    /// Phase 3 reintroduces barbell lifts only for users who want them (rules §4).
    pub fn wants_barbell_lifts(self) -> bool {
        matches!(self, Goal::DeadliftAgain | Goal::SquatAgain)
    }
}

/// How a physiotherapist's exercise is dosed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RehabDose {
    Reps { sets: u8, reps: u16 },
    Seconds { sets: u8, seconds: u16 },
}

/// An exercise the user's physiotherapist prescribed. It stays in every plan until the
/// user removes it (rules §4: rehab continues after rehab).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RehabExercise {
    pub name: String,
    pub dose: RehabDose,
    /// Times a week; 7 means daily.
    pub per_week: u8,
}

/// An exercise the user added themselves. The app logs it and applies the pain rule
/// live, but does not progress it: its dose is whatever the user sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnExercise {
    pub name: String,
    /// The pattern it trains; for a careful kind, the pattern its safe alternative comes from.
    pub pattern: super::library::Pattern,
    /// A "careful for now" kind of movement (rules §6), as the user said when adding it.
    pub careful: Option<super::careful_kind::CarefulKind>,
    pub measure: super::library::Measure,
    pub sets: u8,
    pub amount: u16,
    pub load: super::units::Grams,
}

impl OwnExercise {
    /// The id its sets are logged under.
    pub fn log_id(&self) -> String {
        format!("{OWN_PREFIX}{}", self.name)
    }
}

impl RehabExercise {
    /// The id its sets are logged under.
    pub fn log_id(&self) -> String {
        format!("{PHYSIO_PREFIX}{}", self.name)
    }
}

/// Logged sets of the user's own exercises carry ids starting with this.
pub const OWN_PREFIX: &str = "own:";
/// Logged sets of physiotherapy exercises carry ids starting with this.
pub const PHYSIO_PREFIX: &str = "physio:";

/// What the user trains with and how often: set at onboarding, changed later in Settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    pub equipment: EquipmentSet,
    pub days_per_week: u8,
    pub weekdays: Vec<Weekday>,
    pub session_minutes: u16,
    pub goal: Goal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The first day of the program: week 1 starts here.
    pub start: NaiveDate,
    pub equipment: EquipmentSet,
    /// Strength days a week, 2–4.
    pub days_per_week: u8,
    /// Preferred training weekdays; empty means the planner chooses.
    pub weekdays: Vec<Weekday>,
    /// Minutes per strength session: 30, 45 or 60.
    pub session_minutes: u16,
    pub experience: Experience,
    pub units: Units,
    pub goal: Goal,
    pub rehab: Vec<RehabExercise>,
    /// Added in a later release; older profiles read as none.
    pub own: Vec<OwnExercise>,
}

impl Profile {
    pub fn new(start: NaiveDate, equipment: EquipmentSet) -> Self {
        Profile {
            start,
            equipment,
            days_per_week: 2,
            weekdays: Vec::new(),
            session_minutes: 45,
            experience: Experience::New,
            units: Units::Kg,
            goal: Goal::EverydayStrength,
            rehab: Vec::new(),
            own: Vec::new(),
        }
    }

    pub fn clamped_days(&self) -> u8 {
        self.days_per_week.clamp(2, 4)
    }

    /// The setup this profile was made with.
    pub fn setup(&self) -> Setup {
        Setup {
            equipment: self.equipment.clone(),
            days_per_week: self.days_per_week,
            weekdays: self.weekdays.clone(),
            session_minutes: self.session_minutes,
            goal: self.goal,
        }
    }

    /// This profile with another setup in force.
    pub fn with_setup(&self, s: &Setup) -> Profile {
        Profile {
            equipment: s.equipment.clone(),
            days_per_week: s.days_per_week,
            weekdays: s.weekdays.clone(),
            session_minutes: s.session_minutes,
            goal: s.goal,
            ..self.clone()
        }
    }
}
