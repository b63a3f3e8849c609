//! The kinds of movement rules §6 keeps "careful for now": a stored part of a user's own
//! exercise, apart from the rules that act on it (`careful`).

use super::library::Pattern;

/// The kinds of rules §6's careful list. Not bad movements: they come back in phase 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CarefulKind {
    /// High-rep sit-ups, crunches and other trunk curls.
    SitUps,
    /// Bending the spine under load, worst when tired: weighted toe touches, Jefferson curls.
    LoadedFlexion,
    /// Fast twisting, or twisting while bent.
    FastTwist,
    /// Explosive, jerky moves: jerks, snatches, cleans, swings, jumps, throws.
    Explosive,
    /// Very heavy barbell squats or deadlifts.
    HeavyBarbell,
}

impl CarefulKind {
    /// Every kind; share links number them in this order, so it never changes.
    pub const ALL: [CarefulKind; 5] = [
        CarefulKind::SitUps,
        CarefulKind::LoadedFlexion,
        CarefulKind::FastTwist,
        CarefulKind::Explosive,
        CarefulKind::HeavyBarbell,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CarefulKind::SitUps => "Sit-ups or crunches",
            CarefulKind::LoadedFlexion => "Bending forward under load",
            CarefulKind::FastTwist => "Fast twisting",
            CarefulKind::Explosive => "Explosive lifts, swings or jumps",
            CarefulKind::HeavyBarbell => "Heavy barbell squat or deadlift",
        }
    }

    /// Why it waits, in one plain sentence.
    pub fn why(self) -> &'static str {
        match self {
            CarefulKind::SitUps => {
                "Lots of trunk curls load a bent spine over and over, most of all when you are tired."
            }
            CarefulKind::LoadedFlexion => {
                "Rounding the back under a load asks a lot of it, most of all when you are tired."
            }
            CarefulKind::FastTwist => {
                "Quick twists, or twisting while bent over, load the back before it can brace."
            }
            CarefulKind::Explosive => {
                "Fast, jerky lifts leave little time to brace and need a strong base first."
            }
            CarefulKind::HeavyBarbell => {
                "Very heavy lifts come back in phase 3, after the base is built and with a slower climb."
            }
        }
    }

    /// The pattern it belongs to, for the exercise's place and its safe alternative.
    pub fn pattern(self) -> Pattern {
        match self {
            CarefulKind::SitUps | CarefulKind::FastTwist => Pattern::Core,
            CarefulKind::LoadedFlexion | CarefulKind::Explosive | CarefulKind::HeavyBarbell => {
                Pattern::Hinge
            }
        }
    }
}
