//! The phone's own speech, for spoken cues in the workout. A voice on the device is
//! chosen (`localService`), so cues work with no signal; voices load late, so the choice is
//! made at each cue until one is there. iPhone speaks only once a tap has started speech,
//! so `unlock` is called from tap handlers. Cues queue behind each other and behind
//! anything already speaking: nothing is cut off. Where the browser has no speech,
//! `available` is false and nothing here does anything.
//!
//! Reached through `Reflect` rather than web-sys's typed bindings: those add their import
//! glue to the first screen's JavaScript and wasm, and cues are for the workout only.

use js_sys::{Array, Function, Reflect};
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static UNLOCKED: Cell<bool> = const { Cell::new(false) };
}

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Option<JsValue> {
    let f = get(target, name)?.dyn_into::<Function>().ok()?;
    let args: Array = args.iter().copied().collect();
    f.apply(target, &args).ok()
}

/// `speechSynthesis` and the `SpeechSynthesisUtterance` constructor, where both exist.
fn speech() -> Option<(JsValue, Function)> {
    let w: JsValue = web_sys::window()?.into();
    let synth = get(&w, "speechSynthesis")?;
    let make = get(&w, "SpeechSynthesisUtterance")?
        .dyn_into::<Function>()
        .ok()?;
    Some((synth, make))
}

/// Whether this browser can speak.
pub fn available() -> bool {
    speech().is_some()
}

fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(name), value);
}

fn utterance(make: &Function, text: &str) -> Option<JsValue> {
    let u = Reflect::construct(make, &Array::of1(&JsValue::from_str(text))).ok()?;
    set(&u, "lang", &JsValue::from_str("en"));
    Some(u)
}

/// A voice on the device in English, the default one first.
fn local_voice(synth: &JsValue) -> Option<JsValue> {
    let voices: Array = call(synth, "getVoices", &[])?.dyn_into().ok()?;
    let local: Vec<JsValue> = voices
        .iter()
        .filter(|v| get(v, "localService").and_then(|l| l.as_bool()) == Some(true))
        .filter(|v| {
            get(v, "lang")
                .and_then(|l| l.as_string())
                .is_some_and(|l| l.to_ascii_lowercase().starts_with("en"))
        })
        .collect();
    local
        .iter()
        .find(|v| get(v, "default").and_then(|d| d.as_bool()) == Some(true))
        .or_else(|| local.first())
        .cloned()
}

/// Starts speech from a tap (iPhone needs one before any cue): the first call speaks
/// nothing audible; later calls do nothing.
pub fn unlock() {
    if UNLOCKED.with(Cell::get) {
        return;
    }
    let Some((synth, make)) = speech() else {
        return;
    };
    if let Some(u) = utterance(&make, " ") {
        set(&u, "volume", &JsValue::from_f64(0.0));
        call(&synth, "speak", &[&u]);
        UNLOCKED.with(|c| c.set(true));
    }
}

/// Says `text` after anything already queued, in a voice on the device where one is
/// loaded (with none, the browser's default, which may need a connection).
pub fn say(text: &str) {
    let Some((synth, make)) = speech() else {
        return;
    };
    let Some(u) = utterance(&make, text) else {
        return;
    };
    if let Some(v) = local_voice(&synth) {
        set(&u, "voice", &v);
    }
    call(&synth, "speak", &[&u]);
}

/// Stops what is being said and what is queued (the cues were turned off).
pub fn hush() {
    if let Some((synth, _)) = speech() {
        call(&synth, "cancel", &[]);
    }
}
