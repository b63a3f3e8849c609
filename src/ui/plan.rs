use super::data::use_data;
use super::plan_state::{use_plan_state, PlanState};
use super::widgets::BringBack;
use super::words::{equipment_list, phase_words, restart_words};
use crate::domain::history::ManualSwap;
use crate::domain::library::{exercise, ladder, Exercise, Ladder};
use crate::domain::pain::{GO_UP_TO, MODIFY_FROM, MODIFY_UP_TO, STOP_FROM};
use crate::domain::phase::Phase;
use crate::domain::planner::{Mode, Plan};
use crate::domain::progression::DEFAULT_INCREASE_PERMILLE;
use crate::domain::reason::Reason;
use crate::domain::session::session_label;
use crate::domain::units::Units;
use crate::platform::clock;
use crate::storage::records::Event;
use leptos::prelude::*;
use leptos_router::components::A;

/// The rules the plan applies, each explained in a sentence or two.
fn why() -> [(String, String); 7] {
    let cap = super::words::weekly_cap();
    [
        ("Why pain decides each exercise".into(), format!("Some discomfort while training is normal and safe. Pain of 0 to {GO_UP_TO} means carry on; {MODIFY_FROM} or {MODIFY_UP_TO} means change the exercise so it feels better (lighter, a shorter range or slower); {STOP_FROM} or more means stop that movement and step down to an easier version of it.")),
        ("Why we ask about the next day".into(), "How your back feels a day later shows whether the dose was right. Settled: we can add a little. Still sore: we repeat the same. A flare that stays: we step back for a week.".into()),
        (format!("Why it never rises more than {cap} a week"), format!("Tissues get stronger when the load rises slowly and steadily. Small weekly steps, usually {}, never more than {cap}, keep you moving forward without the big jumps that cause setbacks.", super::words::percent(DEFAULT_INCREASE_PERMILLE))),
        ("Why there are three phases".into(), "First you get used to moving again, then you rebuild strength, then heavier lifting comes back. Each phase waits for a few calm weeks in a row, and none is skipped.".into()),
        ("Why some exercises wait".into(), "Heavy lifts from the floor, fast twists and lots of sit-ups are not bad, but they ask more of your back. They come back in phase 3, once the base is strong.".into()),
        ("Why flare-ups pause the plan".into(), format!("During a flare, loading waits and gentle walking, mobility and bracing take over. Once pain has been {}, you restart a little lighter, and a phase lower if you were past phase 1.", super::words::calm_enough())),
        ("Why walking every day".into(), "Short brisk walks calm a sensitive back and build tolerance. They grow slowly toward half an hour a day, and never through pain.".into()),
    ]
}

#[component]
fn WhyCards() -> impl IntoView {
    view! {
        <h2>"Why the plan works this way"</h2>
        {why().into_iter().map(|(q, a)| view! {
            <details class="card why">
                <summary><span>{q}</span></summary>
                <p>{a}</p>
            </details>
        }).collect_view()}
    }
}

/// Saves a swap by hand, from now on.
fn save_swap(from: &str, to: &str) {
    let data = use_data();
    let swap = ManualSwap {
        day: clock::today(),
        at_ms: clock::now_ms(),
        from: from.to_string(),
        to: to.to_string(),
    };
    leptos::task::spawn_local(async move {
        let _ = data.save_event(Event::Swap(swap)).await;
    });
}

/// Same-pattern alternatives the user can do now; choosing one swaps it in from now on.
#[component]
fn SwapChoice(from: &'static Exercise, choices: Vec<&'static Exercise>) -> impl IntoView {
    view! {
        <details class="swap">
            <summary><span>{format!("Swap {}", from.name)}</span></summary>
            <div class="stack">
                {choices.into_iter().map(|to| view! {
                    <button on:click=move |_| save_swap(from.id, to.id)>{to.name}</button>
                }).collect_view()}
            </div>
        </details>
    }
}

