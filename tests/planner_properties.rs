//! Property tests: random profiles and random multi-month histories through the planner.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use backstrong::domain::checkin::FlareEvent;
use backstrong::domain::equipment::{BarbellSet, Equipment, EquipmentSet, PlatePair, SteppedRange};
use backstrong::domain::history::Response24h;
use backstrong::domain::library::{easier_variation, Exercise};
use backstrong::domain::phase::Phase;
use backstrong::domain::planner::{plan, Plan};
use backstrong::domain::profile::{Experience, Goal, Profile};
use backstrong::domain::progression::weekly_cap;
use backstrong::domain::progression::Change;
use backstrong::domain::reason::Reason;
use backstrong::domain::safety::{red_flag_gate, Clearance, Gate, RedFlag, RedFlagAnswers};
use backstrong::domain::units::{Grams, Units};
use chrono::Days;
use common::{start, Timeline};
use proptest::prelude::*;

fn equipment() -> impl Strategy<Value = EquipmentSet> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        1u32..=5,
        0usize..4,
    )
        .prop_map(|(bands, db, kb, cable, bar, step, bells)| EquipmentSet {
            bands,
            dumbbells: db.then_some(SteppedRange {
                min: Grams(step * 1000),
                max: Grams(30_000),
                step: Grams(step * 1000),
            }),
            kettlebells: if kb {
                [8, 12, 16, 20][..=bells]
                    .iter()
                    .map(|k| Grams(k * 1000))
                    .collect()
            } else {
                vec![]
            },
            cable: cable.then_some(SteppedRange {
                min: Grams(5000),
                max: Grams(80_000),
                step: Grams(2500),
            }),
            barbell: bar.then(|| BarbellSet::reaching(Grams(20_000), Grams(1250), Grams(180_000))),
        })
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        equipment(),
        2u8..=4,
        prop::sample::select(vec![30u16, 45, 60]),
        any::<bool>(),
        0usize..4,
    )
        .prop_map(|(eq, days, minutes, returning, goal)| {
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
            p
        })
}

#[derive(Debug, Clone)]
struct Week {
    /// Pain per exercise, cycled; mostly low, sometimes high.
    pains: Vec<u8>,
    response: Response24h,
    skipped: bool,
    /// A flare-up starting on this day of the week, lasting this many days.
    flare: Option<(u64, u64)>,
}

fn week() -> impl Strategy<Value = Week> {
    let pain = prop_oneof![6 => 0u8..=2, 2 => 3u8..=4, 1 => 5u8..=8];
    let response = prop_oneof![6 => Just(Response24h::Settled), 2 => Just(Response24h::StillRaised), 1 => Just(Response24h::Spiked)];
    let flare = prop_oneof![9 => Just(None), 1 => (0u64..7, 2u64..15).prop_map(Some)];
    (
        prop::collection::vec(pain, 1..8),
        response,
        prop::bool::weighted(0.1),
        flare,
    )
        .prop_map(|(pains, response, skipped, flare)| Week {
            pains,
            response,
            skipped,
            flare,
        })
}

fn planned(p: &Plan) -> impl Iterator<Item = &'static Exercise> + '_ {
    p.sessions
        .iter()
        .flat_map(|s| s.exercises.iter().map(|e| e.exercise))
}

/// Checks every property of one plan on its own.
fn check_plan(p: &Plan, profile: &Profile) -> Result<(), TestCaseError> {
    for e in planned(p) {
        prop_assert!(
            e.is_doable_with(&profile.equipment),
            "{} needs equipment the user lacks",
            e.id
        );
        prop_assert!(
            !e.careful || p.phase == Phase::Reload,
            "careful {} in {:?}",
            e.id,
            p.phase
        );
    }
    for e in p.sessions.iter().flat_map(|s| &s.exercises) {
        prop_assert!(!e.prescription.sets.is_empty());
    }
    Ok(())
}

