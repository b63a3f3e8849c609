//! Figures the benchmarks read from the page: nothing of the app depends on them.

/// Leaves `value` on the page as `window.__backstrong[name]`.
pub fn note(name: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let Some(window) = web_sys::window() else {
            return;
        };
        let key = JsValue::from_str("__backstrong");
        let bag = js_sys::Reflect::get(&window, &key)
            .ok()
            .filter(JsValue::is_object)
            .unwrap_or_else(|| js_sys::Object::new().into());
        let _ = js_sys::Reflect::set(&bag, &JsValue::from_str(name), &JsValue::from_str(value));
        let _ = js_sys::Reflect::set(&window, &key, &bag);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, value);
}
