//! One exercise of the session: folded to a line when it is not the one in hand, open
//! with its sets, its pain fold and its swaps when it is.

use super::*;

/// One exercise of the session: open and large while it is the one in focus, else folded
/// to a line that says where it stands and opens it with a tap.
#[component]
pub(super) fn BlockView(
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
pub(super) fn folded_line(
    b: &Block,
    units: Units,
) -> ((&'static str, &'static str), String, String) {
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
pub(super) fn OpenBlock(
    live: Live,
    units: Units,
    block: Memo<Block>,
    heading_id: String,
) -> impl IntoView {
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
                (None, Some(e)) => view! { <crate::ui::figure::ExerciseFigure exercise=e with=Some(eq)/> }.into_any(),
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
                    <crate::ui::widgets::InView>
                        <div class="modify-note" role="region" aria-label="Change for pain">
                            <p>{text}</p>
                            <div class="row">
                                <button class="primary" on:click=move |_| accept(m.clone())>"Apply to the remaining sets"</button>
                                <button class="ghost" on:click=decline>"Keep it as it is"</button>
                            </div>
                        </div>
                    </crate::ui::widgets::InView>
                }.into_any(),
                (action, _) => view! { <crate::ui::widgets::InView><SaidNote pain=pain action=action text=text/></crate::ui::widgets::InView> }.into_any(),
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
pub(super) fn unfold(opened: RwSignal<bool>) {
    if !opened.get_untracked() {
        opened.set(true);
    }
}

/// The name of an exercise a block served earlier.
pub(super) fn name_of(key: &str, b: &crate::domain::workout::Block) -> String {
    b.steps
        .iter()
        .find(|s| s.item.key == key)
        .map(|s| s.item.name.to_string())
        .or_else(|| exercise(key).map(|e| e.name.to_string()))
        .unwrap_or_else(|| key.to_string())
}
