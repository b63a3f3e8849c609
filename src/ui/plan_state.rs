//! The plan for today, recomputed whenever the stored data changes.

use super::data::use_data;
use crate::domain::planner::{plan, Plan};
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

pub fn use_plan_state() -> Memo<PlanState> {
    let data = use_data();
    Memo::new(move |_| {
        data.with(|l| match &l.profile {
            None => PlanState::NoProfile,
            Some(p) => match plan(p, &l.safety, &l.history, clock::today()) {
                Ok(plan) => PlanState::Ready(Box::new(plan), Box::new(p.clone())),
                Err(g) => PlanState::Blocked(g),
            },
        })
        .unwrap_or(PlanState::Loading)
    })
}
