use super::onboarding::phase_words;
use super::plan_state::{use_plan_state, PlanState};
use crate::domain::library::{ladder, Ladder, Measure};
use crate::domain::phase::Phase;
use crate::domain::planner::Plan;
use crate::domain::session::session_label;
use crate::domain::units::Units;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
fn MyPlan(plan: Plan, units: Units) -> impl IntoView {
    view! {
        <article class="card my-plan" role="region" aria-label="Your plan">
            <p class="eyebrow">{format!("Week {}", plan.week)}</p>
            <h2>{plan.phase.title()}</h2>
            <p>{phase_words(plan.phase)}</p>
            <p class="muted">"Many people feel better within two to four weeks. A back that copes with anything takes months of steady work, and this plan will not rush it."</p>
        </article>
        {plan.sessions.iter().map(|s| view! {
            <article class="card">
                <h2>{format!("Session {} · {}", session_label(s.slot), super::dates::long_date(s.date))}</h2>
                <ul class="plain plan-list">
                    {s.exercises.iter().map(|e| {
                        let p = &e.prescription;
                        let unit = match e.exercise.measure { Measure::Reps => "reps", Measure::Seconds => "s", Measure::Minutes => "min" };
                        let amounts: Vec<String> = p.sets.iter().map(|t| t.amount.to_string()).collect();
                        let load = if p.is_loaded() { format!(" at {}", units.format(p.max_load())) } else { String::new() };
                        view! {
                            <li>
                                <span class="name">{e.exercise.name}</span>
                                <span class="dose">{format!("{} {unit}{load}", amounts.join(", "))}</span>
                                <span class="reason">{e.reason.explain(units)}</span>
                            </li>
                        }
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
                PlanState::Ready(plan, profile) => view! { <MyPlan plan=*plan units=profile.units/> }.into_any(),
                PlanState::NoProfile => view! {
                    <p><A href="/start" attr:class="button primary">"Set up my plan"</A></p>
                }.into_any(),
                _ => ().into_any(),
            }}
            <h2>"How the plan works"</h2>
            <p class="lede">"Three phases, never skipped. Many people feel better within a few weeks; a resilient back takes months."</p>
            <ol class="phases">
                {phases
                    .into_iter()
                    .map(|p| {
                        let next = match p.min_weeks() {
                            Some(w) => format!("Moves on after at least {w} weeks with session pain at 2 or below and no flare-ups the day after."),
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
            <p class="muted">"Each movement is a ladder from easiest to hardest. Pain of 5 or more steps you down one rung."</p>
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
