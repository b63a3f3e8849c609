//! The workout: warm-up, then each exercise as the session serves it, sets pre-filled with
//! the target. One tap logs a set; it shows as saved only once it is on disk. Pain can be
//! reported for any exercise at any moment and is answered by the domain's session model
//! (`domain::workout::LiveSession`): this screen renders it and never decides a rule.
//! Everything shown is derived from what is stored, so a reload or a killed app resumes
//! exactly where it was.

use super::data::use_data;
use super::dose::{dose_words, item_dose, set_words};
use crate::domain::history::{Entry, ManualSwap, SetLog};
use crate::domain::library::{exercise, Exercise, Measure};
use crate::domain::next_time::NextChange;
use crate::domain::pain::{Modification, Pain, PainAction};
use crate::domain::planner::{Plan, PlannedSession};
use crate::domain::prescription::SetTarget;
use crate::domain::safety::Gate;
use crate::domain::served::Origin;
use crate::domain::session::{session_label, tempo_at, tempo_parts, TempoPart, WarmUp};
use crate::domain::units::Units;
use crate::domain::workout::{Block, BlockState, Ended, LiveSession, Step, StepWhy};
use crate::platform::clock;
use crate::platform::interval::{use_interval_fn, use_now};
use crate::storage::records::{EntryRecord, Event, ServedRecord, StoredEntry, StoredSession};
use leptos::prelude::*;
use leptos_router::components::A;
use std::rc::Rc;
use std::time::Duration;

/// Seconds to get into position before a timed hold starts.
const GET_READY_S: i64 = 5;

#[derive(Clone, Copy)]
enum HoldPhase {
    GetReady(i64),
    Hold(i64),
    Done(SetTarget),
}

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

/// The session model for the open session, and how to add to it.
#[derive(Clone, Copy)]
struct Live {
    model: RwSignal<LiveSession>,
    plan: StoredValue<Rc<Plan>, LocalStorage>,
    stored: StoredValue<StoredSession>,
    /// Entries are being stored: a tap on Done now is a bounce.
    saving: StoredValue<bool>,
    /// How many of the session's stored entries the model has taken in.
    applied: StoredValue<usize>,
}

impl Live {
    /// Stores entries in order and applies each to the session model once it is on disk.
    fn log(self, entries: Vec<Entry>) {
        let data = use_data();
        let session = self.stored.get_value();
        let first = data
            .with(|l| {
                l.sets_of(&session.id)
                    .iter()
                    .map(|s| s.index + 1)
                    .max()
                    .unwrap_or(0)
            })
            .unwrap_or(0);
        let now = clock::now_ms();
        self.saving.set_value(true);
        leptos::task::spawn_local(async move {
            for (i, entry) in entries.into_iter().enumerate() {
                let stored = StoredEntry {
                    session: session.id.clone(),
                    day: session.day,
                    // Their own indexes keep a set and the pain tapped with it in order.
                    index: first.saturating_add(i as u16),
                    entry: EntryRecord::from(&entry),
                    logged_ms: now,
                    nonce: crate::platform::page::random_u32(),
                };
                // The screen may have gone while the write ran: the entry is stored either
                // way, and the model is rebuilt from storage when it comes back.
                if data.save_entry(stored).await.is_err() {
                    break;
                }
                let Some(plan) = self.plan.try_get_value() else {
                    break;
                };
                let dose = |from: &Exercise, to: &'static Exercise| plan.swap_dose(from, to);
                let ctx = plan.ctx(&dose);
                self.model.try_update(|m| {
                    m.log(now, &entry, &ctx);
                });
                self.applied.try_update_value(|n| *n += 1);
            }
            self.saving.try_update_value(|s| *s = false);
        });
    }
}

