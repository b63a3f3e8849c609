//! Backstrong: strength training for people rebuilding after low back pain.
//! `domain` is pure and host-tested; `storage`, `share` and `ui` sit around it.

pub mod domain;
