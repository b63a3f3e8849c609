//! History: how pain, training load and habits moved together, per exercise and over
//! months. Figures come from `domain::insight`; this file only lays them out.

use super::chart::{dec1, direction_words, BandChart, BarLineChart, CapChart, PhaseTimeline};
use super::data::use_data;
use super::plan_state::{use_plan_state, PlanState};
use crate::domain::checkin::CheckIn;
use crate::domain::history::History as Log;
use crate::domain::insight::{
    exercise_days, habit_split, in_blocks, ladder_positions, monday_of, psfs_meaningful,
    psfs_series, trend, trigger_findings, volume_with_cap, weekly_figures, weeks_within_cap,
    WeekFigures,
};
use crate::domain::library::{exercise, ladder, Exercise, Pattern};
use crate::domain::order;
use crate::domain::profile::OWN_PREFIX;
use crate::domain::psfs::{PsfsRating, PSFS_MEANINGFUL_CHANGE};
use crate::domain::schedule::week_start;
use crate::domain::units::Units;
use crate::platform::clock;
use crate::state::Loaded;
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// Past this many weeks, charts draw 4-week blocks.
const LONG_WEEKS: usize = 104;

const RANGES: [(&str, Option<u64>); 4] = [
    ("3 months", Some(13)),
    ("6 months", Some(26)),
    ("1 year", Some(52)),
    ("All", None),
];

