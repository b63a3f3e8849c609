//! DOMAIN.md §1, the safety gate: red-flag questions come before any plan.

use super::order;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
            RedFlag::LegWeakness => {
                "Is a leg newly weak or getting weaker, or does a foot catch or drag?"
            }
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

    /// DOMAIN.md §1: changes in bladder or bowel control, saddle numbness and new or
    /// worsening weakness in a leg can mean pressure on nerves that needs care the same day.
    pub fn is_urgent(self) -> bool {
        matches!(
            self,
            RedFlag::BowelOrBladder | RedFlag::SaddleNumbness | RedFlag::LegWeakness
        )
    }
}

/// How soon a professional should see the user, from the flags answered yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// Get urgent medical help today.
    Today,
    /// See a doctor or physiotherapist before training.
    BeforeTraining,
}

/// DOMAIN.md §1: the advice a "yes" gets — urgent help today for the nerve signs, a
/// check before training for the others. Never "probably nothing": the app never diagnoses.
pub fn red_flag_urgency(flags: &[RedFlag]) -> Option<Urgency> {
    if flags.iter().any(|f| f.is_urgent()) {
        Some(Urgency::Today)
    } else if flags.is_empty() {
        None
    } else {
        Some(Urgency::BeforeTraining)
    }
}

/// DOMAIN.md §1 (design): every question starts unanswered and needs its own answer.
/// The answers as given (`None` = not answered yet), in `RedFlag::ALL` order, become a
/// round of answers only when each one has been answered; otherwise the questions still
/// open come back.
pub fn red_flag_answers(
    form: &[Option<bool>; 10],
    day: NaiveDate,
) -> Result<RedFlagAnswers, Vec<RedFlag>> {
    let open: Vec<RedFlag> = RedFlag::ALL
        .iter()
        .zip(form)
        .filter(|(_, a)| a.is_none())
        .map(|(f, _)| *f)
        .collect();
    if !open.is_empty() {
        return Err(open);
    }
    Ok(RedFlagAnswers {
        day: Some(day),
        yes: RedFlag::ALL
            .iter()
            .zip(form)
            .filter(|(_, a)| **a == Some(true))
            .map(|(f, _)| *f)
            .collect(),
    })
}

/// Why a clearance date is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClearanceProblem {
    /// A clearance is something that happened: it cannot lie in the future.
    InTheFuture,
}

/// DOMAIN.md §1 (design): a clearance date cannot lie in the future.
pub fn clearance_date_ok(day: NaiveDate, today: NaiveDate) -> Result<(), ClearanceProblem> {
    if day > today {
        Err(ClearanceProblem::InTheFuture)
    } else {
        Ok(())
    }
}

/// One round of answers: the flags answered "yes" on `day`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RedFlagAnswers {
    pub day: Option<NaiveDate>,
    pub yes: Vec<RedFlag>,
}

