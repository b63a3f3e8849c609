//! DOMAIN.md §2, the 24-hour response after a session.

use super::history::Response24h;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoseDecision {
    /// The dose was right: progression may continue.
    Progress,
    /// Repeat the same dose.
    Hold,
    /// Too much too soon: regress a variation or reduce load for a week.
    StepBack,
}

/// DOMAIN.md §2 24-hour response: settled → progress, still raised → hold, spiked and
/// staying up → step back.
pub fn twenty_four_hour_rule(response: Response24h) -> DoseDecision {
    match response {
        Response24h::Settled => DoseDecision::Progress,
        Response24h::StillRaised => DoseDecision::Hold,
        Response24h::Spiked => DoseDecision::StepBack,
    }
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
