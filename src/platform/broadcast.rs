//! Tells other open tabs what changed in the data, so their views follow (BroadcastChannel).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::BroadcastChannel;

const CHANNEL: &str = "backstrong-data";

pub struct DataChannel {
    channel: Option<BroadcastChannel>,
    _on_message: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
}

impl DataChannel {
    /// Listens for changes made in other tabs, each as the text another tab sent (or
    /// `None` for anything else). Without BroadcastChannel it does nothing.
    pub fn new(on_change: impl Fn(Option<String>) + 'static) -> Self {
        let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
            return DataChannel {
                channel: None,
                _on_message: None,
            };
        };
        let closure =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                on_change(e.data().as_string())
            });
        channel.set_onmessage(Some(closure.as_ref().unchecked_ref()));
        DataChannel {
            channel: Some(channel),
            _on_message: Some(closure),
        }
    }

    /// Tells the other tabs `what` changed; this tab does not receive its own message.
    pub fn notify(&self, what: &str) {
        if let Some(c) = &self.channel {
            let _ = c.post_message(&what.into());
        }
    }
}
