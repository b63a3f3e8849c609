//! What a change of setup does to the plan (rules §4: new equipment counts from the
//! next session; loads keep to the 10 % rule). The planner applies the change; this module
//! compares the week before and after, so the screen can say what changed and why.

use super::equipment::Equipment;
use super::library::Exercise;
use super::planner::{Mode, Plan};
use super::profile::{Goal, Setup};
use super::units::Grams;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupEffect {
    DaysPerWeek {
        from: u8,
        to: u8,
    },
    SessionMinutes {
        from: u16,
        to: u16,
    },
    Goal {
        from: Goal,
        to: Goal,
    },
    EquipmentAdded(Vec<Equipment>),
    EquipmentRemoved(Vec<Equipment>),
    /// This week's sessions serve `to` where they served `from`.
    Exercise {
        from: &'static Exercise,
        to: &'static Exercise,
    },
    /// The same exercise, now done with the new equipment.
    NowWith {
        exercise: &'static Exercise,
        equipment: Equipment,
    },
    /// Owned equipment the current phase does not use yet.
    Waits(Vec<Equipment>),
    /// In flare-up mode nothing is served; the change shows once the flare settles.
    AfterFlare,
    /// Different plates (or bar): the loads they make now, lightest and heaviest.
    Plates {
        lightest: Grams,
        heaviest: Grams,
    },
}

/// The effects of replacing `old` by `new`, read off this week's plan before and after.
/// Empty when nothing differs.
pub fn setup_change_effects(
    old: &Setup,
    new: &Setup,
    before: &Plan,
    after: &Plan,
) -> Vec<SetupEffect> {
    let mut out = Vec::new();
    if old.days_per_week != new.days_per_week {
        out.push(SetupEffect::DaysPerWeek {
            from: old.days_per_week,
            to: new.days_per_week,
        });
    }
    if old.session_minutes != new.session_minutes {
        out.push(SetupEffect::SessionMinutes {
            from: old.session_minutes,
            to: new.session_minutes,
        });
    }
    if old.goal != new.goal {
        out.push(SetupEffect::Goal {
            from: old.goal,
            to: new.goal,
        });
    }
    let owned = |s: &Setup, e: Equipment| e != Equipment::Bodyweight && s.equipment.has(e);
    let added: Vec<Equipment> = Equipment::ALL
        .into_iter()
        .filter(|e| owned(new, *e) && !owned(old, *e))
        .collect();
    let removed: Vec<Equipment> = Equipment::ALL
        .into_iter()
        .filter(|e| owned(old, *e) && !owned(new, *e))
        .collect();
    if !added.is_empty() {
        out.push(SetupEffect::EquipmentAdded(added.clone()));
    }
    if !removed.is_empty() {
        out.push(SetupEffect::EquipmentRemoved(removed));
    }
    let bar_loads = |s: &Setup| {
        s.equipment
            .barbell
            .as_ref()
            .filter(|_| owned(s, Equipment::Barbell))
            .map(|b| b.loads())
    };
    if let (Some(was), Some(now)) = (bar_loads(old), bar_loads(new)) {
        if let (true, Some(&lightest), Some(&heaviest)) = (was != now, now.first(), now.last()) {
            out.push(SetupEffect::Plates { lightest, heaviest });
        }
    }
    if matches!(after.mode, Mode::Flare { .. }) {
        if out.is_empty() {
            return out;
        }
        out.push(SetupEffect::AfterFlare);
        return out;
    }
    let served = |p: &Plan| -> Vec<&'static Exercise> {
        let mut v: Vec<&'static Exercise> = Vec::new();
        for x in p.sessions.iter().filter(|s| !s.started) {
            for e in &x.exercises {
                if !v.iter().any(|seen| seen.id == e.exercise.id) {
                    v.push(e.exercise);
                }
            }
        }
        v
    };
    for e in after
        .sessions
        .iter()
        .filter(|s| !s.started)
        .flat_map(|s| &s.exercises)
    {
        if let super::reason::Reason::NewEquipment {
            from: None,
            equipment,
        } = e.reason
        {
            let effect = SetupEffect::NowWith {
                exercise: e.exercise,
                equipment,
            };
            if !out.contains(&effect) {
                out.push(effect);
            }
        }
    }
    let (was, now) = (served(before), served(after));
    for to in &now {
        if was.iter().any(|w| w.id == to.id) {
            continue;
        }
        if let Some(from) = was
            .iter()
            .find(|w| w.ladder == to.ladder && !now.iter().any(|n| n.id == w.id))
        {
            out.push(SetupEffect::Exercise { from, to });
        }
    }
    let waiting: Vec<Equipment> = after
        .equipment_waiting()
        .into_iter()
        .filter(|e| added.contains(e))
        .collect();
    if !waiting.is_empty() {
        out.push(SetupEffect::Waits(waiting));
    }
    out
}
