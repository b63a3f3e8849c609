//! The app's state, between storage and the screens: what a start reads (`start`) and
//! what the app then holds and re-plans (`held`). Storage only stores and reads what it
//! is asked for; the screens only show what is held and ask for writes.

mod held;
mod start;

pub use held::{Applied, Loaded, Partial};
pub use start::{load, load_recent, load_recent_from};
