//! A small simulator for planner tests: a user who follows the plan week by week.
#![allow(dead_code)]

use backstrong::domain::checkin::{CheckIn, FlareEvent};
use backstrong::domain::equipment::{BarbellSet, EquipmentSet, SteppedRange};
use backstrong::domain::history::{History, Response24h, SessionLog, SetLog};
use backstrong::domain::pain::Pain;
use backstrong::domain::planner::{plan, Plan, PlannedExercise, Safety};
use backstrong::domain::profile::Profile;
use backstrong::domain::safety::RedFlagAnswers;
use backstrong::domain::units::Grams;
use chrono::{Days, NaiveDate};

pub fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

pub fn full_gym() -> EquipmentSet {
    EquipmentSet {
        bands: true,
        dumbbells: Some(SteppedRange {
            min: Grams::kg(2.0),
            max: Grams::kg(40.0),
            step: Grams::kg(2.0),
        }),
        kettlebells: vec![
            Grams::kg(8.0),
            Grams::kg(12.0),
            Grams::kg(16.0),
            Grams::kg(20.0),
            Grams::kg(24.0),
        ],
        cable: Some(SteppedRange {
            min: Grams::kg(5.0),
            max: Grams::kg(100.0),
            step: Grams::kg(2.5),
        }),
        barbell: Some(BarbellSet::reaching(
            Grams::kg(20.0),
            Grams::kg(1.25),
            Grams::kg(200.0),
        )),
    }
}

/// An ordinary day's check-in: good habits, this pain and these walking minutes.
pub fn checkin(day: NaiveDate, pain: u8, walking: u16) -> CheckIn {
    CheckIn {
        day,
        pain: Pain::clamped(pain),
        walking_minutes: walking,
        mobility_done: true,
        sleep_hours: 7,
        stress: 3,
        protein_meals: 3,
        water: 6,
        triggers: vec![],
        new_symptoms: false,
        at_ms: 0,
    }
}

pub fn cleared() -> Safety {
    Safety {
        answers: RedFlagAnswers {
            day: Some(start()),
            at_ms: 0,
            yes: vec![],
        },
        clearances: vec![],
    }
}

#[derive(Clone)]
pub struct Timeline {
    pub profile: Profile,
    pub safety: Safety,
    pub history: History,
    pub today: NaiveDate,
}

impl Timeline {
    pub fn new(profile: Profile) -> Self {
        Timeline {
            today: profile.start,
            profile,
            safety: cleared(),
            history: History::default(),
        }
    }

    pub fn plan(&self) -> Plan {
        plan(&self.profile, &self.safety, &self.history, self.today)
            .expect("the red-flag gate is open")
    }

    /// Logs one planned session exactly as prescribed, with the pain `pain_of` says.
    pub fn train(
        &mut self,
        slot: u8,
        pain_of: impl Fn(&PlannedExercise) -> u8,
        response: Option<Response24h>,
    ) {
        let p = self.plan();
        let s = p
            .sessions
            .iter()
            .find(|s| s.slot == slot)
            .expect("session planned")
            .clone();
        let sets = s
            .exercises
            .iter()
            .flat_map(|pe| {
                let pain = Pain::clamped(pain_of(pe));
                pe.prescription.sets.iter().map(move |t| SetLog {
                    exercise: pe.exercise.id.to_string(),
                    amount: t.amount,
                    load: t.load,
                    rpe: Some(7),
                    pain: Some(pain),
                })
            })
            .collect();
        self.history
            .sessions
            .push(SessionLog::of_sets(s.date, slot, sets, response));
    }

    pub fn checkin(&mut self, day: NaiveDate, pain: u8, walking: u16) {
        self.history.checkins.push(checkin(day, pain, walking));
    }

    /// A whole week: every session as prescribed at `pain`, each answered `response` the
    /// next day, a daily check-in with the walks done; then on to the next week.
    /// Returns the plan the week started with.
    pub fn week(&mut self, pain: u8, response: Response24h) -> Plan {
        let p = self.plan();
        for s in &p.sessions {
            self.train(s.slot, |_| pain, Some(response));
        }
        for d in 0..7 {
            self.checkin(self.today + Days::new(d), pain.min(2), p.walking.total());
        }
        self.today = self.today + Days::new(7);
        p
    }

    pub fn skip_week(&mut self) {
        self.today = self.today + Days::new(7);
    }

    pub fn flare(&mut self, from: NaiveDate, to: Option<NaiveDate>) {
        self.history.flares.push(FlareEvent::Started(from));
        if let Some(to) = to {
            self.history.flares.push(FlareEvent::Ended(to));
        }
    }
}
