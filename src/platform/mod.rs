//! Browser capabilities, one per file, each reporting errors instead of panicking.

pub mod service_worker;
