//! Service worker registration and the "update ready" flow: a new version waits until the
//! user accepts, then takes over and the page reloads once.

use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

#[derive(Clone, Copy)]
pub struct UseServiceWorker {
    /// A new version is installed and waiting for the user's go-ahead.
    pub update_ready: ReadSignal<bool>,
    /// Registration failed or is unsupported: offline use is not available.
    pub error: ReadSignal<Option<String>>,
    /// Tells the waiting version to take over; the page reloads when it has.
    pub apply_update: Callback<()>,
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers `script` and tracks updates. Safe to call once at start-up.
pub fn use_service_worker(script: &'static str) -> UseServiceWorker {
    let (update_ready, set_update_ready) = signal(false);
    let (error, set_error) = signal(None::<String>);
    // Callbacks must be Send in Leptos 0.8, hence an atomic rather than a Cell.
    let reload_requested = Arc::new(AtomicBool::new(false));

    if let Some(c) = container() {
        // Reload only when the user asked for the update, not when the very first worker
        // claims the page.
        let requested = reload_requested.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if requested.load(Ordering::Relaxed) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        });
        c.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        // Lives as long as the page: one listener for the app's lifetime.
        on_change.forget();

        leptos::task::spawn_local(async move {
            match JsFuture::from(c.register(script)).await {
                Ok(reg) => watch(reg.unchecked_into(), set_update_ready),
                Err(e) => set_error.set(Some(format!(
                    "Offline use is unavailable: {}",
                    describe(&e)
                ))),
            }
        });
    } else {
        set_error.set(Some(
            "This browser cannot keep the app for offline use.".into(),
        ));
    }

    let apply_update = Callback::new(move |_| {
        reload_requested.store(true, Ordering::Relaxed);
        let Some(c) = container() else { return };
        leptos::task::spawn_local(async move {
            if let Ok(reg) = JsFuture::from(c.get_registration()).await {
                if let Some(waiting) = reg
                    .dyn_into::<ServiceWorkerRegistration>()
                    .ok()
                    .and_then(|r| r.waiting())
                {
                    let msg = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
                    let _ = waiting.post_message(&msg);
                }
            }
        });
    });

    UseServiceWorker {
        update_ready,
        error,
        apply_update,
    }
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

fn watch(reg: ServiceWorkerRegistration, ready: WriteSignal<bool>) {
    // A version may already be waiting from an earlier visit, or be installing now, its
    // `updatefound` fired before this page registered.
    if reg.waiting().is_some() && controlled() {
        ready.set(true);
    }
    if let Some(installing) = reg.installing() {
        track_install(installing, ready);
    }
    let r = reg.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(installing) = r.installing() {
            track_install(installing, ready);
        }
    });
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
    // Check for a new version at every start (the browser also checks on navigation).
    if let Ok(p) = reg.update() {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}

fn track_install(worker: ServiceWorker, ready: WriteSignal<bool>) {
    let w = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        // Installed while another version controls the page: an update is waiting.
        if w.state() == ServiceWorkerState::Installed && controlled() {
            ready.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}