#[component]
fn ActiveSession(
    stored: StoredSession,
    planned: PlannedSession,
    plan: Rc<Plan>,
    units: Units,
    on_finish: RwSignal<Option<Finished>>,
) -> impl IntoView {
    let data = use_data();
    let live = Live {
        model: RwSignal::new(planned.live.clone().expect("a started session has a model")),
        plan: StoredValue::new_local(plan.clone()),
        stored: StoredValue::new(stored.clone()),
        saving: StoredValue::new(false),
        applied: StoredValue::new(
            data.loaded
                .with_untracked(|l| l.as_ref().map(|l| l.sets_of(&stored.id).len()))
                .unwrap_or(0),
        ),
    };
    // Entries saved by another tab (or restored) arrive by a reload of the data: the model
    // is then rebuilt from storage, as after a restart.
    Effect::new(move |_| {
        let id = stored_id(live);
        let stored_count = data.with(|l| l.sets_of(&id).len()).unwrap_or(0);
        if stored_count == live.applied.get_value() || live.saving.get_value() {
            return;
        }
        let rebuilt = data.loaded.with_untracked(|l| {
            let l = l.as_ref()?;
            let plan = l.plan(clock::today())?.ok()?;
            let started = live.stored.with_value(|s| (s.day, s.started_ms));
            let model = plan
                .sessions
                .iter()
                .filter_map(|s| s.live.clone())
                .find(|m| (m.day, m.started_ms) == started)?;
            Some((model, Rc::new(plan)))
        });
        if let Some((model, plan)) = rebuilt {
            live.model.set(model);
            live.plan.set_value(plan);
        }
        live.applied.set_value(stored_count);
    });
    // The rest's beep needs an audio context: made a moment after the session opens, not
    // on the first set's tap.
    if sound_on() {
        set_timeout(crate::platform::sound::prepare, Duration::from_millis(1000));
    }
    // The screen stays on for the whole session.
    let wake = StoredValue::new_local(Some(crate::platform::wake_lock::ScreenWake::start()));
    on_cleanup(move || wake.update_value(|w| drop(w.take())));
    let now = use_now(Duration::from_millis(1000));
    // Rest after the last set, counted from its stored time: a reload keeps it.
    let rest_left = move || {
        let (key, at) = data
            .with(|l| {
                l.sets_of(&stored_id(live))
                    .iter()
                    .filter_map(|s| {
                        s.set()
                            .filter(|x| x.amount > 0)
                            .map(|x| (x.exercise.clone(), s.logged_ms))
                    })
                    .max_by_key(|(_, t)| *t)
            })
            .flatten()?;
        let rest = live
            .model
            .with(|m| {
                m.blocks
                    .iter()
                    .flat_map(|b| &b.steps)
                    .find(|s| s.item.key == key)
                    .map(|s| s.item.rest_seconds)
            })
            .unwrap_or(60);
        let left = (at + i64::from(rest) * 1000 - now.get()) / 1000;
        (left > 0).then_some(left)
    };
    let resting = StoredValue::new(false);
    Effect::new(move |_| {
        let now_resting = rest_left().is_some();
        if resting.get_value() && !now_resting {
            crate::platform::wake_lock::vibrate(300);
            if sound_on() {
                crate::platform::sound::beep(300);
            }
        }
        resting.set_value(now_resting);
    });
    // The exercise in focus: the one the user opened, else the first with sets to do.
    let open = RwSignal::new(None::<usize>);
    let focused = Memo::new(move |_| {
        open.get().or_else(|| {
            live.model.with(|m| {
                m.blocks
                    .iter()
                    .position(|b| b.state() == BlockState::Active)
            })
        })
    });
    let confirm = RwSignal::new(false);
    let finish = move || {
        let done = StoredSession {
            finished: true,
            finished_ms: Some(clock::now_ms()),
            ..live.stored.get_value()
        };
        let summary = live.model.with(|m| Finished {
            sets: m.sets_logged(),
            worst: m.worst_pain().map(Pain::value),
            pains: m
                .blocks
                .iter()
                .flat_map(|b| {
                    b.steps.iter().filter_map(move |s| {
                        let worst = b.worst_pain_of(&s.item.key)?.value();
                        Some((s.item.name.to_string(), worst))
                    })
                })
                .collect(),
        });
        // Ready before the session closes, so the summary replaces it in one step.
        on_finish.set(Some(summary));
        leptos::task::spawn_local(async move {
            if data.save_session(done).await.is_err() {
                on_finish.set(None);
            }
        });
    };
    let sets_left = move || live.model.with(LiveSession::sets_left);
    let sets_done = move || live.model.with(LiveSession::sets_logged);
    // The timer is built once per rest; each second changes only its text.
    let rest_shown = Memo::new(move |_| rest_left().filter(|_| sets_left() > 0));
    let rest_on = Memo::new(move |_| rest_shown.with(Option::is_some));
    let blocks = planned.live.as_ref().map_or(0, |l| l.blocks.len());
    let label = session_label(planned.slot);
    // With every exercise done, the finish button comes into view by itself.
    let finish_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |was: Option<Option<usize>>| {
        let now = focused.get();
        if now.is_none() && was.flatten().is_some() {
            request_animation_frame(move || {
                if let Some(el) = finish_ref.get_untracked() {
                    crate::platform::scroll::reveal(&el, false);
                }
            });
        }
        now
    });
    view! {
        <div class="session-bar">
            <p>
                <strong>{format!("Session {label}")}</strong>
                <span class="count">{move || {
                    let done = sets_done();
                    format!("{done} of {} sets", done + sets_left())
                }}</span>
                {move || rest_on.get().then(|| view! {
                    <span class="rest" role="timer" aria-live="off">{move || rest_shown.get().map(|s| format!("Rest {}:{:02}", s / 60, s % 60))}</span>
                })}
            </p>
            <progress aria-label="Sets done" max=move || (sets_done() + sets_left()).max(1) value=sets_done></progress>
        </div>
        <details class="card warmup">
            <summary><span>"Warm-up, about 10 minutes"</span></summary>
            <ol>
                {planned.warm_up.iter().cloned().map(|w| view! { <WarmUpStepView step=w now=now/> }).collect_view()}
            </ol>
        </details>
        {(0..blocks).map(|i| view! { <BlockView index=i live=live units=units focused=focused open=open/> }).collect_view()}
        <div class="finish-area" node_ref=finish_ref>
            {move || if confirm.get() {
                let left = sets_left();
                view! {
                    <div class="card stop-note" role="region" aria-label="Finish early">
                        <p>{format!("{left} {} not logged yet. Finish anyway? What you did is saved, and next week repeats this dose instead of adding to it.", if left == 1 { "set is" } else { "sets are" })}</p>
                        <div class="row">
                            <button class="primary" on:click=move |_| finish()>"Finish now"</button>
                            <button class="ghost" on:click=move |_| confirm.set(false)>"Keep going"</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button class=move || if sets_left() == 0 { "primary finish" } else { "finish" } on:click=move |_| {
                        if sets_left() > 0 { confirm.set(true) } else { finish() }
                    }>"Finish session"</button>
                }.into_any()
            }}
        </div>
    }
}

fn stored_id(live: Live) -> String {
    live.stored.with_value(|s| s.id.clone())
}

