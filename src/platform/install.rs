//! Installing to the home screen: the browser's own prompt where it offers one
//! (`beforeinstallprompt`), and whether we already run installed.

use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

#[derive(Clone, Copy)]
pub struct Install {
    /// The browser offered to install: the install button can show.
    pub available: ReadSignal<bool>,
    pub prompt: Callback<()>,
}

/// Listens for the browser's install offer from start-up on.
pub fn use_install() -> Install {
    let (available, set_available) = signal(false);
    let deferred: Rc<RefCell<Option<JsValue>>> = Rc::new(RefCell::new(None));
    if let Some(w) = web_sys::window() {
        let keep = deferred.clone();
        let on_offer = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            // Keep the event so the offer can be made from our own button.
            e.prevent_default();
            *keep.borrow_mut() = Some(e.into());
            set_available.set(true);
        });
        let _ = w.add_event_listener_with_callback(
            "beforeinstallprompt",
            on_offer.as_ref().unchecked_ref(),
        );
        on_offer.forget();
    }
    let event = send_wrapper::SendWrapper::new(deferred);
    let prompt = Callback::new(move |_| {
        let Some(e) = event.borrow_mut().take() else {
            return;
        };
        if let Ok(f) = js_sys::Reflect::get(&e, &"prompt".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = f.call0(&e);
        }
        set_available.set(false);
    });
    Install { available, prompt }
}

/// Running from the home screen already.
pub fn is_installed() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(display-mode: standalone)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// iPhone or iPad Safari, where installing is done from the Share menu.
pub fn is_ios() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| ua.contains("iPhone") || ua.contains("iPad"))
}
