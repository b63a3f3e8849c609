//! Sharing a plan as a link or QR code, opening one, and following a saved one.

use super::data::use_data;
use super::dose::{dose_words, own_dose};
use super::plan_state::{use_plan_state, PlanState};
use crate::domain::planner::Plan;
use crate::domain::profile::{Profile, RehabDose};
use crate::domain::session::session_label;
use crate::domain::shared_plan::{adopt_shared_plan, share_plan, NotTaken, SharedPlan};
use crate::platform::{clock, share};
use crate::share::link::{code_of, decode_link, encode_link};
use crate::share::qr::qr_svg;
use crate::storage::records::{Event, SavedPlan};
use leptos::prelude::*;
use leptos_router::components::A;

fn rehab_text(d: &RehabDose, per_week: u8) -> String {
    let dose = match d {
        RehabDose::Reps { sets, reps } => format!("{sets} × {reps} reps"),
        RehabDose::Seconds { sets, seconds } => format!("{sets} × {seconds} s"),
    };
    format!("{dose}, {}", super::dose::how_often(per_week))
}

/// What a shared plan holds. Every name is rendered as text, never as markup.
#[component]
pub fn PlanPreview(plan: SharedPlan) -> impl IntoView {
    let units = super::context::units();
    let step = format!(
        "Loads rise by steps of about {} and never more than {} a week.",
        super::words::percent(plan.increase_permille.into()),
        super::words::weekly_cap()
    );
    view! {
        <div class="preview-plan">
            <h2 class="plan-title">{plan.title.clone()}</h2>
            <p class="muted">{format!("{} · {} sessions a week · about {} minutes each", plan.phase.title(), plan.sessions.len(), plan.session_minutes)}</p>
            {plan.sessions.iter().enumerate().map(|(i, s)| view! {
                <h3>{format!("Session {}", session_label(i as u8))}</h3>
                <ul class="plain plan-list">
                    {s.iter().map(|x| view! {
                        <li><span class="name">{x.exercise.name}</span><span class="dose">{dose_words(&x.sets, x.exercise.measure, units)}</span></li>
                    }).collect_view()}
                </ul>
            }).collect_view()}
            {(!plan.rehab.is_empty()).then(|| view! {
                <h3>"Exercises from a physiotherapist"</h3>
                <ul class="plain plan-list">
                    {plan.rehab.iter().map(|r| view! {
                        <li><span class="name">{r.name.clone()}</span><span class="dose">{rehab_text(&r.dose, r.per_week)}</span></li>
                    }).collect_view()}
                </ul>
            })}
            {(!plan.own.is_empty()).then(|| view! {
                <h3>"Own exercises"</h3>
                <ul class="plain plan-list">
                    {plan.own.iter().map(|o| view! {
                        <li><span class="name">{o.name.clone()}</span><span class="dose">{own_dose(o, units)}</span></li>
                    }).collect_view()}
                </ul>
            })}
            <p class="muted small">{step}</p>
        </div>
    }
}

/// Share this week's plan: share sheet, copy, QR code. Only the template leaves.
#[component]
pub fn SharePlanCard(plan: Plan, profile: Profile) -> impl IntoView {
    let flaring = matches!(plan.mode, crate::domain::planner::Mode::Flare { .. });
    let (title, set_title) = signal("My Backstrong plan".to_string());
    let (message, set_message) = signal(None::<String>);
    let (show_qr, set_show_qr) = signal(false);
    let link = Memo::new(move |_| {
        let shared = share_plan(&plan, &profile, &title.get());
        encode_link(&shared, &share::origin())
    });
    let can_share = share::can_share();
    let send = move |_| {
        let url = link.get_untracked();
        let t = title.get_untracked();
        leptos::task::spawn_local(async move {
            match share::share_link(&t, &url).await {
                share::ShareOutcome::Shared | share::ShareOutcome::Cancelled => {}
                share::ShareOutcome::Failed(e) => set_message.set(Some(format!(
                    "Sharing did not work ({e}). Copy the link instead."
                ))),
            }
        });
    };
    let copy = move |_| {
        let url = link.get_untracked();
        leptos::task::spawn_local(async move {
            set_message.set(Some(match share::copy_text(&url).await {
                Ok(()) => "Link copied. Paste it into a message.".into(),
                Err(_) => {
                    "Copying is not allowed here. Select the link below and copy it by hand.".into()
                }
            }));
        });
    };
    view! {
        <article class="card share" role="region" aria-label="Share this plan">
            <h2>"Share this plan"</h2>
            <p class="muted">"The link holds the exercises, doses and schedule only. No pain scores, check-ins or health answers, and nothing is uploaded: the plan travels inside the link."</p>
            {flaring.then(|| view! { <p class="notice">"You are in flare-up mode. The link shares your strength sessions as they stand for this week, not the flare routine: it is the plan you go back to once your back has settled."</p> })}
            <label for="share-title">"Name it"</label>
            <input id="share-title" maxlength="60" prop:value=title on:input=move |ev| set_title.set(event_target_value(&ev))/>
            <div class="stack">
                {can_share.then(|| view! { <button class="primary" on:click=send>"Share…"</button> })}
                <button on:click=copy>"Copy link"</button>
                <button on:click=move |_| set_show_qr.update(|s| *s = !*s) aria-expanded=move || show_qr.get().to_string()>
                    {move || if show_qr.get() { "Hide QR code" } else { "Show QR code" }}
                </button>
            </div>
            {move || message.get().map(|m| view! { <p class="message" role="status">{m}</p> })}
            {move || show_qr.get().then(|| {
                let url = link.get();
                match qr_svg(&url) {
                    Some(svg) => {
                        let svg = svg.find("<svg").map(|i| svg[i..].to_string()).unwrap_or_default();
                        view! { <div class="qr" role="img" aria-label="QR code of the plan link" inner_html=svg></div> }.into_any()
                    }
                    None => view! { <p class="error" role="alert">"This plan is too large for a QR code. Share the link instead."</p> }.into_any(),
                }
            })}
            <label for="share-link">{move || format!("The link ({} characters)", link.get().len())}</label>
            <textarea id="share-link" class="link" readonly rows="3" prop:value=move || link.get()></textarea>
        </article>
    }
}

