//! The plan for today, recomputed whenever the stored data changes.

use super::data::use_data;
use crate::domain::planner::Plan;
use crate::domain::profile::Profile;
use crate::domain::safety::Gate;
use crate::platform::clock;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
pub enum PlanState {
    Loading,
    /// No profile yet: onboarding comes first.
    NoProfile,
    Blocked(Gate),
    Ready(Box<Plan>, Box<Profile>),
}

/// The local day, provided once by the app: it turns over at midnight while the app stays
/// open, and everything planned for "today" follows it.
#[derive(Clone, Copy)]
pub struct TodayCtx(pub ReadSignal<chrono::NaiveDate>);

/// Call once, at the top of the app.
pub fn provide_today() {
    let (today, set_today) = signal(clock::today());
    crate::platform::interval::use_interval_fn(
        move || {
            let now = clock::today();
            if today.get_untracked() != now {
                set_today.set(now);
            }
        },
        std::time::Duration::from_secs(30),
        true,
    );
    provide_context(TodayCtx(today));
}

/// Today's date, tracked: a closure that reads it runs again at midnight.
pub fn use_day() -> impl Fn() -> chrono::NaiveDate + Copy + 'static {
    let today = use_context::<TodayCtx>().map(|t| t.0);
    move || today.map_or_else(clock::today, |t| t.get())
}

pub fn use_plan_state() -> Memo<PlanState> {
    let data = use_data();
    let today = use_context::<TodayCtx>().map(|t| t.0);
    Memo::new(move |_| {
        let day = today.map_or_else(clock::today, |t| t.get());
        data.with(|l| match (l.plan(day), &l.profile) {
            (Some(Ok(plan)), Some(p)) => PlanState::Ready(Box::new(plan), Box::new(p.clone())),
            (Some(Err(g)), _) => PlanState::Blocked(g),
            _ => PlanState::NoProfile,
        })
        .unwrap_or(PlanState::Loading)
    })
}