pub fn waiting_words(plan: &Plan) -> Option<String> {
    let waiting = plan.equipment_waiting();
    if waiting.is_empty() {
        return None;
    }
    let list = equipment_list(&waiting);
    Some(match plan.phase {
        Phase::Restore => format!(
            "Phase 1 uses your bodyweight so your back can get used to the movements first. Your {list} come in with phase 2, after at least two calm weeks."
        ),
        _ => format!(
            "Your {list} wait for a later step of the plan: the exercises that use them come once the ones before are easy."
        ),
    })
}

#[component]
fn MyPlan(plan: Plan, units: Units) -> impl IntoView {
    let equipment = plan.equipment.clone();
    let choices_for = {
        let plan = plan.clone();
        move |e: &'static Exercise| plan.swap_choices(e)
    };
    // Said once for the week, not on every exercise.
    let starts_light = plan
        .sessions
        .iter()
        .flat_map(|s| &s.exercises)
        .any(|e| e.reason == Reason::Start);
    view! {
        <article class="card my-plan" role="region" aria-label="Your plan">
            <p class="eyebrow">{format!("Week {}", plan.week)}</p>
            <h2>{plan.phase.title()}</h2>
            <p>{phase_words(plan.phase)}</p>
            {starts_light.then(|| view! { <p>"Every exercise starts light this week: technique and confidence first, load second."</p> })}
            {waiting_words(&plan).map(|w| view! { <p class="notice">{w}</p> })}
            <p class="muted">"Many people feel better within two to four weeks. A back that copes with anything takes months of steady work, and this plan will not rush it."</p>
        </article>
        {match plan.mode {
            Mode::Flare { .. } => Some(view! {
                <article class="card flare"><h2>"Paused for a flare-up"</h2><p>{format!("Strength sessions wait while your back settles: Today has the walks, gentle mobility and bracing that help now. Once pain has been {}, your plan {}.", super::words::calm_enough(), restart_words(plan.phase))}</p></article>
            }.into_any()),
            Mode::Resuming => Some(view! {
                <article class="card"><h2>"Easing back in"</h2><p>{format!("The flare-up is over. Strength sessions restart next week: your plan {}.", restart_words(plan.phase))}</p></article>
            }.into_any()),
            Mode::Training => None,
        }}
        {(!plan.paused.is_empty()).then(|| view! {
            <article class="card" role="region" aria-label="Paused for pain">
                <h2>"Paused for pain"</h2>
                <p class="muted">{format!("Pain reached {STOP_FROM} or more and there was no gentler movement to step down to. Bring one back when it feels right, or when your physio says so: it returns a little lighter.")}</p>
                <ul class="plain">
                    {plan.paused.iter().map(|e| view! {
                        <li><span class="name">{e.name}</span><BringBack key=e.id.to_string() name=e.name.to_string()/></li>
                    }).collect_view()}
                </ul>
            </article>
        })}
        {plan.sessions.iter().map(|s| view! {
            <article class="card">
                <h2>{format!("Session {} · {}{}", session_label(s.slot), super::dates::long_date(s.date), if s.finished { " · done" } else if s.started { " · in progress" } else { "" })}</h2>
                <ul class="plain plan-list">
                    {s.exercises.iter().map(|e| {
                        let p = &e.prescription;
                        let dose = super::dose::dose_words(&p.sets, e.exercise.measure, units);
                        let side = if e.exercise.each_side { " each side" } else { "" };
                        let undo = match (&e.reason, s.started) {
                            (crate::domain::reason::Reason::ChosenByYou { from }, false) => exercise(from).map(|f| {
                                let to = e.exercise.id;
                                let from_id = f.id;
                                view! { <button class="ghost" on:click=move |_| save_swap(to, from_id)>{format!("Undo: back to {}", f.name)}</button> }
                            }),
                            _ => None,
                        };
                        view! {
                            <li>
                                <span class="name">{e.exercise.name}</span>
                                <span class="dose">{format!("{dose}{side}")}</span>
                                {(e.reason != Reason::Start).then(|| view! { <span class="reason">{e.reason.explain(units, e.exercise.measure)}" "{super::widgets::why_link(&e.reason)}</span> })}
                                <details class="how-to">
                                    <summary><span>"How to do it"</span></summary>
                                    <super::figure::ExerciseFigure exercise=e.exercise with=e.exercise.equipment_for(&equipment)/>
                                    <ul class="cues">{e.exercise.cues.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}</ul>
                                </details>
                                {undo}
                                {(!s.started).then(|| view! { <SwapChoice from=e.exercise choices=choices_for(e.exercise)/> })}
                            </li>
                        }
                    }).collect_view()}
                    {s.extras.iter().map(|i| view! {
                        <li>
                            <span class="name">{i.name.clone()}" "{super::words::origin_note(i.origin).map(|n| view! { <span class="badge">{n}</span> })}</span>
                            <span class="dose">{super::dose::item_dose(i, units)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </article>
        }).collect_view()}
        <A href="/" attr:class="button primary">"Go to Today"</A>
    }
}

#[component]
pub fn PlanScreen() -> impl IntoView {
    let phases = [Phase::Restore, Phase::Rebuild, Phase::Reload];
    let state = use_plan_state();
    view! {
        <section class="screen" aria-labelledby="plan-title">
            <h1 id="plan-title">"Plan"</h1>
            {move || match state.get() {
                PlanState::Ready(plan, profile) => view! {
                    <MyPlan plan=(*plan).clone() units=super::context::units()/>
                    <super::calendar::CalendarCard profile=(*profile).clone() this_week=plan.training_weekdays() walk_minutes=plan.walking.total()/>
                    <super::own::OwnExercises profile=(*profile).clone() plan=(*plan).clone()/>
                    <super::share::SharePlanCard plan=*plan profile=*profile/>
                }.into_any(),
                PlanState::NoProfile => view! {
                    <p><A href="/start" attr:class="button primary">"Set up my plan"</A></p>
                }.into_any(),
                // rules §1: no plan while the gate is closed; Today says why.
                PlanState::Blocked(_) => view! {
                    <article class="card gate" role="region" aria-label="Your plan waits">
                        <h2>"Your plan waits"</h2>
                        <p>"The safety questions on Today need your attention before any training. Your plan comes back once they are answered (and, after a yes, once a professional has cleared you)."</p>
                        <A href="/" attr:class="button primary">"Go to Today"</A>
                    </article>
                }.into_any(),
                PlanState::Loading => ().into_any(),
            }}
            <super::share::SavedPlans/>
            <super::share::ImportBox/>
            <WhyCards/>
            <h2>"How the plan works"</h2>
            <p class="lede">"Three phases, never skipped. Many people feel better within a few weeks; a resilient back takes months."</p>
            <ol class="phases">
                {phases
                    .into_iter()
                    .map(|p| {
                        let next = match p.min_weeks() {
                            Some(w) => format!("Moves on after at least {w} weeks with session pain at {GO_UP_TO} or below and no flare-ups the day after."),
                            None => "The long game: keep training and keep progressing slowly.".to_string(),
                        };
                        view! {
                            <li class="card">
                                <h2>{p.title()}</h2>
                                <p>{p.purpose()}</p>
                                <p class="muted">{next}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <h2>"Movement ladders"</h2>
            <p class="muted">{format!("Each movement is a ladder from easiest to hardest. Pain of {STOP_FROM} or more steps you down one rung.")}</p>
            {Ladder::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <details class="card ladder">
                            <summary>
                                <span>{l.pattern().label()}</span>
                                <span class="muted">{format!("{} steps", ladder(l).count())}</span>
                            </summary>
                            <ol>
                                {ladder(l)
                                    .map(|e| {
                                        let needs = e.equipment.iter().map(|q| q.label()).collect::<Vec<_>>().join(" or ");
                                        view! {
                                            <li>
                                                <span class="name">{e.name}</span>
                                                {e.careful.then(|| view! { <span class="badge">"Careful for now"</span> })}
                                                <span class="muted small">{needs}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}