/// What the pain rule said, in words, with the choice it offers.
fn said_words(
    pain: Pain,
    action: &PainAction,
    units: Units,
    after_last: bool,
    library: bool,
) -> String {
    let p = pain.value();
    match action {
        PainAction::Continue => format!("Pain {p}: carry on as planned."),
        PainAction::Modify(_) | PainAction::AlreadyEased if after_last => {
            format!("Pain {p} noted. Next week this exercise repeats the same dose instead of adding to it.")
        }
        PainAction::Modify(m) => format!("Pain {p}: {}", modification_words(m, units)),
        PainAction::AlreadyEased => format!(
            "Pain {p}: everything that makes it easier is already in place. Go gently, and stop if it climbs to {}.", crate::domain::pain::STOP_FROM
        ),
        PainAction::StopAndSwap(e) if after_last => format!(
            "Pain {p}: this one is done for today. Next time it steps down to {}.",
            e.name
        ),
        PainAction::StopAndSwap(e) => format!(
            "Pain {p}: stop this movement. Switched to {}, an easier version of the same movement.",
            e.name
        ),
        PainAction::StopAndPause if library => format!(
            "Pain {p}: stop this movement. Nothing gentler of another movement sits below it, so it is paused in your plan until you bring it back on Plan, a little lighter. Walk and move gently instead."
        ),
        PainAction::StopAndPause => format!(
            "Pain {p}: stop this exercise. It is paused in your plan until you bring it back on Plan (or your physio says it is fine)."
        ),
    }
}

/// What the accepted changes for pain make of every remaining set, in a few words each
/// (a lighter load and a shorter hold show in the set's own numbers).
fn changed_words(accepted: &[Modification]) -> Vec<String> {
    accepted
        .iter()
        .map(|m| match m {
            Modification::LessLoad { .. } => "lighter".to_string(),
            Modification::ShorterHold { .. } => "shorter hold".to_string(),
            Modification::ShorterRange { how } => format!("shorter range: {how}"),
            Modification::SlowerTempo { tempo } => format!("slower tempo {tempo}"),
        })
        .collect()
}

fn modification_words(m: &Modification, units: Units) -> String {
    match m {
        Modification::LessLoad { from, to } => format!(
            "go lighter for the remaining sets: {} instead of {}.",
            units.format(*to),
            units.format(*from)
        ),
        Modification::ShorterHold { from, to } => {
            format!("hold for {to} s instead of {from} s on the remaining sets.")
        }
        Modification::ShorterRange { how } => {
            format!("shorten the range on the remaining sets. {how}.")
        }
        Modification::SlowerTempo { tempo } => {
            format!("slow down to a {tempo} tempo (seconds down, pause, up) on the remaining sets.")
        }
    }
}

/// What the pain rule last said for a block, in words: the pain, the rule's answer, a
/// change still waiting for a yes or no, and the sentence to show.
fn said_of(b: &Block, units: Units) -> Option<(Pain, PainAction, Option<Modification>, String)> {
    let (pain, action) = b.said.clone()?;
    let step = b.current();
    let library = step.item.library().is_some();
    let after_last = b.state() != BlockState::Active || step.remaining().is_empty();
    let decided = match &action {
        PainAction::Modify(m) if b.proposal.is_none() => Some(step.accepted.contains(m)),
        _ => None,
    };
    let text = match decided {
        _ if after_last && b.proposal.is_none() => said_words(pain, &action, units, true, library),
        Some(true) => format!(
            "Pain {}: done, the remaining sets are easier now. Stop if it climbs to {}.",
            pain.value(),
            crate::domain::pain::STOP_FROM
        ),
        Some(false) if !after_last => format!(
            "Pain {}: kept as it was. It still counts: next week repeats this dose.",
            pain.value()
        ),
        _ => said_words(
            pain,
            &action,
            units,
            after_last && b.proposal.is_none(),
            library,
        ),
    };
    Some((pain, action, b.proposal.clone(), text))
}

/// The rule's answer to a pain report that needs no choice.
#[component]
fn SaidNote(pain: Pain, action: PainAction, text: String) -> impl IntoView {
    let _ = pain;
    match action {
        PainAction::StopAndSwap(_) | PainAction::StopAndPause => view! {
            <div class="stop-note" role="region" aria-label="Stop for pain"><p>{text}</p></div>
        }
        .into_any(),
        PainAction::Continue => view! { <p class="go-note">{text}</p> }.into_any(),
        _ => view! { <p class="modify-note">{text}</p> }.into_any(),
    }
}

