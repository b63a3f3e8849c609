//! Model-based property test of the core loop (rules §1–§6): random profiles and
//! equipment (kg and lb), random sequences of what a user does — log a set, change reps or
//! load, report pain 0–10 at any moment, accept or turn down a proposal, swap by hand on
//! Plan or in the workout, follow a shared plan, finish early, reload, answer or skip the
//! next-day question, flare and recover, change equipment, add an own exercise, tell of a
//! new symptom at a check-in, answer the safety questions, record a clearance — and after
//! every step the promises checked from the user's side:
//! the stored records are the only state, as after a reload.
//!
//! `PROPTEST_CASES=N` runs more cases (CI runs the default).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use backstrong::domain::careful::CarefulKind;
use backstrong::domain::checkin::FlareEvent;
use backstrong::domain::equipment::{BarbellSet, EquipmentSet, PlatePair, SteppedRange};
use backstrong::domain::flare::flare_exit_ready;
use backstrong::domain::history::{
    Entry, History, Logged, ManualSwap, Resume, SessionLog, SetLog, SetupChange,
};
use backstrong::domain::library::{exercise, ladder, Measure, Pattern};
use backstrong::domain::pain::Pain;
use backstrong::domain::phase::Phase;
use backstrong::domain::planner::{plan, Plan, Safety};
use backstrong::domain::profile::{
    Experience, Goal, OwnExercise, Profile, RehabDose, RehabExercise,
};
use backstrong::domain::progression::{weekly_cap, Change, WeeklyDose};
use backstrong::domain::reason::Reason;
use backstrong::domain::response::response_due;
use backstrong::domain::safety::{Clearance, RedFlag, RedFlagAnswers};
use backstrong::domain::schedule::week_index;
use backstrong::domain::shared_plan::{adopt_shared_plan, share_plan};
use backstrong::domain::units::{Grams, Units};
use backstrong::domain::workout::{BlockState, LiveSession};
use chrono::{Days, NaiveDate};
use common::start;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const DAY_MS: i64 = 86_400_000;

fn kg(x: f64) -> Grams {
    Grams::kg(x)
}

fn lb(x: f64) -> Grams {
    Grams::lb(x)
}

/// Equipment a user might own, in kilograms or in pounds (pound steps, not converted).
fn equipment() -> impl Strategy<Value = EquipmentSet> {
    (
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            1usize..5,
        ),
        prop::collection::vec(0u8..=2, 8),
    )
        .prop_map(|((pounds, bands, db, kb, cable, bar, bells), plates)| {
            let u = |k: f64, p: f64| if pounds { lb(p) } else { kg(k) };
            EquipmentSet {
                bands,
                dumbbells: db.then(|| SteppedRange {
                    min: u(2.0, 5.0),
                    max: u(30.0, 70.0),
                    // Pound dumbbells that go up in 2.5 lb steps: the user's own steps.
                    step: u(2.0, 2.5),
                }),
                kettlebells: if kb {
                    let all = if pounds {
                        vec![lb(18.0), lb(26.0), lb(35.0), lb(44.0), lb(53.0)]
                    } else {
                        vec![kg(8.0), kg(12.0), kg(16.0), kg(20.0), kg(24.0)]
                    };
                    all[..bells].to_vec()
                } else {
                    Vec::new()
                },
                cable: cable.then(|| SteppedRange {
                    min: u(5.0, 10.0),
                    max: u(80.0, 180.0),
                    step: u(2.5, 5.0),
                }),
                // The user's own plates: any count of each size sold in their unit,
                // gaps included, so some steps cannot be made.
                barbell: bar.then(|| BarbellSet {
                    bar: u(20.0, 45.0),
                    plates: BarbellSet::sizes(if pounds { Units::Lb } else { Units::Kg })
                        .iter()
                        .zip(&plates)
                        .map(|(&weight, &pairs)| PlatePair { weight, pairs })
                        .collect(),
                }),
            }
        })
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        equipment(),
        2u8..=4,
        prop::sample::select(vec![30u16, 45, 60]),
        any::<bool>(),
        0usize..4,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(eq, days, minutes, returning, goal, physio, own)| {
            let mut p = Profile::new(start(), eq);
            p.days_per_week = days;
            p.session_minutes = minutes;
            p.experience = if returning {
                Experience::Returning
            } else {
                Experience::New
            };
            p.goal = [
                Goal::EverydayStrength,
                Goal::DeadliftAgain,
                Goal::SquatAgain,
                Goal::BackToSport,
            ][goal];
            if physio {
                p.rehab.push(RehabExercise {
                    name: "Clamshell".into(),
                    dose: RehabDose::Reps { sets: 2, reps: 12 },
                    per_week: 7,
                });
            }
            if own {
                p.own.push(OwnExercise {
                    name: "Crunches".into(),
                    pattern: Pattern::Core,
                    careful: Some(CarefulKind::SitUps),
                    measure: Measure::Reps,
                    sets: 2,
                    amount: 12,
                    load: Grams::ZERO,
                });
            }
            p
        })
}

