//! rules §7, a session: the 4-step warm-up, ramp-up sets, main patterns, core,
//! mobility to finish. Also which ladders each phase's sessions hold.

use super::equipment::{Equipment, EquipmentSet};
use super::library::{exercise, Exercise, Ladder};
use super::order;
use super::phase::Phase;
use super::prescription::SetTarget;
use super::units::Grams;

/// The ladders of each session of the week, main patterns first, core last.
/// Session length decides how many slots are kept (30 min: 4, 45: 5, 60: 6).
pub fn session_templates(phase: Phase, days: u8, minutes: u16) -> Vec<Vec<Ladder>> {
    use Ladder::*;
    let keep = match minutes {
        0..=35 => 4,
        36..=50 => 5,
        _ => 6,
    };
    let week: Vec<[Ladder; 6]> = match phase {
        // Phase 1 repeats one gentle session: hinge, bridge, three core drills, rear delts.
        Phase::Restore => {
            vec![[Hinge, Glute, CoreFront, CoreRotation, CoreSide, UpperRear]; usize::from(days)]
        }
        Phase::Rebuild | Phase::Reload => [
            [Squat, Hinge, UpperPull, Carry, CoreFront, CoreSide],
            [Glute, Hinge, UpperRear, Carry, CoreRotation, CoreSide],
            [Squat, Glute, UpperPull, Carry, CoreRotation, CoreFront],
            [Hinge, Squat, UpperRear, Glute, CoreFront, CoreSide],
        ]
        .into_iter()
        .take(usize::from(days))
        .collect(),
    };
    week.into_iter().map(|s| s[..keep].to_vec()).collect()
}

pub fn session_label(slot: u8) -> char {
    (b'A' + slot.min(25)) as char
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarmUpStep {
    RaiseTemperature,
    Mobilise,
    Activate,
    RampUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TempoPart {
    Down,
    Pause,
    Up,
}

impl TempoPart {
    pub fn label(self) -> &'static str {
        match self {
            TempoPart::Down => "Down",
            TempoPart::Pause => "Pause",
            TempoPart::Up => "Up",
        }
    }
}

/// rules §7 tempo ("3-1-1": seconds down, pause, up) as timed parts for a tempo
/// guide; parts of 0 seconds are skipped. `None` when there is no tempo to follow.
pub fn tempo_parts(tempo: &str) -> Option<Vec<(TempoPart, u8)>> {
    let secs: Vec<u8> = tempo
        .split('-')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<Vec<u8>>>()?;
    let [down, pause, up] = secs[..] else {
        return None;
    };
    let parts: Vec<(TempoPart, u8)> = [
        (TempoPart::Down, down),
        (TempoPart::Pause, pause),
        (TempoPart::Up, up),
    ]
    .into_iter()
    .filter(|(_, s)| *s > 0 && *s <= 10)
    .collect();
    (!parts.is_empty()).then_some(parts)
}

/// Where a tempo guide is, `elapsed_ms` after it started: the part and whole seconds
/// left in it. The parts repeat, one repetition after another.
pub fn tempo_at(parts: &[(TempoPart, u8)], elapsed_ms: i64) -> Option<(TempoPart, u8)> {
    let cycle: i64 = parts.iter().map(|(_, s)| i64::from(*s) * 1000).sum();
    if cycle == 0 {
        return None;
    }
    let mut t = elapsed_ms.rem_euclid(cycle);
    for (part, s) in parts {
        let len = i64::from(*s) * 1000;
        if t < len {
            return Some((*part, ((len - t + 999) / 1000) as u8));
        }
        t -= len;
    }
    None
}

/// A step of the warm-up with its drills (exercise id, amount in the drill's measure).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarmUp {
    pub step: WarmUpStep,
    pub title: &'static str,
    pub minutes: u8,
    pub drills: Vec<(&'static Exercise, u16)>,
}

fn ex(id: &str) -> &'static Exercise {
    exercise(id).expect("warm-up drills are in the library")
}

/// rules §7 warm-up: 8–10 minutes in four steps — raise temperature, mobilise hips and
/// upper back, activate glutes and core, then ramp-up sets (listed with the first lift).
pub fn warm_up(has_loaded_lift: bool) -> Vec<WarmUp> {
    vec![
        WarmUp {
            step: WarmUpStep::RaiseTemperature,
            title: "Raise your temperature",
            minutes: 3,
            drills: vec![(ex("brisk-walk"), 3)],
        },
        WarmUp {
            step: WarmUpStep::Mobilise,
            title: "Mobilise hips and upper back",
            minutes: 3,
            drills: vec![
                (ex("cat-camel"), 8),
                (ex("open-book"), 6),
                (ex("ninety-ninety"), 6),
            ],
        },
        WarmUp {
            step: WarmUpStep::Activate,
            title: "Wake up glutes and core",
            minutes: 2,
            drills: vec![(ex("glute-bridge"), 10), (ex("dead-bug"), 6)],
        },
        WarmUp {
            step: WarmUpStep::RampUp,
            title: if has_loaded_lift {
                "Ramp-up sets into your working weight"
            } else {
                "Ramp up: one easy set of your first exercise"
            },
            minutes: 2,
            drills: Vec::new(),
        },
    ]
}

