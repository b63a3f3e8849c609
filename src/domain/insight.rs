//! Figures for History and the physio summary, derived from the log (rules §3, §5,
//! §8, §9). Every reading says how much data it rests on and never claims a cause.

use super::checkin::CheckIn;
use super::flare::{pain_triggers, TriggerLink};
use super::history::{History, SessionLog, SetLog};
use super::library::{exercise, Ladder, Pattern};
use super::order;
use super::prescription::{set_volume, SetTarget};
use super::psfs::{psfs_score, PsfsRating, PSFS_MEANINGFUL_CHANGE};
use chrono::{Datelike, Days, NaiveDate};
use std::collections::BTreeMap;

/// The Monday of `day`'s calendar week.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// What one calendar week held.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeekFigures {
    pub monday: NaiveDate,
    pub sessions: u32,
    pub sets: u32,
    /// Per pattern: weekly volume as the planner counts it (reps × grams, or reps alone).
    pub volume: BTreeMap<Pattern, u64>,
    /// The highest pain reported during any set this week.
    pub session_pain: Option<u8>,
    /// Mean daily check-in pain.
    pub pain: Option<f32>,
    pub checkins: u32,
    pub walking_minutes: u32,
    pub mobility_days: u32,
    pub sleep: Option<f32>,
    pub stress: Option<f32>,
    pub protein: Option<f32>,
    pub water: Option<f32>,
    pub flare_days: u32,
}

impl WeekFigures {
    pub fn total_volume(&self) -> u64 {
        self.volume.values().sum()
    }
}

fn mean(values: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f32)
}

fn pattern_of(set: &SetLog) -> Option<Pattern> {
    exercise(&set.exercise).map(|e| e.pattern())
}

