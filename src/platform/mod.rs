//! Browser capabilities, one per file, each reporting errors instead of panicking.

pub mod animation;
pub mod broadcast;
pub mod clock;
pub mod files;
pub mod install;
pub mod interval;
pub mod measure;
pub mod page;
pub mod scroll;
pub mod service_worker;
pub mod share;
pub mod sound;
pub mod speech;
pub mod storage_manager;
pub mod wake_lock;
