//! The workout: warm-up, then each exercise with its cue, tempo and sets pre-filled with
//! the target. One tap logs a set; it shows as saved only once it is on disk. Pain per
//! exercise is answered live by the rule. Everything shown is derived from what is stored,
//! so a reload or a killed app resumes exactly where it was.

use super::data::use_data;
use super::dose::{dose_words, own_dose};
use crate::domain::equipment::EquipmentSet;
use crate::domain::history::SetLog;
use crate::domain::library::{easier_variation, exercise, Exercise, Measure};
use crate::domain::next_time::{what_changes_next, NextChange};
use crate::domain::pain::{
    pain_band, pain_rule_during_exercise, Modification, Pain, PainAction, PainBand,
};
use crate::domain::phase::Phase;
use crate::domain::planner::{plan, starting_dose, PlannedExercise, PlannedSession};
use crate::domain::prescription::SetTarget;
use crate::domain::profile::OwnExercise;
use crate::domain::session::{session_label, tempo_at, tempo_parts, TempoPart, WarmUp};
use crate::domain::units::{Grams, Units};
use crate::platform::clock;
use crate::storage::records::{StoredSession, StoredSet};
use leptos::prelude::*;
use leptos_router::components::A;

/// Seconds to get into position before a timed hold starts.
const GET_READY_S: i64 = 5;

#[derive(Clone, Copy)]
enum HoldPhase {
    GetReady(i64),
    Hold(i64),
    Done(SetTarget),
}

fn unit_label(e: &Exercise) -> &'static str {
    match e.measure {
        Measure::Reps => "reps",
        Measure::Seconds => "seconds",
        Measure::Minutes => "minutes",
    }
}

#[component]
pub fn Workout() -> impl IntoView {
    let data = use_data();
    // Keyed on the open session's id, so saving a set does not rebuild the screen.
    let open = Memo::new(move |_| data.with(|l| l.open_session().cloned()).flatten());
    // Re-render only when readiness or the open session changes, not on every saved set.
    let key = Memo::new(move |_| {
        // Cheap facts only: reading the plan here would re-plan on every saved set.
        let ready = data.with(|l| l.profile.is_some());
        (ready, open.get().map(|s| s.id))
    });
    let (finished, set_finished) = signal(None::<String>);
    view! {
        <section class="screen workout" aria-labelledby="workout-title">
            <h1 id="workout-title">"Workout"</h1>
            {move || {
                let (ready, open_id) = key.get();
                // Planned here, only when the key changes: never from a memo that may lag.
                let planned = data.loaded.with_untracked(|l| {
                    let l = l.as_ref()?;
                    let p = l.profile.clone()?;
                    plan(&p, &l.safety, &l.history, clock::today()).ok().map(|plan| (plan, p))
                });
                let Some((plan, profile)) = planned else {
                    // Until a plan exists, re-render on any change of the data.
                    data.loaded.track();
                    return match ready {
                        None => view! { <p class="muted">"Loading…"</p> }.into_any(),
                        Some(_) => view! {
                            <p>"Your plan is not ready. "<A href="/">"Back to Today"</A></p>
                        }
                        .into_any(),
                    };
                };
                match open_id {
                    Some(_) => {
                        let session = open.get_untracked();
                        let planned = session.as_ref().and_then(|o| plan.sessions.iter().find(|s| s.slot == o.slot).cloned());
                        match (session, planned) {
                            (Some(session), Some(p)) => view! {
                                <ActiveSession session=session planned=p own=plan.own.clone() equipment=profile.equipment.clone() units=profile.units phase=plan.phase on_finish=set_finished/>
                            }.into_any(),
                            _ => view! { <p>"This session is not in this week's plan any more."</p> }.into_any(),
                        }
                    }
                    None => {
                        if let Some(summary) = finished.get() {
                            let changes = data.loaded.with_untracked(|l| {
                                l.as_ref().map(|l| what_changes_next(&profile, &l.safety, &l.history, clock::today()))
                            }).unwrap_or_default();
                            return view! {
                                <article class="card" role="region" aria-label="Session summary">
                                    <h2>"Session saved"</h2>
                                    <p>{summary}</p>
                                    <NextTime changes=changes units=profile.units/>
                                    <p>"Tomorrow, Today asks how your back feels. That answer decides next week's dose."</p>
                                    <A href="/" attr:class="button primary">"Back to Today"</A>
                                </article>
                            }.into_any();
                        }
                        let next = plan.session_on(clock::today()).or(plan.next_session()).cloned();
                        match next {
                            Some(s) => {
                                let start = move |_| {
                                    let now = clock::now_ms();
                                    let day = clock::local_date_of(now);
                                    let stored = StoredSession { id: format!("{day}-{}-{now}", s.slot), day, slot: s.slot, started_ms: now, finished: false, response: None };
                                    leptos::task::spawn_local(async move {
                                        let _ = data.write(|db| async move { db.save_session(&stored).await }).await;
                                    });
                                };
                                view! {
                                    <article class="card">
                                        <h2>{format!("Session {}", session_label(s.slot))}</h2>
                                        <p>{format!("{} exercises, warm-up first. Each set is ready to confirm with one tap.", s.exercises.len())}</p>
                                        <button class="primary" on:click=start>"Start session"</button>
                                    </article>
                                }.into_any()
                            }
                            None => view! { <p>"No session left this week. "<A href="/">"Back to Today"</A></p> }.into_any(),
                        }
                    }
                }
            }}
        </section>
    }
}

