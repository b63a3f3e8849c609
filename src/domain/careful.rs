//! rules §6, "careful for now": kinds of movement kept out of phases 1–2. The library
//! marks its own careful exercises; the user's own exercises carry the kind the user chose
//! when adding them (guessed from the name first).

pub use super::careful_kind::CarefulKind;
use super::equipment::EquipmentSet;
use super::library::{ladder, Exercise, Ladder, Pattern};
use super::phase::Phase;
use super::profile::OwnExercise;

fn normalised(name: &str) -> String {
    let spaced: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    format!(
        " {} ",
        spaced.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// Words that name each careful kind, matched as whole words or phrases.
const WORDS: [(CarefulKind, &[&str]); 5] = [
    (
        CarefulKind::SitUps,
        &[
            "sit up",
            "sit ups",
            "situp",
            "situps",
            "crunch",
            "crunches",
            "v up",
            "v ups",
            "jackknife",
            "toes to bar",
        ],
    ),
    (
        CarefulKind::LoadedFlexion,
        &[
            "toe touch",
            "toe touches",
            "jefferson",
            "roll down",
            "spinal flexion",
        ],
    ),
    (
        CarefulKind::FastTwist,
        &[
            "twist",
            "twists",
            "russian",
            "wood chop",
            "woodchop",
            "woodchops",
            "windmill",
            "windmills",
            "rotational throw",
        ],
    ),
    (
        CarefulKind::Explosive,
        &[
            "jerk",
            "jerks",
            "snatch",
            "snatches",
            "clean",
            "cleans",
            "swing",
            "swings",
            "jump",
            "jumps",
            "burpee",
            "burpees",
            "throw",
            "throws",
            "slam",
            "slams",
            "thruster",
            "thrusters",
            "plyo",
            "plyometric",
        ],
    ),
    (
        CarefulKind::HeavyBarbell,
        &[
            "barbell deadlift",
            "conventional deadlift",
            "sumo deadlift",
            "back squat",
            "front squat",
            "barbell squat",
            "1rm",
            "max deadlift",
            "max squat",
        ],
    ),
];

/// rules §6: the careful kind a name suggests ("Sit-ups" → sit-ups, "KB snatch" →
/// explosive), or `None` when the name suggests none. The user can change the guess.
pub fn guess_careful_kind(name: &str) -> Option<CarefulKind> {
    let n = normalised(name);
    WORDS.iter().find_map(|(kind, words)| {
        words
            .iter()
            .any(|w| n.contains(&format!(" {w} ")))
            .then_some(*kind)
    })
}

/// rules §6: an own exercise of a careful kind is "careful for now" in phases 1–2 and
/// marked so wherever it shows; from phase 3 it is an ordinary exercise.
pub fn careful_for_now(kind: Option<CarefulKind>, phase: Phase) -> bool {
    kind.is_some() && phase < Phase::Reload
}

/// The ladder an own exercise's safe alternative comes from.
fn alternative_ladder(own: &OwnExercise) -> Ladder {
    match (own.careful, own.pattern) {
        (Some(CarefulKind::FastTwist), _) => Ladder::CoreRotation,
        (_, Pattern::Hinge) => Ladder::Hinge,
        (_, Pattern::Squat) => Ladder::Squat,
        (_, Pattern::Glute) => Ladder::Glute,
        (_, Pattern::UpperBack) => Ladder::UpperPull,
        (_, Pattern::Carry) => Ladder::Carry,
        (_, Pattern::Mobility) => Ladder::Mobility,
        (_, Pattern::Walking) => Ladder::Walking,
        (_, Pattern::Core) => Ladder::CoreFront,
    }
}

/// rules §6: the library's nearest safe alternative to a careful own exercise — the
/// hardest rung of its ladder that is not careful, that the user's equipment allows and
/// that the phase allows.
pub fn safe_alternative(
    own: &OwnExercise,
    owned: &EquipmentSet,
    phase: Phase,
) -> Option<&'static Exercise> {
    ladder(alternative_ladder(own))
        .filter(|e| !e.careful && e.is_doable_with(owned) && e.allowed_in_phase(phase.number()))
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::Measure;
    use crate::domain::units::Grams;

    fn own(name: &str, pattern: Pattern, careful: Option<CarefulKind>) -> OwnExercise {
        OwnExercise {
            name: name.into(),
            pattern,
            careful,
            measure: Measure::Reps,
            sets: 2,
            amount: 10,
            load: Grams::ZERO,
        }
    }

    #[test]
    fn careful_kind_is_guessed_from_the_name() {
        let cases = [
            ("Sit-ups", Some(CarefulKind::SitUps)),
            ("bicycle CRUNCHES", Some(CarefulKind::SitUps)),
            ("Russian twist", Some(CarefulKind::FastTwist)),
            ("Cable wood chop", Some(CarefulKind::FastTwist)),
            ("Weighted toe touch", Some(CarefulKind::LoadedFlexion)),
            ("Power clean", Some(CarefulKind::Explosive)),
            ("KB snatch", Some(CarefulKind::Explosive)),
            ("Split jerk", Some(CarefulKind::Explosive)),
            ("Box jumps", Some(CarefulKind::Explosive)),
            ("Barbell back squat", Some(CarefulKind::HeavyBarbell)),
            ("Sumo deadlift", Some(CarefulKind::HeavyBarbell)),
            ("Pallof press", None),
            ("Romanian deadlift", None),
            ("Glute bridge", None),
            ("Dead bug", None),
        ];
        for (name, kind) in cases {
            assert_eq!(guess_careful_kind(name), kind, "{name}");
        }
    }

    #[test]
    fn careful_for_now_holds_in_phases_1_and_2_only() {
        for kind in CarefulKind::ALL {
            assert!(careful_for_now(Some(kind), Phase::Restore));
            assert!(careful_for_now(Some(kind), Phase::Rebuild));
            assert!(!careful_for_now(Some(kind), Phase::Reload));
        }
        assert!(!careful_for_now(None, Phase::Restore));
    }

    #[test]
    fn careful_own_exercises_get_the_nearest_safe_alternative_of_their_pattern() {
        let body = EquipmentSet::bodyweight_only();
        let sit_ups = own("Sit-ups", Pattern::Core, Some(CarefulKind::SitUps));
        let alt = safe_alternative(&sit_ups, &body, Phase::Restore).unwrap();
        assert_eq!(alt.ladder, Ladder::CoreFront);
        assert!(!alt.careful && alt.allowed_in_phase(1));
        let twist = own("Russian twist", Pattern::Core, Some(CarefulKind::FastTwist));
        let alt = safe_alternative(&twist, &body, Phase::Rebuild).unwrap();
        assert_eq!(alt.ladder, Ladder::CoreRotation);
        assert!(!alt.careful);
        let snatch = own("KB snatch", Pattern::Hinge, Some(CarefulKind::Explosive));
        let alt = safe_alternative(&snatch, &body, Phase::Restore).unwrap();
        assert_eq!(alt.ladder, Ladder::Hinge);
        assert!(alt.is_doable_with(&body));
    }
}
