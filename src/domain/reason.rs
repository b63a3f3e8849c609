//! Why the planner decided what it did, as data, with the plain words the app shows.

use super::equipment::Equipment;
use super::library::{exercise, Measure};
use super::progression::Change;
use super::units::Units;

/// An id from the library.
type StaticId = &'static str;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// First weeks of an exercise: start light.
    Start,
    Progressed(Change),
    HeldStillRaised,
    HeldPain(u8),
    HeldIncomplete,
    HeldNotTrained,
    HeldNoResponse,
    HeldAtTop,
    /// A spike, on the gentlest rung at a dose too small to cut further.
    HeldSmallest,
    SteppedBack(Change),
    SteppedBackEasier {
        from: StaticId,
    },
    SwappedForPain {
        from: StaticId,
        pain: u8,
    },
    EasiestAlready {
        pain: u8,
        change: Change,
    },
    GoalLift {
        from: StaticId,
    },
    LadderUp {
        from: StaticId,
    },
    WelcomeBack(Change),
    AfterFlare,
    CappedWeekly,
    ChosenByYou {
        from: StaticId,
    },
    /// A swap by hand undone: the planner's own choice is back, as it was.
    BackToPlan {
        from: StaticId,
    },
    /// The user's equipment changed and no longer allows `from`.
    EquipmentChanged {
        from: StaticId,
    },
    /// The user's equipment changed; the load moved to its real steps.
    EquipmentLoads,
    /// New equipment: the exercise is now done with it, or (`from`) a variation no harder
    /// that uses it takes the place of another.
    NewEquipment {
        from: Option<StaticId>,
        equipment: Equipment,
    },
}

fn name(id: &str) -> &'static str {
    exercise(id)
        .map(|e| e.name)
        .unwrap_or("the previous exercise")
}

fn equipment_word(e: Equipment) -> &'static str {
    match e {
        Equipment::Kettlebell => "bell",
        Equipment::Dumbbells => "dumbbell",
        Equipment::Barbell => "bar",
        Equipment::Cable => "stack",
        Equipment::Bodyweight | Equipment::Bands => "weight",
    }
}

fn change_words(c: &Change, units: Units, measure: Measure) -> String {
    match c {
        Change::Heavier { from, to, .. } => {
            format!("{} → {}", units.format(*from), units.format(*to))
        }
        Change::Load { from, to } => format!("{} → {}", units.format(*from), units.format(*to)),
        Change::Amount { from, to } => {
            let d = i64::from(*to) - i64::from(*from);
            let what = match (measure, d.abs()) {
                (Measure::Reps, 1) => "rep",
                (m, _) => m.short(),
            };
            format!("{d:+} {what} over the sets, {from} → {to} in all")
        }
        Change::Sets { from, to } => format!("{from} → {to} sets"),
        Change::Volume { from, to } => {
            let pct = if *from == 0 {
                0
            } else {
                (*to as i128 - *from as i128) * 100 / *from as i128
            };
            format!("{pct:+}% volume")
        }
    }
}

