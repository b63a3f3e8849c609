use crate::domain::habits::{daily_mobility, walking_split, WALK_START_MINUTES};
use crate::domain::library::Measure;
use leptos::prelude::*;

#[component]
pub fn Today() -> impl IntoView {
    let today = crate::platform::clock::today();
    let walking = walking_split(WALK_START_MINUTES);
    let drills = daily_mobility(today);
    view! {
        <section class="screen" aria-labelledby="today-title">
            <p class="eyebrow">{today.format("%A %-d %B").to_string()}</p>
            <h1 id="today-title">"Today"</h1>
            <article class="card">
                <h2>"Walk"</h2>
                <p class="big">{format!("{} × {} min", walking.walks, walking.minutes_each)}</p>
                <p>"Short brisk walks spread over the day. Walking is the first thing that calms a sore back. Stop if the pain climbs."</p>
            </article>
            <article class="card">
                <h2>"Mobility, about 6 minutes"</h2>
                <ol class="drills">
                    {drills
                        .into_iter()
                        .map(|e| {
                            let dose = match e.measure {
                                Measure::Seconds => format!("{} s", e.range.0),
                                _ => format!("{} reps", e.range.0),
                            };
                            let side = if e.each_side { " each side" } else { "" };
                            view! {
                                <li>
                                    <details>
                                        <summary>
                                            <span>{e.name}</span>
                                            <span class="dose">{dose}{side}</span>
                                        </summary>
                                        <ul class="cues">
                                            {e.cues.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}
                                        </ul>
                                    </details>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </article>
            <article class="card">
                <h2>"How your pain steers the plan"</h2>
                <ul class="traffic">
                    <li class="go"><strong>"0–2"</strong>" Carry on as planned."</li>
                    <li class="modify"><strong>"3–4"</strong>" Change it: lighter, a shorter range or a slower tempo."</li>
                    <li class="stop"><strong>"5+"</strong>" Stop that movement and switch to an easier one."</li>
                </ul>
            </article>
        </section>
    }
}