/// rules §7 ramp-up sets: lighter sets at about 50 % and 75 % of the working load (the
/// lightest load the equipment has first when that is lighter still), fewer reps each,
/// in real equipment steps, all below the working load.
pub fn ramp_up_sets(working: Grams, eq: Equipment, owned: &EquipmentSet) -> Vec<SetTarget> {
    if !eq.is_loadable() || working.is_zero() {
        return Vec::new();
    }
    let mut loads: Vec<Grams> = [Grams(working.0 / 2), Grams(working.0 / 4 * 3)]
        .into_iter()
        .map(|g| owned.round_down(eq, g))
        .collect();
    if let Some(lightest) = owned.lightest(eq) {
        loads.insert(0, lightest);
    }
    loads.retain(|g| *g < working && !g.is_zero());
    order::sort(&mut loads);
    loads.dedup();
    let reps = [8u16, 5, 3];
    let skip = reps.len().saturating_sub(loads.len());
    loads
        .into_iter()
        .zip(reps.into_iter().skip(skip))
        .map(|(load, amount)| SetTarget { amount, load })
        .collect()
}

/// Rough minutes a slot takes, for the session length shown.
pub fn estimated_minutes(sets: usize, measure_seconds_each: u32, rest_seconds: u16) -> u32 {
    let work = sets as u32 * measure_seconds_each;
    let rest = sets.saturating_sub(1) as u32 * u32::from(rest_seconds);
    (work + rest).div_ceil(60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tempo_parts_read_down_pause_up_and_tempo_at_repeats_them() {
        let parts = tempo_parts("3-1-1").unwrap();
        assert_eq!(
            parts,
            vec![
                (TempoPart::Down, 3),
                (TempoPart::Pause, 1),
                (TempoPart::Up, 1)
            ]
        );
        assert_eq!(tempo_at(&parts, 0), Some((TempoPart::Down, 3)));
        assert_eq!(tempo_at(&parts, 2_100), Some((TempoPart::Down, 1)));
        assert_eq!(tempo_at(&parts, 3_000), Some((TempoPart::Pause, 1)));
        assert_eq!(tempo_at(&parts, 4_500), Some((TempoPart::Up, 1)));
        assert_eq!(
            tempo_at(&parts, 5_000),
            Some((TempoPart::Down, 3)),
            "next rep"
        );
        assert_eq!(tempo_parts("2-0-1").unwrap().len(), 2);
        assert_eq!(tempo_parts(""), None);
        assert_eq!(tempo_parts("slow"), None);
    }
    use crate::domain::equipment::BarbellSet;

    #[test]
    fn warm_up_has_the_four_steps_in_order_and_lasts_8_to_10_minutes() {
        let w = warm_up(true);
        let steps: Vec<_> = w.iter().map(|s| s.step).collect();
        assert_eq!(
            steps,
            [
                WarmUpStep::RaiseTemperature,
                WarmUpStep::Mobilise,
                WarmUpStep::Activate,
                WarmUpStep::RampUp
            ]
        );
        let minutes: u8 = w.iter().map(|s| s.minutes).sum();
        assert!((8..=10).contains(&minutes));
    }

    #[test]
    fn ramp_up_sets_climb_in_real_steps_below_the_working_load() {
        let owned = EquipmentSet {
            barbell: Some(BarbellSet::reaching(
                Grams::kg(20.0),
                Grams::kg(1.25),
                Grams::kg(200.0),
            )),
            ..Default::default()
        };
        let sets = ramp_up_sets(Grams::kg(80.0), Equipment::Barbell, &owned);
        let loads: Vec<_> = sets.iter().map(|s| s.load).collect();
        assert_eq!(
            loads,
            vec![Grams::kg(20.0), Grams::kg(40.0), Grams::kg(60.0)]
        );
        assert_eq!(
            sets.iter().map(|s| s.amount).collect::<Vec<_>>(),
            vec![8, 5, 3]
        );
        assert!(ramp_up_sets(Grams::kg(20.0), Equipment::Barbell, &owned).is_empty());
        assert!(ramp_up_sets(Grams::ZERO, Equipment::Bodyweight, &owned).is_empty());
    }

    #[test]
    fn session_templates_follow_the_phase_and_the_session_length() {
        let p1 = session_templates(Phase::Restore, 3, 30);
        assert_eq!(p1.len(), 3);
        assert!(p1.iter().all(|s| s.len() == 4 && s[0] == Ladder::Hinge));
        assert!(
            p1.iter().flatten().all(|l| *l != Ladder::Squat),
            "phase 1 has no squats"
        );
        let p2 = session_templates(Phase::Rebuild, 2, 60);
        assert_eq!(p2.len(), 2);
        assert!(p2.iter().all(|s| s.len() == 6));
        assert!(p2[0].contains(&Ladder::Squat) && p2[0].contains(&Ladder::Carry));
    }
}
