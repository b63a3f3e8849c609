//! Browser unit tests: run with `cargo test --target wasm32-unknown-unknown --test web`
//! in headless Chromium (wasm-bindgen-test-runner + chromedriver).
#![cfg(target_arch = "wasm32")]

use backstrong::domain::units::Units;
use backstrong::storage::prefs::{self, Prefs};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn prefs_round_trip_through_local_storage() {
    LocalStorage::clear();
    assert_eq!(prefs::load(), Prefs::default());
    prefs::save(Prefs { units: Units::Lb }).unwrap();
    assert_eq!(prefs::load().units, Units::Lb);
}

#[wasm_bindgen_test]
fn corrupted_prefs_fall_back_to_defaults_without_panicking() {
    LocalStorage::raw()
        .set_item("backstrong.prefs.v1", "{not json")
        .unwrap();
    assert_eq!(prefs::load(), Prefs::default());
    LocalStorage::clear();
}

#[wasm_bindgen_test]
async fn app_mounts_routes_and_reports_a_missing_service_worker() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = host.unchecked_into();
    let _handle = leptos::mount::mount_to(host.clone(), backstrong::ui::App);
    leptos::task::tick().await;

    let links = host.query_selector_all("nav.tabs a").unwrap();
    assert_eq!(links.length(), 4);
    let h1 = host.query_selector("h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), "Today");

    let plan: web_sys::HtmlElement = host
        .query_selector("nav.tabs a[href='/plan']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    plan.click();
    let heading = || {
        host.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    wait_until(|| heading() == "Plan").await;
    assert_eq!(heading(), "Plan");
    assert!(host.query_selector_all("details.ladder").unwrap().length() >= 10);

    // The test server has no /sw.js: registration fails and Settings says so plainly.
    let settings: web_sys::HtmlElement = host
        .query_selector("nav.tabs a[href='/settings']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    settings.click();
    let has_alert = || host.query_selector("[role=alert]").unwrap().is_some();
    wait_until(has_alert).await;
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an error message");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Offline use is unavailable"));
}

/// Polls `done` for up to two seconds: routing and registration settle asynchronously.
async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if done() {
            return;
        }
        sleep(20).await;
    }
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}
