use crate::domain::library::{ladder, Ladder};
use crate::domain::phase::Phase;
use leptos::prelude::*;

#[component]
pub fn PlanScreen() -> impl IntoView {
    let phases = [Phase::Restore, Phase::Rebuild, Phase::Reload];
    view! {
        <section class="screen" aria-labelledby="plan-title">
            <h1 id="plan-title">"Plan"</h1>
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
