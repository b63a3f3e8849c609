//! The workout: warm-up, then each exercise as the session serves it, sets pre-filled with
//! the target. One tap logs a set; it shows as saved only once it is on disk. Pain can be
//! reported for any exercise at any moment and is answered by the domain's session model
//! (`domain::workout::LiveSession`): this screen renders it and never decides a rule.
//! Everything shown is derived from what is stored, so a reload or a killed app resumes
//! exactly where it was.

mod block;
mod open;
mod said;
mod session;
mod spoken;
mod timers;

use block::*;
use open::*;
use said::*;
use session::*;
use spoken::{cue, cues_on, spoken_set, tapped, CuesSwitch};
use timers::*;

use super::data::use_data;
use super::dose::{bar_words, dose_words, item_dose, ramp_words, set_words};
use crate::domain::history::{Entry, ManualSwap, SetLog};
use crate::domain::library::{exercise, Exercise, Measure};
use crate::domain::next_time::NextChange;
use crate::domain::pain::{Modification, Pain, PainAction};
use crate::domain::planner::{Plan, PlannedSession};
use crate::domain::prescription::SetTarget;
use crate::domain::safety::Gate;
use crate::domain::served::Origin;
use crate::domain::session::{session_label, tempo_at, tempo_parts, TempoPart, WarmUp, WarmUpStep};
use crate::domain::units::Units;
use crate::domain::workout::{Block, BlockState, Ended, LiveSession, Step, StepWhy};
use crate::platform::clock;
use crate::platform::interval::{use_interval_fn, use_now};
use crate::storage::records::{EntryRecord, Event, ServedRecord, StoredEntry, StoredSession};
use leptos::prelude::*;
use leptos_router::components::A;
use std::rc::Rc;
use std::time::Duration;

fn unit_label(m: Measure) -> &'static str {
    match m {
        Measure::Reps => "reps",
        Measure::Seconds => "seconds",
        Measure::Minutes => "minutes",
    }
}

/// What the session summary says when it is finished.
#[derive(Clone)]
struct Finished {
    sets: usize,
    worst: Option<u8>,
    pains: Vec<(String, u8)>,
}

#[component]
pub fn Workout() -> impl IntoView {
    let data = use_data();
    // Re-render when readiness, the open session or the week's choices change, not on
    // every saved set: sets update the session model in place.
    let key = Memo::new(move |_| {
        data.with(|l| {
            (
                l.profile.is_some(),
                l.open_session().map(|s| s.id.clone()),
                l.history.swaps.len() + l.history.resumes.len() + l.history.setups.len(),
                // A next-day answer can change what a session still to finish serves.
                l.sessions.iter().filter(|s| s.response.is_some()).count(),
                // The gate: a new symptom or a yes stops the workout where it stands.
                l.gate(clock::today()),
            )
        })
    });
    let finished = RwSignal::new(None::<Finished>);
    view! {
        <section class="screen workout" aria-labelledby="workout-title">
            <h1 id="workout-title">"Workout"</h1>
            {move || {
                let ready = key.get();
                // Planned here, only when the key changes: never on every saved set.
                let planned = data
                    .loaded
                    .with_untracked(|l| l.as_ref()?.plan(clock::today()));
                let plan = match planned {
                    Some(Ok(plan)) => plan,
                    Some(Err(gate)) => return view! { <GateClosed gate=gate/> }.into_any(),
                    None => {
                        data.loaded.track();
                        return match ready {
                            None => view! { <p class="muted">"Loading…"</p> }.into_any(),
                            Some(_) => view! {
                                <p>"Your plan is not ready. "<A href="/">"Back to Today"</A></p>
                            }
                            .into_any(),
                        };
                    }
                };
                let units = super::context::units();
                // Untracked: the key above already says when the open session changes.
                let stored_open = data
                    .loaded
                    .with_untracked(|l| l.as_ref().and_then(|l| l.open_session().cloned()));
                if let Some(open) = stored_open {
                    let session = plan.sessions.iter().find(|s| s.started && s.live.as_ref().is_some_and(|l| l.started_ms == open.started_ms && l.day == open.day)).cloned();
                    return match session {
                        Some(s) => view! { <ActiveSession stored=open planned=s plan=Rc::new(plan) units=units on_finish=finished/> }.into_any(),
                        None => view! { <StaleSession stored=open/> }.into_any(),
                    };
                }
                if let Some(f) = finished.get() {
                    let changes = data.loaded.with_untracked(|l| {
                        l.as_ref().map(|l| l.what_changes_next(clock::today()))
                    }).unwrap_or_default();
                    return view! { <Summary f=f changes=changes units=units/> }.into_any();
                }
                let next = plan.session_on(clock::today()).or(plan.next_session()).cloned();
                match next {
                    Some(s) => view! { <StartCard s=s units=units/> }.into_any(),
                    None => {
                        let why = match plan.mode {
                            crate::domain::planner::Mode::Flare { .. } => format!(
                                "Flare-up mode: strength sessions wait while your back settles. Today has the walks, gentle mobility and bracing that help now. Once pain has been {}, your plan {}.",
                                super::words::calm_enough(),
                                super::words::restart_words(plan.phase)
                            ),
                            _ => "No session left this week: every one is done. The next week's sessions show on Today and Plan.".to_string(),
                        };
                        view! { <p>{why}" "<A href="/">"Back to Today"</A></p> }.into_any()
                    }
                }
            }}
        </section>
    }
}

