//! Saving a file to the device (a download) and reading one the user picked.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file named `name`. Works offline: nothing leaves the device.
pub fn save_file(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let err = |e: JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke after the click has been handled.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// Why a chosen file was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Larger than the caller accepts: refused before reading a byte of it.
    TooLarge(f64),
    Unreadable(String),
}

/// The file input a `change` event came from.
pub struct Picker(web_sys::HtmlInputElement);

impl Picker {
    /// Forgets the choice, so choosing the same file again is a change too.
    pub fn clear(&self) {
        self.0.set_value("");
    }
}

/// The file input behind `ev`, when it came from one.
pub fn picker(ev: &web_sys::Event) -> Option<Picker> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(Picker)
}

/// The text of the first file chosen in a file input, if it is at most `max_bytes`.
pub async fn read_chosen_file(
    input: &Picker,
    max_bytes: usize,
) -> Result<(String, String), ReadError> {
    let file = input
        .0
        .files()
        .and_then(|f| f.get(0))
        .ok_or_else(|| ReadError::Unreadable("no file chosen".into()))?;
    if file.size() > max_bytes as f64 {
        return Err(ReadError::TooLarge(file.size()));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| ReadError::Unreadable(format!("{e:?}")))?;
    Ok((file.name(), text.as_string().unwrap_or_default()))
}
