//! The planner core: pure Rust, no browser, no storage. Every rule of docs/rules.md is one
//! named function here, tested by name; `planner::plan` ties them together. Comments cite
//! that file's sections as "rules §N".

pub mod calendar;
pub mod careful;
pub mod careful_kind;
pub mod checkin;
pub mod equipment;
pub mod figure;
pub mod flare;
pub mod habits;
pub mod history;
pub mod insight;
pub mod lessons;
pub mod library;
pub mod next_time;
pub mod order;
pub mod pain;
pub mod phase;
pub mod planner;
pub mod plates;
pub mod prescription;
pub mod profile;
pub mod progression;
pub mod psfs;
pub mod reason;
pub mod response;
pub mod safety;
pub mod schedule;
pub mod served;
pub mod session;
pub mod setup_change;
pub mod shared_plan;
pub mod units;
pub mod workout;
