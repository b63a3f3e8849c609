//! Leptos components only: screens show the domain's words and what `state` holds, ask
//! for writes, and reach the browser only through `platform`. No screen imports another.

mod app;
mod backup;
mod calendar;
mod chart;
mod context;
pub mod data;
mod data_settings;
mod dates;
mod dose;
mod edit_setup;
mod figure;
mod history;
mod lazy;
mod learn;
mod monthly;
mod onboarding;
mod own;
mod plan;
mod plan_state;
mod safety;
mod set_aside;
mod settings;
mod setup_form;
mod share;
mod summary;
mod today;
mod update_banner;
mod widgets;
mod words;
mod workout;

pub use app::App;
