//! The exercise in focus: what to do, the sets so far, one big button for the next set,
//! a row to log it with the pain it caused, what the rule said, and the rest folded one tap
//! away. Its parts share one `Controls`: the signals of the open exercise and what a tap
//! does with them.

use super::*;
use crate::domain::equipment::EquipmentSet;

/// The open exercise's state and actions, shared by its parts (all of it `Copy`).
#[derive(Clone, Copy)]
pub(super) struct Controls {
    live: Live,
    block: Memo<Block>,
    units: Units,
    /// An edit to the next set (steppers); once logged, the session model carries it on.
    edit: RwSignal<Option<SetTarget>>,
    effort: RwSignal<Option<u8>>,
    owned: StoredValue<EquipmentSet>,
    /// A timed hold under way: when it started and the set it is for.
    hold_started: RwSignal<Option<(i64, SetTarget)>>,
    tick: RwSignal<i64>,
    ticker: crate::platform::interval::Interval,
}

impl Controls {
    fn new(live: Live, block: Memo<Block>, units: Units) -> Self {
        let tick = RwSignal::new(clock::now_ms());
        let ticker = use_interval_fn(
            move || {
                tick.try_set(clock::now_ms());
            },
            Duration::from_millis(250),
            false,
        );
        Controls {
            live,
            block,
            units,
            edit: RwSignal::new(None),
            effort: RwSignal::new(None),
            owned: StoredValue::new(live.plan.with_value(|p| p.equipment.clone())),
            hold_started: RwSignal::new(None),
            tick,
            ticker,
        }
    }

    fn key(self) -> String {
        self.block.with(|b| b.current().item.key.to_string())
    }

    fn next_target(self) -> Option<SetTarget> {
        self.edit
            .get()
            .or_else(|| self.block.with(|b| b.next_set()))
    }

    fn set_of(self, t: SetTarget) -> Entry {
        Entry::Set(SetLog {
            exercise: self.key(),
            amount: t.amount,
            load: t.load,
            rpe: self.effort.get_untracked().filter(|r| (1..=10).contains(r)),
            pain: None,
        })
    }

    fn log_set(self, t: SetTarget) {
        crate::platform::sound::unlock();
        tapped();
        self.edit.set(None);
        self.live.log(vec![self.set_of(t)]);
    }

    /// A tap while the last one is being stored is a bounce, not a new set. Checked at the
    /// tap: a `disabled` attribute would come a render too late for a bounce, and toggling
    /// it on every set cost the write a frame.
    fn busy(self) -> bool {
        self.live.saving.get_value()
    }

    fn log_next(self) {
        if self.busy() {
            return;
        }
        if let Some(t) = self.next_target() {
            self.log_set(t);
        }
    }

    /// One tap: the set is done and it hurt this much.
    fn log_hurt(self, p: u8) {
        if self.busy() {
            return;
        }
        crate::platform::sound::unlock();
        tapped();
        let Some(t) = self.next_target() else { return };
        self.edit.set(None);
        self.live.log(vec![
            self.set_of(t),
            Entry::Pain {
                exercise: self.key(),
                pain: Pain::clamped(p),
            },
        ]);
    }

    /// Never held back while a set is stored: a pain report is never dropped, and a
    /// second copy of the same report changes nothing.
    fn report(self, p: u8) {
        crate::platform::sound::unlock();
        tapped();
        self.live.log(vec![Entry::Pain {
            exercise: self.key(),
            pain: Pain::clamped(p),
        }]);
    }

    fn accept(self, m: Modification) {
        self.edit.set(None);
        self.live.log(vec![Entry::Accept {
            exercise: self.key(),
            change: m,
        }]);
    }

    fn decline(self) {
        self.live.log(vec![Entry::Decline {
            exercise: self.key(),
        }]);
    }

    fn step_amount(self, d: i32) {
        if let Some(t) = self.next_target() {
            let amount = (i32::from(t.amount) + d).clamp(1, 999) as u16;
            self.edit.set(Some(SetTarget { amount, ..t }));
        }
    }

