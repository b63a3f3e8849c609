//! A one-page summary to hand to a physiotherapist or doctor (rules §9). The print
//! stylesheet turns it into paper or a PDF; nothing is sent anywhere.

use super::chart::{dec1, direction_words, BarLineChart};
use super::data::use_data;
use super::monthly::MonthComparison;
use super::plan_state::{use_plan_state, PlanState};
use crate::domain::insight::{monday_of, month_over_month, psfs_series, trend, weekly_figures};
use crate::domain::library::Pattern;
use crate::domain::safety::RedFlag;
use crate::platform::clock;
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

const QUESTIONS: [&str; 5] = [
    "What do you think is most likely driving my pain?",
    "Which movements or activities should I go easy on for now, and for how long?",
    "Which signs mean I should stop and come back to see you?",
    "How should I keep progressing once our appointments end?",
    "Is there anything in this summary that worries you?",
];

#[component]
pub fn Summary() -> impl IntoView {
    let data = use_data();
    let state = use_plan_state();
    let today = clock::today();
    // The latest twelve weeks, from the program's start at the earliest.
    let from = move |start: NaiveDate| (today - Days::new(7 * 12 - 1)).max(start.min(today));
    // A start reads only recent records: this page reads the weeks it shows.
    // While the safety gate is closed there is no plan, but the summary is most needed
    // then: everything but this week's exercises.
    let setup = move || match state.get() {
        PlanState::Ready(plan, profile) => Some((Some(plan), *profile)),
        PlanState::Blocked(_) => data
            .with(|l| l.profile.clone())
            .flatten()
            .map(|p| (None, p)),
        PlanState::Loading | PlanState::NoProfile => None,
    };
    Effect::new(move || {
        if let Some((_, profile)) = setup() {
            data.need_from(Some(monday_of(from(profile.start))));
        }
    });
    let body = move || {
        let Some((plan, profile)) = setup() else {
            return view! { <p>"The summary is ready once your plan is set up."</p> }.into_any();
        };
        let from = from(profile.start);
        if data.with(|l| l.holds_from(monday_of(from))) != Some(true) {
            return view! { <p class="muted">"Reading your history…"</p> }.into_any();
        }
        data.with(|l| {
            let weeks = weekly_figures(&l.history, &l.flare_periods(), from, today);
            let pains: Vec<Option<f32>> = weeks.iter().map(|w| w.pain).collect();
            let trend_text = match trend(&pains, 4) {
                Some(t) => format!(
                    "Average daily pain (0–10) was {} over the latest {} weeks with check-ins, {} the {} weeks before ({}).",
                    dec1(t.after), t.weeks_after, direction_words(t.direction()), t.weeks_before, dec1(t.before)
                ),
                None => "Not enough daily check-ins yet for a trend.".into(),
            };
            let (this, last) = month_over_month(&l.history, &l.flare_periods(), today);
            let answers = &l.safety.answers;
            let (psfs_points, _) = psfs_series(&l.psfs);
            let first_psfs = l.psfs.iter().min_by_key(|r| r.day);
            let last_psfs = l.psfs.iter().max_by_key(|r| r.day);
            let flares: Vec<String> = l
                .flare_periods()
                .into_iter()
                .map(|(s, e)| match e {
                    Some(e) => format!("{} to {} ({} days)", super::dates::long_date(s), super::dates::long_date(e), (e - s).num_days()),
                    None => format!("Since {} (ongoing)", super::dates::long_date(s)),
                })
                .collect();
            // New symptoms told at check-ins: kept for the professional to see.
            let reported: Vec<NaiveDate> = l
                .history
                .checkins
                .iter()
                .filter(|c| c.new_symptoms && c.day >= from)
                .map(|c| c.day)
                .collect();
            let patterns = Pattern::STRENGTH;
            let current: Vec<(Pattern, String)> = patterns
                .iter()
                .filter_map(|p| {
                    let names: Vec<&str> = plan
                        .iter()
                        .flat_map(|plan| &plan.sessions)
                        .flat_map(|s| &s.exercises)
                        .filter(|e| e.exercise.pattern() == *p)
                        .map(|e| e.exercise.name)
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    let sessions = l.history.sessions.iter().filter(|s| s.day >= from && s.sets().any(|x| crate::domain::library::exercise(&x.exercise).is_some_and(|e| e.pattern() == *p))).count();
                    (!names.is_empty() || sessions > 0).then(|| (*p, format!("{} sessions in 12 weeks; now: {}", sessions, if names.is_empty() { "not in this week's plan".to_string() } else { names.join(", ") })))
                })
                .collect();
            view! {
                <section class="print-section" aria-labelledby="s-program">
                    <h2 id="s-program">"Programme"</h2>
                    <p>{match &plan {
                        Some(plan) => format!("Started {}. Now week {}, {}. {} strength sessions a week, about {} minutes each.", super::dates::long_date(profile.start), plan.week, plan.phase.title(), profile.days_per_week, profile.session_minutes),
                        None => format!("Started {}. {} strength sessions a week, about {} minutes each. Training is paused until the red-flag questions below are dealt with.", super::dates::long_date(profile.start), profile.days_per_week, profile.session_minutes),
                    }}</p>
                </section>
                <section class="print-section" aria-labelledby="s-safety">
                    <h2 id="s-safety">"Red-flag questions"</h2>
                    <p>{match answers.day { Some(d) => format!("Last answered {}.", super::dates::long_date(d)), None => "Not answered yet.".into() }}</p>
                    <ul class="plain flags">
                        {RedFlag::ALL.into_iter().map(|f| {
                            let yes = answers.yes.contains(&f);
                            view! { <li><span>{f.question()}</span>" "<strong>{if yes { "Yes" } else { "No" }}</strong></li> }
                        }).collect_view()}
                    </ul>
                    {(!reported.is_empty()).then(|| view! {
                        <p>"New symptoms reported at daily check-ins:"</p>
                        <ul>{reported.iter().map(|d| view! { <li>{format!("New symptom reported on {}", super::dates::long_date(*d))}</li> }).collect_view()}</ul>
                    })}
                    {if l.safety.clearances.is_empty() {
                        view! { <p>"No clearances recorded."</p> }.into_any()
                    } else {
                        view! { <ul>{l.safety.clearances.iter().map(|c| view! { <li>{format!("Cleared by a professional on {} for: {}", super::dates::long_date(c.day), c.covers.iter().map(|f| f.question()).collect::<Vec<_>>().join(" "))}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <section class="print-section" aria-labelledby="s-pain">
                    <h2 id="s-pain">"Pain trend (last 12 weeks)"</h2>
                    <BarLineChart title="Pain and training".into() bars=weeks.iter().map(|w| f64::from(w.sets)).collect() line=pains.iter().map(|p| p.map(f64::from)).collect() line_max=10.0 reading=trend_text legend=("sets per week", "daily pain (0–10)")/>
                    <MonthComparison this=this last=last/>
                </section>
                <section class="print-section" aria-labelledby="s-function">
                    <h2 id="s-function">"Function (Patient-Specific Functional Scale)"</h2>
                    {match (first_psfs, last_psfs) {
                        (Some(a), Some(b)) => view! {
                            <table class="log">
                                <thead><tr><th scope="col">"Activity"</th><th scope="col">{super::dates::long_date(a.day)}</th><th scope="col">{super::dates::long_date(b.day)}</th></tr></thead>
                                <tbody>{a.scores.iter().map(|(name, s)| {
                                    let now = b.scores.iter().find(|(n, _)| n == name).map(|(_, v)| v.to_string()).unwrap_or_else(|| "–".into());
                                    view! { <tr><th scope="row">{name.clone()}</th><td>{s.to_string()}</td><td>{now}</td></tr> }
                                }).collect_view()}</tbody>
                            </table>
                            <p class="small">{format!("{} rating(s). A change of 2 points or more in the average is meaningful.", psfs_points.len())}</p>
                        }.into_any(),
                        _ => view! { <p>"No ratings yet."</p> }.into_any(),
                    }}
                </section>
                <section class="print-section" aria-labelledby="s-training">
                    <h2 id="s-training">"Training by movement"</h2>
                    <ul>{current.into_iter().map(|(p, t)| view! { <li><strong>{p.label()}</strong>": "{t}</li> }).collect_view()}</ul>
                </section>
                <section class="print-section" aria-labelledby="s-flares">
                    <h2 id="s-flares">"Flare-ups"</h2>
                    {if flares.is_empty() {
                        view! { <p>"None recorded."</p> }.into_any()
                    } else {
                        view! { <ul>{flares.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <section class="print-section" aria-labelledby="s-questions">
                    <h2 id="s-questions">"Questions for the visit"</h2>
                    <ol>{QUESTIONS.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}</ol>
                </section>
            }.into_any()
        })
        .unwrap_or_else(|| ().into_any())
    };
    view! {
        <section class="screen summary" aria-labelledby="summary-title">
            <h1 id="summary-title">"Summary for your physio"</h1>
            <p class="muted">{format!("From the Backstrong log kept on this phone, {}. Written by the user's app from their own notes; not a diagnosis.", super::dates::long_date(today))}</p>
            <div class="no-print stack">
                <button class="primary" on:click=move |_| crate::platform::page::print()>"Print or save as PDF"</button>
                <A href="/history" attr:class="button">"Back to History"</A>
            </div>
            {body}
        </section>
    }
}
