//! rules §1, the safety gate: red-flag questions come before any plan.

use super::checkin::CheckIn;
use super::order;
use chrono::NaiveDate;
use std::cmp::Ordering;

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

    /// rules §1: changes in bladder or bowel control, saddle numbness and new or
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

/// rules §1: the advice a "yes" gets — urgent help today for the nerve signs, a
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

/// rules §1 (design): every question starts unanswered and needs its own answer.
/// The answers as given (`None` = not answered yet), in `RedFlag::ALL` order, become a
/// round of answers only when each one has been answered; otherwise the questions still
/// open come back.
pub fn red_flag_answers(
    form: &[Option<bool>; 10],
    day: NaiveDate,
    at_ms: i64,
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
        at_ms,
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
    /// A clearance counts only for answers given before it.
    BeforeTheAnswers,
}

/// rules §1: a clearance date cannot lie in the future (design), and it clears only
/// the answers given on `answered` if it is dated that day or later.
pub fn clearance_date_ok(
    day: NaiveDate,
    answered: NaiveDate,
    today: NaiveDate,
) -> Result<(), ClearanceProblem> {
    if day > today {
        Err(ClearanceProblem::InTheFuture)
    } else if day < answered {
        Err(ClearanceProblem::BeforeTheAnswers)
    } else {
        Ok(())
    }
}

/// One round of answers: the flags answered "yes" on `day`, saved at `at_ms` (ms since
/// the epoch; `0` for rounds saved before the moment was kept).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RedFlagAnswers {
    pub day: Option<NaiveDate>,
    pub at_ms: i64,
    pub yes: Vec<RedFlag>,
}

/// "I have been cleared by a professional on DATE", for the flags open at that time,
/// recorded at `at_ms` (`0` for clearances recorded before the moment was kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clearance {
    pub day: NaiveDate,
    pub covers: Vec<RedFlag>,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// No open red flag: a plan may be made.
    Open,
    /// The questions were never answered.
    NotAsked,
    /// A check-in on `reported` told of a new symptom after the last answers: the
    /// questions come again before any training.
    AskAgain { reported: NaiveDate },
    /// These flags are answered yes and no clearance covers them.
    Blocked(Vec<RedFlag>),
}

impl Gate {
    /// Whether a session may start or resume: only through an open gate.
    pub fn lets_training_through(&self) -> bool {
        *self == Gate::Open
    }
}

