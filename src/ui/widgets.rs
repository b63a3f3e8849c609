//! Small pieces shared by the screens.

use super::data::use_data;
use crate::domain::history::Resume;
use crate::domain::lessons::lesson_for;
use crate::domain::reason::Reason;
use crate::platform::clock;
use crate::storage::records::Event;
use leptos::prelude::*;
use leptos_router::components::A;

/// Brings what it holds into view, clear of the sticky bars (the stylesheet's
/// `scroll-margin`), as soon as it shows.
#[component]
pub fn InView(children: Children) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            crate::platform::scroll::reveal(&el, false);
        }
    });
    view! { <div class="in-view" node_ref=node>{children()}</div> }
}

/// A message about what the user just did, where they are looking: announced at once
/// (`role="alert"`) and brought into view.
#[component]
pub fn Alert(#[prop(into)] text: String) -> impl IntoView {
    view! { <InView><p class="error" role="alert">{text}</p></InView> }
}

/// Brings back an exercise that pain 5+ paused.
#[component]
pub fn BringBack(key: String, name: String) -> impl IntoView {
    let data = use_data();
    let bring_back = move |_| {
        let r = Resume {
            day: clock::today(),
            at_ms: clock::now_ms(),
            exercise: key.clone(),
        };
        leptos::task::spawn_local(async move {
            let _ = data.save_event(Event::Resume(r)).await;
        });
    };
    view! {
        <span class="paused">
            <span class="badge">"Paused for pain"</span>
            <button class="ghost" aria-label=format!("Bring back {name}") on:click=bring_back>"Bring it back"</button>
        </span>
    }
}

/// "Why?" beside a reason the plan gives, opening the lesson that explains it.
pub fn why_link(r: &Reason) -> Option<impl IntoView> {
    lesson_for(r).map(|l| {
        view! {
            <A href=format!("/learn/{}", l.slug()) attr:class="why-link" attr:aria-label=format!("Why? Read: {}", l.title())>"Why?"</A>
        }
    })
}
