//! Backstrong: strength training for people rebuilding after low back pain.
//! `domain` is pure and host-tested; `storage` and `platform` adapt the browser; `state`
//! holds what the app read and re-plans; `ui` holds the Leptos components.

pub mod domain;
pub mod platform;
pub mod share;
pub mod state;
pub mod storage;
pub mod ui;

/// Replaces the static loading shell with the app.
pub fn start() {
    use wasm_bindgen::JsCast;
    // Debug builds say why they panicked; release builds stay small.
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, ui::App).forget();
        }
        None => leptos::mount::mount_to_body(ui::App),
    }
}
