//! DOMAIN.md §1, the safety gate: red-flag questions come before any plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RedFlag {
    Numbness,
    TinglingDownLeg,
    LegWeakness,
    BowelOrBladder,
    SaddleNumbness,
    Fever,
    UnexplainedWeightLoss,
    AfterTrauma,
    SevereNightPain,
    CancerHistory,
}

impl RedFlag {
    pub const ALL: [RedFlag; 10] = [
        RedFlag::Numbness,
        RedFlag::TinglingDownLeg,
        RedFlag::LegWeakness,
        RedFlag::BowelOrBladder,
        RedFlag::SaddleNumbness,
        RedFlag::Fever,
        RedFlag::UnexplainedWeightLoss,
        RedFlag::AfterTrauma,
        RedFlag::SevereNightPain,
        RedFlag::CancerHistory,
    ];

    /// The question as the app asks it, in plain words.
    pub fn question(self) -> &'static str {
        match self {
            RedFlag::Numbness => "Do you have numbness anywhere in your legs or feet?",
            RedFlag::TinglingDownLeg => {
                "Do you feel pins and needles or tingling running down a leg?"
            }
            RedFlag::LegWeakness => "Has a leg become weak, or does a foot catch or drag?",
            RedFlag::BowelOrBladder => {
                "Have you noticed any change in controlling your bladder or bowels?"
            }
            RedFlag::SaddleNumbness => "Is there numbness between your legs or around your bottom?",
            RedFlag::Fever => "Have you had a fever or felt generally unwell with the back pain?",
            RedFlag::UnexplainedWeightLoss => "Have you lost weight recently without trying?",
            RedFlag::AfterTrauma => "Did this pain start with a fall, a crash or another injury?",
            RedFlag::SevereNightPain => "Is the pain severe at night or when you lie still?",
            RedFlag::CancerHistory => "Have you ever been treated for cancer?",
        }
    }
}

/// One round of answers: the flags answered "yes" on `day`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RedFlagAnswers {
    pub day: Option<NaiveDate>,
    pub yes: Vec<RedFlag>,
}

/// "I have been cleared by a professional on DATE", for the flags open at that time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clearance {
    pub day: NaiveDate,
    pub covers: Vec<RedFlag>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// No open red flag: a plan may be made.
    Open,
    /// The questions were never answered.
    NotAsked,
    /// These flags are answered yes and no clearance covers them.
    Blocked(Vec<RedFlag>),
}

/// DOMAIN.md §1 red-flag gate: any "yes" not covered by a recorded clearance means no
/// plan. A clearance covers the flags it was recorded for; a new "yes" later reopens the
/// gate's block until a new clearance is recorded.
pub fn red_flag_gate(answers: &RedFlagAnswers, clearances: &[Clearance]) -> Gate {
    if answers.day.is_none() {
        return Gate::NotAsked;
    }
    let open: Vec<RedFlag> = answers
        .yes
        .iter()
        .copied()
        .filter(|flag| !clearances.iter().any(|c| c.covers.contains(flag)))
        .collect();
    if open.is_empty() {
        Gate::Open
    } else {
        let mut open = open;
        open.sort();
        open.dedup();
        Gate::Blocked(open)
    }
}

/// DOMAIN.md §1 and §9: when the questions must be asked again — a check-in reported new
/// symptoms since the last answers, or a month has passed.
pub fn red_flags_due(
    last_asked: Option<NaiveDate>,
    today: NaiveDate,
    new_symptoms_since: bool,
) -> bool {
    match last_asked {
        None => true,
        Some(day) => new_symptoms_since || (today - day).num_days() >= 30,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn red_flag_gate_any_yes_blocks_the_plan() {
        for flag in RedFlag::ALL {
            let answers = RedFlagAnswers {
                day: Some(day(1)),
                yes: vec![flag],
            };
            assert_eq!(red_flag_gate(&answers, &[]), Gate::Blocked(vec![flag]));
        }
    }

    #[test]
    fn red_flag_gate_all_no_is_open_and_unanswered_is_not() {
        let answers = RedFlagAnswers {
            day: Some(day(1)),
            yes: vec![],
        };
        assert_eq!(red_flag_gate(&answers, &[]), Gate::Open);
        assert_eq!(
            red_flag_gate(&RedFlagAnswers::default(), &[]),
            Gate::NotAsked
        );
    }

    #[test]
    fn red_flag_gate_opens_after_a_clearance_and_closes_on_a_new_flag() {
        let answers = RedFlagAnswers {
            day: Some(day(1)),
            yes: vec![RedFlag::Numbness],
        };
        let cleared = [Clearance {
            day: day(5),
            covers: vec![RedFlag::Numbness],
        }];
        assert_eq!(red_flag_gate(&answers, &cleared), Gate::Open);
        let later = RedFlagAnswers {
            day: Some(day(20)),
            yes: vec![RedFlag::Numbness, RedFlag::Fever],
        };
        assert_eq!(
            red_flag_gate(&later, &cleared),
            Gate::Blocked(vec![RedFlag::Fever])
        );
    }

    #[test]
    fn red_flags_are_asked_again_monthly_and_on_new_symptoms() {
        assert!(red_flags_due(None, day(1), false));
        assert!(!red_flags_due(Some(day(1)), day(20), false));
        assert!(red_flags_due(Some(day(1)), day(20), true));
        let next_month = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        assert!(red_flags_due(Some(day(1)), next_month, false));
    }

    #[test]
    fn every_question_is_written_and_distinct() {
        let mut qs: Vec<_> = RedFlag::ALL.iter().map(|f| f.question()).collect();
        qs.sort();
        qs.dedup();
        assert_eq!(qs.len(), 10);
    }
}
