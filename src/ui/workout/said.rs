//! What the screen says back to a pain report, in words built from the session model.

use super::*;

/// What the pain rule said, in words, with the choice it offers.
pub(super) fn said_words(
    pain: Pain,
    action: &PainAction,
    units: Units,
    after_last: bool,
    library: bool,
) -> String {
    let p = pain.value();
    match action {
        PainAction::Continue => format!("Pain {p}: carry on as planned."),
        PainAction::Modify(_) | PainAction::AlreadyEased if after_last => {
            format!("Pain {p} noted. Next week this exercise repeats the same dose instead of adding to it.")
        }
        PainAction::Modify(m) => format!("Pain {p}: {}", modification_words(m, units)),
        PainAction::AlreadyEased => format!(
            "Pain {p}: everything that makes it easier is already in place. Go gently, and stop if it climbs to {}.", crate::domain::pain::STOP_FROM
        ),
        PainAction::StopAndSwap(e) if after_last => format!(
            "Pain {p}: this one is done for today. Next time it steps down to {}.",
            e.name
        ),
        PainAction::StopAndSwap(e) => format!(
            "Pain {p}: stop this movement. Switched to {}, an easier version of the same movement.",
            e.name
        ),
        PainAction::StopAndPause if library => format!(
            "Pain {p}: stop this movement. Nothing gentler of another movement sits below it, so it is paused in your plan until you bring it back on Plan, a little lighter. Walk and move gently instead."
        ),
        PainAction::StopAndPause => format!(
            "Pain {p}: stop this exercise. It is paused in your plan until you bring it back on Plan (or your physio says it is fine)."
        ),
    }
}

/// What the accepted changes for pain make of every remaining set, in a few words each
/// (a lighter load and a shorter hold show in the set's own numbers).
pub(super) fn changed_words(accepted: &[Modification]) -> Vec<String> {
    accepted
        .iter()
        .map(|m| match m {
            Modification::LessLoad { .. } => "lighter".to_string(),
            Modification::ShorterHold { .. } => "shorter hold".to_string(),
            Modification::ShorterRange { how } => format!("shorter range: {how}"),
            Modification::SlowerTempo { tempo } => format!("slower tempo {tempo}"),
        })
        .collect()
}

pub(super) fn modification_words(m: &Modification, units: Units) -> String {
    match m {
        Modification::LessLoad { from, to } => format!(
            "go lighter for the remaining sets: {} instead of {}.",
            units.format(*to),
            units.format(*from)
        ),
        Modification::ShorterHold { from, to } => {
            format!("hold for {to} s instead of {from} s on the remaining sets.")
        }
        Modification::ShorterRange { how } => {
            format!("shorten the range on the remaining sets. {how}.")
        }
        Modification::SlowerTempo { tempo } => {
            format!("slow down to a {tempo} tempo (seconds down, pause, up) on the remaining sets.")
        }
    }
}

/// What the pain rule last said for a block, in words: the pain, the rule's answer, a
/// change still waiting for a yes or no, and the sentence to show.
pub(super) fn said_of(
    b: &Block,
    units: Units,
) -> Option<(Pain, PainAction, Option<Modification>, String)> {
    let (pain, action) = b.said.clone()?;
    let step = b.current();
    let library = step.item.library().is_some();
    let after_last = b.state() != BlockState::Active || step.remaining().is_empty();
    let decided = match &action {
        PainAction::Modify(m) if b.proposal.is_none() => Some(step.accepted.contains(m)),
        _ => None,
    };
    let text = match decided {
        _ if after_last && b.proposal.is_none() => said_words(pain, &action, units, true, library),
        Some(true) => format!(
            "Pain {}: done, the remaining sets are easier now. Stop if it climbs to {}.",
            pain.value(),
            crate::domain::pain::STOP_FROM
        ),
        Some(false) if !after_last => format!(
            "Pain {}: kept as it was. It still counts: next week repeats this dose.",
            pain.value()
        ),
        _ => said_words(
            pain,
            &action,
            units,
            after_last && b.proposal.is_none(),
            library,
        ),
    };
    Some((pain, action, b.proposal.clone(), text))
}

/// The rule's answer to a pain report that needs no choice.
#[component]
pub(super) fn SaidNote(pain: Pain, action: PainAction, text: String) -> impl IntoView {
    let _ = pain;
    match action {
        PainAction::StopAndSwap(_) | PainAction::StopAndPause => view! {
            <div class="stop-note" role="region" aria-label="Stop for pain"><p>{text}</p></div>
        }
        .into_any(),
        PainAction::Continue => view! { <p class="go-note">{text}</p> }.into_any(),
        _ => view! { <p class="modify-note">{text}</p> }.into_any(),
    }
}
