use crate::platform::service_worker::UseServiceWorker;
use leptos::prelude::*;

/// Shown when a new version is waiting. The running version keeps working until the
/// user taps "Update"; "Later" hides it until the next start. Never during a workout:
/// the session goes on in the version it started in, and the offer comes at its finish.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let sw = expect_context::<UseServiceWorker>();
    let data = super::data::use_data();
    // A session left open for hours is abandoned, not in progress: offer the update.
    let in_session = move || {
        data.with(|l| {
            l.open_session()
                .is_some_and(|s| crate::platform::clock::now_ms() - s.started_ms < 4 * 3_600_000)
        })
        .unwrap_or(false)
    };
    let (dismissed, set_dismissed) = signal(false);
    view! {
        <Show when=move || sw.update_ready.get() && !dismissed.get() && !in_session()>
            <div class="update" role="region" aria-label="Update available">
                <p>"A new version of Backstrong is ready."</p>
                <div class="row">
                    <button class="primary" on:click=move |_| sw.apply_update.run(())>"Update now"</button>
                    <button class="ghost" on:click=move |_| set_dismissed.set(true)>"Later"</button>
                </div>
            </div>
        </Show>
    }
}
