//! What every screen may read from the app shell: the user's preferences.

use crate::storage::prefs;
use leptos::prelude::*;

/// App-wide preferences, provided as context.
#[derive(Clone, Copy)]
pub struct PrefsCtx(pub RwSignal<prefs::Prefs>);

/// The units loads are shown and typed in: the Settings choice, read once per screen (a
/// change in Settings is seen by the next screen opened). Stored loads are grams either way.
pub fn units() -> crate::domain::units::Units {
    use_context::<PrefsCtx>()
        .map(|p| p.0.with_untracked(|p| p.units))
        .unwrap_or_default()
}