/// "I have been cleared by a professional on DATE", for the flags open at that time.
#[derive(Debug, Clone, PartialEq, Eq)]
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
/// plan. A clearance covers the flags it was recorded for, once its date has come (one
/// dated in the future covers nothing). An urgent flag answered yes again later needs a
/// clearance from that day or after: new or worse nerve signs are a new event.
pub fn red_flag_gate(answers: &RedFlagAnswers, clearances: &[Clearance], today: NaiveDate) -> Gate {
    let Some(asked) = answers.day else {
        return Gate::NotAsked;
    };
    let covered = |flag: &RedFlag| {
        clearances.iter().any(|c| {
            c.covers.contains(flag) && c.day <= today && (!flag.is_urgent() || c.day >= asked)
        })
    };
    let open: Vec<RedFlag> = answers
        .yes
        .iter()
        .copied()
        .filter(|flag| !covered(flag))
        .collect();
    if open.is_empty() {
        Gate::Open
    } else {
        let mut open = open;
        order::sort(&mut open);
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
            assert_eq!(
                red_flag_gate(&answers, &[], day(31)),
                Gate::Blocked(vec![flag])
            );
        }
    }

    #[test]
    fn red_flag_gate_all_no_is_open_and_unanswered_is_not() {
        let answers = RedFlagAnswers {
            day: Some(day(1)),
            yes: vec![],
        };
        assert_eq!(red_flag_gate(&answers, &[], day(31)), Gate::Open);
        assert_eq!(
            red_flag_gate(&RedFlagAnswers::default(), &[], day(31)),
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
        assert_eq!(red_flag_gate(&answers, &cleared, day(31)), Gate::Open);
        let later = RedFlagAnswers {
            day: Some(day(20)),
            yes: vec![RedFlag::Numbness, RedFlag::Fever],
        };
        assert_eq!(
            red_flag_gate(&later, &cleared, day(31)),
            Gate::Blocked(vec![RedFlag::Fever])
        );
    }

    #[test]
    fn red_flag_questions_start_unanswered_and_each_needs_an_answer() {
        let mut form = [None; 10];
        assert_eq!(red_flag_answers(&form, day(1)), Err(RedFlag::ALL.to_vec()));
        form = [Some(false); 10];
        form[3] = None;
        assert_eq!(
            red_flag_answers(&form, day(1)),
            Err(vec![RedFlag::BowelOrBladder])
        );
        form[3] = Some(true);
        let a = red_flag_answers(&form, day(1)).unwrap();
        assert_eq!(a.yes, vec![RedFlag::BowelOrBladder]);
        assert_eq!(a.day, Some(day(1)));
    }

    #[test]
    fn red_flag_urgency_sends_nerve_signs_for_help_today() {
        for f in [
            RedFlag::BowelOrBladder,
            RedFlag::SaddleNumbness,
            RedFlag::LegWeakness,
        ] {
            assert_eq!(red_flag_urgency(&[f]), Some(Urgency::Today), "{f:?}");
            assert_eq!(red_flag_urgency(&[RedFlag::Fever, f]), Some(Urgency::Today));
        }
        for f in RedFlag::ALL.iter().filter(|f| !f.is_urgent()) {
            assert_eq!(red_flag_urgency(&[*f]), Some(Urgency::BeforeTraining));
        }
        assert_eq!(red_flag_urgency(&[]), None);
        assert!(RedFlag::LegWeakness.question().contains("getting weaker"));
    }

    #[test]
    fn red_flag_clearance_cannot_lie_in_the_future() {
        assert_eq!(
            clearance_date_ok(day(20), day(10)),
            Err(ClearanceProblem::InTheFuture)
        );
        assert_eq!(clearance_date_ok(day(10), day(10)), Ok(()));
        // A future-dated clearance stored anyway covers nothing until its day.
        let answers = RedFlagAnswers {
            day: Some(day(1)),
            yes: vec![RedFlag::Fever],
        };
        let later = [Clearance {
            day: day(20),
            covers: vec![RedFlag::Fever],
        }];
        assert_eq!(
            red_flag_gate(&answers, &later, day(10)),
            Gate::Blocked(vec![RedFlag::Fever])
        );
        assert_eq!(red_flag_gate(&answers, &later, day(20)), Gate::Open);
    }

    #[test]
    fn red_flag_urgent_signs_answered_again_need_a_new_clearance() {
        let cleared = [Clearance {
            day: day(2),
            covers: vec![RedFlag::LegWeakness, RedFlag::CancerHistory],
        }];
        let again = RedFlagAnswers {
            day: Some(day(20)),
            yes: vec![RedFlag::LegWeakness, RedFlag::CancerHistory],
        };
        assert_eq!(
            red_flag_gate(&again, &cleared, day(20)),
            Gate::Blocked(vec![RedFlag::LegWeakness]),
            "a history of cancer stays cleared; new weakness does not"
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
