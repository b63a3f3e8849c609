//! Plan → your own exercises: add one with its dose and the kind of movement it is, or
//! remove it. They join every strength session, after the planned exercises. A careful
//! kind (rules §6) is marked "careful for now" in phases 1–2, with the library's
//! nearest safe alternative offered.

use super::data::use_data;
use super::dose::own_dose;
use crate::domain::careful::{careful_for_now, guess_careful_kind, safe_alternative, CarefulKind};
use crate::domain::library::{Exercise, Measure, Pattern};
use crate::domain::planner::{starting_dose, Plan};
use crate::domain::profile::{OwnExercise, Profile};
use crate::domain::shared_plan::{clean_text, validate_own_exercise, MAX_NAME_CHARS, MAX_OWN};
use crate::domain::units::Grams;
use leptos::prelude::*;

/// The kinds of movement an own exercise can be: the strength patterns, then the careful
/// kinds. The select's values index this list.
fn kinds() -> Vec<(Pattern, Option<CarefulKind>)> {
    Pattern::STRENGTH
        .iter()
        .map(|p| (*p, None))
        .chain(CarefulKind::ALL.iter().map(|k| (k.pattern(), Some(*k))))
        .collect()
}

fn kind_label(kind: (Pattern, Option<CarefulKind>)) -> String {
    match kind {
        (p, None) => p.label().to_string(),
        (_, Some(k)) => format!("{} (careful)", k.label()),
    }
}

/// The library alternative as an own exercise with its usual starting dose.
fn as_own(e: &'static Exercise, plan: &Plan) -> OwnExercise {
    let rx = starting_dose(e, &plan.equipment, plan.phase);
    OwnExercise {
        name: e.name.to_string(),
        pattern: e.pattern(),
        careful: None,
        measure: e.measure,
        sets: rx.sets.len() as u8,
        amount: rx.sets.first().map_or(10, |s| s.amount),
        load: rx.max_load(),
    }
}

#[component]
pub fn OwnExercises(profile: Profile, plan: Plan) -> impl IntoView {
    let (error, set_error) = signal(None::<String>);
    let saver = Saver {
        data: use_data(),
        say: set_error,
    };
    view! {
        <article class="card" role="region" aria-label="Your own exercises">
            <h2>"Your own exercises"</h2>
            <p class="muted">{format!("Add an exercise the plan does not have. It joins every strength session at the end, with the pain rule applied as you log it. The app does not raise its dose: change it here when it feels easy, by no more than {} a week.", super::words::weekly_cap())}</p>
            <OwnList profile=profile.clone() plan=plan.clone() saver=saver/>
            <AddOwn profile=profile plan=plan saver=saver/>
            {move || error.get().map(|e| view! { <super::widgets::Alert text=e/> })}
        </article>
    }
}

/// Saves the profile with its own exercises changed, and says so when it cannot.
#[derive(Clone, Copy)]
struct Saver {
    data: super::data::DataCtx,
    say: WriteSignal<Option<String>>,
}

impl Saver {
    fn save(self, next: Profile) {
        let Saver { data, say } = self;
        leptos::task::spawn_local(async move {
            if let Err(e) = data
                .write(|db| async move { db.save_profile(&next).await })
                .await
            {
                say.set(Some(format!("Not saved: {e}")));
            }
        });
    }
}

/// The user's own exercises, each with its dose, a careful note and a way to remove it.
#[component]
fn OwnList(profile: Profile, plan: Plan, saver: Saver) -> impl IntoView {
    let units = super::context::units();
    let save = move |next: Profile| saver.save(next);
    let rows: Vec<_> = plan
        .own
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let remove = {
                let profile = profile.clone();
                move |_| {
                    let mut next = profile.clone();
                    next.own.remove(i);
                    save(next);
                }
            };
            let replace = o.alternative.map(|alt| {
                let profile = profile.clone();
                let plan = plan.clone();
                move |_| {
                    let mut next = profile.clone();
                    next.own[i] = as_own(alt, &plan);
                    save(next);
                }
            });
            let why = o.own.careful.map(|k| k.why()).unwrap_or("");
            let careful = o.careful_for_now.then(|| {
                let alt = o.alternative;
                view! {
                    <p class="notice">
                        <span class="badge">"Careful for now"</span>" "{why}
                        {alt.map(|a| format!(" The plan's nearest safe choice: {}.", a.name))}
                    </p>
                    {replace.zip(alt).map(|(f, a)| view! { <button class="ghost" on:click=f>{format!("Use {} instead", a.name)}</button> })}
                }
            });
            let paused = o
                .paused
                .then(|| view! { <super::widgets::BringBack key=o.own.log_id() name=o.own.name.clone()/> });
            let label = o.own.careful.map_or_else(|| o.own.pattern.label().to_string(), |k| k.label().to_string());
            view! {
                <li>
                    <span class="name">{o.own.name.clone()}</span>
                    <span class="dose">{format!("{} · {label}", own_dose(&o.own, units))}</span>
                    {careful}
                    {paused}
                    <button class="ghost" aria-label=format!("Remove {}", o.own.name) on:click=remove>"Remove"</button>
                </li>
            }
        })
        .collect();
    view! { <ul class="plain plan-list">{rows}</ul> }
}