/// rules §1 red-flag gate, in the order the questions come:
/// - never answered: not asked;
/// - a check-in told of a new symptom at or after the moment of the last answers: ask
///   again (the check-in keeps its report; new answers, saved later, close it);
/// - any "yes" not covered by a clearance means no plan. A clearance covers the flags it
///   was recorded for, once its date has come (one dated in the future covers nothing),
///   and only answers given before it: it must be dated on or after the day of the
///   answers and recorded after them.
pub fn red_flag_gate(
    answers: &RedFlagAnswers,
    clearances: &[Clearance],
    checkins: &[CheckIn],
    today: NaiveDate,
) -> Gate {
    let Some(asked) = answers.day else {
        return Gate::NotAsked;
    };
    let answered = (asked, answers.at_ms);
    if let Some(c) = new_symptoms_since(checkins, answered, today) {
        return Gate::AskAgain { reported: c.day };
    }
    let covered = |flag: &RedFlag| {
        clearances.iter().any(|c| {
            c.covers.contains(flag)
                && c.day <= today
                && c.day >= asked
                && order((c.day, c.at_ms), answered) != Ordering::Less
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

/// The order of two records saved on a day at a moment (ms since the epoch, `0` where an
/// earlier version kept none). With both moments known, the moments decide (a clearance
/// or new answers saved in the same millisecond as what they answer come after it); else
/// the days; on the same day, a record with a moment is newer than one without.
fn order(a: (NaiveDate, i64), b: (NaiveDate, i64)) -> Ordering {
    match (a.1, b.1) {
        (0, _) | (_, 0) if a.0 != b.0 => a.0.cmp(&b.0),
        (0, 0) => Ordering::Equal,
        (0, _) => Ordering::Less,
        (_, 0) => Ordering::Greater,
        (x, y) => x.cmp(&y),
    }
}

/// The first check-in up to `today` that told of a new symptom after the questions were
/// last answered (`answered`: day and moment). A report and answers both saved by an
/// earlier version on one day count the report as later: that version cleared a report
/// once it was answered.
fn new_symptoms_since(
    checkins: &[CheckIn],
    answered: (NaiveDate, i64),
    today: NaiveDate,
) -> Option<&CheckIn> {
    checkins
        .iter()
        .filter(|c| c.new_symptoms && c.day >= answered.0 && c.day <= today)
        .filter(|c| match order((c.day, c.at_ms), answered) {
            Ordering::Greater => true,
            Ordering::Equal => c.at_ms == 0,
            Ordering::Less => false,
        })
        .min_by_key(|c| c.day)
}

/// The moment to save a safety answer, a clearance or a check-in with: now, or just after
/// the latest of those already saved when the clock says otherwise (a clock that stood
/// still or went back), so the gate reads them in the order they were saved.
pub fn next_safety_moment(
    now_ms: i64,
    answers: &RedFlagAnswers,
    clearances: &[Clearance],
    checkins: &[CheckIn],
) -> i64 {
    let latest = checkins
        .iter()
        .map(|c| c.at_ms)
        .chain(clearances.iter().map(|c| c.at_ms))
        .chain(std::iter::once(answers.at_ms))
        .max()
        .unwrap_or(0);
    now_ms.max(latest.saturating_add(1))
}

/// How many days after the last answers the questions are asked again (rules §9).
pub const RECHECK_DAYS: i64 = 30;

/// rules §1 and §9: the monthly check-in asks the questions again once a month (a new
/// symptom closes the gate itself: `red_flag_gate`).
pub fn monthly_recheck_due(last_asked: Option<NaiveDate>, today: NaiveDate) -> bool {
    match last_asked {
        None => true,
        Some(day) => (today - day).num_days() >= RECHECK_DAYS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pain::Pain;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    /// Noon of March `d`, plus `min` minutes, in ms since the epoch.
    fn at(d: u32, min: i64) -> i64 {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        (day(d) - epoch).num_days() * 86_400_000 + 12 * 3_600_000 + min * 60_000
    }

    fn answered(d: u32, min: i64, yes: Vec<RedFlag>) -> RedFlagAnswers {
        RedFlagAnswers {
            day: Some(day(d)),
            at_ms: at(d, min),
            yes,
        }
    }

    fn cleared(d: u32, recorded: i64, covers: Vec<RedFlag>) -> Clearance {
        Clearance {
            day: day(d),
            covers,
            at_ms: recorded,
        }
    }

    fn symptom(d: u32, min: i64) -> CheckIn {
        CheckIn {
            day: day(d),
            pain: Pain::clamped(2),
            walking_minutes: 20,
            mobility_done: true,
            sleep_hours: 7,
            stress: 3,
            protein_meals: 3,
            water: 6,
            triggers: vec![],
            new_symptoms: true,
            at_ms: at(d, min),
        }
    }

    #[test]
    fn red_flag_gate_any_yes_blocks_the_plan() {
        for flag in RedFlag::ALL {
            let answers = answered(1, 0, vec![flag]);
            assert_eq!(
                red_flag_gate(&answers, &[], &[], day(31)),
                Gate::Blocked(vec![flag])
            );
            assert!(!red_flag_gate(&answers, &[], &[], day(31)).lets_training_through());
        }
    }

    #[test]
    fn red_flag_gate_all_no_is_open_and_unanswered_is_not() {
        let answers = answered(1, 0, vec![]);
        assert_eq!(red_flag_gate(&answers, &[], &[], day(31)), Gate::Open);
        assert_eq!(
            red_flag_gate(&RedFlagAnswers::default(), &[], &[], day(31)),
            Gate::NotAsked
        );
    }

    #[test]
    fn red_flag_gate_opens_after_a_clearance_and_closes_on_a_new_flag() {
        let answers = answered(1, 0, vec![RedFlag::Numbness]);
        let cleared = [cleared(5, at(5, 0), vec![RedFlag::Numbness])];
        assert_eq!(red_flag_gate(&answers, &cleared, &[], day(31)), Gate::Open);
        let later = answered(20, 0, vec![RedFlag::Numbness, RedFlag::Fever]);
        assert_eq!(
            red_flag_gate(&later, &cleared, &[], day(31)),
            Gate::Blocked(vec![RedFlag::Numbness, RedFlag::Fever]),
            "a clearance counts only for answers given before it"
        );
    }

    #[test]
    fn red_flag_clearance_counts_only_for_answers_given_before_it() {
        let yes = answered(10, 0, vec![RedFlag::Numbness]);
        // Dated the day before the answers: it cannot clear what was answered after it.
        let day_before = [cleared(9, at(10, 5), vec![RedFlag::Numbness])];
        assert_eq!(
            red_flag_gate(&yes, &day_before, &[], day(12)),
            Gate::Blocked(vec![RedFlag::Numbness])
        );
        // Recorded on the day of the answers but before them (at onboarding, say).
        let earlier = [cleared(10, at(10, -30), vec![RedFlag::Numbness])];
        assert_eq!(
            red_flag_gate(&yes, &earlier, &[], day(12)),
            Gate::Blocked(vec![RedFlag::Numbness])
        );
        // Dated the day of the answers and recorded after them: it counts.
        let after = [cleared(10, at(10, 5), vec![RedFlag::Numbness])];
        assert_eq!(red_flag_gate(&yes, &after, &[], day(12)), Gate::Open);
        // Recorded later, dated later.
        let later = [cleared(11, at(12, 0), vec![RedFlag::Numbness])];
        assert_eq!(red_flag_gate(&yes, &later, &[], day(12)), Gate::Open);
        // Only the flags it was recorded for.
        let other = [cleared(11, at(12, 0), vec![RedFlag::Fever])];
        assert_eq!(
            red_flag_gate(&yes, &other, &[], day(12)),
            Gate::Blocked(vec![RedFlag::Numbness])
        );
    }

    #[test]
    fn red_flag_check_in_with_a_new_symptom_closes_the_gate_until_answered_again() {
        let answers = answered(1, 0, vec![]);
        // Reported on day 5: closed from that day on, whatever the day.
        let report = [symptom(5, 0)];
        assert_eq!(red_flag_gate(&answers, &[], &report, day(4)), Gate::Open);
        for d in [5, 6, 20] {
            assert_eq!(
                red_flag_gate(&answers, &[], &report, day(d)),
                Gate::AskAgain { reported: day(5) }
            );
        }
        // Answered again the same day, after the report: open again.
        let again = answered(5, 10, vec![]);
        assert_eq!(red_flag_gate(&again, &[], &report, day(6)), Gate::Open);
        // In the same millisecond (a clock that stood still): the answers come after.
        let same = answered(5, 0, vec![]);
        assert_eq!(red_flag_gate(&same, &[], &report, day(6)), Gate::Open);
        // A report saved after the new answers, the same day, closes it again.
        let later = [symptom(5, 0), symptom(5, 20)];
        assert_eq!(
            red_flag_gate(&again, &[], &later, day(6)),
            Gate::AskAgain { reported: day(5) }
        );
        // Answered again with a yes: blocked until a clearance after those answers.
        let yes = answered(5, 10, vec![RedFlag::TinglingDownLeg]);
        assert_eq!(
            red_flag_gate(&yes, &[], &report, day(6)),
            Gate::Blocked(vec![RedFlag::TinglingDownLeg])
        );
        let onboarding = [cleared(1, at(1, 1), RedFlag::ALL.to_vec())];
        assert_eq!(
            red_flag_gate(&yes, &onboarding, &report, day(6)),
            Gate::Blocked(vec![RedFlag::TinglingDownLeg]),
            "a clearance from onboarding does not let a later yes through"
        );
        let now = [cleared(6, at(6, 0), vec![RedFlag::TinglingDownLeg])];
        assert_eq!(red_flag_gate(&yes, &now, &report, day(6)), Gate::Open);
        // Recorded in the same millisecond as the answers it follows: it counts.
        let same = [cleared(5, at(5, 10), vec![RedFlag::TinglingDownLeg])];
        assert_eq!(red_flag_gate(&yes, &same, &report, day(6)), Gate::Open);
    }

    #[test]
    fn red_flag_gate_reads_records_saved_before_moments_were_kept() {
        // No moments: the day decides, and a report on the day of the answers counts
        // as after them (older versions cleared the report once answered).
        let old = RedFlagAnswers {
            day: Some(day(5)),
            at_ms: 0,
            yes: vec![RedFlag::Fever],
        };
        let old_clearance = [Clearance {
            day: day(5),
            covers: vec![RedFlag::Fever],
            at_ms: 0,
        }];
        assert_eq!(red_flag_gate(&old, &old_clearance, &[], day(6)), Gate::Open);
        let mut report = symptom(5, 0);
        report.at_ms = 0;
        assert_eq!(
            red_flag_gate(&old, &old_clearance, std::slice::from_ref(&report), day(6)),
            Gate::AskAgain { reported: day(5) }
        );
        // New answers that day, with a moment, come after an old report.
        let new = answered(5, 0, vec![]);
        assert_eq!(red_flag_gate(&new, &[], &[report], day(6)), Gate::Open);
    }

    #[test]
    fn red_flag_questions_start_unanswered_and_each_needs_an_answer() {
        let mut form = [None; 10];
        assert_eq!(
            red_flag_answers(&form, day(1), at(1, 0)),
            Err(RedFlag::ALL.to_vec())
        );
        form = [Some(false); 10];
        form[3] = None;
        assert_eq!(
            red_flag_answers(&form, day(1), at(1, 0)),
            Err(vec![RedFlag::BowelOrBladder])
        );
        form[3] = Some(true);
        let a = red_flag_answers(&form, day(1), at(1, 0)).unwrap();
        assert_eq!(a.yes, vec![RedFlag::BowelOrBladder]);
        assert_eq!(a.day, Some(day(1)));
        assert_eq!(a.at_ms, at(1, 0));
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
    fn red_flag_clearance_cannot_lie_in_the_future_or_before_the_answers() {
        assert_eq!(
            clearance_date_ok(day(20), day(1), day(10)),
            Err(ClearanceProblem::InTheFuture)
        );
        assert_eq!(
            clearance_date_ok(day(4), day(5), day(10)),
            Err(ClearanceProblem::BeforeTheAnswers)
        );
        assert_eq!(clearance_date_ok(day(10), day(10), day(10)), Ok(()));
        // A future-dated clearance stored anyway covers nothing until its day.
        let answers = answered(1, 0, vec![RedFlag::Fever]);
        let later = [cleared(20, at(2, 0), vec![RedFlag::Fever])];
        assert_eq!(
            red_flag_gate(&answers, &later, &[], day(10)),
            Gate::Blocked(vec![RedFlag::Fever])
        );
        assert_eq!(red_flag_gate(&answers, &later, &[], day(20)), Gate::Open);
    }

    #[test]
    fn red_flag_urgent_signs_answered_again_need_a_new_clearance() {
        let cleared = [cleared(2, at(2, 0), vec![RedFlag::LegWeakness])];
        let again = answered(20, 0, vec![RedFlag::LegWeakness]);
        assert_eq!(
            red_flag_gate(&again, &cleared, &[], day(20)),
            Gate::Blocked(vec![RedFlag::LegWeakness])
        );
    }

    #[test]
    fn red_flag_records_are_saved_in_order_whatever_the_clock_says() {
        let answers = answered(5, 10, vec![]);
        let report = [symptom(5, 20)];
        // The clock stood still, or went back: one past the latest saved.
        assert_eq!(
            next_safety_moment(at(5, 0), &answers, &[], &report),
            at(5, 20) + 1
        );
        assert_eq!(
            next_safety_moment(at(6, 0), &answers, &[], &report),
            at(6, 0)
        );
    }

    #[test]
    fn red_flags_are_asked_again_monthly() {
        assert!(monthly_recheck_due(None, day(1)));
        assert!(!monthly_recheck_due(Some(day(1)), day(20)));
        let next_month = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        assert!(monthly_recheck_due(Some(day(1)), next_month));
    }

    #[test]
    fn every_question_is_written_and_distinct() {
        let mut qs: Vec<_> = RedFlag::ALL.iter().map(|f| f.question()).collect();
        qs.sort();
        qs.dedup();
        assert_eq!(qs.len(), 10);
    }
}
