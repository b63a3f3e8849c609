//! rules §8, daily habits: walking, mobility, protein, water, sleep and stress.

use super::checkin::CheckIn;
use super::library::{ladder, Exercise, Ladder};
use chrono::{Datelike, NaiveDate};

/// Today's walking: a few short walks adding up to exactly `total` minutes, so what the
/// user sees is what the 10 % rule counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalkingTarget {
    pub walks: u8,
    pub total: u16,
}

impl WalkingTarget {
    pub fn total(self) -> u16 {
        self.total
    }

    /// Each walk's minutes, longest first: 11 minutes in two walks is 6 and 5.
    pub fn lengths(self) -> Vec<u16> {
        let n = u16::from(self.walks.max(1));
        (0..n)
            .map(|i| self.total / n + u16::from(i < self.total % n))
            .collect()
    }
}

/// Where walking starts (design): two short walks of five minutes.
pub const WALK_START_MINUTES: u16 = 10;
/// Where it builds to: 30 minutes a day.
pub const WALK_GOAL_MINUTES: u16 = 30;

/// Splits a daily total into 2–3 walks of at most 10 minutes while building up.
pub fn walking_split(total: u16) -> WalkingTarget {
    let total = total.clamp(WALK_START_MINUTES, WALK_GOAL_MINUTES);
    let walks: u8 = if total < 15 { 2 } else { 3 };
    WalkingTarget { walks, total }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkingStep {
    Up { from: u16, to: u16 },
    HeldForPain,
    HeldNotReached,
    AtGoal,
}

/// rules §8 walking progression: from 2–3 short walks toward 15–30 minutes a day,
/// at most 10 % more a week, only when last week's walks were done (on average at least
/// 80 % of the target) and never when check-ins reported pain of 5 or more.
pub fn walking_progression(total: u16, last_week: &[&CheckIn]) -> (u16, WalkingStep) {
    if last_week.iter().any(|c| c.pain.value() >= 5) {
        return (total, WalkingStep::HeldForPain);
    }
    if total >= WALK_GOAL_MINUTES {
        return (total, WalkingStep::AtGoal);
    }
    let days = last_week.len() as u32;
    let walked: u32 = last_week.iter().map(|c| u32::from(c.walking_minutes)).sum();
    if days == 0 || walked * 10 < u32::from(total) * 8 * days {
        return (total, WalkingStep::HeldNotReached);
    }
    let to = (total + (total / 10).max(1)).min(WALK_GOAL_MINUTES);
    (to, WalkingStep::Up { from: total, to })
}

/// rules §8 daily mobility: a 5–8 minute routine of hips, thoracic spine, ankles and
/// hamstrings, rotating by weekday so the week covers every drill.
pub fn daily_mobility(day: NaiveDate) -> Vec<&'static Exercise> {
    let drills: Vec<&'static Exercise> = ladder(Ladder::Mobility).collect();
    let n = drills.len();
    let offset = day.weekday().num_days_from_monday() as usize;
    (0..MOBILITY_DRILLS)
        .map(|i| drills[(offset + i * 2) % n])
        .collect()
}

/// Four drills of about 90 seconds each: six minutes, inside the 5–8 minute window.
pub const MOBILITY_DRILLS: usize = 4;

/// rules §8: protein at 3–4 meals a day.
pub const PROTEIN_MEALS_GOAL: u8 = 3;

/// One day's habits against the goals of rules §8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HabitDay {
    pub walked: bool,
    pub mobility: bool,
    pub protein: bool,
    pub slept_7: bool,
}

/// rules §8 daily habits: which of the day's habits a check-in shows as done.
pub fn habits_met(c: &CheckIn, walking: WalkingTarget) -> HabitDay {
    HabitDay {
        walked: c.walking_minutes >= walking.total(),
        mobility: c.mobility_done,
        protein: c.protein_meals >= PROTEIN_MEALS_GOAL,
        slept_7: c.sleep_hours >= 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pain::Pain;

    fn c(pain: u8, minutes: u16) -> CheckIn {
        CheckIn {
            day: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            pain: Pain::clamped(pain),
            walking_minutes: minutes,
            mobility_done: true,
            sleep_hours: 7,
            stress: 2,
            protein_meals: 3,
            water: 6,
            triggers: vec![],
            new_symptoms: false,
            at_ms: 0,
        }
    }

    #[test]
    fn walking_progression_starts_with_two_or_three_short_walks_and_builds_to_30_minutes() {
        assert_eq!(walking_split(WALK_START_MINUTES).lengths(), vec![5, 5]);
        assert_eq!(walking_split(30).lengths(), vec![10, 10, 10]);
        assert_eq!(walking_split(11).lengths(), vec![6, 5], "11 shown, not 12");
        let week: Vec<CheckIn> = (0..7).map(|_| c(1, 40)).collect();
        let refs: Vec<&CheckIn> = week.iter().collect();
        let mut total = WALK_START_MINUTES;
        let mut weeks = 0;
        while total < WALK_GOAL_MINUTES {
            let (next, step) = walking_progression(total, &refs);
            assert!(matches!(step, WalkingStep::Up { .. }));
            assert!(next * 10 <= total * 11, "never more than +10 % a week");
            let (shown_before, shown) = (walking_split(total), walking_split(next));
            assert!(
                shown.lengths().iter().sum::<u16>() * 10
                    <= shown_before.lengths().iter().sum::<u16>() * 11,
                "what the user sees rises no more than 10 % either"
            );
            total = next;
            weeks += 1;
        }
        assert!(weeks > 5 && weeks < 20, "{weeks}");
        assert_eq!(walking_progression(total, &refs).1, WalkingStep::AtGoal);
    }

    #[test]
    fn walking_progression_never_pushes_through_pain() {
        let week = [c(1, 30), c(5, 30)];
        let refs: Vec<&CheckIn> = week.iter().collect();
        assert_eq!(
            walking_progression(12, &refs),
            (12, WalkingStep::HeldForPain)
        );
    }

    #[test]
    fn walking_progression_waits_until_the_walks_are_done() {
        let week = [c(1, 5), c(1, 5)];
        let refs: Vec<&CheckIn> = week.iter().collect();
        assert_eq!(
            walking_progression(12, &refs),
            (12, WalkingStep::HeldNotReached)
        );
    }

    #[test]
    fn daily_mobility_is_four_distinct_drills_covering_all_in_a_week() {
        let mut seen = std::collections::BTreeSet::new();
        for d in 5..12 {
            let day = NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
            let drills = daily_mobility(day);
            assert_eq!(drills.len(), MOBILITY_DRILLS);
            let mut ids: Vec<_> = drills.iter().map(|e| e.id).collect();
            ids.dedup();
            assert_eq!(ids.len(), MOBILITY_DRILLS);
            seen.extend(ids);
        }
        assert_eq!(seen.len(), ladder(Ladder::Mobility).count());
    }

    #[test]
    fn daily_habits_are_checked_against_the_goals() {
        let h = habits_met(&c(1, 12), walking_split(12));
        assert!(h.walked && h.mobility && h.protein && h.slept_7);
        let mut low = c(1, 3);
        low.protein_meals = 1;
        let h = habits_met(&low, walking_split(12));
        assert!(!h.walked && !h.protein);
    }
}
