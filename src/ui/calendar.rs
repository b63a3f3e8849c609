//! Plan's "Add my training days to my calendar": the choices (time, alarm, a daily walk),
//! the file made from them, and the notice when the training days have changed since.

use crate::domain::calendar::{
    calendar_out_of_date, days_in_calendar, next_calendar, CalendarChoice, CalendarSent,
    ALARM_MINUTES_BEFORE, DEFAULT_TIME, DEFAULT_WALK_TIME,
};
use crate::domain::habits::WALK_START_MINUTES;
use crate::domain::profile::Profile;
use crate::domain::schedule::{training_weekdays, week_index, week_start};
use crate::platform::{clock, files, page};
use crate::share::calendar::{calendar_file, FILE_NAME, MIME};
use crate::storage::calendar as stored;
use chrono::Weekday;
use leptos::prelude::*;

/// "18:30" for minutes after midnight, as a time input holds it.
fn clock_text(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Minutes after midnight from a time input's "HH:MM".
fn minutes_of(text: &str) -> Option<u16> {
    let (h, m) = text.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// "Monday, Wednesday and Friday".
fn day_list(days: &[Weekday]) -> String {
    let names: Vec<&str> = days
        .iter()
        .map(|d| super::dates::weekday_name(*d))
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// The card on Plan, for `profile` with its latest setup; `this_week` holds the days
/// this week's sessions fall on. Shown open once (after onboarding) until made or put away, and
/// whenever the training days no longer match the calendar's.
#[component]
pub fn CalendarCard(profile: Profile, this_week: Vec<Weekday>, walk_minutes: u16) -> impl IntoView {
    let record = RwSignal::new(stored::load());
    // The latest setup, even one that takes effect next week: the calendar runs on.
    let today = clock::today();
    let setup = super::data::use_data()
        .with(|l| l.history.current_setup(&profile))
        .unwrap_or_else(|| profile.setup());
    let profile = profile.with_setup(&setup);
    let days = training_weekdays(&profile);
    // New days wait for the next program week (this week keeps its sessions); so do
    // their first events.
    let from = if days == this_week {
        today
    } else {
        week_start(profile.start, week_index(profile.start, today) + 1)
    };
    let session_minutes = profile.session_minutes;
    let before = record.get_untracked().sent;
    let time = RwSignal::new(clock_text(before.as_ref().map_or(DEFAULT_TIME, |s| s.time)));
    let alarm = RwSignal::new(before.as_ref().is_none_or(|s| s.alarm));
    let walk_before = before
        .as_ref()
        .and_then(|s| s.walk)
        .filter(|w| !w.cancelled);
    let walk = RwSignal::new(walk_before.is_some());
    let walk_time = RwSignal::new(clock_text(
        walk_before.map_or(DEFAULT_WALK_TIME, |w| w.time),
    ));
    let message = RwSignal::new(None::<Result<String, String>>);

    let out_of_date = {
        let days = days.clone();
        move || {
            record.with(|r| {
                r.sent
                    .as_ref()
                    .filter(|s| calendar_out_of_date(s, &days))
                    .map(days_in_calendar)
            })
        }
    };
    // Open once (nothing made yet, offer not put away) or when the days changed; after
    // that, as the user leaves it.
    let open = RwSignal::new(
        record.with_untracked(|r| r.sent.is_none() && !r.offer_put_away) || out_of_date().is_some(),
    );
    let make = {
        let days = days.clone();
        move |_| {
            let Some(at) = minutes_of(&time.get_untracked()) else {
                message.set(Some(Err("Choose a time for your sessions.".into())));
                return;
            };
            let walk_at = if walk.get_untracked() {
                match minutes_of(&walk_time.get_untracked()) {
                    Some(w) => Some((w, walk_minutes.max(WALK_START_MINUTES))),
                    None => {
                        message.set(Some(Err("Choose a time for your walk.".into())));
                        return;
                    }
                }
            } else {
                None
            };
            let choice = CalendarChoice {
                time: at,
                minutes: session_minutes,
                alarm: alarm.get_untracked(),
                walk: walk_at,
            };
            let mut r = record.get_untracked();
            let sent = next_calendar(
                r.sent.as_ref(),
                &days,
                choice,
                (clock::today(), from.max(clock::today())),
                page::random_u32(),
            );
            let now = chrono::DateTime::from_timestamp_millis(clock::now_ms())
                .map(|t| t.naive_utc())
                .unwrap_or_default();
            let text = calendar_file(&sent, now);
            if let Err(e) = files::save_file(FILE_NAME, MIME, &text) {
                message.set(Some(Err(format!("The calendar file was not made: {e}"))));
                return;
            }
            r.sent = Some(sent);
            let kept = stored::save(&r);
            record.set(r);
            message.set(Some(Ok(match kept {
                Ok(()) => format!("Saved “{FILE_NAME}”. Open it (from your downloads or the Files app) and add its events to your calendar."),
                Err(_) => format!("Saved “{FILE_NAME}”. Open it to add its events. This phone could not note that it was made, so a later change of days cannot cancel these events for you."),
            })));
        }
    };
    let put_away = move |_| {
        let mut r = record.get_untracked();
        r.offer_put_away = true;
        let _ = stored::save(&r);
        record.set(r);
        open.set(false);
    };

    let details = NodeRef::<leptos::html::Details>::new();
    let sent_line = move || record.with(|r| r.sent.as_ref().map(sent_words));
    let days_line = format!(
        "Your training days: {}, {session_minutes} minutes each.",
        day_list(&days)
    );
    let changed_line = {
        let days = days.clone();
        move |old: Vec<Weekday>| {
            format!(
                "Your training days have changed: your calendar has {}, your plan now trains on {}. Make a new file and open it: it moves your sessions to the new days and cancels the days you dropped.",
                day_list(&old),
                day_list(&days)
            )
        }
    };

    view! {
        <details class="card calendar" node_ref=details prop:open=open on:toggle=move |_| {
            if let Some(d) = details.get_untracked() {
                open.set(d.open());
            }
        }>
            <summary><span>"Training days in your calendar"</span></summary>
            {move || out_of_date().map(|old| view! {
                <p class="notice" role="status">{changed_line(old)}</p>
                <p class="muted">"If the old days stay in your calendar, open one of those events there, delete it and choose all future events."</p>
            })}
            <p>"Your phone's calendar can remind you of each session, with no account and nothing sent anywhere. The events only say “Backstrong”: nothing about your back goes into a calendar that may sync online."</p>
            <p class="muted">{days_line}</p>
            {move || sent_line().map(|l| view! { <p class="muted">{l}</p> })}
            <label for="calendar-time">"Session time"</label>
            <input id="calendar-time" type="time" step="300" prop:value=time on:input=move |ev| time.set(event_target_value(&ev))/>
            <label class="check">
                <input type="checkbox" prop:checked=alarm on:change=move |ev| alarm.set(event_target_checked(&ev))/>
                {format!("Remind me {ALARM_MINUTES_BEFORE} minutes before")}
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=walk on:change=move |ev| walk.set(event_target_checked(&ev))/>
                "Add a daily walk too"
            </label>
            <Show when=move || walk.get()>
                <label for="calendar-walk-time">"Walk time"</label>
                <input id="calendar-walk-time" type="time" step="300" prop:value=walk_time on:input=move |ev| walk_time.set(event_target_value(&ev))/>
            </Show>
            <button class="primary" on:click=make.clone()>"Add my training days to my calendar"</button>
            {move || message.get().map(|m| match m {
                Ok(text) => view! { <super::widgets::InView><p class="message" role="status">{text}</p></super::widgets::InView> }.into_any(),
                Err(text) => view! { <super::widgets::Alert text=text/> }.into_any(),
            })}
            <Show when=move || record.with(|r| r.sent.is_none() && !r.offer_put_away)>
                <button class="ghost" on:click=put_away>"Not now"</button>
            </Show>
        </details>
    }
}

/// "In your calendar since Monday 7 December: …".
fn sent_words(s: &CalendarSent) -> String {
    let days = days_in_calendar(s);
    let walk = s
        .walk
        .filter(|w| !w.cancelled)
        .map(|w| format!(", and a daily walk at {}", clock_text(w.time)))
        .unwrap_or_default();
    format!(
        "Last file made on {}: {} at {}{walk}.",
        super::dates::long_date(s.sent_on),
        day_list(&days),
        clock_text(s.time)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_from_a_time_input() {
        assert_eq!(minutes_of("18:30"), Some(1110));
        assert_eq!(minutes_of("07:05:00"), Some(425));
        assert_eq!(minutes_of("24:00"), None);
        assert_eq!(minutes_of(""), None);
        assert_eq!(clock_text(425), "07:05");
        assert_eq!(
            day_list(&[Weekday::Mon, Weekday::Wed, Weekday::Fri]),
            "Monday, Wednesday and Friday"
        );
        assert_eq!(day_list(&[Weekday::Tue]), "Tuesday");
    }
}
