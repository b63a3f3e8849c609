//! SVG animation clocks. An inline SVG's animations run on a clock that does not start
//! at zero when the element is inserted, so a figure meant to move in step with
//! something else (the tempo guide) is set back to zero when it appears.

use wasm_bindgen::JsCast;

/// Restarts the animations of the `<svg>` element `svg` from their beginning. Anything
/// that is not an SVG root, or a browser without SMIL, is left as it is.
pub fn restart(svg: &web_sys::Element) {
    let Ok(f) = js_sys::Reflect::get(svg, &"setCurrentTime".into()) else {
        return;
    };
    if let Some(f) = f.dyn_ref::<js_sys::Function>() {
        let _ = f.call1(svg, &0.0.into());
    }
}
