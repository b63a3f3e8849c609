//! DOMAIN.md §2, pain rules during an exercise.

use super::equipment::EquipmentSet;
use super::library::{easier_variation, Exercise, Measure};
use super::prescription::SetTarget;
use super::units::Grams;
use serde::{Deserialize, Serialize};

/// Pain on the 0–10 numeric rating scale. Construction clamps, so no rule sees 11.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
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

/// DOMAIN.md §2: 0–2 go, 3–4 modify, 5+ stop.
pub fn pain_band(p: Pain) -> PainBand {
    match p.0 {
        0..=2 => PainBand::Go,
        3..=4 => PainBand::Modify,
        _ => PainBand::Stop,
    }
}

/// A concrete change proposed for the remaining sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modification {
    LessLoad { from: Grams, to: Grams },
    ShorterHold { from: u16, to: u16 },
    ShorterRange { how: &'static str },
    SlowerTempo { tempo: &'static str },
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PainAction {
    Continue,
    Modify(Modification),
    /// Stop this movement; swap to the easier variation, or, on the easiest rung, end
    /// the movement for today.
    StopAndSwap(Option<&'static Exercise>),
}

/// The slow tempo proposed when neither load nor range can come down.
pub const SLOW_TEMPO: &str = "4-2-2";

/// DOMAIN.md §2 pain rule during an exercise. `modified_before` counts the changes
/// already made to this exercise today, so a second 3–4 proposes the next kind of change.
pub fn pain_rule_during_exercise(
    pain: Pain,
    exercise: &Exercise,
    current: SetTarget,
    owned: &EquipmentSet,
    modified_before: usize,
) -> PainAction {
    match pain_band(pain) {
        PainBand::Go => PainAction::Continue,
        PainBand::Stop => PainAction::StopAndSwap(easier_variation(exercise, owned)),
        PainBand::Modify => {
            let options = modification_options(exercise, current, owned);
            let pick = modified_before.min(options.len() - 1);
            PainAction::Modify(options[pick].clone())
        }
    }
}

/// Ordered proposals for pain 3–4: less load first where there is load, then a shorter
/// hold or range, then a slower tempo (always possible, so never empty).
fn modification_options(
    ex: &Exercise,
    current: SetTarget,
    owned: &EquipmentSet,
) -> Vec<Modification> {
    let mut out = Vec::with_capacity(3);
    if let Some(eq) = ex.equipment_for(owned).filter(|e| e.is_loadable()) {
        let target = Grams(current.load.0 / 10 * 8);
        let lower = owned.round_down(eq, target);
        if lower < current.load {
            out.push(Modification::LessLoad {
                from: current.load,
                to: lower,
            });
        }
    }
    if matches!(ex.measure, Measure::Seconds) && current.amount > 10 {
        let to = (current.amount * 7 / 10).max(10);
        out.push(Modification::ShorterHold {
            from: current.amount,
            to,
        });
    }
    if let Some(how) = ex.shorter_range {
        out.push(Modification::ShorterRange { how });
    }
    out.push(Modification::SlowerTempo { tempo: SLOW_TEMPO });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::equipment::Equipment;
    use crate::domain::library::exercise;

    fn kettlebells() -> EquipmentSet {
        EquipmentSet {
            kettlebells: vec![Grams(8000), Grams(12000), Grams(16000)],
            ..Default::default()
        }
    }

    #[test]
    fn pain_rule_0_to_2_continues() {
        let ex = exercise("kb-deadlift").unwrap();
        for p in 0..=2 {
            let set = SetTarget {
                amount: 8,
                load: Grams(12000),
            };
            assert_eq!(
                pain_rule_during_exercise(Pain::clamped(p), ex, set, &kettlebells(), 0),
                PainAction::Continue
            );
        }
    }

    #[test]
    fn pain_rule_3_to_4_proposes_less_load_first() {
        let ex = exercise("kb-deadlift").unwrap();
        let set = SetTarget {
            amount: 8,
            load: Grams(16000),
        };
        let action = pain_rule_during_exercise(Pain::clamped(4), ex, set, &kettlebells(), 0);
        assert_eq!(
            action,
            PainAction::Modify(Modification::LessLoad {
                from: Grams(16000),
                to: Grams(12000)
            })
        );
    }

    #[test]
    fn pain_rule_3_to_4_then_shorter_range_then_slower_tempo() {
        let ex = exercise("kb-deadlift").unwrap();
        let set = SetTarget {
            amount: 8,
            load: Grams(16000),
        };
        let second = pain_rule_during_exercise(Pain::clamped(3), ex, set, &kettlebells(), 1);
        assert!(matches!(
            second,
            PainAction::Modify(Modification::ShorterRange { .. })
        ));
        let third = pain_rule_during_exercise(Pain::clamped(3), ex, set, &kettlebells(), 5);
        assert_eq!(
            third,
            PainAction::Modify(Modification::SlowerTempo { tempo: SLOW_TEMPO })
        );
    }

    #[test]
    fn pain_rule_3_to_4_shortens_a_hold() {
        let ex = exercise("side-plank").unwrap();
        let set = SetTarget {
            amount: 30,
            load: Grams::ZERO,
        };
        let action =
            pain_rule_during_exercise(Pain::clamped(3), ex, set, &EquipmentSet::default(), 0);
        assert_eq!(
            action,
            PainAction::Modify(Modification::ShorterHold { from: 30, to: 21 })
        );
        if let PainAction::Modify(m) = action {
            assert_eq!(m.apply(set).amount, 21);
        }
    }

    #[test]
    fn pain_rule_5_plus_stops_and_swaps_to_an_easier_variation() {
        let ex = exercise("kb-deadlift").unwrap();
        let set = SetTarget {
            amount: 8,
            load: Grams(8000),
        };
        for p in 5..=10 {
            let action = pain_rule_during_exercise(Pain::clamped(p), ex, set, &kettlebells(), 0);
            let PainAction::StopAndSwap(Some(swap)) = action else {
                panic!("{action:?}")
            };
            assert_eq!(swap.ladder, ex.ladder);
            assert!(swap.rung() < ex.rung());
            assert!(swap.equipment.contains(&Equipment::Bodyweight));
        }
    }

    #[test]
    fn pain_rule_5_plus_on_the_easiest_rung_stops_without_a_swap() {
        let ex = exercise("wall-hip-hinge").unwrap();
        let set = SetTarget {
            amount: 8,
            load: Grams::ZERO,
        };
        let action =
            pain_rule_during_exercise(Pain::clamped(7), ex, set, &EquipmentSet::default(), 0);
        assert_eq!(action, PainAction::StopAndSwap(None));
    }

    #[test]
    fn pain_outside_0_to_10_is_refused() {
        assert!(Pain::new(11).is_none());
        assert_eq!(Pain::clamped(200).value(), 10);
        assert!(serde_json_like_roundtrip_refuses_eleven());
    }

    fn serde_json_like_roundtrip_refuses_eleven() -> bool {
        Pain::try_from(11u8).is_err() && Pain::try_from(10u8).is_ok()
    }
}