#[derive(Debug, Clone)]
enum Action {
    /// A new day (1–3 on): answer yesterday's question or not, check in or not (telling
    /// of a new symptom or not).
    NextDay {
        days: u64,
        answer: Option<u8>,
        checkin: Option<u8>,
        new_symptom: bool,
    },
    /// A second check-in the same day, later, telling of a new symptom.
    NewSymptom,
    Start,
    /// Log the next set of a block as shown, or with reps or load changed.
    Log {
        block: usize,
        reps: i8,
        load: i8,
    },
    Pain {
        block: usize,
        pain: u8,
    },
    Decide {
        block: usize,
        accept: bool,
    },
    SwapInWorkout {
        block: usize,
        choice: usize,
    },
    SwapOnPlan {
        pick: usize,
        choice: usize,
        undo: bool,
    },
    Finish,
    Reload,
    FlareStart,
    FlareEnd,
    Equipment(EquipmentSet),
    Follow(Profile),
    AddOwn {
        careful: bool,
    },
    Resume,
    SafetyAgain {
        yes: Vec<usize>,
    },
    /// A clearance recorded now, dated this many days from today (negative: before).
    Clear {
        days: i64,
    },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        8 => (1u64..=3, prop::option::weighted(0.7, 0u8..3), prop::option::weighted(0.8, prop_oneof![4 => 0u8..=2, 1 => 3u8..=7]), prop::bool::weighted(0.03))
            .prop_map(|(days, answer, checkin, new_symptom)| Action::NextDay { days, answer, checkin, new_symptom }),
        1 => Just(Action::NewSymptom),
        5 => Just(Action::Start),
        30 => (0usize..12, prop_oneof![6 => Just(0i8), 1 => Just(-1i8), 1 => Just(1i8)], prop_oneof![6 => Just(0i8), 1 => Just(-1i8), 1 => Just(1i8)])
            .prop_map(|(block, reps, load)| Action::Log { block, reps, load }),
        10 => (0usize..12, prop_oneof![5 => 0u8..=2, 3 => 3u8..=4, 2 => 5u8..=10])
            .prop_map(|(block, pain)| Action::Pain { block, pain }),
        4 => (0usize..12, any::<bool>()).prop_map(|(block, accept)| Action::Decide { block, accept }),
        2 => (0usize..12, 0usize..8).prop_map(|(block, choice)| Action::SwapInWorkout { block, choice }),
        2 => (0usize..40, 0usize..8, any::<bool>()).prop_map(|(pick, choice, undo)| Action::SwapOnPlan { pick, choice, undo }),
        4 => Just(Action::Finish),
        3 => Just(Action::Reload),
        1 => Just(Action::FlareStart),
        2 => Just(Action::FlareEnd),
        1 => equipment().prop_map(Action::Equipment),
        1 => profile().prop_map(Action::Follow),
        1 => any::<bool>().prop_map(|careful| Action::AddOwn { careful }),
        1 => Just(Action::Resume),
        2 => prop::collection::vec(0usize..10, 0..2).prop_map(|yes| Action::SafetyAgain { yes }),
        2 => (-2i64..3).prop_map(|days| Action::Clear { days }),
    ]
}

/// What the user saw of each week: every view of the plan's weekly doses and walking.
#[derive(Default)]
struct WeekSeen {
    /// The lightest real load of each exercise's equipment, as the user owned it.
    lightest: BTreeMap<&'static str, Grams>,
    min: BTreeMap<&'static str, WeeklyDose>,
    max: BTreeMap<&'static str, WeeklyDose>,
    heavier: BTreeSet<&'static str>,
    walk_min: Option<u16>,
    walk_max: Option<u16>,
}

struct Sim {
    profile: Profile,
    safety: Safety,
    history: History,
    day: NaiveDate,
    ms: i64,
    /// The open session's index in the history, if any.
    open: Option<usize>,
    /// The workout screen: the plan it was opened with and its session model, updated
    /// entry by entry as the screen does.
    screen: Option<(Plan, LiveSession)>,
    /// Every pain report the user made, per session: the truth to find again.
    pains: BTreeMap<usize, Vec<(String, u8)>>,
    /// Library exercises stopped for pain 5+.
    stops: Vec<Stop>,
    seen: BTreeMap<u32, WeekSeen>,
    steps: usize,
    /// The week of the last check, to know the first look at a new week.
    last_week: Option<u32>,
    /// Whether a flare ran at the last check, and the week the running one began in.
    was_flaring: bool,
    flare_from: Option<u32>,
    /// After a flare: the first week back, and the week the flare began in.
    back: Option<(u32, u32)>,
}

