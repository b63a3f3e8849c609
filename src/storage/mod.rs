//! Storage ports and browser adapters. Small preferences live in localStorage.

pub mod prefs;
