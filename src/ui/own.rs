//! Plan → your own exercises: add one with its dose, or remove it. They join every
//! strength session, after the planned exercises.

use super::data::use_data;
use super::dose::own_dose;
use crate::domain::library::{Measure, Pattern};
use crate::domain::profile::{OwnExercise, Profile};
use crate::domain::shared_plan::{clean_text, validate_own_exercise, MAX_NAME_CHARS, MAX_OWN};
use crate::domain::units::Grams;
use leptos::prelude::*;

const PATTERNS: [Pattern; 6] = Pattern::STRENGTH;

#[component]
pub fn OwnExercises(profile: Profile) -> impl IntoView {
    let data = use_data();
    let units = profile.units;
    let name = RwSignal::new(String::new());
    let pattern = RwSignal::new(0usize);
    let seconds = RwSignal::new(false);
    let sets = RwSignal::new("3".to_string());
    let amount = RwSignal::new("10".to_string());
    let load = RwSignal::new(String::new());
    let (error, set_error) = signal(None::<String>);
    let save = move |next: Profile| {
        leptos::task::spawn_local(async move {
            if let Err(e) = data
                .write(|db| async move { db.save_profile(&next).await })
                .await
            {
                set_error.set(Some(format!("Not saved: {e}")));
            }
        });
    };
    let add = {
        let profile = profile.clone();
        move |_| {
            set_error.set(None);
            let Some(n) = clean_text(&name.get_untracked(), MAX_NAME_CHARS) else {
                return set_error.set(Some("Give it a name (up to 60 characters).".into()));
            };
            let load_text = load.get_untracked();
            let weight = if load_text.trim().is_empty() {
                Some(Grams::ZERO)
            } else {
                units.parse(&load_text)
            };
            let Some(weight) = weight else {
                return set_error.set(Some("The weight is not a number.".into()));
            };
            let e = OwnExercise {
                name: n,
                pattern: PATTERNS[pattern.get_untracked().min(PATTERNS.len() - 1)],
                measure: if seconds.get_untracked() {
                    Measure::Seconds
                } else {
                    Measure::Reps
                },
                sets: sets.get_untracked().trim().parse().unwrap_or(0),
                amount: amount.get_untracked().trim().parse().unwrap_or(0),
                load: weight,
            };
            if let Err(p) = validate_own_exercise(&e) {
                return set_error.set(Some(p.message().replace(" in this link", "")));
            }
            if profile
                .own
                .iter()
                .any(|o| o.name.eq_ignore_ascii_case(&e.name))
            {
                return set_error.set(Some("You already have an exercise with that name.".into()));
            }
            if profile.own.len() >= MAX_OWN {
                return set_error.set(Some(format!("Up to {MAX_OWN} own exercises.")));
            }
            let mut next = profile.clone();
            next.own.push(e);
            name.set(String::new());
            save(next);
        }
    };
    let own = profile.own.clone();
    view! {
        <article class="card" role="region" aria-label="Your own exercises">
            <h2>"Your own exercises"</h2>
            <p class="muted">"Add an exercise the plan does not have. It joins every strength session at the end, with the pain rule applied as you log it. The app does not raise its dose: change it here when it feels easy, by no more than 10 % a week."</p>
            <ul class="plain plan-list">
                {own.iter().enumerate().map(|(i, o)| {
                    let profile = profile.clone();
                    view! {
                        <li>
                            <span class="name">{o.name.clone()}</span>
                            <span class="dose">{format!("{} · {}", own_dose(o, units), o.pattern.label())}</span>
                            <button class="ghost" aria-label=format!("Remove {}", o.name) on:click=move |_| {
                                let mut next = profile.clone();
                                next.own.remove(i);
                                save(next);
                            }>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details>
                <summary><span>"Add an exercise"</span></summary>
                <label for="own-name">"Name"</label>
                <input id="own-name" maxlength="60" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="own-pattern">"Movement"</label>
                <select id="own-pattern" on:change=move |ev| pattern.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {PATTERNS.iter().enumerate().map(|(i, p)| view! { <option value=i.to_string()>{p.label()}</option> }).collect_view()}
                </select>
                <div class="segmented" role="group" aria-label="Counted in">
                    <button aria-pressed=move || (!seconds.get()).to_string() on:click=move |_| seconds.set(false)>"Reps"</button>
                    <button aria-pressed=move || seconds.get().to_string() on:click=move |_| seconds.set(true)>"Seconds"</button>
                </div>
                <div class="row">
                    <label>"Sets"<input inputmode="numeric" prop:value=sets on:input=move |ev| sets.set(event_target_value(&ev))/></label>
                    <label>{move || if seconds.get() { "Seconds" } else { "Reps" }}<input inputmode="numeric" prop:value=amount on:input=move |ev| amount.set(event_target_value(&ev))/></label>
                </div>
                <label for="own-load">{format!("Weight in {} (leave empty for none)", if units == crate::domain::units::Units::Lb { "lb" } else { "kg" })}</label>
                <input id="own-load" inputmode="decimal" prop:value=load on:input=move |ev| load.set(event_target_value(&ev))/>
                <button class="primary" on:click=add>"Add to my sessions"</button>
            </details>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </article>
    }
}
