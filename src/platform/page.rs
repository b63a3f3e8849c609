//! The page itself: what the build wrote into it, and printing it.

/// The `content` of the page's `<meta name=NAME>`, when it has one.
pub fn meta(name: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name={name}]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
}

/// Opens the browser's print dialog (which also saves as PDF). Nothing happens where the
/// browser has none.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A random number, for telling apart records written at the same millisecond.
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}