fn opt(v: Option<f32>) -> Option<f64> {
    v.map(f64::from)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn mean_of(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

fn pain_reading(weeks: &[WeekFigures]) -> String {
    let pains: Vec<Option<f32>> = weeks.iter().map(|w| w.pain).collect();
    let Some(t) = trend(&pains, 4) else {
        return "A few more weeks of daily check-ins are needed before a trend can be read.".into();
    };
    let sets: Vec<f64> = weeks.iter().map(|w| f64::from(w.sets)).collect();
    let last4 = mean_of(&sets[sets.len().saturating_sub(4)..]);
    let prev4 = mean_of(&sets[sets.len().saturating_sub(8)..sets.len().saturating_sub(4)]);
    let direction = direction_words(t.direction());
    format!(
        "Daily pain averaged {} over the latest {}, {direction} the {} before ({}). Sets per week: {} lately, {} in the four weeks before.",
        dec1(t.after),
        plural(t.weeks_after, "week", "weeks"),
        plural(t.weeks_before, "week", "weeks"),
        dec1(t.before),
        last4.round() as i64,
        prev4.round() as i64
    )
}

fn habit_reading(
    weeks: &[WeekFigures],
    habit: fn(&WeekFigures) -> Option<f32>,
    more: &str,
) -> String {
    match habit_split(weeks, habit) {
        None => "Not enough weeks with check-ins yet to compare.".into(),
        Some(s) => format!(
            "In the {} with {more} than your usual {}, pain averaged {}; in the other {}, {}. This is your own data, not proof of a cause.",
            plural(s.weeks_above, "week", "weeks"),
            dec1(s.median),
            dec1(s.pain_above),
            plural(s.weeks_rest, "week", "weeks"),
            dec1(s.pain_rest)
        ),
    }
}

/// Everything History shows, computed once per data change and range.
#[derive(Clone, PartialEq)]
struct Figures {
    weeks: Vec<WeekFigures>,
    phases: Vec<u8>,
    flare_weeks: Vec<bool>,
    psfs: Vec<PsfsRating>,
    exercises: Vec<&'static Exercise>,
    /// Ids of the user's own exercises trained in the range.
    own: Vec<String>,
    /// Shared with every exercise's history instead of copied into each (Arc: memos want Send).
    log: Arc<Log>,
    units: Units,
    has_data: bool,
    /// Calendar weeks from the first record to today: the ranges matter only past a few.
    weeks_logged: i64,
}

/// The first day a range shows: `weeks` back from today, never before the program's start.
fn range_from(start: Option<NaiveDate>, range: Option<u64>, today: NaiveDate) -> NaiveDate {
    let start = start.map_or(today, |s| s.min(today));
    match range {
        Some(w) => (today - Days::new(7 * w - 1)).max(start),
        None => start,
    }
}

/// What History shows from `from` on. `loaded` holds every record from the Monday of
/// `from`'s week on (weekly figures count whole weeks), and perhaps older ones.
fn figures(
    loaded: &Loaded,
    state: &PlanState,
    from: NaiveDate,
    today: NaiveDate,
    units: Units,
) -> Figures {
    let (log, psfs) = (&loaded.history, &loaded.psfs);
    // While the safety gate is closed there is no plan, but the history is still shown.
    let start = loaded.profile.as_ref().map_or(today, |p| p.start);
    let phase_history = match state {
        PlanState::Ready(plan, _) => plan
            .phase_history
            .iter()
            .map(|p| p.number())
            .collect::<Vec<u8>>(),
        _ => Vec::new(),
    };
    // From a checkpoint, the flares over before it come from there.
    let periods = loaded.flare_periods();
    let weeks = weekly_figures(log, &periods, from, today);
    // Program weeks inside the range, with any flare day in them.
    let first_week = phase_history
        .iter()
        .enumerate()
        .position(|(i, _)| week_start(start, i as u32 + 1) > from)
        .unwrap_or(0);
    let phases = phase_history[first_week.min(phase_history.len())..].to_vec();
    let flare_weeks = (first_week..first_week + phases.len())
        .map(|i| {
            let (a, b) = (week_start(start, i as u32), week_start(start, i as u32 + 1));
            periods
                .iter()
                .any(|(s, e)| *s < b && e.is_none_or(|e| e > a))
        })
        .collect();
    let mut seen: Vec<(NaiveDate, &'static Exercise)> = Vec::new();
    for s in log.sessions.iter().filter(|s| s.day >= from) {
        for set in s.sets().filter(|x| x.amount > 0) {
            if let Some(e) = exercise(&set.exercise) {
                match seen.iter_mut().find(|(_, x)| x.id == e.id) {
                    Some(entry) => entry.0 = entry.0.max(s.day),
                    None => seen.push((s.day, e)),
                }
            }
        }
    }
    order::sort_by(&mut seen, |a, b| b.0.cmp(&a.0).then(a.1.name.cmp(b.1.name)));
    let mut own: Vec<String> = log
        .sessions
        .iter()
        .filter(|s| s.day >= from)
        .flat_map(|s| s.sets())
        .filter(|x| x.exercise.starts_with(OWN_PREFIX))
        .map(|x| x.exercise.clone())
        .collect();
    order::sort(&mut own);
    own.dedup();
    let sessions: Vec<_> = log
        .sessions
        .iter()
        .filter(|s| s.day >= from)
        .cloned()
        .collect();
    let first = loaded.first_logged();
    let has_data = first.is_some();
    let weeks_logged = first.map_or(0, |d| (today - d).num_days() / 7 + 1);
    Figures {
        weeks,
        phases,
        flare_weeks,
        psfs: psfs.to_vec(),
        exercises: seen.into_iter().map(|(_, e)| e).collect(),
        own,
        log: Arc::new(Log {
            sessions,
            checkins: log
                .checkins
                .iter()
                .filter(|c| c.day >= from)
                .cloned()
                .collect(),
            ..Log::default()
        }),
        units,
        has_data,
        weeks_logged,
    }
}

#[component]
fn Charts(f: Figures) -> impl IntoView {
    // Readings always use calendar weeks; past two years the bars are 4-week blocks (an
    // average week each) and the 10 % charts show the latest year, week by week.
    let weeks = &f.weeks;
    let long = weeks.len() > LONG_WEEKS;
    let blocks = if long {
        in_blocks(weeks, 4)
    } else {
        weeks.clone()
    };
    let w = &blocks;
    let cap_weeks = &weeks[if long { weeks.len() - 52 } else { 0 }..];
    let pain: Vec<Option<f64>> = w.iter().map(|x| opt(x.pain)).collect();
    let trained: Vec<Pattern> = Pattern::STRENGTH
        .into_iter()
        .filter(|p| w.iter().any(|x| x.volume.get(p).is_some_and(|v| *v > 0)))
        .collect();
    let walking: Vec<f64> = w.iter().map(|x| f64::from(x.walking_minutes)).collect();
    let mobility: Vec<Option<f64>> = w
        .iter()
        .map(|x| (x.checkins > 0).then_some(f64::from(x.mobility_days)))
        .collect();
    let walk_reading = walk_reading(weeks);
    let (psfs_points, band) = psfs_series(&f.psfs);
    let psfs_reading = psfs_reading(&psfs_points);
    let phase_reading = phase_reading(&f);
    let pain_reading = pain_reading(weeks);
    // A chart is drawn once there are two weeks to compare; until then its name goes in
    // one line that says when it will show.
    let first_day = f
        .log
        .sessions
        .iter()
        .map(|s| s.day)
        .chain(f.log.checkins.iter().map(|c| c.day))
        .min();
    let two_weeks = first_day.is_some_and(|d| (clock::today() - d).num_days() >= 13);
    let enough = |has: &dyn Fn(&WeekFigures) -> bool| {
        two_weeks && weeks.iter().filter(|x| has(x)).count() >= 2
    };
    let show_pain = enough(&|x| x.pain.is_some() || x.sets > 0);
    let show_walk = enough(&|x| x.checkins > 0);
    let show_sleep = enough(&|x| x.sleep.is_some());
    let show_stress = enough(&|x| x.stress.is_some());
    let show_protein = enough(&|x| x.protein.is_some());
    let show_water = enough(&|x| x.water.is_some());
    let show_phases = f.phases.len() >= 2;
    let show_psfs = psfs_points.len() >= 2;
    let trained: Vec<Pattern> = trained
        .into_iter()
        .filter(|p| enough(&|x: &WeekFigures| x.volume.get(p).is_some_and(|v| *v > 0)))
        .collect();
    let pending_line = pending_line(
        &[
            (show_pain, "pain against training"),
            (!trained.is_empty(), "weekly volume by movement"),
            (show_walk, "walking and mobility"),
            (
                show_sleep && show_stress && show_protein && show_water,
                "sleep, stress, protein and water beside pain",
            ),
            (show_phases, "your phases"),
            (show_psfs, "how your activity scores change"),
        ],
        show_psfs,
    );
    view! {
        {pending_line.map(|l| view! { <p class="card notice" role="note">{l}</p> })}
        <h2 id="each-exercise">"Each exercise"</h2>
        {if f.exercises.is_empty() {
            view! { <p class="muted">"Exercises you log appear here, session by session."</p> }.into_any()
        } else {
            f.exercises.iter().map(|e| view! { <ExerciseHistory e=*e log=f.log.clone() units=f.units/> }).collect_view().into_any()
        }}
        {f.own.iter().map(|id| view! { <OwnHistory id=id.clone() log=f.log.clone() units=f.units/> }).collect_view()}

        {long.then(|| view! { <p class="muted small">"Over this long a range, each bar is four weeks: an average week of them."</p> })}
        {show_pain.then(|| view! {
            <h2>"Pain and training"</h2>
            <BarLineChart title="Pain against training".into() bars=w.iter().map(|x| f64::from(x.sets)).collect() line=pain.clone() line_max=10.0
                reading=pain_reading legend=("sets per week", "daily pain (0–10)")/>
        })}
        {(!trained.is_empty()).then(|| view! {
            <h2>"Weekly volume by movement"</h2>
            {long.then(|| view! { <p class="muted small">{format!("The last 52 weeks, week by week: the {} rule is about one week against the one before.", super::words::weekly_cap())}</p> })}
        })}
        {
            trained.into_iter().map(|p| {
                let series = volume_with_cap(cap_weeks, p);
                let (ok, judged) = weeks_within_cap(&series);
                let reading = if judged == 0 {
                    "Two weeks in a row are needed to compare.".to_string()
                } else {
                    format!("{ok} of {judged} weekly rises stayed within {}. Bars over the line are usually extra work you chose or a week back after a break.", super::words::weekly_cap())
                };
                view! { <CapChart title=p.label().to_string() series=series reading=reading/> }
            }).collect_view()
        }
        {show_walk.then(|| view! {
            <h2>"Walking and mobility"</h2>
            <BarLineChart title="Walking and mobility".into() bars=walking line=mobility line_max=7.0 reading=walk_reading legend=("walking minutes a week", "mobility days (0–7)")/>
        })}
        {(show_sleep || show_stress || show_protein || show_water).then(|| view! { <h2>"Habits beside pain"</h2> })}
        {show_sleep.then(|| view! {
            <BarLineChart title="Sleep".into() bars=w.iter().map(|x| f64::from(x.sleep.unwrap_or(0.0))).collect() line=pain.clone() line_max=10.0
                reading=habit_reading(weeks, |x| x.sleep, "more sleep") legend=("hours of sleep", "pain")/>
        })}
        {show_stress.then(|| view! {
            <BarLineChart title="Stress".into() bars=w.iter().map(|x| f64::from(x.stress.unwrap_or(0.0))).collect() line=pain.clone() line_max=10.0
                reading=habit_reading(weeks, |x| x.stress, "more stress") legend=("stress (0–10)", "pain")/>
        })}
        {show_protein.then(|| view! {
            <BarLineChart title="Protein".into() bars=w.iter().map(|x| f64::from(x.protein.unwrap_or(0.0))).collect() line=pain.clone() line_max=10.0
                reading=habit_reading(weeks, |x| x.protein, "more protein meals") legend=("protein meals a day", "pain")/>
        })}
        {show_water.then(|| view! {
            <BarLineChart title="Water".into() bars=w.iter().map(|x| f64::from(x.water.unwrap_or(0.0))).collect() line=pain.clone() line_max=10.0
                reading=habit_reading(weeks, |x| x.water, "more water") legend=("glasses of water a day", "pain")/>
        })}
        {show_phases.then(|| view! {
            <h2>"Phases and flare-ups"</h2>
            <PhaseTimeline phases=f.phases.clone() flare=f.flare_weeks.clone() reading=phase_reading/>
        })}
        {show_psfs.then(|| view! {
            <h2>"What you can do (function)"</h2>
            <BandChart title="Activity scores".into() points=psfs_points.iter().map(|p| f64::from(p.1)).collect() band=band.map(|(a, b)| (f64::from(a), f64::from(b))) reading=psfs_reading/>
        })}
        <TriggersCard checkins=f.log.checkins.clone()/>
    }
}

/// Walking and mobility over the last four weeks, in a sentence.
fn walk_reading(weeks: &[WeekFigures]) -> String {
    let last4 = &weeks[weeks.len().saturating_sub(4)..];
    format!(
        "Lately {} minutes of walking a week and mobility on {} of the last {} check-in days.",
        mean_of(
            &last4
                .iter()
                .map(|x| f64::from(x.walking_minutes))
                .collect::<Vec<_>>()
        )
        .round() as i64,
        last4.iter().map(|x| x.mobility_days).sum::<u32>(),
        last4.iter().map(|x| x.checkins).sum::<u32>()
    )
}

/// How the activity scores moved, first rating to last, and whether that is meaningful.
fn psfs_reading(points: &[(chrono::NaiveDate, f32)]) -> String {
    match (points.first(), points.last()) {
        (Some(a), Some(b)) if points.len() > 1 => {
            let delta = b.1 - a.1;
            let verdict = if psfs_meaningful(delta) {
                "a meaningful change".to_string()
            } else {
                format!("not yet a meaningful change ({PSFS_MEANINGFUL_CHANGE} points)")
            };
            format!(
                "From {} to {} across {}: {verdict}.",
                dec1(a.1),
                dec1(b.1),
                plural(points.len(), "rating", "ratings")
            )
        }
        (Some(a), _) => format!(
            "First rating {}. Rate the same activities again at the monthly check-in to see change.",
            dec1(a.1)
        ),
        _ => "No function ratings yet.".into(),
    }
}

/// The phase now, and how many weeks of the range a flare-up touched.
fn phase_reading(f: &Figures) -> String {
    let flare_count = f.flare_weeks.iter().filter(|x| **x).count();
    match f.phases.last() {
        Some(p) => format!(
            "Now in phase {p}. {} touched by a flare-up in this range.",
            plural(flare_count, "week was", "weeks were")
        ),
        None => "Your phases show here once your plan has started.".into(),
    }
}

/// One line naming the charts still to come, once there are two weeks to compare.
fn pending_line(charts: &[(bool, &str)], show_psfs: bool) -> Option<String> {
    let pending: Vec<&str> = charts
        .iter()
        .filter(|(shown, _)| !shown)
        .map(|(_, name)| *name)
        .collect();
    (!pending.is_empty()).then(|| {
        let list = match pending.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        };
        let scores = if show_psfs {
            ""
        } else {
            " Activity scores need a second rating, at the monthly check-in."
        };
        format!("Still to come, once there are two weeks to compare: {list}.{scores}")
    })
}

/// Triggers that go with worse days in the user's own check-ins, and those noted too
/// rarely to say.
#[component]
fn TriggersCard(checkins: Vec<CheckIn>) -> impl IntoView {
    let (links, thin) = trigger_findings(&checkins);
    view! {
        <h2>"Pain triggers"</h2>
        <article class="card triggers" role="region" aria-label="Pain triggers">
            {if links.is_empty() {
                view! { <p>"No trigger stands out in your check-ins yet. A link shows here once a trigger was noted on at least 3 days and pain on those days was a point or more higher."</p> }.into_any()
            } else {
                view! { <ul>{links.iter().map(|l| view! { <li>{format!(
                    "{}: on the {} you noted it, pain averaged {}; on the other {}, {}.",
                    l.trigger.label(), plural(l.days_with, "day", "days"), dec1(l.mean_pain_with), plural(l.days_without, "day", "days"), dec1(l.mean_pain_without)
                )}</li> }).collect_view()}</ul>
                <p class="muted small">"These go together in your own notes; that does not prove one causes the other."</p> }.into_any()
            }}
            {(!thin.is_empty()).then(|| view! {
                <p class="muted small">{format!("Noted, no clear link yet: {}.", thin.iter().map(|l| format!("{} ({})", l.trigger.label(), plural(l.days_with, "day", "days"))).collect::<Vec<_>>().join(", "))}</p>
            })}
        </article>
    }
}

#[component]
fn ExerciseHistory(e: &'static Exercise, log: Arc<Log>, units: Units) -> impl IntoView {
    let days = exercise_days(&log.sessions, e.id);
    let rungs = ladder_positions(&log.sessions, e.ladder);
    let top = ladder(e.ladder).count().saturating_sub(1).max(1) as f64;
    let last = days
        .last()
        .map(|d| super::dose::logged_words(&d.sets, e.measure, units));
    let summary = format!(
        "{} · last {}",
        plural(days.len(), "session", "sessions"),
        last.unwrap_or_default()
    );
    let rung_reading = match (rungs.first(), rungs.last()) {
        (Some(a), Some(b)) if b.1 > a.1 => format!(
            "Up {} on its ladder in this range.",
            plural(b.1 - a.1, "step", "steps")
        ),
        (Some(a), Some(b)) if b.1 < a.1 => format!(
            "Down {} on its ladder: easier variations while pain settled.",
            plural(a.1 - b.1, "step", "steps")
        ),
        _ => "Same step of its ladder throughout this range.".into(),
    };
    let pattern = e.pattern().label();
    view! {
        <details class="card exercise-history">
            <summary><span>{e.name}</span><span class="muted small">{summary}</span></summary>
            <BarLineChart title=format!("{pattern}: step on the ladder") bars=Vec::new()
                line=rungs.iter().map(|r| Some(r.1 as f64)).collect() line_max=top reading=rung_reading/>
            <table class="log">
                <thead><tr><th scope="col">"Day"</th><th scope="col">"Sets"</th><th scope="col">"Pain"</th></tr></thead>
                <tbody>
                    {days.iter().rev().take(20).map(|d| {
                        view! { <tr><td>{super::dates::long_date(d.day)}</td><td>{super::dose::logged_words(&d.sets, e.measure, units)}</td><td>{d.pain.map(|p| p.to_string()).unwrap_or_else(|| "–".into())}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
            {(days.len() > 20).then(|| view! { <p class="muted small">{format!("The latest 20 of {} sessions. Export the CSV in Settings for all of them.", days.len())}</p> })}
        </details>
    }
}

/// One of the user's own exercises: its sessions, sets and pain.
#[component]
fn OwnHistory(id: String, log: Arc<Log>, units: Units) -> impl IntoView {
    let days = exercise_days(&log.sessions, &id);
    let name = id.trim_start_matches(OWN_PREFIX).to_string();
    let measure = use_data()
        .with(|l| {
            l.profile
                .as_ref()
                .and_then(|p| p.own.iter().find(|o| o.log_id() == id).map(|o| o.measure))
        })
        .flatten()
        .unwrap_or(crate::domain::library::Measure::Reps);
    view! {
        <details class="card exercise-history">
            <summary><span>{name}</span><span class="muted small">{format!("your own · {}", plural(days.len(), "session", "sessions"))}</span></summary>
            <table class="log">
                <thead><tr><th scope="col">"Day"</th><th scope="col">"Sets"</th><th scope="col">"Pain"</th></tr></thead>
                <tbody>
                    {days.iter().rev().take(20).map(|d| view! {
                        <tr><td>{super::dates::long_date(d.day)}</td><td>{super::dose::logged_words(&d.sets, measure, units)}</td><td>{d.pain.map(|p| p.to_string()).unwrap_or_else(|| "–".into())}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

#[component]
pub fn History() -> impl IntoView {
    let data = use_data();
    let state = use_plan_state();
    let range = RwSignal::new(Some(26u64));
    let units = super::context::units();
    let today = clock::today();
    // A start reads only recent records: this screen reads the range it shows.
    let start = Memo::new(move |_| data.with(|l| l.profile.as_ref().map(|p| p.start)).flatten());
    let from = Memo::new(move |_| range_from(start.get(), range.get(), today));
    // Weekly figures count whole calendar weeks: from the Monday of the first day shown.
    Effect::new(move || data.need_from(range.get().map(|_| monday_of(from.get()))));
    let held = move || data.with(|l| l.holds_from(monday_of(from.get())));
    // While a longer range is read, the charts of the last one stay.
    let figures = Memo::new(move |last: Option<&Option<Figures>>| {
        let s = state.get();
        let from = from.get();
        data.with(|l| {
            l.holds_from(monday_of(from))
                .then(|| figures(l, &s, from, today, units))
        })
        .flatten()
        .or_else(|| last.cloned().flatten())
    });
    view! {
        <section class="screen" aria-labelledby="history-title">
            <h1 id="history-title">"History"</h1>
            {move || match figures.get() {
                None => view! { <p class="muted">"Loading…"</p> }.into_any(),
                Some(f) if !f.has_data => view! {
                    <div class="card empty">
                        <h2>"Nothing logged yet"</h2>
                        <p>"Every set and daily check-in you log appears here: pain beside load, habits and function over the months, so you can see the plan working."</p>
                    </div>
                }.into_any(),
                Some(f) => view! {
                    {f.weeks_logged.gt(&4).then(|| view! {
                        <div class="segmented four" role="group" aria-label="Time range">
                            {RANGES.iter().map(|(label, weeks)| {
                                let weeks = *weeks;
                                view! { <button aria-pressed=move || (range.get() == weeks).to_string() on:click=move |_| range.set(weeks)>{*label}</button> }
                            }).collect_view()}
                        </div>
                    })}
                    {move || (held() == Some(false)).then(|| view! {
                        <p class="muted small" role="status">"Reading the rest of your history…"</p>
                    })}
                    <article class="card physio" aria-label="For your physio">
                        <A href="/summary" attr:class="button">"Summary for your physio"</A>
                        <p class="muted small">"One page of pain, training, flare-ups and activity scores, to print or save as a PDF."</p>
                    </article>
                    <Charts f=f/>
                }.into_any(),
            }}
        </section>
    }
}
