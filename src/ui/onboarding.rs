//! First run: the red-flag questions first, then where the user is, what they train with,
//! how often, what is hard today, their physio's exercises and their goal.

use super::data::use_data;
use crate::domain::checkin::FlareEvent;
use crate::domain::planner::Safety;
use crate::domain::profile::{Experience, Profile, RehabDose, RehabExercise};
use crate::domain::psfs::PsfsRating;
use crate::domain::safety::{
    clearance_date_ok, red_flag_answers, red_flag_gate, Clearance, Gate, RedFlag,
};
use crate::platform::clock;
use crate::storage::records::Event;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const STEPS: usize = 6;

/// Everything onboarding asks, as the user fills it in.
#[derive(Clone, Copy)]
struct Answers {
    // Step 1: safety. Every question starts unanswered.
    flags: super::safety::Answers,
    cleared: RwSignal<bool>,
    cleared_on: RwSignal<String>,
    // Step 2: where they are now.
    pain: RwSignal<u8>,
    in_flare: RwSignal<bool>,
    from_physio: RwSignal<bool>,
    // Steps 3 and 4: equipment, schedule and goal.
    draft: super::setup_form::SetupDraft,
    returning: RwSignal<bool>,
    // Steps 5 and 6: function and physio exercises.
    activities: RwSignal<Vec<(String, u8)>>,
    rehab: RwSignal<Vec<(String, String, String)>>,
}

impl Answers {
    fn new() -> Self {
        Answers {
            flags: super::safety::new_answers(),
            cleared: RwSignal::new(false),
            cleared_on: RwSignal::new(String::new()),
            pain: RwSignal::new(2),
            in_flare: RwSignal::new(false),
            from_physio: RwSignal::new(false),
            draft: super::setup_form::SetupDraft::new(super::context::units()),
            returning: RwSignal::new(false),
            activities: RwSignal::new(vec![(String::new(), 5); 3]),
            rehab: RwSignal::new(Vec::new()),
        }
    }

    fn any_yes(self) -> bool {
        !super::safety::yes(self.flags).is_empty()
    }

    /// What onboarding saves, or what is still missing.
    fn build(self, today: chrono::NaiveDate) -> Result<(Profile, Safety, Vec<PsfsRating>), String> {
        let Answers {
            flags,
            cleared_on,
            draft,
            returning,
            activities,
            rehab,
            ..
        } = self;
        let u = draft.units.get_untracked();
        let eq = draft.equipment()?;
        let mut p = Profile::new(today, eq);
        p.units = u;
        p.days_per_week = draft.days.get_untracked();
        p.session_minutes = draft.minutes.get_untracked();
        p.goal = draft.goal.get_untracked();
        p.experience = if returning.get_untracked() {
            Experience::Returning
        } else {
            Experience::New
        };
        p.rehab = rehab_exercises(rehab.get_untracked());
        let answers = red_flag_answers(&flags.get_untracked(), today, clock::now_ms())
            .map_err(|_| "Answer every safety question first.".to_string())?;
        let clearances = if answers.yes.is_empty() {
            Vec::new()
        } else {
            let day = cleared_on
                .get_untracked()
                .parse::<chrono::NaiveDate>()
                .map_err(|_| "Enter the date you were cleared.".to_string())?;
            clearance_date_ok(day, today, today)
                .map_err(|p| super::safety::clearance_problem_words(p, today))?;
            vec![Clearance {
                day,
                covers: answers.yes.clone(),
                // Recorded with the answers, after them.
                at_ms: answers.at_ms,
            }]
        };
        let safety = Safety {
            answers,
            clearances,
        };
        if !matches!(
            red_flag_gate(&safety.answers, &safety.clearances, &[], today),
            Gate::Open
        ) {
            return Err("A professional's clearance is needed first.".into());
        }
        let scores: Vec<(String, u8)> = activities
            .get_untracked()
            .into_iter()
            .filter(|(a, _)| !a.trim().is_empty())
            .map(|(a, s)| (a.trim().to_string(), s.min(10)))
            .collect();
        let psfs = if scores.is_empty() {
            vec![]
        } else {
            vec![PsfsRating { day: today, scores }]
        };
        Ok((p, safety, psfs))
    }
}

/// The physio's exercises as typed: "3 x 10" or "2 × 20s", and days a week.
fn rehab_exercises(rows: Vec<(String, String, String)>) -> Vec<RehabExercise> {
    rows.into_iter()
        .filter(|(n, _, _)| !n.trim().is_empty())
        .map(|(name, dose, per_week)| {
            let (sets, amount) = dose.split_once(['x', '×']).unwrap_or(("2", &dose));
            let sets = sets.trim().parse().unwrap_or(2);
            let secs = amount.contains('s');
            let n: u16 = amount
                .trim()
                .trim_end_matches(['s', ' '])
                .parse()
                .unwrap_or(10);
            RehabExercise {
                name: name.trim().to_string(),
                dose: if secs {
                    RehabDose::Seconds { sets, seconds: n }
                } else {
                    RehabDose::Reps { sets, reps: n }
                },
                per_week: per_week.trim().parse().unwrap_or(7).clamp(1, 7),
            }
        })
        .collect()
}

