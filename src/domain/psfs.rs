//! rules §9, the Patient-Specific Functional Scale.

use chrono::NaiveDate;

/// Up to five activities, each rated 0 (cannot do it) to 10 (as well as before the pain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsfsRating {
    pub day: NaiveDate,
    pub scores: Vec<(String, u8)>,
}

pub const PSFS_MAX_ACTIVITIES: usize = 5;
/// A change of 2 points or more is meaningful.
pub const PSFS_MEANINGFUL_CHANGE: f32 = 2.0;

/// rules §9 PSFS score: the mean of the activity ratings (each clamped to 0–10),
/// or `None` when nothing is rated.
pub fn psfs_score(r: &PsfsRating) -> Option<f32> {
    let scores: Vec<f32> = r
        .scores
        .iter()
        .take(PSFS_MAX_ACTIVITIES)
        .map(|(_, s)| f32::from((*s).min(10)))
        .collect();
    (!scores.is_empty()).then(|| scores.iter().sum::<f32>() / scores.len() as f32)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PsfsChange {
    pub delta: f32,
    pub meaningful: bool,
}

/// rules §9 meaningful change: the score moved by 2 points or more, either way.
pub fn psfs_change(before: &PsfsRating, after: &PsfsRating) -> Option<PsfsChange> {
    let delta = psfs_score(after)? - psfs_score(before)?;
    Some(PsfsChange {
        delta,
        meaningful: delta.abs() >= PSFS_MEANINGFUL_CHANGE,
    })
}

/// rules §9: re-rate every 2–4 weeks; due from two weeks after the last rating.
pub fn psfs_due(last: Option<NaiveDate>, today: NaiveDate) -> bool {
    last.is_none_or(|d| (today - d).num_days() >= 14)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(d: u32, scores: &[u8]) -> PsfsRating {
        PsfsRating {
            day: NaiveDate::from_ymd_opt(2026, 2, d).unwrap(),
            scores: scores
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("activity {i}"), *s))
                .collect(),
        }
    }

    #[test]
    fn psfs_score_is_the_mean_of_up_to_five_ratings() {
        assert_eq!(psfs_score(&r(1, &[2, 4, 6])), Some(4.0));
        assert_eq!(psfs_score(&r(1, &[10, 10, 10, 10, 10, 0])), Some(10.0));
        assert_eq!(psfs_score(&r(1, &[])), None);
        assert_eq!(psfs_score(&r(1, &[200])), Some(10.0));
    }

    #[test]
    fn psfs_meaningful_change_is_two_points_or_more() {
        let c = psfs_change(&r(1, &[3, 3]), &r(20, &[5, 5])).unwrap();
        assert!(c.meaningful && c.delta == 2.0);
        let small = psfs_change(&r(1, &[3, 3]), &r(20, &[4, 5])).unwrap();
        assert!(!small.meaningful);
        let worse = psfs_change(&r(1, &[6]), &r(20, &[3])).unwrap();
        assert!(worse.meaningful && worse.delta < 0.0);
    }

    #[test]
    fn psfs_is_due_every_two_weeks() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        assert!(psfs_due(None, d));
        assert!(!psfs_due(Some(d), d + chrono::Days::new(13)));
        assert!(psfs_due(Some(d), d + chrono::Days::new(14)));
    }
}