struct Stop {
    week: u32,
    id: &'static str,
    movement: &'static str,
    /// Whether an easier rung existed to go down to.
    easier: bool,
    /// When the session it happened in started, and when the pain was reported.
    session_started: i64,
    at: i64,
}

impl Sim {
    fn new(profile: Profile) -> Self {
        Sim {
            day: profile.start,
            ms: 0,
            safety: Safety {
                answers: RedFlagAnswers {
                    day: Some(profile.start),
                    at_ms: 0,
                    yes: vec![],
                },
                clearances: vec![],
            },
            profile,
            history: History::default(),
            open: None,
            screen: None,
            pains: BTreeMap::new(),
            stops: Vec::new(),
            seen: BTreeMap::new(),
            steps: 0,
            last_week: None,
            was_flaring: false,
            flare_from: None,
            back: None,
        }
    }

    fn tick(&mut self) -> i64 {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let base = (self.day - epoch).num_days() * DAY_MS + 8 * 3_600_000;
        self.ms = self.ms.max(base) + 30_000;
        self.ms
    }

    fn week(&self) -> u32 {
        week_index(self.profile.start, self.day)
    }

    fn plan(&self) -> Option<Plan> {
        plan(&self.profile, &self.safety, &self.history, self.day).ok()
    }

    /// The workout screen, opened afresh from the stored records (a session from an
    /// earlier week does not open: it can only be closed).
    fn open_screen(&mut self) {
        self.screen = self.open.and_then(|_| {
            let p = self.plan()?;
            let live = p.open_session()?.live.clone()?;
            Some((p, live))
        });
    }