fn simulate(profile: Profile, weeks: Vec<Week>) -> Result<(), TestCaseError> {
    let mut t = Timeline::new(profile.clone());
    let mut prev: Option<Plan> = None;
    for w in &weeks {
        let week_start = t.today;
        let p = t.plan();
        check_plan(&p, &profile)?;
        if let Some(prev) = &prev {
            prop_assert!(
                p.phase.number() <= prev.phase.number() + 1,
                "phases never skip"
            );
            let (before, now) = (prev.weekly_doses(), p.weekly_doses());
            // The one exception: double progression's heavier step keeps the volume.
            let heavier: Vec<&str> = p
                .sessions
                .iter()
                .flat_map(|s| &s.exercises)
                .filter(|e| matches!(e.reason, Reason::Progressed(Change::Heavier { .. })))
                .map(|e| e.exercise.id)
                .collect();
            for (id, dose) in &now {
                if let Some(b) = before.get(id) {
                    prop_assert!(
                        dose.within_cap_of(b)
                            || (heavier.contains(id) && dose.within_heavier_step_of(b)),
                        "{id}: {b:?} -> {dose:?}, more than +10 % in a week"
                    );
                }
            }
        }
        if let Some((day, len)) = w.flare {
            let from = week_start + Days::new(day);
            t.history.flares.push(FlareEvent::Started(from));
            t.history
                .flares
                .push(FlareEvent::Ended(from + Days::new(len)));
        }
        if !w.skipped {
            for s in p.sessions.clone() {
                t.today = s.date;
                let now = t.plan();
                let Some(session) = now.sessions.iter().find(|x| x.slot == s.slot && !x.started)
                else {
                    continue;
                };
                let pains: Vec<(&'static Exercise, u8)> = session
                    .exercises
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.exercise, w.pains[i % w.pains.len()]))
                    .collect();
                t.train(
                    s.slot,
                    |e| {
                        pains
                            .iter()
                            .find(|(x, _)| x.id == e.exercise.id)
                            .map_or(0, |(_, p)| *p)
                    },
                    Some(w.response),
                );
                // Pain 5+ stops that movement: the sessions still to come swap it within its
                // ladder (or, on the easiest rung, keep it at a smaller dose).
                t.today = s.date + Days::new(1);
                if t.today >= week_start + Days::new(7) {
                    continue;
                }
                let after = t.plan();
                check_plan(&after, &profile)?;
                for (stopped, _) in pains.iter().filter(|(_, p)| *p >= 5) {
                    for x in after
                        .sessions
                        .iter()
                        .filter(|x| !x.started)
                        .flat_map(|x| &x.exercises)
                    {
                        if x.exercise.ladder == stopped.ladder {
                            let no_easier = easier_variation(stopped, &profile.equipment).is_none();
                            prop_assert!(
                                x.exercise.rung() < stopped.rung()
                                    || (x.exercise.id == stopped.id && no_easier),
                                "{} still planned after pain 5+",
                                stopped.id
                            );
                        }
                    }
                }
            }
        }
        for d in 0..7 {
            t.checkin(
                week_start + Days::new(d),
                w.pains[0].min(6),
                p.walking.total(),
            );
        }
        // The week as it finally stands, with everything logged and reported in it.
        t.today = week_start + Days::new(6);
        let seen = t.plan();
        check_plan(&seen, &profile)?;
        t.today = week_start + Days::new(7);
        prev = Some(seen);
    }
    Ok(())
}

/// A barbell with the user's own plates: any count of each size sold in their unit, gaps
/// included, so some loads cannot be made.
fn own_barbell() -> impl Strategy<Value = BarbellSet> {
    (
        any::<bool>(),
        prop::sample::select(vec![10.0, 15.0, 20.0]),
        prop::collection::vec(0u8..=3, 8),
    )
        .prop_map(|(pounds, bar_kg, pairs)| {
            let units = if pounds { Units::Lb } else { Units::Kg };
            BarbellSet {
                bar: if pounds {
                    Grams::lb(bar_kg * 2.25)
                } else {
                    Grams::kg(bar_kg)
                },
                plates: BarbellSet::sizes(units)
                    .iter()
                    .zip(&pairs)
                    .map(|(&weight, &pairs)| PlatePair { weight, pairs })
                    .collect(),
            }
        })
}