/// Save a shared plan on this device; the user's own plan and history stay as they are.
#[component]
fn SaveShared(plan: SharedPlan, code: String) -> impl IntoView {
    let data = use_data();
    let (saved, set_saved) = signal(false);
    let (error, set_error) = signal(None::<String>);
    let has_profile = move || data.with(|l| l.profile.is_some()).unwrap_or(false);
    let save = move |_| {
        let record = SavedPlan {
            title: plan.title.clone(),
            code: code.clone(),
            saved: clock::today(),
        };
        leptos::task::spawn_local(async move {
            match data
                .write(|db| async move { db.save_shared_plan(&record, clock::now_ms()).await })
                .await
            {
                Ok(_) => set_saved.set(true),
                Err(e) => set_error.set(Some(format!("The plan was not saved: {e}"))),
            }
        });
    };
    view! {
        {move || if saved.get() {
            view! {
                <p class="message" role="status">"Saved to your plans. Your own plan and history have not changed."</p>
                {if has_profile() {
                    view! { <A href="/plan" attr:class="button primary">"See it under Plan"</A> }.into_any()
                } else {
                    view! {
                        <p>"Set up Backstrong first (a few safety questions and your equipment). Then you can follow this plan from the Plan screen."</p>
                        <A href="/start" attr:class="button primary">"Set up Backstrong"</A>
                    }.into_any()
                }}
            }.into_any()
        } else {
            view! {
                <button class="primary" on:click=save.clone()>"Import as a new plan"</button>
                <p class="muted small">"Importing only saves it. Nothing replaces your own plan unless you choose to follow it."</p>
            }.into_any()
        }}
        {move || error.get().map(|e| view! { <super::widgets::Alert text=e/> })}
    }
}

/// The screen a shared link opens: preview first, then an explicit import.
#[component]
pub fn OpenLink() -> impl IntoView {
    // A new link pasted into the address bar changes only the fragment: no page load.
    let (fragment, set_fragment) = signal(share::fragment());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_fragment.set(share::fragment())
    });
    on_cleanup(move || listener.remove());
    view! {
        <section class="screen" aria-labelledby="open-title">
            <h1 id="open-title">"A shared plan"</h1>
            {move || {
                let fragment = fragment.get();
                let code = code_of(&fragment).to_string();
                match decode_link(&fragment) {
                Ok(plan) => view! {
                    <article class="card" role="region" aria-label="Plan preview">
                        <PlanPreview plan=plan.clone()/>
                    </article>
                    <SaveShared plan=plan code=code/>
                }.into_any(),
                Err(e) => view! {
                    <p class="error" role="alert">{e.message()}</p>
                    <ImportBox/>
                }.into_any(),
            }}}
            <A href="/" attr:class="button">"Back to Today"</A>
        </section>
    }
}

/// For links that open in the browser instead of the installed app (iOS): paste here.
#[component]
pub fn ImportBox() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let (result, set_result) = signal(None::<Result<(SharedPlan, String), String>>);
    let open = move |_| {
        let t = text.get_untracked();
        set_result.set(Some(
            decode_link(&t)
                .map(|p| (p, code_of(&t).to_string()))
                .map_err(|e| e.message()),
        ));
    };
    view! {
        <article class="card" role="region" aria-label="Import a plan">
            <h2>"Import a plan from a link or code"</h2>
            <label for="import-link">"Paste the link someone sent you"</label>
            <textarea id="import-link" rows="3" prop:value=text on:input=move |ev| { set_text.set(event_target_value(&ev)); set_result.set(None); }></textarea>
            <button on:click=open>"Show the plan"</button>
            {move || match result.get() {
                None => ().into_any(),
                Some(Err(m)) => view! { <p class="error" role="alert">{m}</p> }.into_any(),
                Some(Ok((plan, code))) => view! {
                    <PlanPreview plan=plan.clone()/>
                    <SaveShared plan=plan code=code/>
                }.into_any(),
            }}
        </article>
    }
}