    fn step_load(self, up: bool) {
        let Some(t) = self.next_target() else { return };
        let eq = self.block.with(|b| b.current().item.equipment);
        if !eq.is_loadable() {
            return;
        }
        let load = self.owned.with_value(|o| {
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
        self.edit.set(Some(SetTarget { load, ..t }));
    }

    /// What goes on the bar for `load`, when this block's exercise is on a barbell.
    fn bar(self, load: crate::domain::units::Grams) -> Option<String> {
        let eq = self.block.with(|b| b.current().item.equipment);
        if eq != crate::domain::equipment::Equipment::Barbell {
            return None;
        }
        self.owned
            .with_value(|o| bar_words(o.barbell.as_ref()?, load, self.units))
    }

    /// Where a timed hold stands: 5 s to get ready, then the hold, then done.
    fn hold_phase(self) -> Option<HoldPhase> {
        let (t0, target) = self.hold_started.get()?;
        let elapsed = (self.tick.get() - t0) / 1000;
        Some(if elapsed < GET_READY_S {
            HoldPhase::GetReady(GET_READY_S - elapsed)
        } else if elapsed < GET_READY_S + i64::from(target.amount) {
            HoldPhase::Hold(GET_READY_S + i64::from(target.amount) - elapsed)
        } else {
            HoldPhase::Done(target)
        })
    }

    fn start_hold(self) {
        crate::platform::sound::unlock();
        tapped();
        if let Some(t) = self.next_target() {
            let now = clock::now_ms();
            self.tick.set(now);
            self.hold_started.set(Some((now, t)));
            self.ticker.resume();
        }
    }

    /// At zero a hold buzzes and logs its set.
    fn finish_holds(self) {
        Effect::new(move |_| {
            if let Some(HoldPhase::Done(target)) = self.hold_phase() {
                self.hold_started.set(None);
                self.ticker.pause();
                crate::platform::wake_lock::vibrate(400);
                if sound_on() {
                    crate::platform::sound::beep(250);
                }
                self.log_set(target);
            }
        });
    }

    fn active(self) -> bool {
        self.block.with(|b| b.state() == BlockState::Active)
    }
}

#[component]
pub(super) fn OpenBlock(
    live: Live,
    units: Units,
    block: Memo<Block>,
    heading_id: String,
) -> impl IntoView {
    let c = Controls::new(live, block, units);
    c.finish_holds();
    // What the next-set controls are built for: they change with it, and only then.
    let next_state = Memo::new(move |_| (block.with(|b| b.state()), c.next_target().is_some()));
    // What the folded extras depend on: they stay open across logged sets.
    let shown_step = Memo::new(move |_| (c.active(), c.key()));
    view! {
        <BlockHead c=c heading_id=heading_id/>
        <SavedSets c=c/>
        {move || {
            // Built again only when the block's state changes, not after every set: the
            // figures of the next set below follow the block on their own.
            match next_state.get() {
                (BlockState::Ended(Ended::Stopped(p)), _) => view! { <p class="notice">{format!("Stopped for today (pain {}).", p.value())}</p> }.into_any(),
                (BlockState::Ended(Ended::Paused(p)), _) => view! { <p class="notice">{format!("Stopped and paused in your plan (pain {}).", p.value())}</p> }.into_any(),
                (BlockState::Done, _) => view! { <p class="complete">"All sets done."</p> }.into_any(),
                (BlockState::Active, false) => ().into_any(),
                (BlockState::Active, true) => view! { <NextSet c=c/> }.into_any(),
            }
        }}
        <RuleSaid c=c/>
        <SetsToCome c=c/>
        {move || if shown_step.get().0 {
            view! { <MoreFold c=c/> }.into_any()
        } else {
            // Done or stopped: pain that comes on afterwards is still one tap away.
            view! { <PainGrid c=c/> }.into_any()
        }}
    }
}

/// The exercise's name, why it is here, whose it is, how to do it and its moving figure.
#[component]
fn BlockHead(c: Controls, heading_id: String) -> impl IntoView {
    let (live, block) = (c.live, c.block);
    let careful_own = move || {
        let k = c.key();
        live.plan.with_value(|plan| {
            plan.own
                .iter()
                .find(|o| o.own.log_id() == k && o.careful_for_now)
                .map(|o| (o.own.careful, o.alternative.map(|a| a.name)))
        })
    };
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
    let sets_done = Memo::new(move |_| block.with(|b| b.current().sets_done()));
    let cue = Memo::new(move |_| {
        block.with(|b| {
            b.current()
                .item
                .library()
                .and_then(|e| e.cues.first().copied())
        })
    });
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
                (None, Some(e)) => view! { <crate::ui::figure::ExerciseFigure exercise=e with=Some(eq)/> }.into_any(),
                (None, None) => ().into_any(),
            }
        }}
        {move || cue.get().map(|c| view! { <p class="cue">{c}</p> })}
    }
}