/// rules §3 weekly volume, §5 flare days, §8 habits: one row per calendar week from
/// the week of `from` to the week of `to`, empty weeks included so gaps show as gaps.
/// `flares` are the flare periods by day (`flare::flare_periods`, or a checkpoint's when
/// only recent check-ins are held).
pub fn weekly_figures(
    history: &History,
    flares: &[(NaiveDate, Option<NaiveDate>)],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<WeekFigures> {
    let first = monday_of(from);
    let last = monday_of(to.max(from));
    let n = ((last - first).num_days() / 7 + 1) as usize;
    let index = |d: NaiveDate| -> Option<usize> {
        (d >= first && d <= to).then(|| ((d - first).num_days() / 7) as usize)
    };
    let mut weeks: Vec<WeekFigures> = (0..n)
        .map(|i| WeekFigures {
            monday: first + Days::new(7 * i as u64),
            ..WeekFigures::default()
        })
        .collect();
    for s in &history.sessions {
        let Some(w) = index(s.day).and_then(|i| weeks.get_mut(i)) else {
            continue;
        };
        if s.sets().any(|x| x.amount > 0) {
            w.sessions += 1;
        }
        for set in s.sets().filter(|x| x.amount > 0) {
            w.sets += 1;
            if let Some(p) = pattern_of(set) {
                *w.volume.entry(p).or_default() += set_volume(&SetTarget {
                    amount: set.amount,
                    load: set.load,
                });
            }
        }
        if let Some(pain) = s.worst_pain() {
            w.session_pain = Some(w.session_pain.unwrap_or(0).max(pain.value()));
        }
    }
    let mut by_week: Vec<Vec<&CheckIn>> = vec![Vec::new(); n];
    for c in &history.checkins {
        if let Some(i) = index(c.day) {
            by_week[i].push(c);
        }
    }
    for (w, cs) in weeks.iter_mut().zip(&by_week) {
        w.checkins = cs.len() as u32;
        w.pain = mean(cs.iter().map(|c| f32::from(c.pain.value())));
        w.walking_minutes = cs.iter().map(|c| u32::from(c.walking_minutes)).sum();
        w.mobility_days = cs.iter().filter(|c| c.mobility_done).count() as u32;
        w.sleep = mean(cs.iter().map(|c| f32::from(c.sleep_hours)));
        w.stress = mean(cs.iter().map(|c| f32::from(c.stress)));
        w.protein = mean(cs.iter().map(|c| f32::from(c.protein_meals)));
        w.water = mean(cs.iter().map(|c| f32::from(c.water)));
    }
    for &(start, end) in flares {
        let end = end.unwrap_or(to + Days::new(1));
        let mut d = start.max(first);
        while d < end && d <= to {
            if let Some(w) = index(d).and_then(|i| weeks.get_mut(i)) {
                w.flare_days += 1;
            }
            d = d + Days::new(1);
        }
    }
    weeks
}

/// Long ranges drawn as blocks of `k` weeks: counts become the block's average week and
/// check-in means are weighted by the days behind them, so a block reads like a week.
pub fn in_blocks(weeks: &[WeekFigures], k: usize) -> Vec<WeekFigures> {
    let k = k.max(1);
    weeks
        .chunks(k)
        .map(|c| {
            let n = c.len() as u32;
            let days: u32 = c.iter().map(|w| w.checkins).sum();
            let weighted = |f: fn(&WeekFigures) -> Option<f32>| {
                (days > 0).then(|| {
                    c.iter()
                        .filter_map(|w| f(w).map(|v| v * w.checkins as f32))
                        .sum::<f32>()
                        / days as f32
                })
            };
            let mut volume: BTreeMap<Pattern, u64> = BTreeMap::new();
            for w in c {
                for (p, v) in &w.volume {
                    *volume.entry(*p).or_default() += v;
                }
            }
            volume.values_mut().for_each(|v| *v /= u64::from(n));
            WeekFigures {
                monday: c[0].monday,
                sessions: c.iter().map(|w| w.sessions).sum::<u32>() / n,
                sets: c.iter().map(|w| w.sets).sum::<u32>() / n,
                volume,
                session_pain: c.iter().filter_map(|w| w.session_pain).max(),
                pain: weighted(|w| w.pain),
                checkins: days / n,
                walking_minutes: c.iter().map(|w| w.walking_minutes).sum::<u32>() / n,
                mobility_days: c.iter().map(|w| w.mobility_days).sum::<u32>() / n,
                sleep: weighted(|w| w.sleep),
                stress: weighted(|w| w.stress),
                protein: weighted(|w| w.protein),
                water: weighted(|w| w.water),
                flare_days: c.iter().map(|w| w.flare_days).sum(),
            }
        })
        .collect()
}

/// rules §3 (the 10 % rule, drawn): for one pattern, each week's volume and the most
/// the rule allows after the week before (`None` after a week without that pattern).
pub fn volume_with_cap(weeks: &[WeekFigures], p: Pattern) -> Vec<(u64, Option<u64>)> {
    let mut prev: Option<u64> = None;
    weeks
        .iter()
        .map(|w| {
            let v = w.volume.get(&p).copied().unwrap_or(0);
            let cap = prev.filter(|x| *x > 0).map(|x| x + x / 10);
            prev = Some(v);
            (v, cap)
        })
        .collect()
}

/// How many weekly rises stayed within the 10 % cap, out of those that had a week before.
pub fn weeks_within_cap(series: &[(u64, Option<u64>)]) -> (usize, usize) {
    let judged: Vec<bool> = series
        .iter()
        .filter_map(|(v, cap)| cap.map(|c| *v <= c))
        .collect();
    (judged.iter().filter(|ok| **ok).count(), judged.len())
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    pub before: f32,
    pub after: f32,
    /// Weeks with data behind each mean.
    pub weeks_before: usize,
    pub weeks_after: usize,
}

/// How far the weekly pain average must move, in points, before History and the physio
/// summary call it lower or higher (smaller moves are the noise of daily ratings).
pub const PAIN_TREND_STEP: f32 = 0.5;

/// Which way a pain trend went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Lower,
    Same,
    Higher,
}

impl Trend {
    pub fn change(&self) -> f32 {
        self.after - self.before
    }

    /// Lower or higher only by `PAIN_TREND_STEP` or more.
    pub fn direction(&self) -> Direction {
        match self.change() {
            c if c <= -PAIN_TREND_STEP => Direction::Lower,
            c if c >= PAIN_TREND_STEP => Direction::Higher,
            _ => Direction::Same,
        }
    }
}

