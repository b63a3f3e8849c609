//! rules §5, flare-up mode: stop loading, note triggers, look for the why, only what
//! calms pain, and resume lower once pain is under control.

use super::checkin::{CheckIn, FlareEvent, Trigger};
use super::order;
use super::progression::WeeklyDose;
use super::units::Grams;
use chrono::NaiveDate;

/// The order of relief, as steps the app walks the user through.
pub const FLARE_STEPS: [&str; 5] = [
    "Pause the strength sessions. Nothing is lost: your plan waits for you.",
    "Note what set it off or makes it worse: sitting, bending, lifting, twisting, standing, sleep, stress.",
    "Look at what tends to go with your worse days, below.",
    "Keep to what calms it: short easy walks, gentle mobility and bracing practice.",
    "When pain has been 2 or lower for three days in a row, restart lighter, one phase lower if you were past phase 1.",
];

/// Exercises that tend to settle pain, for the flare-up days.
pub const FLARE_EXERCISES: [&str; 5] = [
    "easy-walk",
    "brace-breathing",
    "cat-camel",
    "figure-four",
    "hamstring-floss",
];

/// Days in a row with pain ≤2 needed to leave flare-up mode (design).
pub const CALM_DAYS_TO_EXIT: usize = 3;

/// The first week back after a flare: each exercise at most this share (in percent) of its
/// load and weekly volume in the last week before the flare (design).
pub const RESUME_PERCENT: u64 = 90;

/// At most `RESUME_PERCENT` of `x`.
pub fn resume_share(x: u64) -> u64 {
    x * RESUME_PERCENT / 100
}

/// rules §5, resume at a lower load: the most an exercise may be in the first week
/// back, from its dose in the last week before the flare (`before`). The load comes down
/// to `lighter`, the heaviest real load at or under 90 % of it, when the equipment has one,
/// and reps do not rise; where no lighter load exists, the load stays and the weekly
/// volume (and reps or seconds) come down to 90 % instead — fewer reps or sets, or, when
/// even that cannot fit, a lower rung.
pub fn first_week_back(before: WeeklyDose, lighter: Option<Grams>) -> WeeklyDose {
    match lighter.filter(|g| u64::from(g.0) <= resume_share(u64::from(before.load.0))) {
        Some(load) if !before.load.is_zero() => WeeklyDose {
            volume: resume_share(before.volume),
            amount: before.amount,
            load,
        },
        _ => WeeklyDose {
            volume: resume_share(before.volume),
            amount: resume_share(before.amount),
            load: before.load,
        },
    }
}

/// Flare-up periods from the events, as (start, end) with `end` exclusive and `None`
/// while still running. Events may come in any order; a repeated start is ignored. A flare
/// ends only when pain has been 2 or lower three days in a row (`flare_exit_ready`): an
/// end recorded before that is not one, whoever recorded it.
pub fn flare_periods(
    events: &[FlareEvent],
    checkins: &[CheckIn],
) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let mut sorted: Vec<FlareEvent> = events.to_vec();
    order::sort_by_key(&mut sorted, |e| {
        (e.day(), matches!(e, FlareEvent::Started(_)))
    });
    let mut out: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    for e in sorted {
        match e {
            FlareEvent::Started(d) => {
                if out.last().is_none_or(|(_, end)| end.is_some()) {
                    out.push((d, None));
                }
            }
            FlareEvent::Ended(d) => {
                if let Some((start, end @ None)) = out.last_mut() {
                    if flare_exit_ready(checkins, *start, d) {
                        *end = Some(d.max(*start));
                    }
                }
            }
        }
    }
    out
}

/// A flare as moments (ms since the epoch): when it began, when it ended (`None` while it
/// runs), and the days of both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlareSpan {
    pub start: (NaiveDate, i64),
    pub end: Option<(NaiveDate, i64)>,
}

impl FlareSpan {
    /// Whether the flare runs at moment `at`.
    pub fn runs_at(&self, at: i64) -> bool {
        self.start.1 <= at && self.end.is_none_or(|(_, e)| at < e)
    }
}

/// `flare_periods` to the moment, for the planner's views: the same rules, with each event
/// at the time it was recorded (`moment` places one with no time at the start of its day).
pub fn flare_spans(
    events: &[FlareEvent],
    times: &[i64],
    checkins: &[CheckIn],
    moment: impl Fn(NaiveDate, i64) -> i64,
) -> Vec<FlareSpan> {
    flare_spans_after(&[], events, times, checkins, moment)
}

