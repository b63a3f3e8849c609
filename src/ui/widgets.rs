//! Small pieces shared by the screens.

use leptos::prelude::*;

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