/// Every set done in the block so far, each marked saved.
#[component]
fn SavedSets(c: Controls) -> impl IntoView {
    let (block, units) = (c.block, c.units);
    view! {
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
    }
}

/// The next set: its steppers, a timed hold, *Done*, and *Done, but it hurt*.
#[component]
fn NextSet(c: Controls) -> impl IntoView {
    let (block, units) = (c.block, c.units);
    let t = move || {
        c.next_target().unwrap_or(SetTarget {
            amount: 0,
            load: crate::domain::units::Grams(0),
        })
    };
    let measure = move || block.with(|b| b.current().item.measure);
    let timed = move || measure() == Measure::Seconds;
    let loadable =
        move || block.with(|b| b.current().item.equipment.is_loadable()) && !t().load.is_zero();
    let cue = move || block.with(|b| b.current().range_cue().map(str::to_string));
    let name = move || block.with(|b| b.current().item.name.clone());
    let done_label = move || {
        let (done, total) = block.with(|b| {
            let s = b.current();
            (s.sets_done(), s.sets_done() + s.remaining().len())
        });
        format!("Done · set {} of {total}", done + 1)
    };
    // The set as it will be done, accepted changes for pain included: the button's name
    // says it to a screen reader as the screen shows it.
    let what = move || {
        let (side, changes) = block.with(|b| {
            let s = b.current();
            (s.item.each_side(), changed_words(&s.accepted))
        });
        let t = t();
        let mut words = format!(
            "{}{}",
            set_words(t.amount, t.load, measure(), units),
            if side { " each side" } else { "" }
        );
        for c in changes {
            words.push_str(" · ");
            words.push_str(&c);
        }
        words
    };
    // Said once each time a set becomes the next one (not as its steppers change).
    Effect::new(move |was: Option<(String, usize)>| {
        let key = block.with(|b| (b.current().item.name.to_string(), b.current().sets_done()));
        if was.as_ref() != Some(&key) && cues_on() {
            let (done, total, changes) = block.with(|b| {
                let s = b.current();
                (
                    s.sets_done(),
                    s.sets_done() + s.remaining().len(),
                    changed_words(&s.accepted),
                )
            });
            let mut words = format!(
                "Next: {}, set {} of {total}, {}",
                key.0,
                done + 1,
                spoken_set(t(), measure(), units)
            );
            for c in changes {
                words.push_str(", ");
                words.push_str(&c);
            }
            words.push('.');
            super::spoken::cue(&words);
        }
        key
    });
    view! {
        <div class="next-set" role="group" aria-label=move || format!("Next set of {}", name())>
            {move || cue().map(|c| view! { <p class="range-cue">{format!("Shorter range: {c}")}</p> })}
            <div class="steppers">
                <div class="stepper" role="group" aria-label=move || format!("{} for the next set", unit_label(measure()))>
                    <button aria-label="One less" on:click=move |_| c.step_amount(-1)>"−"</button>
                    <span class="value">{move || format!("{} {}", t().amount, measure().short())}</span>
                    <button aria-label="One more" on:click=move |_| c.step_amount(1)>"+"</button>
                </div>
                <Show when=timed>
                    <button class="hold" on:click=move |_| c.start_hold() disabled=move || c.hold_started.get().is_some()>
                        {move || match c.hold_phase() {
                            Some(HoldPhase::GetReady(s)) => format!("Get ready… {s}"),
                            Some(HoldPhase::Hold(s)) => format!("Hold! {s} s"),
                            _ => format!("Start the {} s hold", t().amount),
                        }}
                    </button>
                </Show>
                <Show when=loadable>
                    <div class="stepper" role="group" aria-label="Load for the next set">
                        <button aria-label="Lighter" on:click=move |_| c.step_load(false)>"−"</button>
                        <span class="value">{move || units.format(t().load)}</span>
                        <button aria-label="Heavier" on:click=move |_| c.step_load(true)>"+"</button>
                    </div>
                </Show>
            </div>
            {move || c.bar(t().load).map(|w| view! { <p class="plates">{w}</p> })}
            <button class="primary log" on:click=move |_| c.log_next()>
                <span>{done_label}</span>
                <span class="sr-only">" · "</span>
                <span class="what">{what}</span>
            </button>
            <div class="hurt" role="group" aria-label="Done, but it hurt">
                <span aria-hidden="true">"Hurt?"</span>
                {(3u8..=10).map(|p| view! {
                    <button class=format!("p{p}") aria-label=format!("Done, pain {p}") on:click=move |_| c.log_hurt(p)>{p.to_string()}</button>
                }).collect_view()}
            </div>
        </div>
    }
}