/// `flare_spans`, carrying on after `done`: flares already worked out and ended (by the
/// same rules, on the same events). Only the check-ins from the first flare after them are
/// read, so a plan resumed from a stored week needs no older ones.
pub fn flare_spans_after(
    done: &[FlareSpan],
    events: &[FlareEvent],
    times: &[i64],
    checkins: &[CheckIn],
    moment: impl Fn(NaiveDate, i64) -> i64,
) -> Vec<FlareSpan> {
    let key = |e: &FlareEvent, at: i64| (at, matches!(e, FlareEvent::Started(_)));
    // Every event up to the one that ended the last flare of `done` was folded into it.
    let after = done.last().and_then(|s| s.end).map(|(_, at)| (at, false));
    let mut sorted: Vec<(FlareEvent, i64)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (*e, moment(e.day(), times.get(i).copied().unwrap_or(0))))
        .filter(|(e, at)| after.is_none_or(|a| key(e, *at) > a))
        .collect();
    order::sort_by_key(&mut sorted, |(e, at)| key(e, *at));
    let mut out: Vec<FlareSpan> = done.to_vec();
    for (e, at) in sorted {
        match e {
            FlareEvent::Started(d) => {
                if out.last().is_none_or(|s| s.end.is_some()) {
                    out.push(FlareSpan {
                        start: (d, at),
                        end: None,
                    });
                }
            }
            FlareEvent::Ended(d) => {
                if let Some(span) = out.last_mut().filter(|s| s.end.is_none()) {
                    if flare_exit_ready(checkins, span.start.0, d) {
                        span.end = Some((d.max(span.start.0), at.max(span.start.1)));
                    }
                }
            }
        }
    }
    out
}

/// Whether flare-up mode is on for `day`.
pub fn in_flare(periods: &[(NaiveDate, Option<NaiveDate>)], day: NaiveDate) -> bool {
    periods
        .iter()
        .any(|(start, end)| *start <= day && end.is_none_or(|e| day < e))
}

/// rules §5 flare exit: pain under control means ≤2 on each of the last three days in
/// a row (checked in), all after the flare began.
pub fn flare_exit_ready(checkins: &[CheckIn], since: NaiveDate, today: NaiveDate) -> bool {
    let mut days: Vec<(NaiveDate, u8)> = checkins
        .iter()
        .filter(|c| c.day >= since && c.day <= today)
        .map(|c| (c.day, c.pain.value()))
        .collect();
    order::sort(&mut days);
    // One value per day: the highest pain reported that day.
    days.dedup_by(|later, earlier| {
        if later.0 == earlier.0 {
            earlier.1 = earlier.1.max(later.1);
            true
        } else {
            false
        }
    });
    if days.len() < CALM_DAYS_TO_EXIT {
        return false;
    }
    let last = &days[days.len() - CALM_DAYS_TO_EXIT..];
    last.iter().all(|(_, p)| *p <= super::pain::GO_UP_TO)
        && last.windows(2).all(|w| (w[1].0 - w[0].0).num_days() == 1)
}

/// How one trigger relates to pain in the user's own check-ins.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerLink {
    pub trigger: Trigger,
    pub days_with: usize,
    pub days_without: usize,
    pub mean_pain_with: f32,
    pub mean_pain_without: f32,
}

impl TriggerLink {
    /// Only say a trigger goes with higher pain when it rests on enough days on both
    /// sides and the gap is at least one point: never claim more than the data shows.
    pub fn is_notable(&self) -> bool {
        self.days_with >= 3
            && self.days_without >= 3
            && self.mean_pain_with - self.mean_pain_without >= 1.0
    }
}