#[component]
pub fn Onboarding() -> impl IntoView {
    let data = use_data();
    let navigate = use_navigate();
    let step = RwSignal::new(0usize);
    let today = clock::today();
    let a = Answers::new();
    let prefs_ctx = use_context::<super::context::PrefsCtx>();
    let (error, set_error) = signal(None::<String>);
    let blocked = move || {
        step.get() == 0
            && (super::safety::unanswered(a.flags) > 0
                || (a.any_yes() && (!a.cleared.get() || a.cleared_on.get().trim().is_empty())))
    };
    let finish = move |_| {
        let (profile, safety, psfs) = match a.build(today) {
            Ok(x) => x,
            Err(e) => return set_error.set(Some(e)),
        };
        let flare = a.in_flare.get_untracked();
        let chosen = profile.units;
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let now = clock::now_ms();
            let mut events: Vec<(Event, i64)> = psfs
                .into_iter()
                .enumerate()
                .map(|(i, r)| (Event::Psfs(r), now + i as i64))
                .collect();
            if flare {
                events.push((Event::Flare(FlareEvent::Started(today)), now + 100));
            }
            let saved = data
                .write(|db| async move { db.save_onboarding(&profile, &safety, &events).await })
                .await;
            if saved.is_ok() {
                if let Some(super::context::PrefsCtx(prefs)) = prefs_ctx {
                    prefs.update(|p| p.units = chosen);
                    let _ = crate::storage::prefs::save(prefs.get_untracked());
                }
                // Ask the browser to keep the data now that there is some worth keeping.
                let _ = crate::platform::storage_manager::persist().await;
                navigate("/plan", Default::default());
            }
        });
    };

    let next = move |_| {
        set_error.set(None);
        if step.get_untracked() == 0 && a.any_yes() {
            let problem = match a.cleared_on.get_untracked().parse::<chrono::NaiveDate>() {
                Ok(d) => clearance_date_ok(d, today, today)
                    .err()
                    .map(|p| super::safety::clearance_problem_words(p, today)),
                Err(_) => Some("Enter the date you were cleared.".to_string()),
            };
            if let Some(problem) = problem {
                return set_error.set(Some(problem));
            }
        }
        // What was typed for the equipment is checked before the step is left.
        if step.get_untracked() == 2 {
            if let Err(e) = a.draft.equipment() {
                return set_error.set(Some(e));
            }
        }
        step.update(|s| *s = (*s + 1).min(STEPS - 1));
    };
    let back = move |_| step.update(|s| *s = s.saturating_sub(1));

    view! {
        <section class="screen onboarding" aria-labelledby="start-title">
            <p class="eyebrow">{move || format!("Step {} of {STEPS}", step.get() + 1)}</p>
            <h1 id="start-title">"Let's set up your plan"</h1>
            <Show when=move || step.get() == 0>
                <SafetyStep a=a today=today error=error/>
            </Show>
            <Show when=move || step.get() == 1>
                <NowStep a=a/>
            </Show>
            <Show when=move || step.get() == 2>
                <h2>"What you train with"</h2>
                <super::setup_form::EquipmentFields draft=a.draft with_units=true/>
            </Show>
            <Show when=move || step.get() == 3>
                <h2>"How often, and what for"</h2>
                <super::setup_form::ScheduleFields draft=a.draft/>
                <label class="check"><input type="checkbox" prop:checked=a.returning on:change=move |ev| a.returning.set(event_target_checked(&ev))/>"I lifted weights regularly before my back pain"</label>
            </Show>
            <Show when=move || step.get() == 4>
                <ActivitiesStep a=a/>
            </Show>
            <Show when=move || step.get() == 5>
                <PhysioStep a=a/>
            </Show>
            {move || error.get().filter(|_| step.get() != 0).map(|e| view! { <super::widgets::Alert text=e/> })}
            <div class="row nav-buttons">
                <Show when=move || { step.get() > 0 }>
                    <button class="ghost" on:click=back>"Back"</button>
                </Show>
                <Show
                    when=move || { step.get() + 1 < STEPS }
                    fallback=move || view! { <button class="primary" on:click=finish.clone()>"Make my plan"</button> }
                >
                    <button class="primary" disabled=blocked on:click=next>"Next"</button>
                </Show>
            </div>
        </section>
    }
}

