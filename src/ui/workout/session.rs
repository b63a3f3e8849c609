//! A session under way: what is held of it (`Live`) and the screen that logs it.

use super::*;

/// The session model for the open session, and how to add to it.
#[derive(Clone, Copy)]
pub(super) struct Live {
    pub(super) model: RwSignal<LiveSession>,
    pub(super) plan: StoredValue<Rc<Plan>, LocalStorage>,
    pub(super) stored: StoredValue<StoredSession>,
    /// Entries are being stored: a tap on Done now is a bounce.
    pub(super) saving: StoredValue<bool>,
    /// How many of the session's stored entries the model has taken in.
    pub(super) applied: StoredValue<usize>,
}

impl Live {
    /// Stores entries in order and applies each to the session model once it is on disk.
    pub(super) fn log(self, entries: Vec<Entry>) {
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

    /// Entries saved by another tab (or restored) arrive by a reload of the data: the model
    /// is then rebuilt from storage, as after a restart.
    fn follow_reloads(self, data: crate::ui::data::DataCtx) {
        let live = self;
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
    }

    /// Seconds of rest left after the last set, counted from its stored time (a reload
    /// keeps it), at `now` (ms).
    fn rest_left(self, data: crate::ui::data::DataCtx, now: i64) -> Option<i64> {
        let live = self;
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
        let left = (at + i64::from(rest) * 1000 - now) / 1000;
        (left > 0).then_some(left)
    }

    /// What the summary says of the session as it stands.
    fn summary(self) -> Finished {
        self.model.with(|m| Finished {
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
        })
    }
}

#[component]
pub(super) fn ActiveSession(
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
    live.follow_reloads(data);
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
    let rest_left = move || live.rest_left(data, now.get());
    let resting = StoredValue::new(false);
    Effect::new(move |_| {
        let now_resting = rest_left().is_some();
        if resting.get_value() && !now_resting {
            crate::platform::wake_lock::vibrate(300);
            if sound_on() {
                crate::platform::sound::beep(300);
            }
            cue("Rest over.");
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
        let summary = live.summary();
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
    let ramp = ramp_up_rows(&planned, &plan, units);
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
        <CuesSwitch/>
        <details class="card warmup">
            <summary><span>"Warm-up, about 10 minutes"</span></summary>
            <ol>
                {planned.warm_up.iter().cloned().map(|w| {
                    let ramp = (w.step == WarmUpStep::RampUp).then(|| ramp.clone()).flatten();
                    view! { <WarmUpStepView step=w now=now ramp=ramp/> }
                }).collect_view()}
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

/// The ramp-up sets into the first loaded lift, in words, with what goes on the bar.
fn ramp_up_rows(planned: &PlannedSession, plan: &Plan, units: Units) -> Option<RampUp> {
    let e = planned.exercises.iter().find(|e| !e.ramp_up.is_empty())?;
    let barbell = (e.prescription.equipment == crate::domain::equipment::Equipment::Barbell)
        .then_some(plan.equipment.barbell.as_ref())
        .flatten();
    Some(RampUp {
        name: e.exercise.name,
        rows: ramp_words(&e.ramp_up, e.exercise.measure, barbell, units),
    })
}

pub(super) fn stored_id(live: Live) -> String {
    live.stored.with_value(|s| s.id.clone())
}
