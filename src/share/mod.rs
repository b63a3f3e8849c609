//! Sharing outside the app: a plan as a link — a versioned compact binary form (`codec`),
//! deflated and base64url-encoded into the URL fragment (`link`), drawn as a QR code
//! (`qr`) — and the training days as a calendar file (`calendar`, written by `ics`).
//! Pure Rust: host-tested, no browser.

pub mod calendar;
pub mod codec;
pub mod ics;
pub mod link;
pub mod qr;

pub use link::{decode_link, encode_link, LinkError};