/// Step 1: the red-flag questions, and a dated clearance after any "yes".
#[component]
fn SafetyStep(
    a: Answers,
    today: chrono::NaiveDate,
    error: ReadSignal<Option<String>>,
) -> impl IntoView {
    let Answers {
        flags,
        cleared,
        cleared_on,
        ..
    } = a;
    let any_yes = move || a.any_yes();
    view! {
            <p class="lede">"First, a few safety questions. Answer each one for how you are now. Backstrong never diagnoses; these decide whether training is the right next step."</p>
            {RedFlag::ALL.into_iter().map(|f| view! { <super::safety::YesNo flag=f answers=flags group="start"/> }).collect_view()}
            {move || {
                let left = super::safety::unanswered(flags);
                (left > 0).then(|| view! { <p class="muted">{format!("{left} {} still to answer.", if left == 1 { "question" } else { "questions" })}</p> })
            }}
            <Show when=any_yes>
                <div class="card gate" role="region" aria-label="Get checked first">
                    {move || view! { <super::safety::Advice flags=super::safety::yes(flags)/> }}
                    <label class="check">
                        <input type="checkbox" prop:checked=cleared on:change=move |ev| cleared.set(event_target_checked(&ev))/>
                        "I have been checked and cleared for exercise by a professional"
                    </label>
                    <Show when=move || cleared.get()>
                        <p class="muted">"A clearance counts for the answers you gave before it, so it is dated today: come back once a professional has seen you about what you answered."</p>
                        <label for="cleared-on">"Date you were cleared"</label>
                        <input id="cleared-on" type="date" prop:value=cleared_on min=today.to_string() max=today.to_string()
                            on:input=move |ev| cleared_on.set(event_target_value(&ev))/>
                    </Show>
                    // A problem with the date shows by the date.
                    {move || error.get().map(|e| view! { <super::widgets::Alert text=e/> })}
                </div>
            </Show>
    }
}

/// Step 2: pain now, a flare, just out of physiotherapy.
#[component]
fn NowStep(a: Answers) -> impl IntoView {
    let Answers {
        pain,
        in_flare,
        from_physio,
        ..
    } = a;
    view! {
            <h2>"Where you are now"</h2>
            <label for="pain-now">{move || format!("Back pain right now: {} out of 10", pain.get())}</label>
            <input id="pain-now" type="range" min="0" max="10" prop:value=move || pain.get().to_string()
                on:input=move |ev| pain.set(event_target_value(&ev).parse().unwrap_or(0))/>
            <label class="check"><input type="checkbox" prop:checked=in_flare on:change=move |ev| in_flare.set(event_target_checked(&ev))/>"My back is flaring up at the moment"</label>
            <label class="check"><input type="checkbox" prop:checked=from_physio on:change=move |ev| from_physio.set(event_target_checked(&ev))/>"I have just finished physiotherapy"</label>
    }
}

/// Step 5: everyday activities the back makes hard, each rated.
#[component]
fn ActivitiesStep(a: Answers) -> impl IntoView {
    let activities = a.activities;
    view! {
            <h2>"What is hard for you today"</h2>
            <p class="muted">"Name up to five everyday activities your back makes hard, and rate each: 0 means you cannot do it, 10 means as well as before. We ask again every few weeks to see what changes."</p>
            {move || (0..activities.get().len()).map(|i| view! {
                <div class="activity">
                    <label>{format!("Activity {}", i + 1)}
                        <input placeholder="e.g. carrying shopping" prop:value=move || activities.get()[i].0.clone()
                            on:input=move |ev| activities.update(|a| a[i].0 = event_target_value(&ev))/>
                    </label>
                    <label>{move || format!("How well: {} / 10", activities.get()[i].1)}
                        <input type="range" min="0" max="10" prop:value=move || activities.get()[i].1.to_string()
                            on:input=move |ev| activities.update(|a| a[i].1 = event_target_value(&ev).parse().unwrap_or(0))/>
                    </label>
                </div>
            }).collect_view()}
            <Show when=move || { activities.get().len() < 5 }>
                <button class="ghost" on:click=move |_| activities.update(|a| a.push((String::new(), 5)))>"Add another activity"</button>
            </Show>
    }
}

/// Step 6: the physio's exercises, kept in every plan.
#[component]
fn PhysioStep(a: Answers) -> impl IntoView {
    let rehab = a.rehab;
    view! {
            <h2>"Your physiotherapist's exercises"</h2>
            <p class="muted">"If your physio gave you exercises, add them: they stay in every plan until you remove them."</p>
            {move || (0..rehab.get().len()).map(|i| view! {
                <div class="activity">
                    <label>"Exercise"<input prop:value=move || rehab.get()[i].0.clone() on:input=move |ev| rehab.update(|r| r[i].0 = event_target_value(&ev))/></label>
                    <div class="row3">
                        <label>"Sets × reps (or 3 × 20s)"<input prop:value=move || rehab.get()[i].1.clone() on:input=move |ev| rehab.update(|r| r[i].1 = event_target_value(&ev))/></label>
                        <label>"Days a week"<input inputmode="numeric" prop:value=move || rehab.get()[i].2.clone() on:input=move |ev| rehab.update(|r| r[i].2 = event_target_value(&ev))/></label>
                    </div>
                </div>
            }).collect_view()}
            <button class="ghost" on:click=move |_| rehab.update(|r| r.push((String::new(), "3 x 10".into(), "7".into())))>"Add a physio exercise"</button>
    }
}
