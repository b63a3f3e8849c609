//! Sentences more than one screen says, built from the domain's own terms.

use crate::domain::equipment::Equipment;
use crate::domain::flare::CALM_DAYS_TO_EXIT;
use crate::domain::pain::GO_UP_TO;
use crate::domain::phase::Phase;
use crate::domain::progression::MAX_INCREASE_PERMILLE;
use crate::domain::served::Origin;

/// "What this phase is for, when it moves on", for the plan screen.
pub fn phase_words(p: Phase) -> String {
    match p.min_weeks() {
        Some(w) => format!(
            "{} It moves on after at least {w} weeks in a row with session pain at {GO_UP_TO} or below and no flare the day after.",
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

/// A share of a thousand as the app writes it: "10 %".
pub fn percent(permille: u64) -> String {
    format!("{} %", permille / 10)
}

/// The most a week's work may rise over the week before (rules §3).
pub fn weekly_cap() -> String {
    percent(MAX_INCREASE_PERMILLE)
}

/// A small count in words ("three"); larger ones in digits.
pub fn count_words(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// When a flare-up is over (rules §5): "2 or below for three days in a row".
pub fn calm_enough() -> String {
    format!(
        "{GO_UP_TO} or below for {} days in a row",
        count_words(CALM_DAYS_TO_EXIT)
    )
}