/// What the pain rule said to the last report, with the change it offers for pain 3–4.
#[component]
fn RuleSaid(c: Controls) -> impl IntoView {
    move || {
        let (pain, action, proposal, text) = c.block.with(|b| said_of(b, c.units))?;
        Some(match (action, proposal) {
            (PainAction::Modify(_), Some(m)) => view! {
                <crate::ui::widgets::InView>
                    <div class="modify-note" role="region" aria-label="Change for pain">
                        <p>{text}</p>
                        <div class="row">
                            <button class="primary" on:click=move |_| c.accept(m.clone())>"Apply to the remaining sets"</button>
                            <button class="ghost" on:click=move |_| c.decline()>"Keep it as it is"</button>
                        </div>
                    </div>
                </crate::ui::widgets::InView>
            }.into_any(),
            (action, _) => view! { <crate::ui::widgets::InView><SaidNote pain=pain action=action text=text/></crate::ui::widgets::InView> }.into_any(),
        })
    }
}

/// The sets after the next one, as they will be (an applied change shows): below the next
/// set's controls, so the page reads done, now, then what is to come.
#[component]
fn SetsToCome(c: Controls) -> impl IntoView {
    move || {
        c.block.with(|b| {
            let step = b.current();
            let remaining = step.remaining();
            let later = remaining
                .get(1..)
                .filter(|l| b.ended.is_none() && !l.is_empty())?;
            let cue = step
                .range_cue()
                .map(|c| format!(" · {c}"))
                .unwrap_or_default();
            let first = step.sets_done() + 2;
            let rows = later
                .iter()
                .zip(first..)
                .map(|(t, n)| {
                    let words = set_words(t.amount, t.load, step.item.measure, c.units);
                    let bar = c.bar(t.load).map(|w| format!(" · {w}")).unwrap_or_default();
                    view! { <li class="todo">{format!("Set {n} · {words}{bar}{cue}")}</li> }
                })
                .collect_view();
            Some(view! { <ol class="sets upcoming" aria-label="Sets still to come">{rows}</ol> })
        })
    }
}

/// Pain now, effort, why this dose and a swap: folded, and built only once opened.
#[component]
fn MoreFold(c: Controls) -> impl IntoView {
    let (block, units) = (c.block, c.units);
    let name = block.with_untracked(|b| b.current().item.name.clone());
    let (reason, measure) =
        block.with_untracked(|b| (b.current().item.reason.clone(), b.current().item.measure));
    let swap_choices = move || {
        block.with(|b| {
            let item = &b.current().item;
            match (item.library(), b.state()) {
                (Some(e), BlockState::Active) => c.live.plan.with_value(|p| p.swap_choices(e)),
                _ => Vec::new(),
            }
        })
    };
    let data = use_data();
    let choose = move |to: &'static Exercise| {
        let swap = ManualSwap {
            day: clock::today(),
            at_ms: clock::now_ms(),
            from: c.key(),
            to: to.id.to_string(),
        };
        leptos::task::spawn_local(async move {
            let _ = data.save_event(Event::Swap(swap)).await;
        });
    };
    let opened = RwSignal::new(false);
    view! {
        <details class="more" on:toggle=move |_| unfold(opened)>
            <summary on:click=move |_| unfold(opened)><span>"Pain now, effort, swap"</span></summary>
            {move || opened.get().then(|| {
                let name = name.clone();
                let reason = reason.clone();
                view! {
                    <PainGrid c=c/>
                    <Effort effort=c.effort/>
                    {reason.map(|r| view! { <p class="reason">{r.explain(units, measure)}" "{crate::ui::widgets::why_link(&r)}</p> })}
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
    }
}

/// Pain right now, 0 to 10, for the exercise in hand: the last one reported shows pressed.
#[component]
fn PainGrid(c: Controls) -> impl IntoView {
    let block = c.block;
    view! {
        <fieldset class="pain">
            <legend>{format!("Pain during this exercise (0–{})", Pain::MAX)}</legend>
            <div class="pain-grid">
                {(0u8..=Pain::MAX).map(|p| {
                    let pressed = move || block.with(|b| {
                        let key = &b.current().item.key;
                        b.pains.iter().rev().find(|r| b.key_of(r) == key).map(|r| r.pain.value()) == Some(p)
                    });
                    view! {
                        <button aria-pressed=move || pressed().to_string() class=format!("p{p}") on:click=move |_| c.report(p)>{p.to_string()}</button>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
