//! Handing a link or a file to the phone's share sheet, a link to the clipboard, and
//! reading the link the app was opened with. Every call reports what went wrong instead
//! of throwing.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<JsValue> {
    web_sys::window().map(|w| w.navigator().into())
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// Whether the browser offers the Web Share API (phones mostly; many desktops not).
pub fn can_share() -> bool {
    navigator().is_some_and(|n| method(&n, "share").is_some())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareOutcome {
    Shared,
    /// The user closed the share sheet: not an error.
    Cancelled,
    Failed(String),
}

/// Opens the share sheet with a title and a link.
pub async fn share_link(title: &str, url: &str) -> ShareOutcome {
    let Some(nav) = navigator() else {
        return ShareOutcome::Failed("no browser window".into());
    };
    let Some(share) = method(&nav, "share") else {
        return ShareOutcome::Failed("sharing is not offered by this browser".into());
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    let promise = match share.call1(&nav, &data) {
        Ok(p) => p.unchecked_into::<Promise>(),
        Err(e) => return ShareOutcome::Failed(describe(&e)),
    };
    match JsFuture::from(promise).await {
        Ok(_) => ShareOutcome::Shared,
        Err(e) if error_name(&e) == "AbortError" => ShareOutcome::Cancelled,
        Err(e) => ShareOutcome::Failed(describe(&e)),
    }
}

/// Whether the browser has a share sheet that may take files (`canShare` and `share`).
pub fn can_share_files() -> bool {
    navigator().is_some_and(|n| method(&n, "canShare").is_some() && method(&n, "share").is_some())
}

/// A file made ready for the share sheet before the tap that shares it: the sheet opens
/// only from a tap, and reading a whole history after the tap would lose it.
pub struct ReadyFile {
    file: web_sys::File,
    pub name: String,
}

/// `text` as the first of `forms` (file name, type) that `navigator.canShare({files})`
/// takes. None where no form is taken (no share sheet, no file sharing, or a browser
/// that shares only some file types and none of these).
pub fn file_for_sharing(text: &str, forms: &[(&str, &str)]) -> Option<ReadyFile> {
    let nav = navigator()?;
    let can = method(&nav, "canShare")?;
    method(&nav, "share")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    forms.iter().find_map(|(name, mime)| {
        let options = web_sys::FilePropertyBag::new();
        options.set_type(mime);
        let file = web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()?;
        let data = files_data(&file);
        let taken = can.call1(&nav, &data).ok()?.as_bool() == Some(true);
        taken.then(|| ReadyFile {
            file,
            name: (*name).to_string(),
        })
    })
}

fn files_data(file: &web_sys::File) -> Object {
    let data = Object::new();
    let _ = Reflect::set(&data, &"files".into(), &js_sys::Array::of1(file));
    data
}

/// Opens the share sheet with `ready`. The sheet is asked for now, inside the tap that
/// called this (a browser refuses it later); the future waits for the user's choice.
pub fn share_file(
    ready: &ReadyFile,
    title: &str,
) -> impl std::future::Future<Output = ShareOutcome> {
    let data = files_data(&ready.file);
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let asked = navigator()
        .and_then(|nav| method(&nav, "share").map(|share| (nav, share)))
        .ok_or_else(|| "sharing is not offered by this browser".to_string())
        .and_then(|(nav, share)| share.call1(&nav, &data).map_err(|e| describe(&e)));
    async move {
        let promise = match asked {
            Ok(p) => p.unchecked_into::<Promise>(),
            Err(why) => return ShareOutcome::Failed(why),
        };
        match JsFuture::from(promise).await {
            Ok(_) => ShareOutcome::Shared,
            Err(e) if error_name(&e) == "AbortError" => ShareOutcome::Cancelled,
            Err(e) => ShareOutcome::Failed(describe(&e)),
        }
    }
}

/// Copies text to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let nav = navigator().ok_or("no browser window")?;
    let clipboard = Reflect::get(&nav, &"clipboard".into()).map_err(|e| describe(&e))?;
    let write = method(&clipboard, "writeText").ok_or("the clipboard is not available here")?;
    let promise = write
        .call1(&clipboard, &text.into())
        .map_err(|e| describe(&e))?;
    JsFuture::from(promise.unchecked_into::<Promise>())
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// The page's origin, e.g. `https://backstrong.app`.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The fragment the page was opened with, without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

fn error_name(e: &JsValue) -> String {
    Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

fn describe(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
