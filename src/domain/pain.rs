//! rules §2, pain rules during an exercise.

use super::equipment::{Equipment, EquipmentSet};
use super::library::{ladder, Exercise, Measure};
use super::prescription::SetTarget;
use super::units::Grams;

/// Pain on the 0–10 numeric rating scale. Construction clamps, so no rule sees 11.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pain(u8);

impl Pain {
    pub const MAX: u8 = 10;

    pub fn new(value: u8) -> Option<Pain> {
        (value <= Self::MAX).then_some(Pain(value))
    }

    pub fn clamped(value: u8) -> Pain {
        Pain(value.min(Self::MAX))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Pain {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Pain::new(v).ok_or_else(|| format!("pain {v} is outside 0–10"))
    }
}

impl From<Pain> for u8 {
    fn from(p: Pain) -> u8 {
        p.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PainBand {
    /// 0–2: continue as planned.
    Go,
    /// 3–4: modify.
    Modify,
    /// 5 or more: stop that movement and swap.
    Stop,
}

/// rules §2: the highest pain at which training carries on as planned.
pub const GO_UP_TO: u8 = 2;
/// rules §2: from this pain on, the exercise is changed so that it feels better.
pub const MODIFY_FROM: u8 = GO_UP_TO + 1;
/// rules §2: the highest pain at which the exercise is changed rather than stopped.
pub const MODIFY_UP_TO: u8 = 4;
/// rules §2: from this pain on, that movement stops.
pub const STOP_FROM: u8 = MODIFY_UP_TO + 1;

/// rules §2: 0–2 go, 3–4 modify, 5+ stop.
pub fn pain_band(p: Pain) -> PainBand {
    match p.0 {
        0..=GO_UP_TO => PainBand::Go,
        MODIFY_FROM..=MODIFY_UP_TO => PainBand::Modify,
        _ => PainBand::Stop,
    }
}

/// A concrete change proposed for the remaining sets of an exercise (rules §2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modification {
    LessLoad {
        from: Grams,
        to: Grams,
    },
    ShorterHold {
        from: u16,
        to: u16,
    },
    /// A shorter range of motion, written on every remaining set.
    ShorterRange {
        how: String,
    },
    /// A slower tempo ("down-pause-up" seconds) that the tempo guide then counts.
    SlowerTempo {
        tempo: String,
    },
}

impl Modification {
    /// Applies it to a set still to do.
    pub fn apply(&self, set: SetTarget) -> SetTarget {
        match *self {
            Modification::LessLoad { to, .. } => SetTarget {
                load: to.min(set.load),
                ..set
            },
            Modification::ShorterHold { to, .. } => SetTarget {
                amount: to.min(set.amount),
                ..set
            },
            Modification::ShorterRange { .. } | Modification::SlowerTempo { .. } => set,
        }
    }

    fn kind(&self) -> u8 {
        match self {
            Modification::LessLoad { .. } => 0,
            Modification::ShorterHold { .. } => 1,
            Modification::ShorterRange { .. } => 2,
            Modification::SlowerTempo { .. } => 3,
        }
    }
}

/// What the pain rule says to do now, for one exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PainAction {
    /// 0–2: carry on as planned.
    Continue,
    /// 3–4: this change for the remaining sets (the user accepts or declines it).
    Modify(Modification),
    /// 3–4 again with every kind of change already in place: go on gently, and stop if
    /// it climbs.
    AlreadyEased,
    /// 5+: stop this movement and swap to this easier variation of the same pattern.
    StopAndSwap(&'static Exercise),
    /// 5+ with no easier variation of another movement below it, or on an own or
    /// physiotherapy exercise: stop it and pause it until the user (or their physio)
    /// brings it back.
    StopAndPause,
}

/// The slow tempo proposed when an exercise has none of its own.
pub const SLOW_TEMPO: &str = "4-2-2";

/// rules §2 "slower tempo": two more seconds down, one more at the pause and up.
pub fn slower_tempo(tempo: &str) -> String {
    let parts: Option<Vec<u8>> = tempo.split('-').map(|p| p.trim().parse().ok()).collect();
    match parts.as_deref() {
        Some([down, pause, up]) => format!(
            "{}-{}-{}",
            (down + 2).min(9),
            (pause + 1).clamp(1, 9),
            (up + 1).min(9)
        ),
        _ => SLOW_TEMPO.to_string(),
    }
}

/// What the rule needs to know of the exercise being done.
#[derive(Debug, Clone, Copy)]
pub struct Doing<'a> {
    /// The library exercise, when it is one (own and physio exercises are not).
    pub exercise: Option<&'static Exercise>,
    pub measure: Measure,
    /// The equipment it is done with, for real load steps.
    pub equipment: Equipment,
    pub tempo: &'a str,
    /// The next set to do, as it stands now.
    pub next: SetTarget,
    /// The changes already proposed for it today and accepted or turned down: the next
    /// proposal is of another kind.
    pub tried: &'a [Modification],
}

/// rules §2 pain 5+: the easier variation to swap to. Pain stops *that movement*, so
/// it is the nearest lower rung of the same ladder that is another movement (a dumbbell
/// Romanian deadlift is no swap for a barbell one) and that the user's equipment and the
/// phase allow; `None` when there is none below.
pub fn easier_variation_for_pain(
    from: &Exercise,
    owned: &EquipmentSet,
    phase: u8,
) -> Option<&'static Exercise> {
    easier_variation_avoiding(from, owned, phase, &[])
}

