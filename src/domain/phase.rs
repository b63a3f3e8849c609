//! rules §4, the three phases, their entry and exit criteria.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    Restore = 1,
    Rebuild = 2,
    Reload = 3,
}

impl Phase {
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn title(self) -> &'static str {
        match self {
            Phase::Restore => "Phase 1 · Restore movement",
            Phase::Rebuild => "Phase 2 · Rebuild strength",
            Phase::Reload => "Phase 3 · Heavier loading",
        }
    }

    pub fn purpose(self) -> &'static str {
        match self {
            Phase::Restore => "Get used to moving again: daily walks, gentle hinges, bridges, core control and mobility, with pain kept low.",
            Phase::Rebuild => "Build real strength two or three days a week: squats, Romanian deadlifts, split squats, rows and carries.",
            Phase::Reload => "Bring back heavier lifts, barbell work if you want it, with slower steps and the warm-up and core work kept.",
        }
    }

    /// Weeks in this phase before moving up can be considered (design).
    pub fn min_weeks(self) -> Option<u32> {
        match self {
            Phase::Restore => Some(2),
            Phase::Rebuild => Some(4),
            Phase::Reload => None,
        }
    }

    pub fn next(self) -> Option<Phase> {
        match self {
            Phase::Restore => Some(Phase::Rebuild),
            Phase::Rebuild => Some(Phase::Reload),
            Phase::Reload => None,
        }
    }

    pub fn lower(self) -> Phase {
        match self {
            Phase::Restore | Phase::Rebuild => Phase::Restore,
            Phase::Reload => Phase::Rebuild,
        }
    }
}

/// One finished week, as the phase rule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeekSummary {
    pub sessions: u32,
    /// Highest pain logged during the week's sessions.
    pub max_pain: u8,
    pub spike: bool,
    pub flare: bool,
}

impl WeekSummary {
    /// A week that counts toward moving up: trained, pain ≤2, no spike, no flare.
    pub fn is_clean(&self) -> bool {
        self.sessions > 0 && self.max_pain <= 2 && !self.spike && !self.flare
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseStep {
    Stay { clean_weeks: u32, needed: u32 },
    Up(Phase),
    Top,
}

/// rules §4 phase progression: move up one phase after ≥2 weeks (1→2) or ≥4 weeks
/// (2→3) in which every week was trained with session pain ≤2 and no 24-hour spike.
/// Phases are never skipped: the result is at most the next phase. `recent` holds the
/// weeks spent in the current phase, oldest first.
pub fn phase_rule(current: Phase, recent: &[WeekSummary]) -> PhaseStep {
    let (Some(needed), Some(next)) = (current.min_weeks(), current.next()) else {
        return PhaseStep::Top;
    };
    let clean_weeks = recent.iter().rev().take_while(|w| w.is_clean()).count() as u32;
    if clean_weeks >= needed {
        PhaseStep::Up(next)
    } else {
        PhaseStep::Stay {
            clean_weeks,
            needed,
        }
    }
}

/// rules §4 and §5: a flare moves the user down one phase (never below phase 1).
pub fn phase_after_flare(current: Phase) -> Phase {
    current.lower()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean() -> WeekSummary {
        WeekSummary {
            sessions: 2,
            max_pain: 1,
            spike: false,
            flare: false,
        }
    }

    #[test]
    fn phase_rule_1_to_2_after_two_clean_weeks() {
        assert_eq!(
            phase_rule(Phase::Restore, &[clean()]),
            PhaseStep::Stay {
                clean_weeks: 1,
                needed: 2
            }
        );
        assert_eq!(
            phase_rule(Phase::Restore, &[clean(), clean()]),
            PhaseStep::Up(Phase::Rebuild)
        );
    }

    #[test]
    fn phase_rule_2_to_3_needs_four_clean_weeks_in_a_row() {
        let spiky = WeekSummary {
            spike: true,
            ..clean()
        };
        let weeks = [clean(), clean(), spiky, clean(), clean(), clean()];
        assert_eq!(
            phase_rule(Phase::Rebuild, &weeks),
            PhaseStep::Stay {
                clean_weeks: 3,
                needed: 4
            }
        );
        assert_eq!(
            phase_rule(Phase::Rebuild, &[clean(); 4]),
            PhaseStep::Up(Phase::Reload)
        );
    }

    #[test]
    fn phase_rule_pain_above_2_or_an_untrained_week_does_not_count() {
        let sore = WeekSummary {
            max_pain: 3,
            ..clean()
        };
        let idle = WeekSummary::default();
        assert_eq!(
            phase_rule(Phase::Restore, &[clean(), sore]),
            PhaseStep::Stay {
                clean_weeks: 0,
                needed: 2
            }
        );
        assert_eq!(
            phase_rule(Phase::Restore, &[clean(), idle]),
            PhaseStep::Stay {
                clean_weeks: 0,
                needed: 2
            }
        );
    }

    #[test]
    fn phase_rule_never_skips_and_phase_3_is_the_top() {
        assert_eq!(
            phase_rule(Phase::Restore, &[clean(); 20]),
            PhaseStep::Up(Phase::Rebuild)
        );
        assert_eq!(phase_rule(Phase::Reload, &[clean(); 20]), PhaseStep::Top);
    }

    #[test]
    fn phase_after_flare_moves_down_one_phase() {
        assert_eq!(phase_after_flare(Phase::Reload), Phase::Rebuild);
        assert_eq!(phase_after_flare(Phase::Rebuild), Phase::Restore);
        assert_eq!(phase_after_flare(Phase::Restore), Phase::Restore);
    }
}
