use super::context::PrefsCtx;
use super::data::use_data;
use crate::storage::prefs;
use leptos::prelude::*;

/// Says, once, that stored records could not be read: what happened to them and that
/// the rest is whole. Shown again only when what is set aside changes.
#[component]
pub fn SetAsideNotice() -> impl IntoView {
    let data = use_data();
    let prefs_ctx = expect_context::<PrefsCtx>();
    let count = move || {
        let (n, mark) = data.with(|l| (l.quarantined, l.set_aside_mark))?;
        (n > 0 && mark != prefs_ctx.0.with(|p| p.set_aside_seen)).then_some((n, mark))
    };
    let seen = move |mark: u64| {
        prefs_ctx.0.update(|p| p.set_aside_seen = mark);
        // Not saved means it may show again next start; nothing else depends on it.
        let _ = prefs::save(prefs_ctx.0.get_untracked());
    };
    move || {
        count().map(|(n, mark)| {
            let what = if n == 1 {
                "One record stored on this device could not be read, so it was set aside."
                    .to_string()
            } else {
                format!("{n} records stored on this device could not be read, so they were set aside.")
            };
            view! {
                <div class="set-aside notice" role="region" aria-label="Damaged records set aside">
                    <p>{what}" Everything else is here, and your plan carries on from it. What was set aside stays on this device and goes into every backup you export."</p>
                    <button on:click=move |_| seen(mark)>"Got it"</button>
                </div>
            }
        })
    }
}
