//! Tells other open tabs that the data changed, so their views refresh (BroadcastChannel).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::BroadcastChannel;

const CHANNEL: &str = "backstrong-data";

pub struct DataChannel {
    channel: Option<BroadcastChannel>,
    _on_message: Option<Closure<dyn FnMut()>>,
}

impl DataChannel {
    /// Listens for changes made in other tabs. Without BroadcastChannel it does nothing.
    pub fn new(on_change: impl Fn() + 'static) -> Self {
        let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
            return DataChannel {
                channel: None,
                _on_message: None,
            };
        };
        let closure = Closure::<dyn FnMut()>::new(on_change);
        channel.set_onmessage(Some(closure.as_ref().unchecked_ref()));
        DataChannel {
            channel: Some(channel),
            _on_message: Some(closure),
        }
    }

    /// Tells the other tabs; this tab does not receive its own message.
    pub fn notify(&self) {
        if let Some(c) = &self.channel {
            let _ = c.post_message(&"changed".into());
        }
    }
}
