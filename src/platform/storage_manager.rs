//! `navigator.storage`: ask that our data be kept (persist), and how much space it uses.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage"))
        .unwrap_or(false)
        .then(|| navigator.storage())
}

async fn call_bool(
    f: impl FnOnce(&web_sys::StorageManager) -> Result<js_sys::Promise, JsValue>,
) -> Option<bool> {
    let m = manager()?;
    JsFuture::from(f(&m).ok()?).await.ok()?.as_bool()
}

/// Asks the browser to protect our data from automatic clean-up. `None`: unsupported.
pub async fn persist() -> Option<bool> {
    call_bool(|m| m.persist()).await
}

/// Whether the data is already protected. `None`: unsupported.
pub async fn persisted() -> Option<bool> {
    call_bool(|m| m.persisted()).await
}

/// Bytes used and bytes available to this app, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let m = manager()?;
    let e = JsFuture::from(m.estimate().ok()?).await.ok()?;
    let get = |k: &str| {
        js_sys::Reflect::get(&e, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
}

/// "1.2 MB" for a byte count (integer arithmetic: no float formatting in the bundle).
pub fn human_bytes(b: f64) -> String {
    let b = b.max(0.0) as u64;
    let one_decimal = |unit: u64, name: &str| {
        let tenths = (b * 10 + unit / 2) / unit;
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    };
    match b {
        1_000_000_000.. => one_decimal(1_000_000_000, "GB"),
        1_000_000.. => one_decimal(1_000_000, "MB"),
        1_000.. => format!("{} KB", (b + 500) / 1000),
        _ => format!("{b} bytes"),
    }
}
