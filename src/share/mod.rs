//! Sharing a plan as a link: a versioned compact binary form (`codec`), deflated and
//! base64url-encoded into the URL fragment (`link`), and drawn as a QR code (`qr`).
//! Pure Rust: host-tested, no browser.

pub mod codec;
pub mod link;
pub mod qr;

pub use link::{decode_link, encode_link, LinkError};