/// The form that adds an exercise, warning when its kind is one to be careful with now.
#[component]
fn AddOwn(profile: Profile, plan: Plan, saver: Saver) -> impl IntoView {
    let units = super::context::units();
    let phase = plan.phase;
    let equipment = plan.equipment.clone();
    let set_error = saver.say;
    let save = move |next: Profile| saver.save(next);
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(0usize);
    // Until the user picks a kind, it follows what the name suggests.
    let picked = RwSignal::new(false);
    let seconds = RwSignal::new(false);
    let sets = RwSignal::new("3".to_string());
    let amount = RwSignal::new("10".to_string());
    let load = RwSignal::new(String::new());
    let on_name = move |text: String| {
        if !picked.get_untracked() {
            let all = kinds();
            let now = kind.get_untracked();
            let i = match guess_careful_kind(&text) {
                Some(k) => all.iter().position(|(_, c)| *c == Some(k)).unwrap_or(0),
                None if now >= Pattern::STRENGTH.len() => 0,
                None => now,
            };
            kind.set(i);
        }
        name.set(text);
    };
    let chosen = move || kinds()[kind.get().min(kinds().len() - 1)];
    let preview = {
        let equipment = StoredValue::new(equipment.clone());
        move || {
            let (pattern, careful) = chosen();
            if !careful_for_now(careful, phase) {
                return None;
            }
            let probe = OwnExercise {
                name: String::new(),
                pattern,
                careful,
                measure: Measure::Reps,
                sets: 1,
                amount: 1,
                load: Grams::ZERO,
            };
            Some((
                careful?,
                equipment.with_value(|e| safe_alternative(&probe, e, phase)),
            ))
        }
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
            let (pattern, careful) = kinds()[kind.get_untracked().min(kinds().len() - 1)];
            let e = OwnExercise {
                name: n,
                pattern,
                careful,
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
            picked.set(false);
            kind.set(0);
            save(next);
        }
    };
    let add_instead = {
        let profile = profile.clone();
        let plan = plan.clone();
        move |alt: &'static Exercise| {
            let e = as_own(alt, &plan);
            if profile
                .own
                .iter()
                .any(|o| o.name.eq_ignore_ascii_case(&e.name))
            {
                return set_error.set(Some(format!("{} is already one of yours.", e.name)));
            }
            let mut next = profile.clone();
            next.own.push(e);
            name.set(String::new());
            picked.set(false);
            kind.set(0);
            save(next);
        }
    };
    view! {
            <details>
                <summary><span>"Add an exercise"</span></summary>
                <label for="own-name">"Name"</label>
                <input id="own-name" maxlength="60" prop:value=name on:input=move |ev| on_name(event_target_value(&ev))/>
                <label for="own-pattern">"Kind of movement"</label>
                <select id="own-pattern" prop:value=move || kind.get().to_string() on:change=move |ev| { picked.set(true); kind.set(event_target_value(&ev).parse().unwrap_or(0)) }>
                    {kinds().into_iter().enumerate().map(|(i, k)| view! { <option value=i.to_string() selected=move || kind.get() == i>{kind_label(k)}</option> }).collect_view()}
                </select>
                {move || preview().map(|(k, alt)| {
                    let add_instead = add_instead.clone();
                    view! {
                        <div class="card notice" role="region" aria-label="Careful for now">
                            <p><strong>"Careful for now. "</strong>{k.why()}" In phases 1 and 2 it is marked, and the plan suggests a safer choice."</p>
                            {alt.map(|a| view! { <button class="primary" on:click=move |_| add_instead(a)>{format!("Add {} instead", a.name)}</button> })}
                        </div>
                    }
                })}
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
                <button class="primary" on:click=add>{move || if preview().is_some() { "Add it anyway, marked careful" } else { "Add to my sessions" }}</button>
            </details>
    }
}