/// One exercise of the session: open and large while it is the one in focus, else folded
/// to a line that says where it stands and opens it with a tap.
#[component]
fn BlockView(
    index: usize,
    live: Live,
    units: Units,
    focused: Memo<Option<usize>>,
    open: RwSignal<Option<usize>>,
) -> impl IntoView {
    let block = Memo::new(move |_| live.model.with(|m| m.blocks[index].clone()));
    let expanded = Memo::new(move |_| focused.get() == Some(index));
    // An opened exercise that gets done hands the focus on to the next one.
    Effect::new(move |was: Option<BlockState>| {
        let state = block.with(|b| b.state());
        if was == Some(BlockState::Active)
            && state != BlockState::Active
            && open.get_untracked() == Some(index)
            && !matches!(state, BlockState::Ended(_))
        {
            open.set(None);
        }
        state
    });
    let card = NodeRef::<leptos::html::Article>::new();
    Effect::new(move |was: Option<bool>| {
        let now = expanded.get();
        if now && was == Some(false) {
            // After this frame's updates: the block folded above may have grown a note.
            request_animation_frame(move || {
                if let Some(el) = card.get_untracked() {
                    crate::platform::scroll::reveal(&el, false);
                }
            });
        }
        now
    });
    let heading_id = format!("ex-{index}");
    let labelled = heading_id.clone();
    view! {
        <article class=move || if expanded.get() { "card block open" } else { "block folded" } aria-labelledby=labelled node_ref=card>
            {move || if expanded.get() {
                view! { <OpenBlock live=live units=units block=block heading_id=heading_id.clone()/> }.into_any()
            } else {
                let (mark, name, mut detail) = block.with(|b| folded_line(b, units));
                let key = block.with(|b| b.current().item.key.clone());
                if live.plan.with_value(|p| p.own.iter().any(|o| o.own.log_id() == key && o.careful_for_now)) {
                    detail.push_str(" · Careful for now");
                }
                // What the rule said about a finished or stopped exercise stays in sight.
                let said = block.with(|b| {
                    (b.state() != BlockState::Active).then(|| said_of(b, units)).flatten()
                }).filter(|(_, action, _, _)| *action != PainAction::Continue);
                view! {
                    <h2 id=heading_id.clone() class="line">
                        <button aria-expanded="false" on:click=move |_| open.set(Some(index))>
                            <span class=format!("mark {}", mark.0) aria-hidden="true">{mark.1}</span>
                            <span class="name">{name}</span>
                            <span class="dose">{detail}</span>
                        </button>
                    </h2>
                    {said.map(|(pain, action, _, text)| view! { <div class="folded-said"><SaidNote pain=pain action=action text=text/></div> })}
                }.into_any()
            }}
        </article>
    }
}

/// How a folded exercise reads: a mark, its name, and where it stands.
fn folded_line(b: &Block, units: Units) -> ((&'static str, &'static str), String, String) {
    let step = b.current();
    let pain = b
        .worst_pain()
        .map(|p| format!(" · pain {}", p.value()))
        .unwrap_or_default();
    let done_sets = |s: &Step| -> Vec<SetTarget> {
        s.done
            .iter()
            .filter(|d| d.amount > 0)
            .map(|d| SetTarget {
                amount: d.amount,
                load: d.load,
            })
            .collect()
    };
    let (mark, detail) = match b.state() {
        BlockState::Done => (
            ("done", "✓"),
            format!(
                "All sets done · {}{pain}",
                dose_words(&done_sets(step), step.item.measure, units)
            ),
        ),
        BlockState::Ended(Ended::Stopped(p)) => (
            ("stopped", "■"),
            format!("Stopped for today · pain {}", p.value()),
        ),
        BlockState::Ended(Ended::Paused(p)) => (
            ("stopped", "■"),
            format!("Stopped and paused · pain {}", p.value()),
        ),
        BlockState::Active if step.sets_done() > 0 => (
            ("doing", "…"),
            format!(
                "{} of {} sets{pain}",
                step.sets_done(),
                step.sets_done() + step.remaining().len()
            ),
        ),
        BlockState::Active => (("next", "›"), item_dose(&step.item, units)),
    };
    (mark, step.item.name.to_string(), detail)
}

