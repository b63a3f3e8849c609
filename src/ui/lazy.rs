//! Screens that are not the first one a user sees, each built into its own wasm chunk
//! that is fetched when the screen is first opened (scripts/split_build.py splits the
//! app; the service worker precaches every chunk of a build, so they open offline too).
//! Without the `split` feature — tests, `cargo check` — these are plain calls.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;

/// A chunk that could not be fetched or started.
#[derive(Debug, Clone, Copy)]
pub struct ChunkError;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// A screen behind a split point, as a component of the same name: `$chunk` names the
/// wasm file its code lands in.
macro_rules! split_screen {
    ($name:ident, $load:ident, $chunk:ident, $screen:path) => {
        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($chunk, fallible))]
        fn $load() -> Result<AnyView, ChunkError> {
            Ok(view! { <$screen/> }.into_any())
        }

        #[component]
        pub fn $name() -> impl IntoView {
            show(|| {
                SendWrapper::new(Box::pin(async {
                    // A fetch first with the feature, a plain call without.
                    #[cfg(feature = "split")]
                    let view = $load().await;
                    #[cfg(not(feature = "split"))]
                    let view = $load();
                    view
                }))
            })
        }
    };
}

// Three chunks: after the first visit the service worker holds every chunk, so only that
// visit's downloads depend on how screens are grouped. Each extra group adds chunks of the
// code two groups share (measured: one per screen made 45 files and +83 KB brotli). So
// the screens a first visit can open with are their own: onboarding for a new user, a
// shared plan for a friend; the rest load together.
split_screen!(
    Onboarding,
    load_onboarding,
    onboarding,
    super::onboarding::Onboarding
);
split_screen!(OpenLink, load_open_link, open_link, super::share::OpenLink);
split_screen!(PlanScreen, load_plan, screens, super::plan::PlanScreen);
split_screen!(Workout, load_workout, screens, super::workout::Workout);
split_screen!(History, load_history, screens, super::history::History);
split_screen!(Summary, load_summary, screens, super::summary::Summary);
split_screen!(Settings, load_settings, screens, super::settings::Settings);
split_screen!(EditSetup, load_setup, screens, super::edit_setup::EditSetup);
split_screen!(Learn, load_learn, screens, super::learn::LearnRoute);

/// Loads the `screens` chunk without showing anything, so the first tap on Plan or Start
/// does not wait for it to be fetched and compiled.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(screens, fallible, preload(preload_screens))
)]
#[cfg_attr(not(feature = "split"), allow(dead_code))]
fn screens_ready() -> Result<(), ChunkError> {
    Ok(())
}

/// Once the start's read is in and Today drawn, the other screens' chunk is made ready in
/// the background (a failure here is silent: opening a screen tries again and says so).
/// Nothing to do unsplit.
pub fn warm_up(data: super::data::DataCtx) {
    #[cfg(feature = "split")]
    {
        let started = StoredValue::new(false);
        // Once started it reads no signal, so it never runs again.
        Effect::new(move || {
            if !started.get_value() && data.loaded.with(|l| l.is_some()) {
                started.set_value(true);
                // The next task: after Today's first frame, not before it.
                let later = std::time::Duration::from_millis(WARM_UP_AFTER_MS);
                set_timeout(
                    || leptos::task::spawn_local(async { _ = preload_screens().await }),
                    later,
                );
            }
        });
    }
    #[cfg(not(feature = "split"))]
    let _ = data;
}

/// How long after the start's read the screens chunk is fetched.
#[cfg(feature = "split")]
const WARM_UP_AFTER_MS: u64 = 100;

type Load = fn() -> SendWrapper<Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>>>>>;

/// Shows a split screen once its chunk is in; a chunk that fails says so and offers to
/// try again (a failed fetch is not remembered, so the next try fetches again).
fn show(load: Load) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=|| view! { <section class="screen" aria-busy="true"><p class="muted">"Opening…"</p></section> }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    match load().await {
                        Ok(view) => view,
                        Err(ChunkError) => view! {
                            <section class="screen">
                                <h1>"This screen did not open"</h1>
                                <p role="alert">"Part of the app could not be loaded. Your data is safe. Check your connection and try again."</p>
                                <button class="primary" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
                            </section>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