/// rules §3 with real plates: a user who wants the barbell back trains through phase 3;
/// every barbell load the plan asks for (ramp-up sets included) is one their plates make,
/// and the heaviest set of each barbell lift rises at most 10 % a week.
fn barbell_weeks(
    barbell: BarbellSet,
    goal: Goal,
    pains: Vec<(u8, bool)>,
) -> Result<(), TestCaseError> {
    let mut p = Profile::new(
        start(),
        EquipmentSet {
            barbell: Some(barbell.clone()),
            ..EquipmentSet::default()
        },
    );
    p.goal = goal;
    p.experience = Experience::Returning;
    p.days_per_week = 3;
    p.session_minutes = 60;
    let loads = barbell.loads();
    let mut t = Timeline::new(p);
    let mut last: std::collections::BTreeMap<&str, Grams> = Default::default();
    for (pain, settled) in pains {
        let response = if settled {
            Response24h::Settled
        } else {
            Response24h::StillRaised
        };
        let week = t.week(pain, response);
        let mut now: std::collections::BTreeMap<&str, Grams> = Default::default();
        for e in week.sessions.iter().flat_map(|s| &s.exercises) {
            if e.prescription.equipment != Equipment::Barbell {
                continue;
            }
            for set in e.prescription.sets.iter().chain(&e.ramp_up) {
                prop_assert!(
                    loads.contains(&set.load),
                    "{} at {:?}: the plates {:?} cannot make it",
                    e.exercise.id,
                    set.load,
                    barbell
                );
                prop_assert!(barbell.per_side(set.load).is_some());
            }
            let top = e.prescription.max_load();
            let was = now.entry(e.exercise.id).or_insert(top);
            *was = (*was).max(top);
        }
        for (id, top) in &now {
            if let Some(before) = last.get(id) {
                prop_assert!(
                    u64::from(top.0) <= weekly_cap(u64::from(before.0)),
                    "{id}: {before:?} -> {top:?} in one week with {barbell:?}"
                );
            }
        }
        last = now;
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96)
}

proptest! {
    // 96 cases in the normal run; PROPTEST_CASES=N runs more.
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn planner_properties_hold_over_random_months(profile in profile(), weeks in prop::collection::vec(week(), 4..30)) {
        simulate(profile, weeks)?;
    }

    #[test]
    fn every_barbell_load_is_one_the_plates_make_and_rises_at_most_10_percent_a_week(
        barbell in own_barbell(),
        deadlift in any::<bool>(),
        pains in prop::collection::vec((0u8..=4, prop::bool::weighted(0.85)), 10..22),
    ) {
        let goal = if deadlift { Goal::DeadliftAgain } else { Goal::SquatAgain };
        barbell_weeks(barbell, goal, pains)?;
    }

    #[test]
    fn no_plan_with_an_open_red_flag(yes in prop::collection::vec(0usize..10, 0..4), covered in prop::collection::vec(0usize..10, 0..4), profile in profile()) {
        let yes: Vec<RedFlag> = yes.into_iter().map(|i| RedFlag::ALL[i]).collect();
        let covers: Vec<RedFlag> = covered.into_iter().map(|i| RedFlag::ALL[i]).collect();
        let mut t = Timeline::new(profile);
        t.safety.answers = RedFlagAnswers { day: Some(start()), at_ms: 0, yes: yes.clone() };
        t.safety.clearances = vec![Clearance { day: start(), covers: covers.clone(), at_ms: 0 }];
        let open = yes.iter().any(|f| !covers.contains(f));
        let result = plan(&t.profile, &t.safety, &t.history, t.today);
        prop_assert_eq!(result.is_err(), open);
        prop_assert_eq!(matches!(red_flag_gate(&t.safety.answers, &t.safety.clearances, &t.history.checkins, t.today), Gate::Blocked(_)), open);
    }

    #[test]
    fn the_same_inputs_give_the_same_plan_in_any_order(profile in profile(), weeks in prop::collection::vec(week(), 2..10)) {
        let mut t = Timeline::new(profile);
        for w in &weeks {
            if w.skipped { t.skip_week() } else { t.week(w.pains[0], w.response); }
        }
        let a = t.plan();
        t.history.sessions.reverse();
        t.history.checkins.reverse();
        let b = t.plan();
        prop_assert_eq!(a, b);
    }
}
