//! What runs against the clock: warm-up steps, timed holds, the tempo guide, and the
//! effort a set felt like.

use super::*;

/// Seconds to get into position before a timed hold starts.
pub(super) const GET_READY_S: i64 = 5;

#[derive(Clone, Copy)]
pub(super) enum HoldPhase {
    GetReady(i64),
    Hold(i64),
    Done(SetTarget),
}

/// Whether the user wants a beep when a rest or timer ends (Settings).
pub(super) fn sound_on() -> bool {
    use_context::<crate::ui::context::PrefsCtx>()
        .is_none_or(|crate::ui::context::PrefsCtx(p)| p.get_untracked().sound)
}

/// The ramp-up sets of the warm-up's last step: the lift they lead into and each set.
#[derive(Clone)]
pub(super) struct RampUp {
    pub name: &'static str,
    pub rows: Vec<String>,
}

/// One warm-up step with its own timer, counted from its start time so a throttled tab
/// or a locked screen does not slow it down.
#[component]
pub(super) fn WarmUpStepView(
    step: WarmUp,
    now: ReadSignal<i64>,
    ramp: Option<RampUp>,
) -> impl IntoView {
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
                            {move || opened.get().then(|| view! { <crate::ui::figure::ExerciseFigure exercise=e/> })}
                        </details>
                    </li>
                }
            }).collect_view()}</ul>
            {ramp.map(|r| view! {
                <ol class="plain ramp" aria-label=format!("Ramp-up sets into {}", r.name)>
                    {r.rows.into_iter().map(|row| view! { <li>{row}</li> }).collect_view()}
                </ol>
            })}
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
pub(super) fn TempoGuide(
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
        if let Some(p) = part.filter(|p| Some(*p) != last.get_value()) {
            crate::platform::wake_lock::vibrate(40);
            cue(p.label());
        }
        last.set_value(part);
    });
    view! {
        <div class="tempo-row">
            // Drawn again when the guide starts, so its first "down" starts with the guide's.
            {move || {
                let on = started.get().is_some();
                figure.map(|(e, eq)| view! { <div class=if on { "fig-synced" } else { "fig-loop" }><crate::ui::figure::ExerciseFigure exercise=e with=Some(eq) tempo=Some(tempo)/></div> })
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
pub(super) fn Effort(effort: RwSignal<Option<u8>>) -> impl IntoView {
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
