//! Scrolling the screen: `main` is the one scroller, between the banners and the tab bar.
//! Bringing an element into view keeps it clear of the sticky session bar (the
//! stylesheet's `scroll-margin` on the element).

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

/// A new screen starts at its top.
pub fn screen_to_top() {
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
    {
        main.set_scroll_top(0);
    }
}