/// rules §9: whether an activity score moved enough to mean something.
pub fn psfs_meaningful(delta: f32) -> bool {
    delta.abs() >= PSFS_MEANINGFUL_CHANGE
}

/// A trend as the mean of the latest weeks with data against the weeks before them (up
/// to `span` each). `None` with fewer than two weeks of data on either side.
pub fn trend(values: &[Option<f32>], span: usize) -> Option<Trend> {
    let with: Vec<f32> = values.iter().flatten().copied().collect();
    let after_n = span.min(with.len() / 2);
    if after_n < 2 {
        return None;
    }
    let after = &with[with.len() - after_n..];
    let rest = &with[..with.len() - after_n];
    let before = &rest[rest.len().saturating_sub(span)..];
    Some(Trend {
        before: mean(before.iter().copied())?,
        after: mean(after.iter().copied())?,
        weeks_before: before.len(),
        weeks_after: after.len(),
    })
}

/// rules §5 "look for the why", in the user's own data: only links that rest on
/// enough days on both sides are reported as links.
pub fn trigger_findings(checkins: &[CheckIn]) -> (Vec<TriggerLink>, Vec<TriggerLink>) {
    pain_triggers(checkins)
        .into_iter()
        .partition(TriggerLink::is_notable)
}

/// Mean weekly pain in the weeks a habit was above its typical (median) level against
/// the weeks at or below it, with how many weeks each side rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HabitSplit {
    pub median: f32,
    pub pain_above: f32,
    pub weeks_above: usize,
    pub pain_rest: f32,
    pub weeks_rest: usize,
}

/// rules §8 beside pain: `None` unless each side has at least three weeks.
pub fn habit_split(
    weeks: &[WeekFigures],
    habit: impl Fn(&WeekFigures) -> Option<f32>,
) -> Option<HabitSplit> {
    let pairs: Vec<(f32, f32)> = weeks
        .iter()
        .filter_map(|w| Some((habit(w)?, w.pain?)))
        .collect();
    let mut values: Vec<f32> = pairs.iter().map(|p| p.0).collect();
    order::sort_by(&mut values, f32::total_cmp);
    let median = *values.get(values.len() / 2)?;
    type Pairs<'a> = Vec<&'a (f32, f32)>;
    let (above, rest): (Pairs, Pairs) = pairs.iter().partition(|p| p.0 > median);
    if above.len() < 3 || rest.len() < 3 {
        return None;
    }
    Some(HabitSplit {
        median,
        pain_above: mean(above.iter().map(|p| p.1))?,
        weeks_above: above.len(),
        pain_rest: mean(rest.iter().map(|p| p.1))?,
        weeks_rest: rest.len(),
    })
}

/// One day an exercise was trained.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseDay {
    pub day: NaiveDate,
    pub sets: Vec<(u16, super::units::Grams)>,
    pub pain: Option<u8>,
}

/// Every session of one exercise, oldest first.
pub fn exercise_days(sessions: &[SessionLog], id: &str) -> Vec<ExerciseDay> {
    let mut out: Vec<ExerciseDay> = sessions
        .iter()
        .filter_map(|s| {
            let sets: Vec<&SetLog> = s
                .sets()
                .filter(|x| x.exercise == id && x.amount > 0)
                .collect();
            let pain = s
                .pains()
                .filter(|(x, _)| *x == id)
                .map(|(_, p)| p.value())
                .max();
            (!sets.is_empty() || pain.is_some()).then(|| ExerciseDay {
                day: s.day,
                sets: sets.iter().map(|x| (x.amount, x.load)).collect(),
                pain,
            })
        })
        .collect();
    order::sort_by_key(&mut out, |d| d.day);
    out
}

/// The rung of `ladder` trained on each day it was trained (the hardest one that day).
pub fn ladder_positions(sessions: &[SessionLog], ladder: Ladder) -> Vec<(NaiveDate, usize)> {
    let mut by_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for s in sessions {
        for set in s.sets().filter(|x| x.amount > 0) {
            if let Some(e) = exercise(&set.exercise).filter(|e| e.ladder == ladder) {
                let r = by_day.entry(s.day).or_default();
                *r = (*r).max(e.rung());
            }
        }
    }
    by_day.into_iter().collect()
}