    fn log(&mut self, entry: Entry) {
        let Some(i) = self.open else { return };
        let at = self.tick();
        self.history.sessions[i].entries.push(Logged {
            at_ms: at,
            entry: entry.clone(),
        });
        if let Some((p, live)) = &mut self.screen {
            let dose = |from: &backstrong::domain::library::Exercise,
                        to: &'static backstrong::domain::library::Exercise| {
                p.swap_dose(from, to)
            };
            let ctx = p.ctx(&dose);
            live.log(at, &entry, &ctx);
        }
    }

    fn act(&mut self, a: &Action) {
        self.steps += 1;
        let plan = self.plan();
        match a.clone() {
            Action::NextDay {
                days,
                answer,
                checkin,
                new_symptom,
            } => {
                self.day = self.day + Days::new(days);
                // A session left open from an earlier week can only be closed, as the
                // workout screen offers: nothing more is logged into a past week.
                if let Some(i) = self.open {
                    if week_index(self.profile.start, self.history.sessions[i].day) < self.week() {
                        self.screen = None;
                    }
                }
                let yesterday = self
                    .history
                    .sessions
                    .iter_mut()
                    .filter(|s| s.finished && s.response.is_none() && response_due(s.day, self.day))
                    .max_by_key(|s| s.started_ms);
                if let (Some(s), Some(a)) = (yesterday, answer) {
                    // An answer about last week's session decides last week's verdict:
                    // what this week showed before it was provisional.
                    if week_index(self.profile.start, s.day)
                        < week_index(self.profile.start, self.day)
                    {
                        self.seen.remove(&week_index(self.profile.start, self.day));
                    }
                    s.response = Some(
                        [
                            backstrong::domain::history::Response24h::Settled,
                            backstrong::domain::history::Response24h::StillRaised,
                            backstrong::domain::history::Response24h::Spiked,
                        ][usize::from(a)],
                    );
                }
                // The workout screen follows what the plan now says.
                self.open_screen();
                if let Some(pain) = checkin {
                    let walking = plan.as_ref().map_or(10, |p| p.walking.total());
                    let mut c = common::checkin(self.day, pain, walking);
                    c.new_symptoms = new_symptom;
                    c.at_ms = self.tick();
                    self.history.checkins.retain(|x| x.day != self.day);
                    self.history.checkins.push(c);
                    self.open_screen();
                }
            }
            Action::NewSymptom => {
                let walking = plan.as_ref().map_or(10, |p| p.walking.total());
                let mut c = self
                    .history
                    .checkins
                    .iter()
                    .find(|x| x.day == self.day)
                    .cloned()
                    .unwrap_or_else(|| common::checkin(self.day, 2, walking));
                c.new_symptoms = true;
                c.at_ms = self.tick();
                self.history.checkins.retain(|x| x.day != self.day);
                self.history.checkins.push(c);
                self.open_screen();
            }
            Action::Start => {
                let Some(p) = plan else { return };
                if self.open.is_some() {
                    return;
                }
                let Some(s) = p.session_on(self.day).or(p.next_session()).cloned() else {
                    return;
                };
                let started = self.tick();
                self.history.sessions.push(SessionLog {
                    day: self.day,
                    slot: s.slot,
                    started_ms: started,
                    served: s.items(),
                    entries: Vec::new(),
                    finished: false,
                    finished_ms: None,
                    response: None,
                });
                self.open = Some(self.history.sessions.len() - 1);
                self.open_screen();
            }
            Action::Log { block, reps, load } => {
                let Some((p, live)) = &self.screen else {
                    return;
                };
                let active: Vec<usize> = (0..live.blocks.len())
                    .filter(|b| live.blocks[*b].state() == BlockState::Active)
                    .collect();
                if active.is_empty() {
                    return;
                }
                let b = &live.blocks[active[block % active.len()]];
                let Some(t) = b.next_set() else { return };
                let item = &b.current().item;
                let amount = (i32::from(t.amount) + i32::from(reps)).max(1) as u16;
                let mut weight = t.load;
                if item.equipment.is_loadable() && !t.load.is_zero() {
                    weight = match load {
                        1 => p
                            .equipment
                            .next_up(item.equipment, t.load)
                            .unwrap_or(t.load),
                        -1 => p
                            .equipment
                            .loads(item.equipment)
                            .into_iter()
                            .rev()
                            .find(|g| *g < t.load)
                            .unwrap_or(t.load),
                        _ => t.load,
                    };
                }
                let set = SetLog {
                    exercise: item.key.to_string(),
                    amount,
                    load: weight,
                    rpe: None,
                    pain: None,
                };
                self.log(Entry::Set(set));
            }
            Action::Pain { block, pain } => {
                let Some((_, live)) = &self.screen else {
                    return;
                };
                if live.blocks.is_empty() {
                    return;
                }
                let b = &live.blocks[block % live.blocks.len()];
                let key = b.current().item.key.to_string();
                let i = self.open.expect("a screen has an open session");
                self.pains.entry(i).or_default().push((key.clone(), pain));
                let stop = (pain >= 5 && b.ended.is_none())
                    .then(|| b.current().item.library())
                    .flatten()
                    .map(|e| {
                        let p = &self.screen.as_ref().unwrap().0;
                        // Worked out here, not by the app's function: a lower rung of the
                        // ladder that is another movement, doable and allowed now.
                        let easier = ladder(e.ladder).take(e.rung()).any(|x| {
                            x.movement != e.movement
                                && x.is_doable_with(&p.equipment)
                                && x.allowed_in_phase(p.phase.number())
                        });
                        (e, easier)
                    });
                self.log(Entry::Pain {
                    exercise: key,
                    pain: Pain::clamped(pain),
                });
                if let Some((e, easier)) = stop {
                    // It counts for the day of the session it was reported in.
                    self.stops.push(Stop {
                        week: week_index(self.profile.start, self.history.sessions[i].day),
                        id: e.id,
                        movement: e.movement,
                        easier,
                        session_started: self.history.sessions[i].started_ms,
                        at: self.ms,
                    });
                }
            }
            Action::Decide { block, accept } => {
                let Some((_, live)) = &self.screen else {
                    return;
                };
                let Some(b) = live
                    .blocks
                    .iter()
                    .cycle()
                    .skip(block % live.blocks.len().max(1))
                    .take(live.blocks.len())
                    .find(|b| b.proposal.is_some())
                else {
                    return;
                };
                let key = b.current().item.key.to_string();
                let change = b.proposal.clone().unwrap();
                self.log(if accept {
                    Entry::Accept {
                        exercise: key,
                        change,
                    }
                } else {
                    Entry::Decline { exercise: key }
                });
            }
            Action::SwapInWorkout { block, choice } => {
                let Some((p, live)) = &self.screen else {
                    return;
                };
                if live.blocks.is_empty() {
                    return;
                }
                let b = &live.blocks[block % live.blocks.len()];
                let Some(e) = b
                    .current()
                    .item
                    .library()
                    .filter(|_| b.state() == BlockState::Active)
                else {
                    return;
                };
                let choices = p.swap_choices(e);
                if choices.is_empty() {
                    return;
                }
                let to = choices[choice % choices.len()];
                let at = self.tick();
                self.history.swaps.push(ManualSwap {
                    day: self.day,
                    at_ms: at,
                    from: e.id.into(),
                    to: to.id.into(),
                });
                self.open_screen();
            }
            Action::SwapOnPlan { pick, choice, undo } => {
                let Some(p) = plan else { return };
                let options: Vec<_> = p
                    .sessions
                    .iter()
                    .filter(|s| !s.started)
                    .flat_map(|s| &s.exercises)
                    .collect();
                if options.is_empty() {
                    return;
                }
                let pe = options[pick % options.len()];
                let to = match (&pe.reason, undo) {
                    (Reason::ChosenByYou { from }, true) => exercise(from).expect("known"),
                    _ => {
                        let choices = p.swap_choices(pe.exercise);
                        if choices.is_empty() {
                            return;
                        }
                        choices[choice % choices.len()]
                    }
                };
                let at = self.tick();
                self.history.swaps.push(ManualSwap {
                    day: self.day,
                    at_ms: at,
                    from: pe.exercise.id.into(),
                    to: to.id.into(),
                });
                self.open_screen();
            }
            Action::Finish => {
                if let Some(i) = self.open.take() {
                    let at = self.tick();
                    self.history.sessions[i].finished = true;
                    self.history.sessions[i].finished_ms = Some(at);
                    self.screen = None;
                }
            }
            Action::Reload => self.open_screen(),
            Action::FlareStart => {
                let at = self.tick();
                self.history.flares.push(FlareEvent::Started(self.day));
                self.history.flare_times.push(at);
                self.open_screen();
            }
            Action::FlareEnd => {
                let at = self.tick();
                self.history.flares.push(FlareEvent::Ended(self.day));
                self.history.flare_times.push(at);
                self.open_screen();
            }
            Action::Equipment(eq) => {
                let mut setup = self.history.current_setup(&self.profile);
                setup.equipment = eq;
                let at = self.tick();
                self.history.setups.push(SetupChange {
                    day: self.day,
                    at_ms: at,
                    setup,
                });
                self.open_screen();
            }
            Action::Follow(other) => {
                let Some(p) = plan else { return };
                let Ok(theirs) = backstrong::domain::planner::plan(
                    &Profile {
                        start: self.profile.start,
                        ..other.clone()
                    },
                    &self.safety,
                    &History::default(),
                    self.day,
                ) else {
                    return;
                };
                let shared = share_plan(&theirs, &other, "Friend");
                let at = self.tick();
                let setup_now = self.history.current_setup(&self.profile);
                let a = adopt_shared_plan(&shared, &self.profile, &setup_now, &p, self.day, at);
                self.profile = a.profile;
                self.history.setups.push(a.setup);
                self.history.swaps.extend(a.swaps);
                self.open_screen();
            }
            Action::AddOwn { careful } => {
                let n = self.profile.own.len();
                if n >= 3 {
                    return;
                }
                self.profile.own.push(OwnExercise {
                    name: format!("{} {n}", if careful { "Russian twist" } else { "Band row" }),
                    pattern: if careful {
                        Pattern::Core
                    } else {
                        Pattern::UpperBack
                    },
                    careful: careful.then_some(CarefulKind::FastTwist),
                    measure: Measure::Reps,
                    sets: 2,
                    amount: 10,
                    load: Grams::ZERO,
                });
            }
            Action::Resume => {
                let Some(p) = plan else { return };
                let paused = p
                    .paused
                    .iter()
                    .map(|e| e.id.to_string())
                    .chain(p.own.iter().filter(|o| o.paused).map(|o| o.own.log_id()))
                    .chain(
                        p.rehab
                            .iter()
                            .filter(|r| r.paused)
                            .map(|r| r.rehab.log_id()),
                    )
                    .next();
                if let Some(key) = paused {
                    let at = self.tick();
                    self.history.resumes.push(Resume {
                        day: self.day,
                        at_ms: at,
                        exercise: key,
                    });
                    self.open_screen();
                }
            }
            Action::SafetyAgain { yes } => {
                let mut flags: Vec<RedFlag> = yes.into_iter().map(|i| RedFlag::ALL[i]).collect();
                flags.sort();
                flags.dedup();
                let at = self.tick();
                self.safety.answers = RedFlagAnswers {
                    day: Some(self.day),
                    at_ms: at,
                    yes: flags,
                };
                self.open_screen();
            }
            Action::Clear { days } => {
                // The app refuses a date in the future or before the answers; a stored one
                // must not count early, nor for answers given after it.
                let at = self.tick();
                let Some(day) = self.day.checked_add_signed(chrono::Duration::days(days)) else {
                    return;
                };
                self.safety.clearances.push(Clearance {
                    day,
                    covers: self.safety.answers.yes.clone(),
                    at_ms: at,
                });
                self.open_screen();
            }
        }
    }

    /// The gate, worked out independently of the app's function (rules §1): closed
    /// from the moment a check-in tells of a new symptom until the questions are answered
    /// again, and after any yes until a clearance dated on or after those answers is
    /// recorded after them.
    fn blocked(&self) -> bool {
        let Some(asked) = self.safety.answers.day else {
            return true;
        };
        let answered_at = self.safety.answers.at_ms;
        // Every moment in the simulation is a real one, but the first answers' (0).
        let reported = self.history.checkins.iter().any(|c| {
            c.new_symptoms && c.day <= self.day && c.day >= asked && c.at_ms >= answered_at
        });
        reported
            || self.safety.answers.yes.iter().any(|f| {
                !self.safety.clearances.iter().any(|c| {
                    c.covers.contains(f)
                        && c.day <= self.day
                        && c.day >= asked
                        && c.at_ms >= answered_at
                })
            })
    }

    /// Whether a flare runs today, worked out from the events and the check-ins: an end
    /// counts only after three calm days.
    fn flaring(&self) -> bool {
        // In the order they were pressed.
        let mut events: Vec<(i64, FlareEvent)> = self
            .history
            .flare_times
            .iter()
            .copied()
            .zip(self.history.flares.iter().copied())
            .collect();
        events.sort_by_key(|(at, _)| *at);
        let mut since: Option<NaiveDate> = None;
        for e in events
            .into_iter()
            .map(|(_, e)| e)
            .filter(|e| e.day() <= self.day)
        {
            match (e, since) {
                (FlareEvent::Started(d), None) => since = Some(d),
                (FlareEvent::Ended(d), Some(s))
                    if flare_exit_ready(&self.history.checkins, s, d) =>
                {
                    since = None
                }
                _ => {}
            }
        }
        since.is_some()
    }

    fn check(&mut self) -> Result<(), TestCaseError> {
        let result = plan(&self.profile, &self.safety, &self.history, self.day);
        // rules §1: no plan while a red flag is open or a new symptom waits for the
        // questions; then no session starts or resumes either.
        prop_assert_eq!(
            result.is_err(),
            self.blocked(),
            "gate at step {}",
            self.steps
        );
        let Ok(p) = result else {
            prop_assert!(
                self.screen.is_none(),
                "a workout open while the gate is closed (step {})",
                self.steps
            );
            return Ok(());
        };
        let week = self.week();

        // The workout serves what the plan shows, and the screen's model (updated entry by
        // entry) is what a reload rebuilds from storage.
        if let Some(i) = self.open {
            let stored = p.sessions.iter().find(|s| {
                s.live
                    .as_ref()
                    .is_some_and(|l| l.started_ms == self.history.sessions[i].started_ms)
            });
            if let (Some(s), Some((_, live))) = (stored, &self.screen) {
                prop_assert_eq!(
                    s.live.as_ref().unwrap(),
                    live,
                    "reload gives the same session at step {}",
                    self.steps
                );
                let shown: Vec<String> = s.items().iter().map(|x| x.key.to_string()).collect();
                let served: Vec<String> = live
                    .blocks
                    .iter()
                    .map(|b| b.current().item.key.to_string())
                    .collect();
                prop_assert_eq!(shown, served);
            }
        }

        // Every pain report is kept, for its exercise and its day.
        for (i, reports) in &self.pains {
            let log = &self.history.sessions[*i];
            if week_index(self.profile.start, log.day) != week {
                continue;
            }
            if let Some(live) = p
                .sessions
                .iter()
                .filter_map(|s| s.live.as_ref())
                .find(|l| l.started_ms == log.started_ms)
            {
                let mut kept: Vec<(String, u8)> = live
                    .pains()
                    .map(|(k, p)| (k.to_string(), p.value()))
                    .collect();
                let mut truth = reports.clone();
                kept.sort();
                truth.sort();
                prop_assert_eq!(kept, truth, "pain reports at step {}", self.steps);
            }
        }

        // rules §2: after pain 5+ the exercise is not served again that week; the next
        // week starts it one rung lower.
        let first_look = self.last_week != Some(week);
        self.last_week = Some(week);
        for st in &self.stops {
            if st.week == week {
                // Pain 5+ stops the movement, whatever carries the load.
                let same = |key: &str| exercise(key).is_some_and(|e| e.movement == st.movement);
                for s in &p.sessions {
                    match &s.live {
                        None => prop_assert!(
                            s.exercises
                                .iter()
                                .all(|e| e.exercise.movement != st.movement),
                            "{} (or its movement) planned again the week it hurt (step {})",
                            st.id,
                            self.steps
                        ),
                        Some(l) => {
                            for b in l.blocks.iter().filter(|b| same(&b.current().item.key)) {
                                prop_assert!(
                                    l.started_ms < st.at,
                                    "{} served in a session started after it hurt (step {})",
                                    st.id,
                                    self.steps
                                );
                                prop_assert!(
                                    l.started_ms != st.session_started || b.ended.is_some(),
                                    "{} still served after pain 5+ (step {})",
                                    st.id,
                                    self.steps
                                );
                            }
                            // A swap for pain lands on another movement.
                            for b in &l.blocks {
                                for step in b.steps.iter().skip(1) {
                                    if let backstrong::domain::workout::StepWhy::SwappedForPain {
                                        from,
                                        ..
                                    } = &step.why
                                    {
                                        let from = exercise(from).expect("a library exercise");
                                        prop_assert!(
                                            step.item.library().is_some_and(|e| e.movement != from.movement),
                                            "{} swapped for pain to the same movement, {} (step {})",
                                            from.id,
                                            step.item.key,
                                            self.steps
                                        );
                                    }
                                }
                            }
                        }
                    }
                }
                for e in p.sessions.iter().flat_map(|s| &s.exercises) {
                    prop_assert!(
                        p.swap_choices(e.exercise)
                            .iter()
                            .all(|c| c.id != st.id && c.movement != st.movement),
                        "{} offered as a swap the week it hurt",
                        st.id
                    );
                }
            } else if st.week + 1 == week && first_look {
                // One rung lower next week, or, with nothing easier of another movement,
                // paused until brought back.
                let resumed = self
                    .history
                    .resumes
                    .iter()
                    .any(|r| r.exercise == st.id && r.at_ms > st.at);
                if st.easier || !resumed {
                    prop_assert!(
                        p.sessions
                            .iter()
                            .filter(|s| !s.started)
                            .flat_map(|s| &s.exercises)
                            .all(|e| e.exercise.id != st.id),
                        "{} planned again the week after it hurt (step {})",
                        st.id,
                        self.steps
                    );
                }
            }
        }
        // A paused exercise is in no session still to start.
        for e in &p.paused {
            prop_assert!(
                p.sessions
                    .iter()
                    .filter(|s| !s.started)
                    .flat_map(|s| &s.exercises)
                    .all(|x| x.exercise.id != e.id),
                "paused {} still planned (step {})",
                e.id,
                self.steps
            );
        }

        // rules §6: nothing careful before phase 3 unless it is the user's own, marked.
        if p.phase < Phase::Reload {
            for s in &p.sessions {
                for x in s.items() {
                    if let Some(e) = x.library() {
                        prop_assert!(!e.careful, "careful {} in {:?}", e.id, p.phase);
                    }
                }
            }
            for o in &p.own {
                prop_assert_eq!(o.careful_for_now, o.own.careful.is_some());
            }
        }
        // Nothing the user cannot do with what they own now, and every load one of the
        // user's own real weights (pound steps for pound equipment).
        for s in p.sessions.iter().filter(|s| !s.started) {
            for e in &s.exercises {
                prop_assert!(
                    e.exercise.is_doable_with(&p.equipment),
                    "{} needs equipment the user lacks",
                    e.exercise.id
                );
                let rx = &e.prescription;
                if rx.equipment.is_loadable() {
                    let loads = p.equipment.loads(rx.equipment);
                    for set in &rx.sets {
                        prop_assert!(
                            loads.contains(&set.load),
                            "{} at {:?}: not a weight of the user's {:?} (step {})",
                            e.exercise.id,
                            set.load,
                            rx.equipment,
                            self.steps
                        );
                    }
                }
            }
        }
        // rules §5: a flare ends only after three calm days, whatever was pressed.
        let flaring = self.flaring();
        prop_assert_eq!(
            matches!(p.mode, backstrong::domain::planner::Mode::Flare { .. }),
            flaring,
            "flare mode at step {}",
            self.steps
        );
        if flaring && !self.was_flaring && self.flare_from.is_none() {
            self.flare_from = Some(week);
        }
        if !flaring && self.was_flaring {
            if let Some(from) = self.flare_from.take() {
                self.back = Some((week + 1, from));
            }
        }
        self.was_flaring = flaring;
        // rules §5: resume lower. In the first week back every exercise's load and
        // weekly volume are at most 90 % of the last week before the flare (the week
        // before the one it began in, and that week, whichever was less); where no
        // lighter real load exists, the load stays and reps or sets come down.
        if let Some((back, from)) = self.back {
            if week == back {
                let mut before: BTreeMap<&'static str, WeeklyDose> = BTreeMap::new();
                for w in [from.checked_sub(1), Some(from)].into_iter().flatten() {
                    for (id, d) in self.seen.get(&w).map(|s| s.min.clone()).unwrap_or_default() {
                        let b = before.entry(id).or_insert(d);
                        b.volume = b.volume.min(d.volume);
                        b.amount = b.amount.min(d.amount);
                        b.load = b.load.min(d.load);
                    }
                }
                for (id, d) in p.weekly_doses() {
                    let Some(b) = before.get(id) else { continue };
                    let eq = p
                        .sessions
                        .iter()
                        .flat_map(|s| &s.exercises)
                        .find(|e| e.exercise.id == id)
                        .map(|e| e.prescription.equipment);
                    prop_assert!(
                        d.volume * 100 <= b.volume * 90,
                        "{id}: first week back {:?} after {:?} (step {})",
                        d,
                        b,
                        self.steps
                    );
                    let lighter = eq.is_some_and(|eq| {
                        eq.is_loadable()
                            && p.equipment
                                .loads(eq)
                                .iter()
                                .any(|g| u64::from(g.0) * 100 <= u64::from(b.load.0) * 90)
                    });
                    if lighter && !b.load.is_zero() {
                        prop_assert!(
                            u64::from(d.load.0) * 100 <= u64::from(b.load.0) * 90,
                            "{id}: first week back load {:?} after {:?} (step {})",
                            d.load,
                            b.load,
                            self.steps
                        );
                    } else {
                        prop_assert!(d.load <= b.load, "{id}: heavier after a flare");
                        prop_assert!(
                            d.amount * 100 <= b.amount * 90,
                            "{id}: first week back reps {} after {} (step {})",
                            d.amount,
                            b.amount,
                            self.steps
                        );
                    }
                }
            }
        }
        // rules §2: a step back lands 10–20 % lower.
        for e in p.sessions.iter().flat_map(|s| &s.exercises) {
            if let Reason::SteppedBack(c) = &e.reason {
                let (from, to) = match c {
                    Change::Load { from, to } => (u64::from(from.0), u64::from(to.0)),
                    Change::Volume { from, to } => (*from, *to),
                    other => return Err(TestCaseError::fail(format!("step back by {other:?}"))),
                };
                prop_assert!(
                    to * 10 <= from * 9 && to * 10 >= from * 8,
                    "step back {from} → {to}"
                );
            }
        }

        if std::env::var("CORE_LOOP_DEBUG").is_ok() {
            eprintln!(
                "step {} day {} week {} {:?} doses {:?}",
                self.steps,
                self.day,
                week,
                p.mode,
                p.weekly_doses()
                    .iter()
                    .map(|(k, d)| format!("{k}:{}", d.volume))
                    .collect::<Vec<_>>()
            );
        }
        // What the user saw this week, for the 10 % check across weeks.
        let seen = self.seen.entry(week).or_default();
        for (id, d) in p.weekly_doses() {
            let min = seen.min.entry(id).or_insert(d);
            min.volume = min.volume.min(d.volume);
            min.amount = min.amount.min(d.amount);
            min.load = min.load.min(d.load);
            let max = seen.max.entry(id).or_insert(d);
            max.volume = max.volume.max(d.volume);
            max.amount = max.amount.max(d.amount);
            max.load = max.load.max(d.load);
        }
        for e in p.sessions.iter().flat_map(|s| &s.exercises) {
            if matches!(e.reason, Reason::Progressed(Change::Heavier { .. })) {
                seen.heavier.insert(e.exercise.id);
            }
            if let Some(g) = p.equipment.lightest(e.prescription.equipment) {
                let l = seen.lightest.entry(e.exercise.id).or_insert(g);
                *l = (*l).max(g);
            }
        }
        let walk = p.walking.total();
        seen.walk_min = Some(seen.walk_min.map_or(walk, |w| w.min(walk)));
        seen.walk_max = Some(seen.walk_max.map_or(walk, |w| w.max(walk)));
        Ok(())
    }

    /// rules §3, week over week: load and weekly volume (and reps or seconds) never
    /// more than 10 % above the least the user saw the week before; the heavier step keeps
    /// the volume; walking likewise.
    fn check_weeks(&self) -> Result<(), TestCaseError> {
        for (w, now) in &self.seen {
            let Some(before) = w.checked_sub(1).and_then(|p| self.seen.get(&p)) else {
                continue;
            };
            for (id, d) in &now.max {
                let Some(b) = before.min.get(id) else {
                    continue;
                };
                // Loaded work after a week without load is held to it rep for rep: its
                // reps or seconds rise at most 10 %, its load is the exercise's light start.
                let from_unloaded = b.load.is_zero() && !d.load.is_zero();
                let vol_ok = (from_unloaded || d.volume <= weekly_cap(b.volume))
                    && d.amount <= weekly_cap(b.amount);
                let light_start = exercise(id).is_some_and(|e| {
                    d.load
                        <= e.start_load
                            .max(now.lightest.get(id).copied().unwrap_or_default())
                });
                let load_ok = if from_unloaded {
                    light_start
                } else {
                    u64::from(d.load.0) <= weekly_cap(u64::from(b.load.0))
                };
                let heavier_ok = now.heavier.contains(id) && d.volume <= b.volume;
                prop_assert!(
                    (vol_ok && load_ok) || heavier_ok,
                    "{id}: week {w} {:?} after {:?}, more than +10 %",
                    d,
                    b
                );
            }
            if let (Some(now), Some(before)) = (now.walk_max, before.walk_min) {
                prop_assert!(
                    u64::from(now) <= weekly_cap(u64::from(before)),
                    "walking {before} → {now} in week {w}"
                );
            }
        }
        Ok(())
    }
}

fn run(profile: Profile, actions: Vec<Action>) -> Result<(), TestCaseError> {
    let mut sim = Sim::new(profile);
    sim.check()?;
    for a in &actions {
        sim.act(a);
        sim.check()?;
    }
    sim.check_weeks()
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_core_loop_keeps_its_promises_after_every_step(profile in profile(), actions in prop::collection::vec(action(), 20..220)) {
        run(profile, actions)?;
    }
}
