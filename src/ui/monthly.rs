//! The monthly check-in on Today (rules §9): re-rate the activities that were hard,
//! and see this month beside the last. The red-flag questions come back in the same
//! rhythm through the safety check.

use super::chart::dec1;
use super::data::use_data;
use crate::domain::insight::{month_over_month, MonthFigures};
use crate::domain::psfs::{psfs_change, psfs_due, PsfsRating};
use crate::platform::clock;
use crate::storage::records::Event;
use leptos::prelude::*;

fn or_dash(v: Option<f32>) -> String {
    v.map(dec1).unwrap_or_else(|| "–".into())
}

#[component]
pub fn MonthComparison(this: MonthFigures, last: MonthFigures) -> impl IntoView {
    let rows = [
        ("Average daily pain", or_dash(this.pain), or_dash(last.pain)),
        (
            "Strength sessions",
            this.sessions.to_string(),
            last.sessions.to_string(),
        ),
        (
            "Walking, minutes a day",
            or_dash(this.walking_per_day),
            or_dash(last.walking_per_day),
        ),
        (
            "Days in a flare-up",
            this.flare_days.to_string(),
            last.flare_days.to_string(),
        ),
        (
            "Days checked in",
            this.checkins.to_string(),
            last.checkins.to_string(),
        ),
    ];
    view! {
        <table class="log compare">
            <thead><tr><th scope="col">"Measure"</th><th scope="col">"Last 30 days"</th><th scope="col">"30 days before"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(what, a, b)| view! { <tr><th scope="row">{what}</th><td>{a}</td><td>{b}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn MonthlyCheckIn() -> impl IntoView {
    let data = use_data();
    let today = clock::today();
    let latest = move || {
        data.with(|l| l.psfs.iter().max_by_key(|r| r.day).cloned())
            .flatten()
    };
    let due = move || latest().is_some_and(|r| psfs_due(Some(r.day), today));
    let scores = RwSignal::new(Vec::<(String, u8)>::new());
    let (result, set_result) = signal(None::<String>);
    Effect::new(move |_| {
        if let Some(r) = latest() {
            if scores.get_untracked().is_empty() {
                scores.set(r.scores.clone());
            }
        }
    });
    let save = move |_| {
        let Some(before) = latest() else { return };
        let after = PsfsRating {
            day: today,
            scores: scores.get_untracked(),
        };
        let words = match psfs_change(&before, &after) {
            Some(c) if c.meaningful && c.delta > 0.0 => format!("Your activity score rose by {}: a real improvement.", dec1(c.delta)),
            Some(c) if c.meaningful => format!("Your activity score fell by {}. If this goes on, talk it through with your physiotherapist.", dec1(-c.delta)),
            Some(c) => format!("Your activity score changed by {}: within 2 points, so not a real change yet either way.", dec1(c.delta)),
            None => "Saved.".into(),
        };
        leptos::task::spawn_local(async move {
            let e = Event::Psfs(after);
            if data.save_event(e).await.is_ok() {
                set_result.set(Some(words));
            }
        });
    };
    let compare = move || data.with(|l| month_over_month(&l.history, &l.flare_periods(), today));
    view! {
        {move || result.get().map(|r| view! { <p class="message" role="status">{r}</p> })}
        <Show when=due>
            <article class="card" role="region" aria-label="Monthly check-in">
                <h2>"Check-in: how are everyday things going?"</h2>
                <p>"Rate the activities you named again: 0 means you cannot do it, 10 means as well as before your back pain."</p>
                {move || (0..scores.get().len()).map(|i| view! {
                    <label>{move || { let s = scores.get(); format!("{}: {} / 10", s[i].0, s[i].1) }}
                        <input type="range" min="0" max="10" prop:value=move || scores.get()[i].1.to_string()
                            on:input=move |ev| scores.update(|s| s[i].1 = event_target_value(&ev).parse().unwrap_or(0))/>
                    </label>
                }).collect_view()}
                {move || compare().map(|(this, last)| view! { <h3>"This month beside the last"</h3><MonthComparison this=this last=last/> })}
                <button class="primary" on:click=save>"Save my ratings"</button>
            </article>
        </Show>
    }
}
