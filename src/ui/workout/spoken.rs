//! Spoken cues: the switch, and the words said when a set is next, as the tempo guide
//! runs, and when a rest is over. Off by default; kept as a preference. *Done* stays the
//! one target for logging: nothing here listens.

use super::*;
use crate::platform::speech;
use crate::storage::prefs;
use crate::ui::context::PrefsCtx;

/// Whether the user turned spoken cues on (and the browser can speak).
pub(super) fn cues_on() -> bool {
    use_context::<PrefsCtx>().is_some_and(|PrefsCtx(p)| p.with_untracked(|p| p.spoken))
        && speech::available()
}

/// Says `text` when cues are on.
pub(super) fn cue(text: &str) {
    if cues_on() {
        speech::say(text);
    }
}

/// From a tap: lets speech start on phones that need a tap first (iPhone).
pub(super) fn tapped() {
    if cues_on() {
        speech::unlock();
    }
}

/// A set as it is said: "10 reps at 12 kilograms", "30 seconds".
pub(super) fn spoken_set(t: SetTarget, measure: Measure, units: Units) -> String {
    let amount = format!("{} {}", t.amount, unit_label(measure));
    if t.load.is_zero() {
        return amount;
    }
    let unit = match units {
        Units::Kg => "kilograms",
        Units::Lb => "pounds",
    };
    format!("{amount} at {} {unit}", units.number(t.load))
}

/// The switch at the top of the workout; not shown where the browser cannot speak
/// (Settings says why).
#[component]
pub(super) fn CuesSwitch() -> impl IntoView {
    let prefs = use_context::<PrefsCtx>();
    let on = move || prefs.is_some_and(|PrefsCtx(p)| p.with(|p| p.spoken));
    let toggle = move |ev| {
        let Some(PrefsCtx(p)) = prefs else { return };
        let wanted = event_target_checked(&ev);
        p.update(|p| p.spoken = wanted);
        // Not kept when storage refuses: the switch still works for this session.
        let _ = prefs::save(p.get_untracked());
        if wanted {
            // This tap starts speech on an iPhone; the words confirm it works.
            speech::unlock();
            speech::say("Spoken cues on.");
        } else {
            speech::hush();
        }
    };
    speech::available().then(|| {
        view! {
            <label class="check cues">
                <input type="checkbox" role="switch" prop:checked=on on:change=toggle/>
                "Spoken cues"
            </label>
        }
    })
}