impl Reason {
    /// One plain sentence for the user, about an exercise counted in `measure`.
    pub fn explain(&self, units: Units, measure: Measure) -> String {
        match self {
            Reason::Start => "A light start: technique and confidence first, load second.".into(),
            Reason::Progressed(Change::Heavier {
                equipment,
                from,
                to,
                reps_to,
                ..
            }) => format!(
                "Heavier {}, {} → {}: reps drop to {reps_to} so this week's work stays the same.",
                equipment_word(*equipment),
                units.format(*from),
                units.format(*to)
            ),
            Reason::Progressed(c) => format!(
                "Up {}: pain stayed at 2 or below and settled within a day.",
                change_words(c, units, measure)
            ),
            Reason::HeldStillRaised => "Same as last week: your back was still sore the day after.".into(),
            Reason::HeldPain(p) => format!("Same as last week: pain reached {p} during it, so we repeat before adding more."),
            Reason::HeldIncomplete => "Same as last week: not every set was done yet. Finish them all first.".into(),
            Reason::HeldNotTrained => "Same as last week: it was not logged last week.".into(),
            Reason::HeldNoResponse => {
                "Same as last week: answer the next-day question after a session so we know it is safe to add more.".into()
            }
            Reason::HeldAtTop => {
                "You are at the top of what your equipment allows for this one. Keep it strong and clean.".into()
            }
            Reason::HeldSmallest => {
                "Same as last week: it is already the gentlest version at a small dose, so it stays as it is while your back settles.".into()
            }
            Reason::SteppedBack(c) => format!(
                "Lighter this week ({}): your back flared up after the last session. We build back up from here.",
                change_words(c, units, measure)
            ),
            Reason::SteppedBackEasier { from } => format!(
                "An easier variation of {} this week: your back flared up after the last session.",
                name(from)
            ),
            Reason::SwappedForPain { from, pain } => {
                format!("Replaces {}: pain reached {pain}, so we stepped down the ladder.", name(from))
            }
            Reason::EasiestAlready { pain, change } => format!(
                "Less of it ({}): pain reached {pain} and this is already the gentlest version.",
                change_words(change, units, measure)
            ),
            Reason::LadderUp { from } => {
                format!("Next step up from {}: you mastered it at full sets and reps.", name(from))
            }
            Reason::GoalLift { from } => format!(
                "Your goal lift is back, in place of {}: it starts light and climbs slowly.",
                name(from)
            ),
            Reason::WelcomeBack(c) => {
                format!("Welcome back: a little lighter ({}) after two weeks without training.", change_words(c, units, measure))
            }
            Reason::AfterFlare => format!(
                "Restarting lighter after a flare-up: at most {}% of the week before it, then back up gradually.",
                super::flare::RESUME_PERCENT
            ),
            Reason::CappedWeekly => {
                "Trimmed so this exercise's weekly work rises no more than 10% over last week.".into()
            }
            Reason::ChosenByYou { from } => format!("Your choice, in place of {}.", name(from)),
            Reason::BackToPlan { from } => format!("Back to the plan's choice, in place of {}.", name(from)),
            Reason::EquipmentChanged { from } => {
                format!("In place of {}, which your equipment no longer allows.", name(from))
            }
            Reason::EquipmentLoads => "The weight follows the steps your new equipment has.".into(),
            Reason::NewEquipment { from, equipment } => {
                let with = equipment.label().to_lowercase();
                let start = format!(
                    "a light start, with this week's reps no more than {}% over last week's",
                    super::progression::MAX_INCREASE_PERMILLE / 10
                );
                match from {
                    Some(from) => format!("Now with your {with}, in place of {}: {start}.", name(from)),
                    None => format!("Now with your {with}: {start}."),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::units::Grams;

    #[test]
    fn reasons_read_as_plain_sentences_with_numbers_in_the_users_units() {
        let r = Reason::Progressed(Change::Load {
            from: Grams::kg(20.0),
            to: Grams::kg(22.5),
        });
        assert_eq!(
            r.explain(Units::Kg, Measure::Reps),
            "Up 20 kg → 22.5 kg: pain stayed at 2 or below and settled within a day."
        );
        let held = Reason::HeldPain(4).explain(Units::Kg, Measure::Reps);
        assert!(held.contains("pain reached 4"));
        let swap = Reason::SwappedForPain {
            from: "kb-deadlift",
            pain: 6,
        }
        .explain(Units::Lb, Measure::Reps);
        let more = Reason::Progressed(Change::Amount { from: 16, to: 17 });
        assert_eq!(
            more.explain(Units::Kg, Measure::Reps),
            "Up +1 rep over the sets, 16 → 17 in all: pain stayed at 2 or below and settled within a day."
        );
        assert!(more
            .explain(Units::Kg, Measure::Seconds)
            .starts_with("Up +1 s over the sets"));
        assert!(swap.contains("Kettlebell deadlift") && swap.contains('6'));
    }
}
