//! rules §2, the 24-hour response after a session.

use super::history::Response24h;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoseDecision {
    /// The dose was right: progression may continue.
    Progress,
    /// Repeat the same dose.
    Hold,
    /// Too much too soon: regress a variation or reduce load for a week.
    StepBack,
}

/// rules §2 24-hour response: settled → progress, still raised → hold, spiked and
/// staying up → step back.
pub fn twenty_four_hour_rule(response: Response24h) -> DoseDecision {
    match response {
        Response24h::Settled => DoseDecision::Progress,
        Response24h::StillRaised => DoseDecision::Hold,
        Response24h::Spiked => DoseDecision::StepBack,
    }
}

/// rules §2: the 24-hour question is asked the next day — or the day after, for a
/// user who did not open the app — and not later: after that the answer says little about
/// the session, and it would rewrite weeks already planned.
pub fn response_due(session_day: NaiveDate, today: NaiveDate) -> bool {
    (1..=2).contains(&(today - session_day).num_days())
}

/// The worst of several responses decides a week (a spike outweighs a settled day).
pub fn worst_response(responses: impl IntoIterator<Item = Response24h>) -> Option<Response24h> {
    responses.into_iter().max_by_key(|r| match r {
        Response24h::Settled => 0,
        Response24h::StillRaised => 1,
        Response24h::Spiked => 2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_due_the_next_day_or_the_day_after_only() {
        let d = |n: u32| NaiveDate::from_ymd_opt(2026, 3, n).unwrap();
        assert!(!response_due(d(2), d(2)), "not on the day itself");
        assert!(response_due(d(2), d(3)));
        assert!(response_due(d(2), d(4)));
        assert!(!response_due(d(2), d(5)), "too late to say much");
    }

    #[test]
    fn twenty_four_hour_rule_settled_progresses_raised_holds_spike_steps_back() {
        assert_eq!(
            twenty_four_hour_rule(Response24h::Settled),
            DoseDecision::Progress
        );
        assert_eq!(
            twenty_four_hour_rule(Response24h::StillRaised),
            DoseDecision::Hold
        );
        assert_eq!(
            twenty_four_hour_rule(Response24h::Spiked),
            DoseDecision::StepBack
        );
    }

    #[test]
    fn the_worst_response_of_a_week_decides() {
        use Response24h::*;
        assert_eq!(worst_response([Settled, Spiked, StillRaised]), Some(Spiked));
        assert_eq!(worst_response([Settled, StillRaised]), Some(StillRaised));
        assert_eq!(worst_response([]), None);
    }
}
