use super::context::PrefsCtx;
use super::today::Today;
use super::update_banner::UpdateBanner;
use crate::platform::service_worker::{use_service_worker, UseServiceWorker};
use crate::storage::prefs;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let prefs = RwSignal::new(prefs::load());
    provide_context(PrefsCtx(prefs));
    let sw: UseServiceWorker = use_service_worker("/sw.js");
    provide_context(sw);
    let data = super::data::DataCtx::provide();
    super::plan_state::provide_today();
    provide_context(crate::platform::install::use_install());
    super::lazy::warm_up(data);

    view! {
        <Router>
            <UpdateBanner/>
            {move || data.error.get().map(|e| view! { <p class="storage-error" role="alert">{e}</p> })}
            <super::set_aside::SetAsideNotice/>
            <ScreenToTop/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Today/>
                    <Route path=path!("/plan") view=super::lazy::PlanScreen/>
                    <Route path=path!("/history") view=super::lazy::History/>
                    <Route path=path!("/settings") view=super::lazy::Settings/>
                    <Route path=path!("/setup") view=super::lazy::EditSetup/>
                    <Route path=path!("/start") view=super::lazy::Onboarding/>
                    <Route path=path!("/workout") view=super::lazy::Workout/>
                    <Route path=path!("/open") view=super::lazy::OpenLink/>
                    <Route path=path!("/summary") view=super::lazy::Summary/>
                    <Route path=path!("/learn/*page") view=super::lazy::Learn/>
                </Routes>
            </main>
            <nav class="tabs" aria-label="Main">
                <A href="/">"Today"</A>
                <A href="/plan">"Plan"</A>
                <A href="/history">"History"</A>
                <A href="/learn">"Learn"</A>
                <A href="/settings">"Settings"</A>
            </nav>
        </Router>
    }
}

/// Each screen opens at its top: the screen scrolls in `main`, which the router does not
/// reset on its own.
#[component]
fn ScreenToTop() -> impl IntoView {
    let location = use_location();
    Effect::new(move |last: Option<String>| {
        let path = location.pathname.get();
        if last.is_some_and(|l| l != path) {
            crate::platform::scroll::screen_to_top();
        }
        path
    });
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="screen">
            <h1>"Nothing here"</h1>
            <p>"This page does not exist. Your data is safe."</p>
            <A href="/">"Back to Today"</A>
        </section>
    }
}