/// Scores by day, and the (low, high) band of no meaningful change.
pub type PsfsSeries = (Vec<(NaiveDate, f32)>, Option<(f32, f32)>);

/// rules §9: PSFS scores over time and the band of ±2 around the first score,
/// inside which a change is not yet meaningful.
pub fn psfs_series(ratings: &[PsfsRating]) -> PsfsSeries {
    let mut points: Vec<(NaiveDate, f32)> = ratings
        .iter()
        .filter_map(|r| psfs_score(r).map(|s| (r.day, s)))
        .collect();
    order::sort_by_key(&mut points, |p| p.0);
    let band = points.first().map(|(_, s)| {
        (
            (s - PSFS_MEANINGFUL_CHANGE).max(0.0),
            (s + PSFS_MEANINGFUL_CHANGE).min(10.0),
        )
    });
    (points, band)
}

/// A month's worth of figures, for the monthly check-in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MonthFigures {
    pub checkins: u32,
    pub pain: Option<f32>,
    pub sessions: u32,
    pub walking_per_day: Option<f32>,
    pub flare_days: u32,
}

/// rules §9 monthly check-in: the 30 days up to `today` against the 30 before.
pub fn month_over_month(
    history: &History,
    periods: &[(NaiveDate, Option<NaiveDate>)],
    today: NaiveDate,
) -> (MonthFigures, MonthFigures) {
    let figures = |from: NaiveDate, to: NaiveDate| {
        let cs: Vec<&CheckIn> = history
            .checkins
            .iter()
            .filter(|c| c.day >= from && c.day <= to)
            .collect();
        let flare_days = periods
            .iter()
            .map(|(s, e)| {
                let s = (*s).max(from);
                let e = e.unwrap_or(today + Days::new(1)).min(to + Days::new(1));
                (e - s).num_days().max(0) as u32
            })
            .sum();
        MonthFigures {
            checkins: cs.len() as u32,
            pain: mean(cs.iter().map(|c| f32::from(c.pain.value()))),
            sessions: history
                .sessions
                .iter()
                .filter(|s| s.day >= from && s.day <= to && s.sets().any(|x| x.amount > 0))
                .count() as u32,
            walking_per_day: mean(cs.iter().map(|c| f32::from(c.walking_minutes))),
            flare_days,
        }
    };
    let this_from = today - Days::new(29);
    let last_to = this_from - Days::new(1);
    (
        figures(this_from, today),
        figures(last_to - Days::new(29), last_to),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::{FlareEvent, Trigger};
    use crate::domain::flare::flare_periods;
    use crate::domain::pain::Pain;
    use crate::domain::units::Grams;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn checkin(day: &str, pain: u8, triggers: Vec<Trigger>) -> CheckIn {
        CheckIn {
            day: d(day),
            pain: Pain::new(pain).unwrap(),
            walking_minutes: 20,
            mobility_done: true,
            sleep_hours: 7,
            stress: 3,
            protein_meals: 3,
            water: 6,
            triggers,
            new_symptoms: false,
            at_ms: 0,
        }
    }

    fn set(ex: &str, amount: u16, kg: u32, pain: u8) -> SetLog {
        SetLog {
            exercise: ex.into(),
            amount,
            load: Grams(kg * 1000),
            rpe: None,
            pain: Pain::new(pain),
        }
    }

    fn session(day: &str, sets: Vec<SetLog>) -> SessionLog {
        SessionLog::of_sets(d(day), 0, sets, None)
    }

    #[test]
    fn weekly_figures_sum_volume_per_pattern_and_average_habits_per_calendar_week() {
        let h = History {
            sessions: vec![
                session("2026-03-02", vec![set("goblet-squat", 10, 12, 1); 3]),
                session("2026-03-05", vec![set("goblet-squat", 10, 12, 3)]),
                session("2026-03-16", vec![set("glute-bridge", 12, 0, 0)]),
            ],
            checkins: vec![
                checkin("2026-03-03", 2, vec![]),
                checkin("2026-03-04", 4, vec![]),
                // Three calm days: the flare may end on the 10th.
                checkin("2026-03-08", 0, vec![]),
                checkin("2026-03-09", 1, vec![]),
                checkin("2026-03-10", 1, vec![]),
            ],
            flares: vec![
                FlareEvent::Started(d("2026-03-07")),
                FlareEvent::Ended(d("2026-03-10")),
            ],
            ..History::default()
        };
        let periods = flare_periods(&h.flares, &h.checkins);
        let w = weekly_figures(&h, &periods, d("2026-03-04"), d("2026-03-20"));
        assert_eq!(w.len(), 3, "three calendar weeks, the empty one included");
        assert_eq!(w[0].monday, d("2026-03-02"));
        assert_eq!(w[0].sessions, 2);
        assert_eq!(w[0].volume[&Pattern::Squat], 4 * 10 * 12_000);
        assert_eq!(w[0].session_pain, Some(3));
        assert_eq!(w[0].pain, Some(2.0));
        assert_eq!(w[0].walking_minutes, 60);
        assert_eq!(w[0].flare_days, 2, "Saturday and Sunday");
        assert_eq!(w[1].flare_days, 1, "Monday; it ended on Tuesday");
        assert_eq!(w[1].sessions, 0);
        assert_eq!(
            w[2].volume[&Pattern::Glute],
            12,
            "bodyweight counts reps alone"
        );
    }

    #[test]
    fn in_blocks_reads_like_an_average_week_with_pain_weighted_by_days() {
        let w = |sets: u32, pain: f32, days: u32| WeekFigures {
            sets,
            pain: Some(pain),
            checkins: days,
            walking_minutes: 70,
            ..WeekFigures::default()
        };
        let b = in_blocks(&[w(10, 2.0, 7), w(20, 5.0, 1), w(30, 1.0, 7)], 2);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].sets, 15);
        assert_eq!(b[0].walking_minutes, 70);
        assert!((b[0].pain.unwrap() - (2.0 * 7.0 + 5.0) / 8.0).abs() < 1e-6);
        assert_eq!(b[1].sets, 30, "a short last block averages what it has");
    }

    #[test]
    fn volume_with_cap_draws_ten_percent_over_the_week_before() {
        let mut weeks = vec![WeekFigures::default(); 4];
        for (w, v) in weeks.iter_mut().zip([0u64, 1000, 1100, 1300]) {
            w.volume.insert(Pattern::Squat, v);
        }
        let s = volume_with_cap(&weeks, Pattern::Squat);
        assert_eq!(
            s,
            vec![
                (0, None),
                (1000, None),
                (1100, Some(1100)),
                (1300, Some(1210))
            ]
        );
        assert_eq!(weeks_within_cap(&s), (1, 2));
    }

    #[test]
    fn a_pain_trend_moves_only_by_half_a_point_or_more() {
        let t = |before, after| Trend {
            before,
            after,
            weeks_before: 4,
            weeks_after: 4,
        };
        assert_eq!(t(3.0, 2.5).direction(), Direction::Lower);
        assert_eq!(t(3.0, 2.6).direction(), Direction::Same);
        assert_eq!(t(3.0, 3.4).direction(), Direction::Same);
        assert_eq!(t(3.0, 3.5).direction(), Direction::Higher);
    }

    #[test]
    fn an_activity_score_means_something_from_two_points() {
        assert!(psfs_meaningful(2.0) && psfs_meaningful(-2.5));
        assert!(!psfs_meaningful(1.9) && !psfs_meaningful(-1.0));
    }

    #[test]
    fn trend_compares_the_latest_weeks_with_data_to_the_weeks_before() {
        let v = [
            Some(5.0),
            None,
            Some(4.0),
            Some(3.0),
            Some(2.0),
            None,
            Some(2.0),
        ];
        let t = trend(&v, 4).unwrap();
        assert_eq!((t.weeks_before, t.weeks_after), (3, 2));
        assert!((t.before - 4.0).abs() < 1e-6 && (t.after - 2.0).abs() < 1e-6);
        assert_eq!(trend(&[Some(1.0), Some(2.0), Some(3.0)], 4), None);
    }

    #[test]
    fn trigger_findings_report_only_links_that_rest_on_enough_days() {
        let mut cs = Vec::new();
        for i in 1..=4 {
            cs.push(checkin(&format!("2026-03-0{i}"), 5, vec![Trigger::Sitting]));
        }
        for i in 5..=9 {
            cs.push(checkin(&format!("2026-03-0{i}"), 2, vec![]));
        }
        cs.push(checkin("2026-03-10", 3, vec![Trigger::Stress]));
        let (links, thin) = trigger_findings(&cs);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].trigger, Trigger::Sitting);
        assert_eq!(links[0].days_with, 4);
        assert!(thin.iter().any(|l| l.trigger == Trigger::Stress));
    }

    #[test]
    fn habit_split_compares_pain_in_weeks_above_and_below_the_usual_habit() {
        let weeks: Vec<WeekFigures> = [
            (6.0, 4.0),
            (6.0, 4.0),
            (6.0, 3.0),
            (8.0, 2.0),
            (8.0, 2.0),
            (8.0, 1.0),
        ]
        .iter()
        .map(|(sleep, pain)| WeekFigures {
            sleep: Some(*sleep),
            pain: Some(*pain),
            ..WeekFigures::default()
        })
        .collect();
        // The median is 8 h: no week is above it, so there is nothing to compare.
        assert_eq!(habit_split(&weeks, |w| w.sleep), None);
        let mut more = weeks.clone();
        more[5].sleep = Some(9.0);
        more.push(WeekFigures {
            sleep: Some(9.0),
            pain: Some(1.0),
            ..WeekFigures::default()
        });
        more.push(WeekFigures {
            sleep: Some(9.0),
            pain: Some(1.0),
            ..WeekFigures::default()
        });
        let s = habit_split(&more, |w| w.sleep).unwrap();
        assert_eq!((s.weeks_above, s.weeks_rest), (3, 5));
        assert!((s.pain_above - 1.0).abs() < 1e-6);
        assert!((s.pain_rest - 3.0).abs() < 1e-6);
    }

    #[test]
    fn exercise_days_and_ladder_positions_follow_one_movement_over_time() {
        let sessions = vec![
            session(
                "2026-03-05",
                vec![set("goblet-squat", 8, 16, 2), set("goblet-squat", 8, 16, 4)],
            ),
            session("2026-03-02", vec![set("goblet-squat", 10, 12, 1)]),
        ];
        let days = exercise_days(&sessions, "goblet-squat");
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].day, d("2026-03-02"));
        assert_eq!(days[1].pain, Some(4));
        let e = exercise("goblet-squat").unwrap();
        let pos = ladder_positions(&sessions, e.ladder);
        assert_eq!(
            pos,
            vec![(d("2026-03-02"), e.rung()), (d("2026-03-05"), e.rung())]
        );
    }

    #[test]
    fn psfs_series_carries_the_meaningful_change_band_around_the_first_score() {
        let r = |day: &str, s: u8| PsfsRating {
            day: d(day),
            scores: vec![("Carry shopping".into(), s)],
        };
        let (points, band) = psfs_series(&[r("2026-04-01", 6), r("2026-03-01", 3)]);
        assert_eq!(points, vec![(d("2026-03-01"), 3.0), (d("2026-04-01"), 6.0)]);
        assert_eq!(band, Some((1.0, 5.0)));
    }

    #[test]
    fn month_over_month_compares_the_last_30_days_with_the_30_before() {
        let h = History {
            checkins: vec![
                checkin("2026-03-30", 2, vec![]),
                checkin("2026-02-20", 5, vec![]),
            ],
            sessions: vec![session("2026-03-25", vec![set("goblet-squat", 8, 16, 0)])],
            ..History::default()
        };
        let periods = flare_periods(&h.flares, &h.checkins);
        let (this, last) = month_over_month(&h, &periods, d("2026-03-31"));
        assert_eq!(this.pain, Some(2.0));
        assert_eq!(this.sessions, 1);
        assert_eq!(last.pain, Some(5.0));
        assert_eq!(last.sessions, 0);
    }
}
