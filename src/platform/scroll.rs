//! Bringing an element into view between the sticky session bar and the tab bar: the
//! stylesheet's `scroll-margin` on the element keeps it clear of both.

/// Scrolls `el` into view: to the top when `to_top`, else just enough to show it whole.
pub fn reveal(el: &web_sys::Element, to_top: bool) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(if to_top {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}