/// `easier_variation_for_pain`, passing over the exercises in `avoid` (served already by
/// another place of the plan): the next one further down.
pub fn easier_variation_avoiding(
    from: &Exercise,
    owned: &EquipmentSet,
    phase: u8,
    avoid: &[&str],
) -> Option<&'static Exercise> {
    ladder(from.ladder)
        .take(from.rung())
        .filter(|e| !e.same_movement(from) && !avoid.contains(&e.id))
        .filter(|e| e.is_doable_with(owned) && e.allowed_in_phase(phase))
        .last()
}

/// The nearest lower rung the equipment and phase allow, of any movement: the step back
/// after a 24-hour spike, or a dose that does not fit the week (not pain 5+).
pub fn lower_rung(from: &Exercise, owned: &EquipmentSet, phase: u8) -> Option<&'static Exercise> {
    ladder(from.ladder)
        .take(from.rung())
        .filter(|e| e.is_doable_with(owned) && e.allowed_in_phase(phase))
        .last()
}

/// rules §2 pain rule during an exercise, for every exercise of a session however it
/// got there: 0–2 go on; 3–4 the next kind of change not yet made (less load, a shorter
/// hold or range, a slower tempo); 5+ stop, and swap down the ladder to another movement,
/// or, with none below (and for own and physio exercises), stop and pause it.
pub fn pain_rule_during_exercise(
    pain: Pain,
    doing: Doing,
    owned: &EquipmentSet,
    phase: u8,
) -> PainAction {
    match pain_band(pain) {
        PainBand::Go => PainAction::Continue,
        PainBand::Stop => match doing.exercise {
            Some(e) => match easier_variation_for_pain(e, owned, phase) {
                Some(easier) => PainAction::StopAndSwap(easier),
                None => PainAction::StopAndPause,
            },
            None => PainAction::StopAndPause,
        },
        PainBand::Modify => modification_options(doing, owned)
            .into_iter()
            .find(|m| !doing.tried.iter().any(|a| a.kind() == m.kind()))
            .map_or(PainAction::AlreadyEased, PainAction::Modify),
    }
}

/// A shorter range for exercises whose library entry names none, and for own exercises.
pub const GENERIC_SHORTER_RANGE: &str = "Move only as far as stays comfortable, about halfway";