/// rules §1: no session starts or resumes while the gate is closed; the sets already
/// logged stay saved.
#[component]
fn GateClosed(gate: Gate) -> impl IntoView {
    let why = match gate {
        Gate::Blocked(_) => "Training waits until a professional has checked you. Today has the details and the place to record your clearance.",
        Gate::AskAgain { .. } => "You told us about a new symptom. Training waits until you answer the safety questions again on Today.",
        Gate::NotAsked | Gate::Open => "Training waits until you answer the safety questions on Today.",
    };
    view! {
        <article class="card gate" role="region" aria-label="Training waits">
            <h2>"Training waits"</h2>
            <p>{why}</p>
            <p class="muted">"Everything you have logged is saved."</p>
            <A href="/" attr:class="button primary">"Go to Today"</A>
        </article>
    }
}

#[component]
fn StartCard(s: PlannedSession, units: Units) -> impl IntoView {
    let data = use_data();
    let items = s.items();
    let served: Vec<ServedRecord> = items.iter().map(ServedRecord::from).collect();
    let slot = s.slot;
    let start = move |_| {
        let now = clock::now_ms();
        let day = clock::local_date_of(now);
        // The gate is checked again at the tap: another tab may have closed it.
        let open = data.with(|l| l.gate(day).is_some_and(|g| g.lets_training_through()));
        if open != Some(true) {
            return;
        }
        let stored = StoredSession {
            id: format!("{day}-{slot}-{now}"),
            day,
            slot,
            started_ms: now,
            finished: false,
            finished_ms: None,
            response: None,
            served: served.clone(),
        };
        leptos::task::spawn_local(async move {
            let _ = data.save_session(stored).await;
        });
    };
    view! {
        <article class="card" role="region" aria-label="Next session">
            <h2>{format!("Session {}", session_label(s.slot))}</h2>
            <ul class="plain">
                {items.iter().map(|i| view! { <li><span>{i.name.clone()}</span><span class="dose">{item_dose(i, units)}</span></li> }).collect_view()}
            </ul>
            <p class="muted">"Warm-up first. Each set is ready to confirm with one tap."</p>
            <button class="primary" on:click=start>"Start session"</button>
        </article>
    }
}

/// A session left open from another week: it can only be closed.
#[component]
fn StaleSession(stored: StoredSession) -> impl IntoView {
    let data = use_data();
    let close = move |_| {
        let done = StoredSession {
            finished: true,
            finished_ms: Some(clock::now_ms()),
            ..stored.clone()
        };
        leptos::task::spawn_local(async move {
            let _ = data.save_session(done).await;
        });
    };
    view! {
        <article class="card">
            <h2>"An unfinished session"</h2>
            <p>"A session from an earlier week was never finished. Its sets are saved. Close it to start this week's."</p>
            <button class="primary" on:click=close>"Close it"</button>
        </article>
    }
}

#[component]
fn Summary(f: Finished, changes: Vec<NextChange>, units: Units) -> impl IntoView {
    let worst = f
        .worst
        .map_or("none reported".to_string(), |p| format!("{p} out of 10"));
    view! {
        <article class="card" role="region" aria-label="Session summary">
            <h2>"Session saved"</h2>
            <p>{format!("{} {} logged. Highest pain: {worst}.", f.sets, if f.sets == 1 { "set" } else { "sets" })}</p>
            {(!f.pains.is_empty()).then(|| view! {
                <p class="muted">{format!("Pain you reported: {}.", f.pains.iter().map(|(n, p)| format!("{n} {p}")).collect::<Vec<_>>().join(", "))}</p>
            })}
            <NextTime changes=changes units=units/>
            <p>"Tomorrow, Today asks how your back feels. That answer decides next week's dose."</p>
            <A href="/" attr:class="button primary">"Back to Today"</A>
        </article>
    }
}

/// What the next week holds for each exercise if today settles, and why.
#[component]
fn NextTime(changes: Vec<NextChange>, units: Units) -> impl IntoView {
    if changes.is_empty() {
        return ().into_any();
    }
    let (moved, same): (Vec<NextChange>, Vec<NextChange>) =
        changes.into_iter().partition(NextChange::changed);
    view! {
        <h3>"What changes next time"</h3>
        <p class="muted">"If your back has settled by tomorrow and the rest of the week goes to plan:"</p>
        <ul class="next-time">
            {moved.iter().map(|c| view! {
                <li>
                    <strong>{c.to.name}</strong>": "
                    {format!("{} → {}. ", super::dose::dose_words(&c.before.sets, c.from.measure, units), super::dose::dose_words(&c.after.sets, c.to.measure, units))}
                    <span class="reason">{c.reason.explain(units, c.to.measure)}" "{super::widgets::why_link(&c.reason)}</span>
                </li>
            }).collect_view()}
        </ul>
        {(!same.is_empty()).then(|| view! {
            <p>{format!("Staying the same: {}.", same.iter().map(|c| c.to.name).collect::<Vec<_>>().join(", "))}</p>
        })}
        <p class="muted small">"Still sore tomorrow: the doses stay as they are. A flare that stays: the plan steps back for a week."</p>
    }
    .into_any()
}