fn not_taken_words(why: NotTaken) -> &'static str {
    match why {
        NotTaken::Equipment => "needs equipment you have not listed",
        NotTaken::LaterPhase => "belongs to a later phase; it comes when you get there",
        NotTaken::NotInYourPlan => "your plan does not train that movement in this phase",
    }
}

/// What following a saved plan would change, and the explicit choice to do it.
#[component]
fn Follow(
    shared: SharedPlan,
    plan: Plan,
    profile: Profile,
    followed: WriteSignal<Option<String>>,
) -> impl IntoView {
    let data = use_data();
    let today = clock::today();
    let setup_now = data
        .with(|l| l.history.current_setup(&profile))
        .unwrap_or_else(|| profile.setup());
    let now_ms = clock::now_ms();
    let a = adopt_shared_plan(&shared, &profile, &setup_now, &plan, today, now_ms);
    let title = shared.title.clone();
    let changes: Vec<String> = a
        .swaps
        .iter()
        .filter_map(|s| {
            let from = crate::domain::library::exercise(&s.from)?;
            let to = crate::domain::library::exercise(&s.to)?;
            Some(format!("{} instead of {}", to.name, from.name))
        })
        .collect();
    let waits: Vec<String> = a
        .not_taken
        .iter()
        .map(|(e, why)| format!("{}: {}", e.name, not_taken_words(*why)))
        .collect();
    let schedule = format!(
        "{} sessions a week of about {} minutes, from next week",
        a.setup.setup.days_per_week, a.setup.setup.session_minutes
    );
    let new_rehab = a.profile.rehab.len() - profile.rehab.len();
    let follow = move |_| {
        let profile = a.profile.clone();
        let now = now_ms;
        let mut events: Vec<(Event, i64)> = vec![(Event::Setup(a.setup.clone()), now)];
        events.extend(
            a.swaps
                .iter()
                .enumerate()
                .map(|(i, s)| (Event::Swap(s.clone()), now + 1 + i as i64)),
        );
        let title = title.clone();
        leptos::task::spawn_local(async move {
            if data
                .write(|db| async move { db.follow_plan(&profile, &events).await })
                .await
                .is_ok()
            {
                followed.set(Some(title));
            }
        });
    };
    view! {
        <div class="follow">
            <h3>"If you follow it"</h3>
            <ul>
                <li>{format!("Schedule: {schedule}.")}</li>
                {changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                {(new_rehab > 0).then(|| view! { <li>{format!("{new_rehab} physiotherapy exercise(s) added to your list.")}</li> })}
                {waits.into_iter().map(|w| view! { <li class="muted">{w}</li> }).collect_view()}
            </ul>
            <p class="muted small">"Your own phase, loads and history stay yours: each new exercise starts light and rises by the same rules as the rest of your plan."</p>
            <button class="primary" on:click=follow>"Follow this plan from today"</button>
        </div>
    }
}

/// Plans shared with the user and saved on this device.
#[component]
pub fn SavedPlans() -> impl IntoView {
    let data = use_data();
    let state = use_plan_state();
    let saved = move || data.with(|l| l.shared.clone()).unwrap_or_default();
    let (followed, set_followed) = signal(None::<String>);
    let remove = move |key: String| {
        leptos::task::spawn_local(async move {
            let _ = data
                .write(|db| async move { db.delete_shared_plan(&key).await })
                .await;
        });
    };
    view! {
        {move || followed.get().map(|t| view! {
            <p class="message" role="status">{format!("You are now following \u{201c}{t}\u{201d}. Your history is unchanged; the plan above shows what changed.")}</p>
        })}
        {move || {
            let list = saved();
            (!list.is_empty()).then(|| view! {
                <h2>"Plans shared with you"</h2>
                {list.into_iter().rev().map(|(key, s)| {
                    let body = match decode_link(&s.code) {
                        Err(e) => view! { <p class="error">{e.message()}</p> }.into_any(),
                        Ok(shared) => {
                            let follow = match state.get_untracked() {
                                PlanState::Ready(plan, profile) => view! { <Follow shared=shared.clone() plan=*plan profile=*profile followed=set_followed/> }.into_any(),
                                PlanState::Blocked(_) => view! { <p class="muted">"Answer the safety questions on Today first; then you can follow this one."</p> }.into_any(),
                                _ => view! { <p class="muted">"Finish setting up your own plan first; then you can follow this one."</p> }.into_any(),
                            };
                            view! { <PlanPreview plan=shared/> {follow} }.into_any()
                        }
                    };
                    let k = key.clone();
                    view! {
                        <details class="card saved-plan">
                            <summary><span>{s.title.clone()}</span><span class="muted small">{format!("saved {}", super::dates::long_date(s.saved))}</span></summary>
                            {body}
                            <button on:click=move |_| remove(k.clone())>"Remove from this device"</button>
                        </details>
                    }
                }).collect_view()}
            })
        }}
    }
}
