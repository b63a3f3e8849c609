use crate::platform::service_worker::UseServiceWorker;
use leptos::prelude::*;

/// Shown when a new version is waiting. The running version keeps working until the
/// user taps "Update"; "Later" hides it until the next start.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let sw = expect_context::<UseServiceWorker>();
    let (dismissed, set_dismissed) = signal(false);
    view! {
        <Show when=move || sw.update_ready.get() && !dismissed.get()>
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
