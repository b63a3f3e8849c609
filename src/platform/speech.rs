//! The phone's own speech, for spoken cues in the workout. A voice on the device is
//! chosen (`localService`), so cues work with no signal; voices load late, so the choice is
//! made at each cue until one is there. iPhone speaks only once a tap has started speech,
//! so `unlock` is called from tap handlers. Cues queue behind each other and behind
//! anything already speaking: nothing is cut off. Where the browser has no speech,
//! `available` is false and nothing here does anything.

use js_sys::Reflect;
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

thread_local! {
    static UNLOCKED: Cell<bool> = const { Cell::new(false) };
}

fn synth() -> Option<SpeechSynthesis> {
    let w = web_sys::window()?;
    let has = Reflect::get(&w, &JsValue::from_str("speechSynthesis"))
        .ok()
        .is_some_and(|s| !s.is_undefined() && !s.is_null());
    let utterance = Reflect::get(&w, &JsValue::from_str("SpeechSynthesisUtterance"))
        .ok()
        .is_some_and(|u| u.is_function());
    if !(has && utterance) {
        return None;
    }
    w.speech_synthesis().ok()
}

/// Whether this browser can speak.
pub fn available() -> bool {
    synth().is_some()
}

/// A voice on the device in the page's language (English), the default one first.
fn local_voice(s: &SpeechSynthesis) -> Option<SpeechSynthesisVoice> {
    let voices: Vec<SpeechSynthesisVoice> = s
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
        .filter(|v| v.local_service() && v.lang().to_ascii_lowercase().starts_with("en"))
        .collect();
    voices
        .iter()
        .find(|v| v.default())
        .or_else(|| voices.first())
        .cloned()
}

fn utterance(text: &str) -> Option<SpeechSynthesisUtterance> {
    let u = SpeechSynthesisUtterance::new_with_text(text).ok()?;
    u.set_lang("en");
    u.set_rate(1.0);
    Some(u)
}

/// Starts speech from a tap (iPhone needs one before any cue): the first call speaks
/// nothing audible; later calls do nothing.
pub fn unlock() {
    if UNLOCKED.with(Cell::get) {
        return;
    }
    if let (Some(s), Some(u)) = (synth(), utterance(" ")) {
        u.set_volume(0.0);
        s.speak(&u);
        UNLOCKED.with(|c| c.set(true));
    }
}

/// Says `text` after anything already queued, in a voice on the device where one is
/// loaded (with none, the browser's default, which may need a connection).
pub fn say(text: &str) {
    let (Some(s), Some(u)) = (synth(), utterance(text)) else {
        return;
    };
    if let Some(v) = local_voice(&s) {
        u.set_voice(Some(&v));
    }
    s.speak(&u);
}

/// Stops what is being said and what is queued (the cues were turned off).
pub fn hush() {
    if let Some(s) = synth() {
        s.cancel();
    }
}