/// The exercise in focus: what to do, the sets so far, one big button for the next set,
/// a row to log it with the pain it caused, and the rest folded one tap away.
#[component]
fn OpenBlock(live: Live, units: Units, block: Memo<Block>, heading_id: String) -> impl IntoView {
    let equipment = live.plan.with_value(|p| p.equipment.clone());
    // An edit to the next set (steppers); once logged, the session model carries it on.
    let edit = RwSignal::new(None::<SetTarget>);
    let effort = RwSignal::new(None::<u8>);
    let next_target = move || edit.get().or_else(|| block.with(|b| b.next_set()));
    // What the next-set controls are built for: they change with it, and only then.
    let next_state = Memo::new(move |_| (block.with(|b| b.state()), next_target().is_some()));
    let key = move || block.with(|b| b.current().item.key.to_string());

    let set_of = move |t: SetTarget| {
        Entry::Set(SetLog {
            exercise: key(),
            amount: t.amount,
            load: t.load,
            rpe: effort.get_untracked().filter(|r| (1..=10).contains(r)),
            pain: None,
        })
    };
    let log_set = move |t: SetTarget| {
        crate::platform::sound::unlock();
        edit.set(None);
        live.log(vec![set_of(t)]);
    };
    // A tap while the last one is being stored is a bounce, not a new set. Checked here,
    // at once: a `disabled` attribute would come a render too late for a bounce, and
    // toggling it on every set cost the write a frame.
    let busy = move || live.saving.get_value();
    let log_next = move |_| {
        if busy() {
            return;
        }
        if let Some(t) = next_target() {
            log_set(t);
        }
    };
    // One tap: the set is done and it hurt this much.
    let log_hurt = move |p: u8| {
        if busy() {
            return;
        }
        crate::platform::sound::unlock();
        let Some(t) = next_target() else { return };
        edit.set(None);
        live.log(vec![
            set_of(t),
            Entry::Pain {
                exercise: key(),
                pain: Pain::clamped(p),
            },
        ]);
    };
    // Never held back while a set is stored: a pain report is never dropped, and a second
    // copy of the same report changes nothing.
    let report = move |p: u8| {
        crate::platform::sound::unlock();
        live.log(vec![Entry::Pain {
            exercise: key(),
            pain: Pain::clamped(p),
        }]);
    };
    let accept = move |m: Modification| {
        edit.set(None);
        live.log(vec![Entry::Accept {
            exercise: key(),
            change: m,
        }]);
    };
    let decline = move |_| live.log(vec![Entry::Decline { exercise: key() }]);

    // Timed holds: 5 s to get ready, then the hold; at zero it buzzes and logs the set.
    let hold_started = RwSignal::new(None::<(i64, SetTarget)>);
    let tick = RwSignal::new(clock::now_ms());
    let ticker = use_interval_fn(
        move || {
            tick.try_set(clock::now_ms());
        },
        Duration::from_millis(250),
        false,
    );
    let hold_phase = move || {
        let (t0, target) = hold_started.get()?;
        let elapsed = (tick.get() - t0) / 1000;
        Some(if elapsed < GET_READY_S {
            HoldPhase::GetReady(GET_READY_S - elapsed)
        } else if elapsed < GET_READY_S + i64::from(target.amount) {
            HoldPhase::Hold(GET_READY_S + i64::from(target.amount) - elapsed)
        } else {
            HoldPhase::Done(target)
        })
    };
    Effect::new(move |_| {
        if let Some(HoldPhase::Done(target)) = hold_phase() {
            hold_started.set(None);
            ticker.pause();
            crate::platform::wake_lock::vibrate(400);
            if sound_on() {
                crate::platform::sound::beep(250);
            }
            log_set(target);
        }
    });
    let start_hold = move |_| {
        crate::platform::sound::unlock();
        if let Some(t) = next_target() {
            let now = clock::now_ms();
            tick.set(now);
            hold_started.set(Some((now, t)));
            ticker.resume();
        }
    };
    let step_amount = move |d: i32| {
        if let Some(t) = next_target() {
            let amount = (i32::from(t.amount) + d).clamp(1, 999) as u16;
            edit.set(Some(SetTarget { amount, ..t }));
        }
    };
    let owned = StoredValue::new(equipment);
    let step_load = move |up: bool| {
        let Some(t) = next_target() else { return };
        let eq = block.with(|b| b.current().item.equipment);
        if !eq.is_loadable() {
            return;
        }
        let load = owned.with_value(|o| {
            if up {
                o.next_up(eq, t.load).unwrap_or(t.load)
            } else {
                o.loads(eq)
                    .into_iter()
                    .rev()
                    .find(|g| *g < t.load)
                    .unwrap_or(t.load)
            }
        });
        edit.set(Some(SetTarget { load, ..t }));
    };
    let careful_own = move || {
        let k = key();
        live.plan.with_value(|plan| {
            plan.own
                .iter()
                .find(|o| o.own.log_id() == k && o.careful_for_now)
                .map(|o| (o.own.careful, o.alternative.map(|a| a.name)))
        })
    };
    let swap_choices = move || {
        block.with(|b| {
            let item = &b.current().item;
            match (item.library(), b.state()) {
                (Some(e), BlockState::Active) => live.plan.with_value(|p| p.swap_choices(e)),
                _ => Vec::new(),
            }
        })
    };
    let data = use_data();
    let choose = move |to: &'static Exercise| {
        let from = key();
        let swap = ManualSwap {
            day: clock::today(),
            at_ms: clock::now_ms(),
            from,
            to: to.id.to_string(),
        };
        leptos::task::spawn_local(async move {
            let _ = data.save_event(Event::Swap(swap)).await;
        });
    };
    let active = move || block.with(|b| b.state() == BlockState::Active);
    // What the figure and the tempo guide show: they start again only when it changes
    // (a swap, a slower tempo, the last set done), not with every set logged. Read only
    // through this memo: reading the block there too would draw them again on every set.
    let shown = Memo::new(move |_| {
        block.with(|b| {
            let s = b.current();
            (
                s.item.library().map(|e| e.id),
                s.item.equipment,
                s.tempo().to_string(),
                b.state() == BlockState::Active,
            )
        })
    });
    // What the folded extras depend on: they stay open across logged sets.
    let shown_step = Memo::new(move |_| (active(), key()));
    let sets_done = Memo::new(move |_| block.with(|b| b.current().sets_done()));
    let cue = Memo::new(move |_| {
        block.with(|b| {
            b.current()
                .item
                .library()
                .and_then(|e| e.cues.first().copied())
        })
    });
    let pain_grid = move || {
        view! {
            <fieldset class="pain">
                <legend>"Pain during this exercise (0–10)"</legend>
                <div class="pain-grid">
                    {(0u8..=10).map(|p| {
                        let pressed = move || block.with(|b| {
                            let key = &b.current().item.key;
                            b.pains.iter().rev().find(|r| b.key_of(r) == key).map(|r| r.pain.value()) == Some(p)
                        });
                        view! {
                            <button aria-pressed=move || pressed().to_string() class=format!("p{p}") on:click=move |_| report(p)>{p.to_string()}</button>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        }
    };
    view! {
        <h2 id=heading_id>{move || block.with(|b| b.current().item.name.clone())}</h2>
        {move || block.with(|b| {
            let step = b.current();
            match &step.why {
                StepWhy::Served => None,
                StepWhy::SwappedForPain { from, .. } => Some(format!("Swapped in for {} because of pain.", name_of(from, b))),
                StepWhy::ChosenByYou { from } => Some(format!("Your choice, in place of {}.", name_of(from, b))),
            }
        }).map(|t| view! { <p class="notice">{t}</p> })}
        {move || block.with(|b| {
            let item = &b.current().item;
            match item.origin {
                Origin::Own => {
                    let pattern = live.plan.with_value(|p| {
                        p.own.iter().find(|o| o.own.log_id() == item.key).map(|o| {
                            o.own.careful.map_or(o.own.pattern.label(), |k| k.label())
                        })
                    });
                    Some(format!("Your own exercise · {}", pattern.unwrap_or("Your choice")))
                }
                Origin::Physio => Some("From your physio".to_string()),
                Origin::Planned | Origin::ChosenByYou => None,
            }
        }).map(|t| view! { <p class="muted small">{t}</p> })}
        {move || careful_own().map(|(kind, alt)| view! {
            <p class="notice"><span class="badge">"Careful for now"</span>" "
                {kind.map(|k| k.why()).unwrap_or("")}
                {alt.map(|a| format!(" A safer choice for now: {a}."))}
            </p>
        })}
        <div class="how-row">
        <p class="how">{move || block.with(|b| {
            let step = b.current();
            let tempo = step.tempo();
            let side = if step.item.each_side() { "Each side" } else { "" };
            let tempo = if tempo.is_empty() { String::new() } else { format!("Tempo {tempo}") };
            [side, tempo.as_str()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" · ")
        })}</p>
        </div>
        {move || {
            let (id, eq, tempo, active) = shown.get();
            let e = id.and_then(crate::domain::library::exercise);
            match (tempo_parts(&tempo).filter(|_| active), e) {
                (Some(parts), e) => view! { <TempoGuide parts=parts figure=e.map(|e| (e, eq)) sets_done=sets_done/> }.into_any(),
                (None, Some(e)) => view! { <super::figure::ExerciseFigure exercise=e with=Some(eq)/> }.into_any(),
                (None, None) => ().into_any(),
            }
        }}
        {move || cue.get().map(|c| view! { <p class="cue">{c}</p> })}
        <ol class="sets">
            {move || block.with(|b| {
                let mut rows = Vec::new();
                for step in &b.steps {
                    let of = if b.steps.len() > 1 { format!(" of {}", step.item.name) } else { String::new() };
                    for (n, s) in step.done.iter().filter(|s| s.amount > 0).enumerate() {
                        rows.push(view! { <li class="saved">{format!("Set {}{of} · {}", n + 1, set_words(s.amount, s.load, step.item.measure, units))}<span class="tick">" ✓ Saved"</span></li> }.into_any());
                    }
                }
                rows
            })}
        </ol>
        {move || {
            // Built again only when the block's state changes, not after every set: the
            // figures of the next set below follow the block on their own.
            match next_state.get() {
                (BlockState::Ended(Ended::Stopped(p)), _) => view! { <p class="notice">{format!("Stopped for today (pain {}).", p.value())}</p> }.into_any(),
                (BlockState::Ended(Ended::Paused(p)), _) => view! { <p class="notice">{format!("Stopped and paused in your plan (pain {}).", p.value())}</p> }.into_any(),
                (BlockState::Done, _) => view! { <p class="complete">"All sets done."</p> }.into_any(),
                (BlockState::Active, false) => ().into_any(),
                (BlockState::Active, true) => {
                    let t = move || next_target().unwrap_or(SetTarget { amount: 0, load: crate::domain::units::Grams(0) });
                    let measure = move || block.with(|b| b.current().item.measure);
                    let timed = move || measure() == Measure::Seconds;
                    let loadable = move || block.with(|b| b.current().item.equipment.is_loadable()) && !t().load.is_zero();
                    let cue = move || block.with(|b| b.current().range_cue().map(str::to_string));
                    let name = move || block.with(|b| b.current().item.name.clone());
                    let done_label = move || {
                        let (done, total) = block.with(|b| {
                            let s = b.current();
                            (s.sets_done(), s.sets_done() + s.remaining().len())
                        });
                        format!("Done · set {} of {total}", done + 1)
                    };
                    // The set as it will be done, accepted changes for pain included: the
                    // button's name says it to a screen reader as the screen shows it.
                    let what = move || {
                        let (side, changes) = block.with(|b| {
                            let s = b.current();
                            (s.item.each_side(), changed_words(&s.accepted))
                        });
                        let t = t();
                        let mut words = format!("{}{}", set_words(t.amount, t.load, measure(), units), if side { " each side" } else { "" });
                        for c in changes {
                            words.push_str(" · ");
                            words.push_str(&c);
                        }
                        words
                    };
                    view! {
                        <div class="next-set" role="group" aria-label=move || format!("Next set of {}", name())>
                            {move || cue().map(|c| view! { <p class="range-cue">{format!("Shorter range: {c}")}</p> })}
                            <div class="steppers">
                                <div class="stepper" role="group" aria-label=move || format!("{} for the next set", unit_label(measure()))>
                                    <button aria-label="One less" on:click=move |_| step_amount(-1)>"−"</button>
                                    <span class="value">{move || format!("{} {}", t().amount, measure().short())}</span>
                                    <button aria-label="One more" on:click=move |_| step_amount(1)>"+"</button>
                                </div>
                                <Show when=timed>
                                    <button class="hold" on:click=start_hold disabled=move || hold_started.get().is_some()>
                                        {move || match hold_phase() {
                                            Some(HoldPhase::GetReady(s)) => format!("Get ready… {s}"),
                                            Some(HoldPhase::Hold(s)) => format!("Hold! {s} s"),
                                            _ => format!("Start the {} s hold", t().amount),
                                        }}
                                    </button>
                                </Show>
                                <Show when=loadable>
                                    <div class="stepper" role="group" aria-label="Load for the next set">
                                        <button aria-label="Lighter" on:click=move |_| step_load(false)>"−"</button>
                                        <span class="value">{move || units.format(t().load)}</span>
                                        <button aria-label="Heavier" on:click=move |_| step_load(true)>"+"</button>
                                    </div>
                                </Show>
                            </div>
                            <button class="primary log" on:click=log_next>
                                <span>{done_label}</span>
                                <span class="sr-only">" · "</span>
                                <span class="what">{what}</span>
                            </button>
                            <div class="hurt" role="group" aria-label="Done, but it hurt">
                                <span aria-hidden="true">"Hurt?"</span>
                                {(3u8..=10).map(|p| view! {
                                    <button class=format!("p{p}") aria-label=format!("Done, pain {p}") on:click=move |_| log_hurt(p)>{p.to_string()}</button>
                                }).collect_view()}
                            </div>
                        </div>
                    }.into_any()
                }
            }
        }}
        {move || {
            let (pain, action, proposal, text) = block.with(|b| said_of(b, units))?;
            Some(match (action, proposal) {
                (PainAction::Modify(_), Some(m)) => view! {
                    <super::widgets::InView>
                        <div class="modify-note" role="region" aria-label="Change for pain">
                            <p>{text}</p>
                            <div class="row">
                                <button class="primary" on:click=move |_| accept(m.clone())>"Apply to the remaining sets"</button>
                                <button class="ghost" on:click=decline>"Keep it as it is"</button>
                            </div>
                        </div>
                    </super::widgets::InView>
                }.into_any(),
                (action, _) => view! { <super::widgets::InView><SaidNote pain=pain action=action text=text/></super::widgets::InView> }.into_any(),
            })
        }}
        // The sets after the next one, as they will be (an applied change shows): below the
        // next set's controls, so the page reads done, now, then what is to come.
        {move || block.with(|b| {
            let step = b.current();
            let remaining = step.remaining();
            let later = remaining.get(1..).filter(|l| b.ended.is_none() && !l.is_empty())?;
            let cue = step.range_cue().map(|c| format!(" · {c}")).unwrap_or_default();
            let first = step.sets_done() + 2;
            let rows = later.iter().zip(first..).map(|(t, n)| {
                view! { <li class="todo">{format!("Set {n} · {}{cue}", set_words(t.amount, t.load, step.item.measure, units))}</li> }
            }).collect_view();
            Some(view! { <ol class="sets upcoming" aria-label="Sets still to come">{rows}</ol> })
        })}
        {move || if shown_step.get().0 {
            let name = block.with_untracked(|b| b.current().item.name.clone());
            let (reason, measure) = block.with_untracked(|b| (b.current().item.reason.clone(), b.current().item.measure));
            let opened = RwSignal::new(false);
            view! {
                <details class="more" on:toggle=move |_| unfold(opened)>
                    <summary on:click=move |_| unfold(opened)><span>"Pain now, effort, swap"</span></summary>
                    {move || opened.get().then(|| {
                        let name = name.clone();
                        let reason = reason.clone();
                        view! {
                            {pain_grid()}
                            <Effort effort=effort/>
                            {reason.map(|r| view! { <p class="reason">{r.explain(units, measure)}" "{super::widgets::why_link(&r)}</p> })}
                            {move || {
                                let choices = swap_choices();
                                let name = name.clone();
                                (!choices.is_empty()).then(|| view! {
                                    <details class="swap">
                                        <summary><span>{format!("Swap {name}")}</span></summary>
                                        <div class="stack">
                                            {choices.into_iter().map(|to| view! { <button on:click=move |_| choose(to)>{to.name}</button> }).collect_view()}
                                        </div>
                                    </details>
                                })
                            }}
                        }
                    })}
                </details>
            }.into_any()
        } else {
            // Done or stopped: pain that comes on afterwards is still one tap away.
            pain_grid().into_any()
        }}
    }
}

/// Marks a `<details>` as opened, so that what it folds away is built now and then kept: a
/// session starts without building the warm-up's figures or the pain grid while they are
/// folded. The summary's click comes before the details opens, so nothing shows empty;
/// `toggle` covers any other way it opens.
fn unfold(opened: RwSignal<bool>) {
    if !opened.get_untracked() {
        opened.set(true);
    }
}

/// The name of an exercise a block served earlier.
fn name_of(key: &str, b: &crate::domain::workout::Block) -> String {
    b.steps
        .iter()
        .find(|s| s.item.key == key)
        .map(|s| s.item.name.to_string())
        .or_else(|| exercise(key).map(|e| e.name.to_string()))
        .unwrap_or_else(|| key.to_string())
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

/// Whether the user wants a beep when a rest or timer ends (Settings).
fn sound_on() -> bool {
    use_context::<super::context::PrefsCtx>()
        .is_none_or(|super::context::PrefsCtx(p)| p.get_untracked().sound)
}

/// One warm-up step with its own timer, counted from its start time so a throttled tab
/// or a locked screen does not slow it down.
#[component]
fn WarmUpStepView(step: WarmUp, now: ReadSignal<i64>) -> impl IntoView {
    let started = RwSignal::new(None::<i64>);
    let done = RwSignal::new(false);
    let total = i64::from(step.minutes) * 60;
    let left = move || {
        started
            .get()
            .map(|t0| (total - (now.get() - t0) / 1000).max(0))
    };
    Effect::new(move |_| {
        if left() == Some(0) && !done.get_untracked() {
            done.set(true);
            started.set(None);
            crate::platform::wake_lock::vibrate(300);
            if sound_on() {
                crate::platform::sound::beep(300);
            }
        }
    });
    let toggle = move |_| {
        crate::platform::sound::unlock();
        if started.get_untracked().is_some() {
            started.set(None);
        } else {
            done.set(false);
            started.set(Some(clock::now_ms()));
        }
    };
    let title = step.title;
    view! {
        <li class="warmup-step">
            <strong>{format!("{} · {} min", step.title, step.minutes)}</strong>
            <ul class="plain drills">{step.drills.iter().map(|(e, n)| {
                let e: &'static crate::domain::library::Exercise = e;
                let opened = RwSignal::new(false);
                view! {
                    <li>
                        <details on:toggle=move |_| unfold(opened)>
                            <summary on:click=move |_| unfold(opened)><span>{e.name}</span><span class="dose">{format!("{n} {}", unit_label(e.measure))}</span></summary>
                            {move || opened.get().then(|| view! { <super::figure::ExerciseFigure exercise=e/> })}
                        </details>
                    </li>
                }
            }).collect_view()}</ul>
            <button class="ghost" on:click=toggle aria-label=move || if started.get().is_some() { format!("Stop the timer: {title}") } else { format!("Start a {} minute timer: {title}", step.minutes) }>
                {move || match (left(), done.get()) {
                    (Some(s), _) => format!("{}:{:02} left · stop", s / 60, s % 60),
                    (None, true) => "Done ✓ · again".to_string(),
                    (None, false) => format!("Start {}:00", step.minutes),
                }}
            </button>
        </li>
    }
}

/// A tempo guide: says "Down 3, 2, 1 · Pause · Up" in time, one repetition after another,
/// with a short buzz at each change so it can be followed without watching.
#[component]
fn TempoGuide(
    parts: Vec<(TempoPart, u8)>,
    figure: Option<(
        &'static crate::domain::library::Exercise,
        crate::domain::equipment::Equipment,
    )>,
    /// Sets logged of this exercise: a logged set ends the set it paced, so the guide stops
    /// (and stays quiet through the rest).
    sets_done: Memo<usize>,
) -> impl IntoView {
    let seconds = |want: TempoPart| {
        parts
            .iter()
            .find(|(p, _)| *p == want)
            .map_or(0.0, |(_, s)| f32::from(*s))
    };
    let tempo = (
        seconds(TempoPart::Down),
        seconds(TempoPart::Pause),
        seconds(TempoPart::Up),
    );
    let started = RwSignal::new(None::<i64>);
    let now = RwSignal::new(clock::now_ms());
    let ticker = use_interval_fn(
        move || {
            now.try_set(clock::now_ms());
        },
        Duration::from_millis(100),
        false,
    );
    let toggle = move |_| {
        if started.get_untracked().is_some() {
            ticker.pause();
            started.set(None);
        } else {
            started.set(Some(clock::now_ms()));
            now.set(clock::now_ms());
            ticker.resume();
        }
    };
    Effect::new(move |was: Option<usize>| {
        let n = sets_done.get();
        if was.is_some_and(|w| w != n) && started.get_untracked().is_some() {
            ticker.pause();
            started.set(None);
        }
        n
    });
    let parts = StoredValue::new(parts);
    let at = move || {
        let t0 = started.get()?;
        parts.with_value(|p| tempo_at(p, now.get() - t0))
    };
    let last = StoredValue::new(None::<TempoPart>);
    Effect::new(move |_| {
        let part = at().map(|(p, _)| p);
        if part.is_some() && part != last.get_value() {
            crate::platform::wake_lock::vibrate(40);
        }
        last.set_value(part);
    });
    view! {
        <div class="tempo-row">
            // Drawn again when the guide starts, so its first "down" starts with the guide's.
            {move || {
                let on = started.get().is_some();
                figure.map(|(e, eq)| view! { <div class=if on { "fig-synced" } else { "fig-loop" }><super::figure::ExerciseFigure exercise=e with=Some(eq) tempo=Some(tempo)/></div> })
            }}
            <div class="tempo">
                <button class="ghost" aria-pressed=move || started.get().is_some().to_string() on:click=toggle>
                    {move || if started.get().is_some() { "Stop tempo guide" } else { "Tempo guide" }}
                </button>
                {move || at().map(|(part, left)| view! {
                    <p class=format!("tempo-now {}", part.label().to_lowercase()) aria-live="off">{format!("{} {left}", part.label())}</p>
                })}
            </div>
        </div>
    }
}

/// Effort of the sets being logged, optional: RPE, where 10 means nothing left in the tank.
/// It stays chosen for the following sets until changed; a second tap clears it.
#[component]
fn Effort(effort: RwSignal<Option<u8>>) -> impl IntoView {
    view! {
        <fieldset class="effort">
            <legend>"Effort, if you like (RPE: 10 = nothing left)"</legend>
            <div class="effort-grid">
                {(5u8..=10).map(|r| view! {
                    <button aria-pressed=move || (effort.get() == Some(r)).to_string()
                        aria-label=format!("Effort {r}")
                        on:click=move |_| effort.update(|e| *e = if *e == Some(r) { None } else { Some(r) })>{r.to_string()}</button>
                }).collect_view()}
            </div>
        </fieldset>
    }
}
