//! Keeps the screen on during a workout (Screen Wake Lock), asking again whenever the page
//! becomes visible, since the browser drops the lock when it is hidden.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub struct ScreenWake {
    sentinel: Rc<RefCell<Option<JsValue>>>,
    on_visible: Option<Closure<dyn FnMut()>>,
}

fn request(sentinel: Rc<RefCell<Option<JsValue>>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let Ok(lock) = js_sys::Reflect::get(&navigator, &"wakeLock".into()) else {
        return;
    };
    if lock.is_undefined() {
        return;
    }
    let Ok(f) = js_sys::Reflect::get(&lock, &"request".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return;
    };
    let Ok(p) = f
        .call1(&lock, &"screen".into())
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return;
    };
    leptos::task::spawn_local(async move {
        // Refused (battery saver, hidden page): the workout works the same, screen may dim.
        if let Ok(s) = JsFuture::from(p).await {
            *sentinel.borrow_mut() = Some(s);
        }
    });
}

impl ScreenWake {
    /// Starts keeping the screen on; unsupported browsers simply do nothing.
    pub fn start() -> Self {
        let sentinel = Rc::new(RefCell::new(None));
        request(sentinel.clone());
        let again = sentinel.clone();
        let on_visible = Closure::<dyn FnMut()>::new(move || {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                request(again.clone());
            }
        });
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            let _ = d.add_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
        }
        ScreenWake {
            sentinel,
            on_visible: Some(on_visible),
        }
    }
}

impl Drop for ScreenWake {
    fn drop(&mut self) {
        if let (Some(d), Some(c)) = (
            web_sys::window().and_then(|w| w.document()),
            &self.on_visible,
        ) {
            let _ = d.remove_event_listener_with_callback(
                "visibilitychange",
                c.as_ref().unchecked_ref(),
            );
        }
        if let Some(s) = self.sentinel.borrow_mut().take() {
            if let Ok(release) = js_sys::Reflect::get(&s, &"release".into())
                .and_then(|f| f.dyn_into::<js_sys::Function>())
            {
                let _ = release.call0(&s);
            }
        }
    }
}

/// A short buzz where the device can (the end of a rest).
pub fn vibrate(ms: u32) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().vibrate_with_duration(ms);
    }
}
