//! Sentences more than one screen says, built from the domain's own terms.

use crate::domain::equipment::Equipment;
use crate::domain::phase::Phase;
use crate::domain::served::Origin;

/// "What this phase is for, when it moves on", for the plan screen.
pub fn phase_words(p: Phase) -> String {
    match p.min_weeks() {
        Some(w) => format!(
            "{} It moves on after at least {w} weeks in a row with session pain at 2 or below and no flare the day after.",
            p.purpose()
        ),
        None => format!("{} From here it is the long game.", p.purpose()),
    }
}

/// How the plan restarts after a flare, from the phase the user is in.
pub fn restart_words(phase: Phase) -> &'static str {
    match phase {
        Phase::Restore => "starts phase 1 again, lighter",
        Phase::Rebuild | Phase::Reload => "restarts one phase lower and lighter",
    }
}

/// Why owned equipment is not in this week's plan yet, if it is not.
/// "dumbbells, resistance bands and kettlebells".
pub fn equipment_list(items: &[Equipment]) -> String {
    let names = items
        .iter()
        .map(|e| e.label().to_lowercase())
        .collect::<Vec<_>>();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Used by the origin badge on Today and Plan.
pub fn origin_note(o: Origin) -> Option<&'static str> {
    match o {
        Origin::Physio => Some("From your physio"),
        Origin::Own => Some("Your own"),
        Origin::Planned | Origin::ChosenByYou => None,
    }
}