/// rules §5 "look for the why": for each trigger ever reported, mean pain on days
/// with it against days without, biggest gap first.
pub fn pain_triggers(checkins: &[CheckIn]) -> Vec<TriggerLink> {
    let mut out: Vec<TriggerLink> = Trigger::ALL
        .iter()
        .filter_map(|t| {
            let (with, without): (Vec<&CheckIn>, Vec<&CheckIn>) =
                checkins.iter().partition(|c| c.triggers.contains(t));
            if with.is_empty() {
                return None;
            }
            let mean = |v: &[&CheckIn]| {
                if v.is_empty() {
                    0.0
                } else {
                    v.iter().map(|c| f32::from(c.pain.value())).sum::<f32>() / v.len() as f32
                }
            };
            Some(TriggerLink {
                trigger: *t,
                days_with: with.len(),
                days_without: without.len(),
                mean_pain_with: mean(&with),
                mean_pain_without: mean(&without),
            })
        })
        .collect();
    order::sort_by(&mut out, |a, b| {
        let gap = |l: &TriggerLink| l.mean_pain_with - l.mean_pain_without;
        gap(b).total_cmp(&gap(a)).then(a.trigger.cmp(&b.trigger))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flare_first_week_back_is_at_most_90_percent_of_the_week_before() {
        let before = WeeklyDose {
            volume: 3 * 10 * 12_000 * 2,
            amount: 60,
            load: Grams(12_000),
        };
        // A lighter bell at 8 kg: the load comes down, reps stay, volume follows.
        let c = first_week_back(before, Some(Grams(8_000)));
        assert_eq!(c.load, Grams(8_000));
        assert_eq!(c.amount, 60);
        assert!(c.volume * 10 <= before.volume * 9);
        // The lightest bell already: the load stays, reps and volume come down.
        let c = first_week_back(before, None);
        assert_eq!(c.load, Grams(12_000));
        assert!(c.amount * 10 <= 60 * 9 && c.volume * 10 <= before.volume * 9);
        // A "lighter" load above 90 % is no lighter load.
        let c = first_week_back(before, Some(Grams(11_000)));
        assert_eq!(c.load, Grams(12_000));
        assert!(c.amount * 10 <= 60 * 9);
        // Bodyweight work: reps and volume.
        let bw = WeeklyDose {
            volume: 40,
            amount: 40,
            load: Grams::ZERO,
        };
        assert_eq!(first_week_back(bw, None).amount, 36);
        assert_eq!(first_week_back(bw, Some(Grams::ZERO)).amount, 36);
    }
    use crate::domain::pain::Pain;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, d).unwrap()
    }

    pub(crate) fn checkin(d: u32, pain: u8, triggers: &[Trigger]) -> CheckIn {
        CheckIn {
            day: day(d),
            pain: Pain::clamped(pain),
            walking_minutes: 10,
            mobility_done: true,
            sleep_hours: 7,
            stress: 3,
            protein_meals: 3,
            water: 6,
            triggers: triggers.to_vec(),
            new_symptoms: false,
            at_ms: 0,
        }
    }

    #[test]
    fn flare_exit_needs_pain_2_or_less_three_days_in_a_row() {
        let c = [
            checkin(1, 6, &[]),
            checkin(2, 2, &[]),
            checkin(3, 1, &[]),
            checkin(4, 2, &[]),
        ];
        assert!(flare_exit_ready(&c, day(1), day(4)));
        assert!(!flare_exit_ready(&c, day(1), day(3)));
        let gap = [checkin(2, 2, &[]), checkin(3, 1, &[]), checkin(5, 2, &[])];
        assert!(
            !flare_exit_ready(&gap, day(1), day(5)),
            "days must be consecutive"
        );
        let worse_later = [
            checkin(2, 2, &[]),
            checkin(3, 1, &[]),
            checkin(4, 2, &[]),
            checkin(4, 5, &[]),
        ];
        assert!(
            !flare_exit_ready(&worse_later, day(1), day(4)),
            "the worst report of a day counts"
        );
    }

    #[test]
    fn flare_periods_open_and_close_in_any_order() {
        let e = [
            FlareEvent::Ended(day(9)),
            FlareEvent::Started(day(3)),
            FlareEvent::Started(day(20)),
        ];
        let calm: Vec<CheckIn> = (6..=8).map(|d| checkin(d, 1, &[])).collect();
        let p = flare_periods(&e, &calm);
        assert_eq!(p, vec![(day(3), Some(day(9))), (day(20), None)]);
        assert!(
            in_flare(&p, day(3))
                && in_flare(&p, day(8))
                && !in_flare(&p, day(9))
                && in_flare(&p, day(25))
        );
    }

    #[test]
    fn flare_ends_only_after_three_calm_days_whatever_the_button_says() {
        let e = [FlareEvent::Started(day(3)), FlareEvent::Ended(day(5))];
        let one_calm_day = [checkin(5, 1, &[])];
        assert_eq!(flare_periods(&e, &one_calm_day), vec![(day(3), None)]);
        assert!(in_flare(&flare_periods(&e, &one_calm_day), day(10)));
        let three = [checkin(3, 2, &[]), checkin(4, 1, &[]), checkin(5, 0, &[])];
        assert_eq!(flare_periods(&e, &three), vec![(day(3), Some(day(5)))]);
        // A later end, once the three days are there, is the one that counts.
        let later = [
            FlareEvent::Started(day(3)),
            FlareEvent::Ended(day(4)),
            FlareEvent::Ended(day(8)),
        ];
        let calm: Vec<CheckIn> = (6..=8).map(|d| checkin(d, 2, &[])).collect();
        assert_eq!(flare_periods(&later, &calm), vec![(day(3), Some(day(8)))]);
    }

    #[test]
    fn pain_triggers_rank_what_goes_with_higher_pain() {
        let mut c = Vec::new();
        for d in 1..=4 {
            c.push(checkin(d, 6, &[Trigger::Sitting]));
        }
        for d in 5..=8 {
            c.push(checkin(d, 2, &[Trigger::Stress]));
        }
        let links = pain_triggers(&c);
        assert_eq!(links[0].trigger, Trigger::Sitting);
        assert!(links[0].is_notable());
        assert!(!links[1].is_notable());
        let thin = pain_triggers(&c[..2]);
        assert!(
            !thin[0].is_notable(),
            "two days are not enough to claim a link"
        );
    }
}