#[component]
fn ActiveSession(
    session: StoredSession,
    planned: PlannedSession,
    own: Vec<OwnExercise>,
    equipment: EquipmentSet,
    units: Units,
    phase: Phase,
    on_finish: WriteSignal<Option<String>>,
) -> impl IntoView {
    let data = use_data();
    let sets = Memo::new({
        let id = session.id.clone();
        move |_| {
            data.with(|l| l.sets_of(&id).into_iter().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        }
    });
    // The screen stays on for the whole session.
    let wake = StoredValue::new_local(Some(crate::platform::wake_lock::ScreenWake::start()));
    on_cleanup(move || wake.update_value(|w| drop(w.take())));
    let now = RwSignal::new(clock::now_ms());
    let _tick = set_interval_with_handle(
        move || now.set(clock::now_ms()),
        std::time::Duration::from_millis(1000),
    )
    .ok();
    let rests: Vec<(String, u16)> = planned
        .exercises
        .iter()
        .map(|e| (e.exercise.id.to_string(), e.prescription.rest_seconds))
        .collect();
    let rest_left = move || {
        let last = sets.get().into_iter().max_by_key(|s| s.logged_ms)?;
        let rest = rests
            .iter()
            .find(|(id, _)| *id == last.set.exercise)
            .map_or(60, |(_, r)| *r);
        let left = (last.logged_ms + i64::from(rest) * 1000 - now.get()) / 1000;
        (left > 0).then_some(left)
    };
    // A buzz when a rest ends.
    let resting = StoredValue::new(false);
    let rest_check = rest_left.clone();
    Effect::new(move |_| {
        let now_resting = rest_check().is_some();
        if resting.get_value() && !now_resting {
            crate::platform::wake_lock::vibrate(300);
            if sound_on() {
                crate::platform::sound::beep(300);
            }
        }
        resting.set_value(now_resting);
    });
    let finish = {
        let session = session.clone();
        move |_| {
            let done = StoredSession {
                finished: true,
                ..session.clone()
            };
            let logged = sets.get_untracked();
            let worst = logged
                .iter()
                .filter_map(|s| s.set.pain)
                .map(|p| p.value())
                .max()
                .unwrap_or(0);
            let summary = format!(
                "{} sets logged. Highest pain: {} out of 10.",
                logged.iter().filter(|s| s.set.amount > 0).count(),
                worst
            );
            leptos::task::spawn_local(async move {
                if data
                    .write(|db| async move { db.save_session(&done).await })
                    .await
                    .is_ok()
                {
                    on_finish.set(Some(summary));
                }
            });
        }
    };
    view! {
        <p class="phase-line">{format!("Session {} · started {}", session_label(planned.slot), super::dates::long_date(session.day))}</p>
        {move || rest_left().map(|s| view! {
            <p class="rest" role="timer" aria-live="off">{format!("Rest {}:{:02}", s / 60, s % 60)}</p>
        })}
        <details class="card warmup">
            <summary><span>"Warm-up, about 10 minutes"</span></summary>
            <ol>
                {planned.warm_up.iter().cloned().map(|w| view! { <WarmUpStepView step=w now=now/> }).collect_view()}
            </ol>
        </details>
        {planned.exercises.iter().cloned().enumerate().map(|(i, pe)| view! {
            <Block index=i planned=pe session=session.clone() sets=sets equipment=equipment.clone() units=units phase=phase/>
        }).collect_view()}
        {own.into_iter().map(|o| view! { <OwnBlock own=o session=session.clone() sets=sets units=units/> }).collect_view()}
        <button class="primary finish" on:click=finish>"Finish session"</button>
    }
}

/// The remaining targets of a block, from the plan and what was logged: a swap (pain 5+
/// on the planned exercise) and a lighter load chosen for pain 3–4 carry on after a reload.
fn current_state(
    pe: &PlannedExercise,
    logged: &[StoredSet],
    owned: &EquipmentSet,
    phase: Phase,
) -> (&'static Exercise, Vec<SetTarget>, bool) {
    let stopped = logged
        .iter()
        .any(|s| s.set.exercise == pe.exercise.id && s.set.pain.is_some_and(|p| p.value() >= 5));
    let (current, mut targets) = if stopped {
        match easier_variation(pe.exercise, owned) {
            Some(e) => (e, starting_dose(e, owned, phase).sets),
            None => return (pe.exercise, Vec::new(), true),
        }
    } else {
        (pe.exercise, pe.prescription.sets.clone())
    };
    // Keep a lighter choice made during the session for the sets still to come.
    if let Some(last) = logged
        .iter()
        .filter(|s| s.set.exercise == current.id && s.set.amount > 0)
        .max_by_key(|s| s.index)
    {
        for t in &mut targets {
            t.load = t.load.min(last.set.load);
        }
    }
    (current, targets, false)
}

#[component]
fn Block(
    index: usize,
    planned: PlannedExercise,
    session: StoredSession,
    sets: Memo<Vec<StoredSet>>,
    equipment: EquipmentSet,
    units: Units,
    phase: Phase,
) -> impl IntoView {
    let data = use_data();
    let pe = planned.clone();
    let owned = equipment.clone();
    let mine = Memo::new({
        let pe = pe.clone();
        move |_| {
            let all = sets.get();
            let swapped: Vec<&str> = easier_variation(
                pe.exercise,
                &EquipmentSet {
                    bands: true,
                    ..Default::default()
                },
            )
            .into_iter()
            .map(|e| e.id)
            .collect();
            all.into_iter()
                .filter(|s| {
                    s.set.exercise == pe.exercise.id
                        || swapped.contains(&s.set.exercise.as_str())
                        || exercise(&s.set.exercise).is_some_and(|e| e.ladder == pe.exercise.ladder)
                })
                .collect::<Vec<_>>()
        }
    });
    let state = Memo::new({
        let pe = pe.clone();
        let owned = owned.clone();
        move |_| current_state(&pe, &mine.get(), &owned, phase)
    });
    let done_count = move || {
        mine.get()
            .iter()
            .filter(|s| s.set.exercise == state.get().0.id && s.set.amount > 0)
            .count()
    };
    // Edits to the next set (steppers); reset after each logged set.
    let edit = RwSignal::new(None::<SetTarget>);
    let pain = RwSignal::new(None::<u8>);
    let effort = RwSignal::new(None::<u8>);
    let proposal = RwSignal::new(None::<PainAction>);
    let mods = RwSignal::new(0usize);
    let (saving, set_saving) = signal(false);
    let next_target = move || {
        let (_, targets, _) = state.get();
        edit.get().or_else(|| targets.get(done_count()).copied())
    };
    let total = move || state.get().1.len();

    let log = {
        let session = session.clone();
        move |target: SetTarget| {
            crate::platform::sound::unlock();
            let (current, _, _) = state.get_untracked();
            let stored = new_set(
                &session,
                &sets.get_untracked(),
                SetTarget {
                    amount: target.amount,
                    load: target.load,
                },
                current.id.to_string(),
                (pain.get_untracked(), effort.get_untracked()),
            );
            set_saving.set(true);
            leptos::task::spawn_local(async move {
                let _ = data.save_set(stored).await;
                edit.set(None);
                set_saving.set(false);
            });
        }
    };
    let log_next = {
        let log = log.clone();
        move |_| {
            if let Some(t) = next_target() {
                log(t);
            }
        }
    };
    // Timed holds: 5 s to get ready, then the hold; at zero it buzzes and logs the set.
    let hold_started = RwSignal::new(None::<(i64, SetTarget)>);
    let tick = RwSignal::new(clock::now_ms());
    let _hold_tick = set_interval_with_handle(
        move || tick.set(clock::now_ms()),
        std::time::Duration::from_millis(250),
    )
    .ok();
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
    let finish_hold = log.clone();
    Effect::new(move |_| {
        if let Some(HoldPhase::Done(target)) = hold_phase() {
            hold_started.set(None);
            crate::platform::wake_lock::vibrate(400);
            if sound_on() {
                crate::platform::sound::beep(250);
            }
            finish_hold(target);
        }
    });
    let start_hold = move |_| {
        crate::platform::sound::unlock();
        if let Some(t) = next_target() {
            hold_started.set(Some((clock::now_ms(), t)));
        }
    };
    let choose_pain = {
        let owned = owned.clone();
        let log = log.clone();
        move |p: u8| {
            pain.set(Some(p));
            let (current, _, _) = state.get_untracked();
            let target = next_target().unwrap_or(SetTarget {
                amount: 0,
                load: Grams::ZERO,
            });
            let action = pain_rule_during_exercise(
                Pain::clamped(p),
                current,
                target,
                &owned,
                mods.get_untracked(),
            );
            if matches!(action, PainAction::StopAndSwap(_)) {
                // Record the stop, so the plan steps this movement down from now on.
                log(SetTarget {
                    amount: 0,
                    load: target.load,
                });
            }
            proposal.set(Some(action));
        }
    };
    let apply = move |m: Modification| {
        if let Some(t) = next_target() {
            edit.set(Some(m.apply(t)));
        }
        mods.update(|n| *n += 1);
        proposal.set(None);
    };
    let step_amount = move |d: i32| {
        if let Some(t) = next_target() {
            let amount = (i32::from(t.amount) + d).clamp(1, 999) as u16;
            edit.set(Some(SetTarget { amount, ..t }));
        }
    };
    // A Copy handle, so the stepper's closure can be re-created on every render.
    let owned_load = StoredValue::new(owned.clone());
    let step_load = move |up: bool| {
        let (current, _, _) = state.get_untracked();
        let Some(t) = next_target() else { return };
        let load = owned_load.with_value(|o| {
            let eq = current.equipment_for(o).filter(|e| e.is_loadable())?;
            Some(if up {
                o.next_up(eq, t.load).unwrap_or(t.load)
            } else {
                o.loads(eq)
                    .into_iter()
                    .rev()
                    .find(|g| *g < t.load)
                    .unwrap_or(t.load)
            })
        });
        if let Some(load) = load {
            edit.set(Some(SetTarget { load, ..t }));
        }
    };
    let heading_id = format!("ex-{index}");
    let labelled_by = heading_id.clone();
    view! {
        <article class="card block" aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || state.get().0.name}</h2>
            {move || {
                let (current, _, _) = state.get();
                (current.id != pe.exercise.id).then(|| view! { <p class="notice">{format!("Swapped in for {} because of pain.", pe.exercise.name)}</p> })
            }}
            <p class="muted">{move || {
                let (c, _, _) = state.get();
                let tempo = if c.tempo.is_empty() { String::new() } else { format!("Tempo {} (down, pause, up). ", c.tempo) };
                format!("{tempo}{}", c.cues.first().copied().unwrap_or(""))
            }}</p>
            <p class="reason">{planned.reason.explain(units)}</p>
            {move || tempo_parts(state.get().0.tempo).map(|parts| view! { <TempoGuide parts=parts/> })}
            <ol class="sets">
                {move || mine.get().into_iter().filter(|s| s.set.amount > 0).map(|s| {
                    let e = exercise(&s.set.exercise);
                    let load = if s.set.load.is_zero() { String::new() } else { format!(" @ {}", units.format(s.set.load)) };
                    view! { <li class="saved">{format!("{} {}{load}", s.set.amount, e.map_or("reps", unit_label))}<span class="tick">" ✓ Saved"</span></li> }
                }).collect_view()}
            </ol>
            {move || {
                let (current, _, ended) = state.get();
                if ended {
                    return view! { <p class="notice">"Stopped for today: this is already the gentlest version. Walk and move gently instead."</p> }.into_any();
                }
                match next_target() {
                    Some(t) if done_count() < total() => {
                        let loaded = current.equipment_for(&owned).is_some_and(|e| e.is_loadable());
                        let timed = current.measure == Measure::Seconds;
                        let label = format!("Log set {} of {}: {} {}{}", done_count() + 1, total(), t.amount, unit_label(current),
                            if loaded { format!(" at {}", units.format(t.load)) } else { String::new() });
                        view! {
                            <div class="next-set">
                                <div class="stepper" role="group" aria-label=format!("{} for the next set", unit_label(current))>
                                    <button aria-label="One less" on:click=move |_| step_amount(-1)>"−"</button>
                                    <span class="value">{format!("{} {}", t.amount, unit_label(current))}</span>
                                    <button aria-label="One more" on:click=move |_| step_amount(1)>"+"</button>
                                </div>
                                <Show when=move || loaded>
                                    <div class="stepper" role="group" aria-label="Load for the next set">
                                        <button aria-label="Lighter" on:click=move |_| step_load(false)>"−"</button>
                                        <span class="value">{units.format(t.load)}</span>
                                        <button aria-label="Heavier" on:click=move |_| step_load(true)>"+"</button>
                                    </div>
                                </Show>
                                <Show when=move || timed>
                                    <button class="hold" on:click=start_hold disabled=move || hold_started.get().is_some()>
                                        {move || match hold_phase() {
                                            Some(HoldPhase::GetReady(s)) => format!("Get ready… {s}"),
                                            Some(HoldPhase::Hold(s)) => format!("Hold! {s} s"),
                                            _ => format!("Start the {} s hold", t.amount),
                                        }}
                                    </button>
                                </Show>
                                <button class="primary log" disabled=saving aria-label=label on:click=log_next.clone()>
                                    {move || if saving.get() { "Saving…" } else { "Done" }}
                                </button>
                            </div>
                        }.into_any()
                    }
                    _ => view! { <p class="complete">"All sets done."</p> }.into_any(),
                }
            }}
            <Effort effort=effort/>
            <fieldset class="pain">
                <legend>"Pain during this exercise (0–10)"</legend>
                <div class="pain-grid">
                    {(0u8..=10).map(|p| {
                        let choose = choose_pain.clone();
                        view! {
                            <button aria-pressed=move || (pain.get() == Some(p)).to_string() class=format!("p{p}") on:click=move |_| choose(p)>{p.to_string()}</button>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            {move || proposal.get().map(|a| match a {
                PainAction::Continue => view! { <p class="go-note">"Carry on as planned."</p> }.into_any(),
                PainAction::Modify(m) => {
                    let text = match &m {
                        Modification::LessLoad { from, to } => format!("Pain 3–4: go lighter, {} instead of {}.", units.format(*to), units.format(*from)),
                        Modification::ShorterHold { from, to } => format!("Pain 3–4: hold for {to} s instead of {from} s."),
                        Modification::ShorterRange { how } => format!("Pain 3–4: shorten the range. {how}."),
                        Modification::SlowerTempo { tempo } => format!("Pain 3–4: slow down to a {tempo} tempo."),
                    };
                    view! {
                        <div class="modify-note" role="region" aria-label="Change for pain">
                            <p>{text}</p>
                            <button class="primary" on:click=move |_| apply(m.clone())>"Apply to the remaining sets"</button>
                        </div>
                    }.into_any()
                }
                PainAction::StopAndSwap(Some(e)) => view! {
                    <div class="stop-note" role="region" aria-label="Stop for pain">
                        <p>{format!("Pain 5 or more: stop this movement. Switched to {}, an easier version of the same pattern.", e.name)}</p>
                    </div>
                }.into_any(),
                PainAction::StopAndSwap(None) => view! {
                    <div class="stop-note" role="region" aria-label="Stop for pain">
                        <p>"Pain 5 or more: stop this movement for today. It is already the gentlest version."</p>
                    </div>
                }.into_any(),
            })}
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
                    {format!("{} → {}. ", dose_words(&c.before.sets, c.from.measure, units), dose_words(&c.after.sets, c.to.measure, units))}
                    <span class="reason">{c.reason.explain(units)}</span>
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
    use_context::<super::app::PrefsCtx>()
        .is_none_or(|super::app::PrefsCtx(p)| p.get_untracked().sound)
}

/// One warm-up step with its own timer, counted from its start time so a throttled tab
/// or a locked screen does not slow it down.
#[component]
fn WarmUpStepView(step: WarmUp, now: RwSignal<i64>) -> impl IntoView {
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
            <ul class="plain">{step.drills.iter().map(|(e, n)| view! { <li><span>{e.name}</span><span class="dose">{format!("{n} {}", unit_label(e))}</span></li> }).collect_view()}</ul>
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
fn TempoGuide(parts: Vec<(TempoPart, u8)>) -> impl IntoView {
    let started = RwSignal::new(None::<i64>);
    let now = RwSignal::new(clock::now_ms());
    let ticker = StoredValue::new_local(None::<leptos::prelude::IntervalHandle>);
    let stop = move || {
        if let Some(h) = ticker.get_value() {
            h.clear();
        }
        ticker.set_value(None);
        started.set(None);
    };
    on_cleanup(stop);
    let toggle = move |_| {
        if started.get_untracked().is_some() {
            stop();
        } else {
            started.set(Some(clock::now_ms()));
            now.set(clock::now_ms());
            ticker.set_value(
                set_interval_with_handle(
                    move || now.set(clock::now_ms()),
                    std::time::Duration::from_millis(100),
                )
                .ok(),
            );
        }
    };
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
        <div class="tempo">
            <button class="ghost" aria-pressed=move || started.get().is_some().to_string() on:click=toggle>
                {move || if started.get().is_some() { "Stop tempo guide" } else { "Tempo guide" }}
            </button>
            {move || at().map(|(part, left)| view! {
                <p class=format!("tempo-now {}", part.label().to_lowercase()) aria-live="off">{format!("{} {left}", part.label())}</p>
            })}
        </div>
    }
}

/// An exercise the user added: logged like the others, one tap a set, with the pain rule
/// answered live. It is not progressed by the app; the user sets its dose on Plan.
#[component]
fn OwnBlock(
    own: OwnExercise,
    session: StoredSession,
    sets: Memo<Vec<StoredSet>>,
    units: Units,
) -> impl IntoView {
    let data = use_data();
    let id = own.log_id();
    let mine = Memo::new({
        let id = id.clone();
        move |_| {
            sets.get()
                .into_iter()
                .filter(|s| s.set.exercise == id)
                .collect::<Vec<_>>()
        }
    });
    let pain = RwSignal::new(None::<u8>);
    let effort = RwSignal::new(None::<u8>);
    let (saving, set_saving) = signal(false);
    let unit = own.measure.short();
    let stopped = move || pain.get().and_then(Pain::new).map(pain_band) == Some(PainBand::Stop);
    let target = move || (mine.get().len() < usize::from(own.sets)).then_some(mine.get().len() + 1);
    let log = {
        let id = id.clone();
        move |_| {
            crate::platform::sound::unlock();
            let stored = new_set(
                &session,
                &sets.get_untracked(),
                SetTarget {
                    amount: own.amount,
                    load: own.load,
                },
                id.clone(),
                (pain.get_untracked(), effort.get_untracked()),
            );
            set_saving.set(true);
            leptos::task::spawn_local(async move {
                let _ = data.save_set(stored).await;
                set_saving.set(false);
            });
        }
    };
    let dose = own_dose(&own, units);
    let name = own.name.clone();
    let label = own.name.clone();
    view! {
        <article class="card block own" aria-label=label>
            <h2>{name}</h2>
            <p class="muted">{format!("Your own exercise · {} · {dose}", own.pattern.label())}</p>
            <ol class="sets">
                {move || mine.get().into_iter().map(|s| view! {
                    <li class="saved">{format!("{} {unit}", s.set.amount)}<span class="tick">" ✓ Saved"</span></li>
                }).collect_view()}
            </ol>
            {move || match (target(), stopped()) {
                (_, true) => view! {
                    <div class="stop-note" role="region" aria-label="Stop for pain">
                        <p>"Pain 5 or more: stop this one for today. If it keeps happening, leave it out and ask your physio about it."</p>
                    </div>
                }.into_any(),
                (Some(n), false) => view! {
                    <button class="primary log" disabled=saving aria-label=format!("Log set {n} of {}", own.sets) on:click=log.clone()>
                        {move || if saving.get() { "Saving…" } else { "Done" }}
                    </button>
                }.into_any(),
                (None, false) => view! { <p class="complete">"All sets done."</p> }.into_any(),
            }}
            <Effort effort=effort/>
            <fieldset class="pain">
                <legend>"Pain during this exercise (0–10)"</legend>
                <div class="pain-grid">
                    {(0u8..=10).map(|p| view! {
                        <button aria-pressed=move || (pain.get() == Some(p)).to_string() class=format!("p{p}") on:click=move |_| pain.set(Some(p))>{p.to_string()}</button>
                    }).collect_view()}
                </div>
            </fieldset>
            {move || match pain.get().and_then(Pain::new).map(pain_band) {
                Some(PainBand::Modify) => view! { <p class="modify-note">"Pain 3–4: make the remaining sets easier: lighter, a shorter range or slower."</p> }.into_any(),
                Some(PainBand::Go) => view! { <p class="go-note">"Carry on as planned."</p> }.into_any(),
                _ => ().into_any(),
            }}
        </article>
    }
}

/// A set to store now, after the session's sets so far. The training day is the day the
/// session began, even after midnight; the nonce keeps two tabs logging in the same
/// millisecond apart.
fn new_set(
    session: &StoredSession,
    so_far: &[StoredSet],
    done: SetTarget,
    exercise: String,
    (pain, effort): (Option<u8>, Option<u8>),
) -> StoredSet {
    StoredSet {
        session: session.id.clone(),
        day: session.day,
        index: so_far.iter().map(|s| s.index + 1).max().unwrap_or(0),
        set: SetLog {
            exercise,
            amount: done.amount,
            load: done.load,
            rpe: effort.filter(|r| (1..=10).contains(r)),
            pain: pain.and_then(Pain::new),
        },
        logged_ms: clock::now_ms(),
        nonce: (js_sys::Math::random() * f64::from(u32::MAX)) as u32,
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