/// Proposals for pain 3–4 in order: less load where a lighter real load exists, a shorter
/// hold, a shorter range, and for repetitions a slower tempo.
fn modification_options(d: Doing, owned: &EquipmentSet) -> Vec<Modification> {
    let mut out = Vec::with_capacity(4);
    let current = d.next;
    if d.equipment.is_loadable() && !current.load.is_zero() && d.exercise.is_some() {
        let lower = owned.round_down(d.equipment, Grams(current.load.0 / 10 * 8));
        if lower < current.load {
            out.push(Modification::LessLoad {
                from: current.load,
                to: lower,
            });
        }
    }
    if matches!(d.measure, Measure::Seconds) && current.amount > 5 {
        let to = (current.amount * 7 / 10).max(5);
        out.push(Modification::ShorterHold {
            from: current.amount,
            to,
        });
    }
    let how = d
        .exercise
        .and_then(|e| e.shorter_range)
        .unwrap_or(GENERIC_SHORTER_RANGE);
    out.push(Modification::ShorterRange { how: how.into() });
    if matches!(d.measure, Measure::Reps) {
        out.push(Modification::SlowerTempo {
            tempo: slower_tempo(d.tempo),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::exercise;

    fn kettlebells() -> EquipmentSet {
        EquipmentSet {
            kettlebells: vec![Grams(8000), Grams(12000), Grams(16000)],
            ..Default::default()
        }
    }

    fn doing<'a>(id: &str, next: SetTarget, tried: &'a [Modification]) -> Doing<'a> {
        let e = exercise(id).unwrap();
        Doing {
            exercise: Some(e),
            measure: e.measure,
            equipment: e.equipment_for(&kettlebells()).unwrap(),
            tempo: e.tempo,
            next,
            tried,
        }
    }

    fn set(amount: u16, g: u32) -> SetTarget {
        SetTarget {
            amount,
            load: Grams(g),
        }
    }

    #[test]
    fn pain_rule_0_to_2_continues() {
        for p in 0..=2 {
            let d = doing("kb-deadlift", set(8, 12000), &[]);
            assert_eq!(
                pain_rule_during_exercise(Pain::clamped(p), d, &kettlebells(), 2),
                PainAction::Continue
            );
        }
    }

    #[test]
    fn pain_rule_3_to_4_proposes_less_load_first() {
        let d = doing("kb-deadlift", set(8, 16000), &[]);
        let action = pain_rule_during_exercise(Pain::clamped(4), d, &kettlebells(), 2);
        assert_eq!(
            action,
            PainAction::Modify(Modification::LessLoad {
                from: Grams(16000),
                to: Grams(12000)
            })
        );
    }

    #[test]
    fn pain_rule_3_to_4_then_shorter_range_then_slower_tempo_then_nothing_new() {
        let lighter = Modification::LessLoad {
            from: Grams(16000),
            to: Grams(12000),
        };
        let tried = [lighter.clone()];
        let second = pain_rule_during_exercise(
            Pain::clamped(3),
            doing("kb-deadlift", set(8, 12000), &tried),
            &kettlebells(),
            2,
        );
        let PainAction::Modify(Modification::ShorterRange { how }) = &second else {
            panic!("{second:?}")
        };
        assert_eq!(how, exercise("kb-deadlift").unwrap().shorter_range.unwrap());
        let tried = [
            lighter.clone(),
            Modification::ShorterRange { how: how.clone() },
        ];
        let third = pain_rule_during_exercise(
            Pain::clamped(3),
            doing("kb-deadlift", set(8, 12000), &tried),
            &kettlebells(),
            2,
        );
        let tempo = exercise("kb-deadlift").unwrap().tempo;
        assert_eq!(
            third,
            PainAction::Modify(Modification::SlowerTempo {
                tempo: slower_tempo(tempo)
            })
        );
        let mut all = tried.to_vec();
        all.push(Modification::SlowerTempo {
            tempo: slower_tempo(tempo),
        });
        assert_eq!(
            pain_rule_during_exercise(
                Pain::clamped(4),
                doing("kb-deadlift", set(8, 12000), &all),
                &kettlebells(),
                2
            ),
            PainAction::AlreadyEased
        );
    }

    #[test]
    fn pain_rule_3_to_4_shortens_a_hold() {
        let d = doing("side-plank", set(30, 0), &[]);
        let action = pain_rule_during_exercise(Pain::clamped(3), d, &EquipmentSet::default(), 2);
        assert_eq!(
            action,
            PainAction::Modify(Modification::ShorterHold { from: 30, to: 21 })
        );
        if let PainAction::Modify(m) = action {
            assert_eq!(m.apply(set(30, 0)).amount, 21);
        }
    }

    #[test]
    fn pain_rule_3_to_4_on_an_own_exercise_shortens_the_range_then_slows_it() {
        let own = Doing {
            exercise: None,
            measure: Measure::Reps,
            equipment: Equipment::Dumbbells,
            tempo: "",
            next: set(10, 10000),
            tried: &[],
        };
        let PainAction::Modify(first) =
            pain_rule_during_exercise(Pain::clamped(4), own, &kettlebells(), 1)
        else {
            panic!()
        };
        assert_eq!(
            first,
            Modification::ShorterRange {
                how: GENERIC_SHORTER_RANGE.into()
            }
        );
        let tried = [first];
        let second = pain_rule_during_exercise(
            Pain::clamped(4),
            Doing {
                tried: &tried,
                ..own
            },
            &kettlebells(),
            1,
        );
        assert_eq!(
            second,
            PainAction::Modify(Modification::SlowerTempo {
                tempo: SLOW_TEMPO.into()
            })
        );
    }

    #[test]
    fn slower_tempo_adds_seconds_to_each_part() {
        assert_eq!(slower_tempo("3-1-1"), "5-2-2");
        assert_eq!(slower_tempo("2-0-1"), "4-1-2");
        assert_eq!(slower_tempo(""), SLOW_TEMPO);
    }

    #[test]
    fn pain_rule_5_plus_stops_and_swaps_to_an_easier_variation() {
        let ex = exercise("kb-deadlift").unwrap();
        for p in 5..=10 {
            let d = doing("kb-deadlift", set(8, 8000), &[]);
            let action = pain_rule_during_exercise(Pain::clamped(p), d, &kettlebells(), 2);
            let PainAction::StopAndSwap(swap) = action else {
                panic!("{action:?}")
            };
            assert_eq!(swap.ladder, ex.ladder);
            assert!(swap.rung() < ex.rung());
            assert!(swap.is_doable_with(&kettlebells()));
        }
    }

    #[test]
    fn pain_rule_5_plus_with_nothing_easier_and_on_an_own_exercise_stops_and_pauses() {
        let d = doing("wall-hip-hinge", set(8, 0), &[]);
        assert_eq!(
            pain_rule_during_exercise(Pain::clamped(7), d, &EquipmentSet::default(), 1),
            PainAction::StopAndPause
        );
        // A single-leg bridge has only the glute bridge below it: the same movement.
        let d = doing("single-leg-bridge", set(8, 0), &[]);
        assert_eq!(
            pain_rule_during_exercise(Pain::clamped(6), d, &EquipmentSet::default(), 1),
            PainAction::StopAndPause
        );
        let own = Doing {
            exercise: None,
            measure: Measure::Reps,
            equipment: Equipment::Bodyweight,
            tempo: "",
            next: set(10, 0),
            tried: &[],
        };
        assert_eq!(
            pain_rule_during_exercise(Pain::clamped(5), own, &EquipmentSet::default(), 1),
            PainAction::StopAndPause
        );
    }

    #[test]
    fn pain_rule_5_plus_stops_the_movement_whatever_carries_the_load() {
        let gym = EquipmentSet {
            bands: true,
            dumbbells: Some(crate::domain::equipment::SteppedRange {
                min: Grams(2000),
                max: Grams(30000),
                step: Grams(2000),
            }),
            kettlebells: vec![Grams(8000), Grams(12000)],
            barbell: Some(crate::domain::equipment::BarbellSet::reaching(
                Grams(20000),
                Grams(1250),
                Grams(100000),
            )),
            ..Default::default()
        };
        // A barbell Romanian deadlift that hurts does not become a dumbbell one.
        let rdl = exercise("barbell-rdl").unwrap();
        let to = easier_variation_for_pain(rdl, &gym, 2).unwrap();
        assert_eq!(to.id, "kb-deadlift");
        // Every rung of every ladder: a swap goes down, to another movement, doable and
        // allowed; none means no such rung exists below.
        for phase in 1..=3 {
            for from in crate::domain::library::LIBRARY.iter() {
                let below: Vec<_> = ladder(from.ladder)
                    .take(from.rung())
                    .filter(|e| !e.same_movement(from))
                    .filter(|e| e.is_doable_with(&gym) && e.allowed_in_phase(phase))
                    .collect();
                match easier_variation_for_pain(from, &gym, phase) {
                    Some(to) => {
                        assert!(to.rung() < from.rung(), "{} → {}", from.id, to.id);
                        assert_ne!(to.movement, from.movement, "{} → {}", from.id, to.id);
                        assert_eq!(Some(&to), below.last(), "{} → the nearest", from.id);
                    }
                    None => assert!(below.is_empty(), "{}: {below:?}", from.id),
                }
            }
        }
    }

    #[test]
    fn pain_5_plus_never_swaps_a_romanian_deadlift_to_a_good_morning() {
        let gym = EquipmentSet {
            bands: true,
            dumbbells: Some(crate::domain::equipment::SteppedRange {
                min: Grams(2000),
                max: Grams(30000),
                step: Grams(2000),
            }),
            ..Default::default()
        };
        for id in ["db-rdl", "barbell-rdl"] {
            let rdl = exercise(id).unwrap();
            for phase in 2..=3 {
                let easier = easier_variation_for_pain(rdl, &gym, phase).unwrap();
                assert_ne!(easier.id, "low-load-good-morning");
                assert!(easier.rung() < rdl.rung());
            }
        }
        let gm = exercise("low-load-good-morning").unwrap();
        assert!(gm.rung() > exercise("db-rdl").unwrap().rung());
    }

    #[test]
    fn pain_5_plus_swaps_only_to_an_exercise_the_phase_allows() {
        let bands = EquipmentSet {
            bands: true,
            dumbbells: Some(crate::domain::equipment::SteppedRange {
                min: Grams(2000),
                max: Grams(30000),
                step: Grams(2000),
            }),
            ..Default::default()
        };
        let apart = exercise("band-pull-apart").unwrap();
        let easier = easier_variation_for_pain(apart, &bands, 1).unwrap();
        assert!(easier.allowed_in_phase(1), "{}", easier.id);
    }

    #[test]
    fn pain_outside_0_to_10_is_refused() {
        assert!(Pain::new(11).is_none());
        assert_eq!(Pain::clamped(200).value(), 10);
        assert!(Pain::try_from(11u8).is_err() && Pain::try_from(10u8).is_ok());
    }
}
