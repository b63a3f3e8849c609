//! *Edit my setup*: equipment, days, session length and goal after onboarding. The change
//! is saved as a dated event (the weeks before keep the setup they had) and the screen
//! says what it does to the plan.

use super::data::use_data;
use super::plan_state::{use_plan_state, PlanState};
use super::setup_form::{EquipmentFields, ScheduleFields, SetupDraft};
use super::words::equipment_list;
use crate::domain::calendar::calendar_out_of_date;
use crate::domain::equipment::Equipment;
use crate::domain::history::SetupChange;
use crate::domain::phase::Phase;
use crate::domain::schedule::training_weekdays;
use crate::domain::setup_change::{setup_change_effects, SetupEffect};
use crate::platform::clock;
use crate::storage::calendar;
use crate::storage::records::Event;
use chrono::Days;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn EditSetup() -> impl IntoView {
    let state = use_plan_state();
    // Only the kind of state: a saved change re-plans, and must not reset the form.
    let ready = Memo::new(move |_| match state.get() {
        PlanState::Loading => None,
        PlanState::Ready(_, _) => Some(true),
        _ => Some(false),
    });
    view! {
        <section class="screen" aria-labelledby="setup-title">
            <h1 id="setup-title">"Edit my setup"</h1>
            {move || match ready.get() {
                None => view! { <p class="muted">"Loading…"</p> }.into_any(),
                Some(true) => view! { <SetupEditor/> }.into_any(),
                Some(false) => view! {
                    <p>"Your setup is made when you set up your plan."</p>
                    <A href="/">"Back to Today"</A>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SetupEditor() -> impl IntoView {
    let data = use_data();
    let units = super::context::units();
    let Some((current, weekdays)) = data
        .with(|l| {
            l.profile.as_ref().map(|p| {
                let s = l.history.current_setup(p);
                let w = s.weekdays.clone();
                (s, w)
            })
        })
        .flatten()
    else {
        return view! { <p class="muted">"Loading…"</p> }.into_any();
    };
    let draft = SetupDraft::of(&current, units);
    let (error, set_error) = signal(None::<String>);
    let (said, set_said) = signal(None::<Vec<String>>);
    let saving = RwSignal::new(false);
    let save = move |_| {
        set_error.set(None);
        let new = match draft.setup(&weekdays, current.days_per_week) {
            Ok(s) => s,
            Err(e) => return set_error.set(Some(e)),
        };
        let today = clock::today();
        let now = clock::now_ms();
        let change = SetupChange {
            day: today,
            at_ms: now,
            setup: new.clone(),
        };
        // The next session with and without the change (this week's, if one is left, else
        // next week's): what the user will meet.
        let words = data
            .with(|l| {
                let p = l.profile.as_ref()?;
                let old = l.history.current_setup(p);
                let this = l.plan(today)?.ok()?;
                let next_week = p.start + Days::new(7 * u64::from(this.week));
                let as_if = |day| l.plan_as_if(today, |h| h.setups.push(change.clone()), day);
                let after_now = as_if(today)?.ok()?;
                let (before, after, next) = match after_now.next_session() {
                    Some(s) => {
                        let at = s.date.max(today);
                        (this, after_now, at)
                    }
                    None => (l.plan(next_week)?.ok()?, as_if(next_week)?.ok()?, next_week),
                };
                let effects = setup_change_effects(&old, &new, &before, &after);
                let mut words = effect_words(&effects, before.phase, next_week, next, p.units);
                let days = training_weekdays(&p.with_setup(&new));
                if calendar::load().sent.is_some_and(|s| calendar_out_of_date(&s, &days)) {
                    words.push("Your calendar still has your old training days: make a new calendar file on Plan to move them.".into());
                }
                Some(words)
            })
            .flatten()
            .unwrap_or_default();
        saving.set(true);
        leptos::task::spawn_local(async move {
            let saved = data.save_event(Event::Setup(change)).await;
            saving.set(false);
            match saved {
                Ok(()) => set_said.set(Some(words)),
                Err(e) => set_error.set(Some(format!("Your change was not saved: {e}"))),
            }
        });
    };
    view! {
        <p class="lede">"Equipment you add or take away changes your plan from your next session; days and session length shape the weeks from next week on. The weeks before keep the setup you had then, so your history stays as it was."</p>
        <h2>"What you train with"</h2>
        <EquipmentFields draft=draft with_units=false/>
        <p class="muted small">{format!("Weights in {}: change units in Settings.", units.symbol())}</p>
        <h2>"How often, and what for"</h2>
        <ScheduleFields draft=draft/>
        {move || error.get().map(|e| view! { <super::widgets::Alert text=e/> })}
        <button class="primary" disabled=saving on:click=save>"Save my setup"</button>
        {move || said.get().map(|lines| view! {
            <super::widgets::InView>
                <div class="card notice" role="region" aria-label="What changed">
                    <h2>"Saved. What changes"</h2>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <A href="/plan">"See your plan"</A>
                </div>
            </super::widgets::InView>
        })}
    }
    .into_any()
}

/// One sentence per effect, in the order the user cares about: days and session length
/// from `next_week`, exercises from the `next` session.
fn effect_words(
    effects: &[SetupEffect],
    phase: Phase,
    next_week: chrono::NaiveDate,
    next: chrono::NaiveDate,
    units: crate::domain::units::Units,
) -> Vec<String> {
    if effects.is_empty() {
        return vec!["Nothing changed: this is the setup you already had.".into()];
    }
    let when = super::dates::long_date(next_week);
    let from_session = format!("From your next session ({})", super::dates::long_date(next));
    let mut out = Vec::new();
    let swaps: Vec<String> = effects
        .iter()
        .filter_map(|e| match e {
            SetupEffect::Exercise { from, to } => Some(format!("{} → {}", from.name, to.name)),
            _ => None,
        })
        .collect();
    for e in effects {
        match e {
            SetupEffect::DaysPerWeek { from, to } => out.push(format!(
                "{to} strength days a week instead of {from}, from next week ({when}). This week keeps the sessions it has, so its total stays within {}.",
                super::words::weekly_cap()
            )),
            SetupEffect::SessionMinutes { from, to } => out.push(format!(
                "Sessions of about {to} minutes instead of {from}, from next week."
            )),
            SetupEffect::Goal { to, .. } => out.push(format!(
                "Your goal is now “{}”. {}",
                to.label(),
                if to.wants_barbell_lifts() {
                    "Barbell lifts can come back in phase 3, once the base is strong."
                } else {
                    "It decides what phase 3 builds towards."
                }
            )),
            SetupEffect::EquipmentAdded(items) => {
                out.push(format!("Added: {}.", equipment_list(items)))
            }
            SetupEffect::EquipmentRemoved(items) => out.push(format!(
                "Taken away: {}. Exercises that used them change from your next session, never to a heavier load.",
                equipment_list(items)
            )),
            SetupEffect::Waits(items) => {
                let (bar, rest): (Vec<Equipment>, Vec<Equipment>) =
                    items.iter().partition(|e| **e == Equipment::Barbell);
                if !rest.is_empty() {
                    out.push(match phase {
                        Phase::Restore => format!(
                            "Phase 1 keeps to your body weight so your back can get used to the movements. Your {} come in with phase 2, after at least two calm weeks.",
                            equipment_list(&rest)
                        ),
                        _ => format!(
                            "Your {} come in as each movement climbs its ladder, a step at a time within the {} rule.",
                            equipment_list(&rest),
                            super::words::weekly_cap()
                        ),
                    });
                }
                if !bar.is_empty() && phase != Phase::Reload {
                    out.push("The barbell waits for phase 3.".into());
                }
            }
            SetupEffect::Plates {
                lightest,
                heaviest,
            } => out.push(format!(
                "Your bar and plates now make {} to {}. Barbell loads in your plan move to the nearest load they make, never a heavier one.",
                units.format(*lightest),
                units.format(*heaviest)
            )),
            SetupEffect::AfterFlare => out.push(
                "You are in flare-up mode: the change shows in your plan once your back has settled.".into(),
            ),
            SetupEffect::NowWith {
                exercise,
                equipment,
            } => out.push(format!(
                "{from_session}: {} with your {}, from a light start. This week's reps stay within {}% of last week's.",
                exercise.name,
                equipment.label().to_lowercase(),
                crate::domain::progression::MAX_INCREASE_PERMILLE / 10
            )),
            SetupEffect::Exercise { .. } => {}
        }
    }
    if !swaps.is_empty() {
        out.push(format!(
            "{from_session}: {}. Each starts at a dose the {} % rule allows.",
            swaps.join(", "),
            crate::domain::progression::MAX_INCREASE_PERMILLE / 10
        ));
    }
    out
}
