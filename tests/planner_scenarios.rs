//! Scenario tests: readable timelines of real users through the planner.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use backstrong::domain::equipment::{Equipment, EquipmentSet};
use backstrong::domain::history::Response24h::{Settled, Spiked};
use backstrong::domain::phase::Phase;
use backstrong::domain::planner::{plan, Mode};
use backstrong::domain::profile::{Experience, Goal, Profile, RehabDose, RehabExercise};
use backstrong::domain::reason::Reason;
use backstrong::domain::safety::{Clearance, Gate, RedFlag, RedFlagAnswers};
use backstrong::domain::units::Grams;
use chrono::Days;
use common::*;

fn profile(equipment: EquipmentSet) -> Profile {
    Profile::new(start(), equipment)
}

#[test]
fn red_flag_user_gets_no_plan_until_a_clearance_is_recorded() {
    let mut t = Timeline::new(profile(full_gym()));
    t.safety.answers = RedFlagAnswers {
        day: Some(start()),
        at_ms: 0,
        yes: vec![RedFlag::LegWeakness],
    };
    assert_eq!(
        plan(&t.profile, &t.safety, &t.history, t.today),
        Err(Gate::Blocked(vec![RedFlag::LegWeakness]))
    );
    // A clearance dated in the future covers nothing until its day comes.
    t.safety.clearances.push(Clearance {
        day: start() + Days::new(3),
        covers: vec![RedFlag::LegWeakness],
        at_ms: 0,
    });
    assert!(plan(&t.profile, &t.safety, &t.history, t.today).is_err());
    assert!(plan(&t.profile, &t.safety, &t.history, start() + Days::new(3)).is_ok());
}

#[test]
fn a_user_who_flares_in_week_3() {
    let mut t = Timeline::new(profile(full_gym()));
    // Weeks 1–2: gentle, pain-free, settled the next day.
    assert_eq!(t.week(1, Settled).phase, Phase::Restore);
    t.week(1, Settled);
    // Week 3 starts in phase 2: two clean weeks earned it.
    let week3 = t.plan();
    assert_eq!(week3.phase, Phase::Rebuild);
    let loads_before: Vec<(String, Grams)> = week3.sessions[0]
        .exercises
        .iter()
        .map(|e| (e.exercise.id.to_string(), e.prescription.max_load()))
        .collect();
    t.train(0, |_| 2, Some(Settled));

    // Tuesday of week 3: the back flares.
    let flare_day = t.today + Days::new(1);
    t.flare(flare_day, None);
    t.today = flare_day;
    let p = t.plan();
    assert!(matches!(
        p.mode,
        Mode::Flare {
            exit_ready: false,
            ..
        }
    ));
    assert!(p.sessions.is_empty(), "no loading in a flare");
    assert!(p.flare_routine.iter().any(|(e, _)| e.id == "easy-walk"));

    // Pain settles: 6, 4, 2, 1, 2 — three calm days in a row let the user out.
    for (i, pain) in [6, 4, 2, 1, 2].into_iter().enumerate() {
        t.checkin(flare_day + Days::new(i as u64), pain, 5);
    }
    t.today = flare_day + Days::new(3);
    assert!(matches!(
        t.plan().mode,
        Mode::Flare {
            exit_ready: false,
            ..
        }
    ));
    t.today = flare_day + Days::new(4);
    assert!(matches!(
        t.plan().mode,
        Mode::Flare {
            exit_ready: true,
            ..
        }
    ));
    t.history
        .flares
        .push(backstrong::domain::checkin::FlareEvent::Ended(t.today));
    assert_eq!(t.plan().mode, Mode::Resuming, "strength restarts next week");

    // Week 4: one phase lower, lighter, and the plan says why.
    t.today = start() + Days::new(21);
    let week4 = t.plan();
    assert_eq!(week4.mode, Mode::Training);
    assert_eq!(week4.phase, Phase::Restore);
    for e in week4.sessions.iter().flat_map(|s| &s.exercises) {
        if let Some((_, before)) = loads_before.iter().find(|(id, _)| id == e.exercise.id) {
            assert!(e.prescription.max_load() <= *before);
        }
    }
    assert!(week4.sessions[0]
        .exercises
        .iter()
        .any(|e| e.reason == Reason::AfterFlare));
}

#[test]
fn a_user_whose_24_hour_responses_spike_twice() {
    let mut t = Timeline::new(profile(full_gym()));
    t.week(1, Settled);
    let week2 = t.plan();
    // Session A of week 2 spikes: session B of the same week is already lighter.
    t.train(0, |_| 1, Some(Spiked));
    t.today = week2.sessions[1].date;
    let mid = t.plan();
    let b = &mid.sessions[1];
    assert!(b.exercises.iter().any(|e| matches!(
        e.reason,
        Reason::SteppedBack(_) | Reason::SteppedBackEasier { .. }
    )));
    t.train(1, |_| 1, Some(Settled));
    t.today = start() + Days::new(14);

    let week3 = t.plan();
    assert_eq!(
        week3.phase,
        Phase::Restore,
        "a spike week does not count toward phase 2"
    );
    let volume = |p: &backstrong::domain::planner::Plan| -> u64 {
        p.weekly_doses().values().map(|d| d.volume).sum()
    };
    assert!(volume(&week3) < volume(&week2));
    t.week(1, Spiked);
    let week4 = t.plan();
    assert!(
        volume(&week4) < volume(&week3),
        "second spike, second step back"
    );
    assert!(week4.sessions[0]
        .exercises
        .iter()
        .all(|e| !matches!(e.reason, Reason::Progressed(_))));
    t.week(0, Settled);
    t.week(0, Settled);
    assert_eq!(
        t.plan().phase,
        Phase::Rebuild,
        "two clean weeks after the spikes"
    );
}

#[test]
fn a_user_with_only_bands_and_a_kettlebell() {
    let owned = EquipmentSet {
        bands: true,
        kettlebells: vec![Grams::kg(12.0)],
        ..Default::default()
    };
    let mut t = Timeline::new(profile(owned.clone()));
    for _ in 0..16 {
        let p = t.week(1, Settled);
        for e in p.sessions.iter().flat_map(|s| &s.exercises) {
            assert!(
                e.exercise.is_doable_with(&owned),
                "{} needs what the user lacks",
                e.exercise.id
            );
            let eq = e.prescription.equipment;
            assert!(
                matches!(
                    eq,
                    Equipment::Bodyweight | Equipment::Bands | Equipment::Kettlebell
                ),
                "{eq:?}"
            );
            if eq == Equipment::Kettlebell {
                assert!(
                    e.prescription
                        .sets
                        .iter()
                        .all(|s| s.load == Grams::kg(12.0)),
                    "only the bell they own"
                );
            }
        }
    }
    assert!(t.plan().phase >= Phase::Rebuild);
}

#[test]
fn a_user_coming_from_physio_with_three_prescribed_exercises() {
    let mut p = profile(EquipmentSet {
        bands: true,
        ..Default::default()
    });
    p.rehab = vec![
        RehabExercise {
            name: "McGill curl-up".into(),
            dose: RehabDose::Reps { sets: 3, reps: 8 },
            per_week: 7,
        },
        RehabExercise {
            name: "Clamshell".into(),
            dose: RehabDose::Reps { sets: 2, reps: 15 },
            per_week: 3,
        },
        RehabExercise {
            name: "Side-lying hold".into(),
            dose: RehabDose::Seconds {
                sets: 3,
                seconds: 20,
            },
            per_week: 5,
        },
    ];
    let mut t = Timeline::new(p.clone());
    for w in 0..10 {
        if w == 4 {
            t.flare(t.today, Some(t.today + Days::new(5)));
        }
        assert_eq!(
            t.plan()
                .rehab
                .iter()
                .map(|r| r.rehab.clone())
                .collect::<Vec<_>>(),
            p.rehab,
            "rehab continues after rehab, week {}",
            w + 1
        );
        t.week(1, Settled);
    }
}

#[test]
fn a_six_month_climb_to_barbell_deadlifts() {
    let mut p = profile(full_gym());
    p.goal = Goal::DeadliftAgain;
    p.experience = Experience::Returning;
    p.days_per_week = 3;
    p.session_minutes = 60;
    let mut t = Timeline::new(p);
    let mut phases = Vec::new();
    let mut deadlift = Vec::new();
    for _ in 0..26 {
        let week = t.week(1, Settled);
        phases.push(week.phase);
        let dl = week
            .sessions
            .iter()
            .flat_map(|s| &s.exercises)
            .find(|e| e.exercise.id == "barbell-deadlift");
        deadlift.push(dl.map(|e| {
            (
                e.prescription.max_load(),
                e.prescription.volume(),
                e.reason.clone(),
            )
        }));
        if week.phase < Phase::Reload {
            assert!(dl.is_none(), "no heavy barbell deadlift before phase 3");
        }
    }
    // Two weeks of phase 1, four of phase 2, then phase 3 from week 7.
    assert_eq!(
        &phases[..7],
        &[
            Phase::Restore,
            Phase::Restore,
            Phase::Rebuild,
            Phase::Rebuild,
            Phase::Rebuild,
            Phase::Rebuild,
            Phase::Reload
        ]
    );
    let first = deadlift[6]
        .clone()
        .expect("the deadlift returns with phase 3");
    assert_eq!(first.0, Grams::kg(20.0), "starts with the empty bar");
    assert!(matches!(first.2, Reason::GoalLift { .. }));
    let last = deadlift[25]
        .clone()
        .expect("still deadlifting at six months");
    assert!(
        last.0 > Grams::kg(20.0) && last.1 > first.1,
        "heavier at six months: {last:?}"
    );
    for w in deadlift.windows(2) {
        if let (Some(a), Some(b)) = (&w[0], &w[1]) {
            assert!(
                b.1 * 10 <= a.1 * 11,
                "weekly volume never above +10 %: {a:?} -> {b:?}"
            );
        }
    }
}

/// Edit my setup (rules §4): equipment taken away changes the next session at once;
/// days and new equipment shape the weeks that follow. The screen compares next week with
/// and without the change, so it can say what changed.
#[test]
fn a_setup_change_shapes_the_next_week_and_says_what_changed() {
    use backstrong::domain::equipment::SteppedRange;
    use backstrong::domain::history::SetupChange;
    use backstrong::domain::setup_change::{setup_change_effects, SetupEffect};

    let t = Timeline::new(profile(EquipmentSet::default()));
    let old = t.history.current_setup(&t.profile);
    let mut new = old.clone();
    new.equipment.dumbbells = Some(SteppedRange {
        min: Grams::kg(2.0),
        max: Grams::kg(24.0),
        step: Grams::kg(2.0),
    });
    new.days_per_week = 3;
    new.weekdays.clear();
    let with = |t: &Timeline, setup: &backstrong::domain::profile::Setup| {
        let mut h = t.history.clone();
        h.setups.push(SetupChange {
            day: t.today,
            at_ms: 0,
            setup: setup.clone(),
        });
        let next = t.profile.start + Days::new(7 * u64::from(t.plan().week));
        (
            plan(&t.profile, &t.safety, &t.history, next).unwrap(),
            plan(&t.profile, &t.safety, &h, next).unwrap(),
        )
    };

    // Week 1, phase 1: a third day from next week; the dumbbells wait for phase 2.
    let (before, after) = with(&t, &new);
    assert_eq!(after.sessions.len(), 3);
    let effects = setup_change_effects(&old, &new, &before, &after);
    assert!(effects.contains(&SetupEffect::DaysPerWeek { from: 2, to: 3 }));
    assert!(effects.contains(&SetupEffect::EquipmentAdded(vec![Equipment::Dumbbells])));
    assert!(effects.contains(&SetupEffect::Waits(vec![Equipment::Dumbbells])));
    assert!(!effects
        .iter()
        .any(|e| matches!(e, SetupEffect::Exercise { .. })));

    // A full gym in phase 2 that loses its dumbbells and kettlebells: the exercises that
    // used them move along their own ladders, and no load goes up for it.
    let mut t = Timeline::new(profile(full_gym()));
    t.week(1, Settled);
    t.week(1, Settled);
    assert_eq!(t.plan().phase, Phase::Rebuild);
    let old = t.history.current_setup(&t.profile);
    let mut fewer = old.clone();
    fewer.equipment.dumbbells = None;
    fewer.equipment.kettlebells.clear();
    let (before, after) = with(&t, &fewer);
    let effects = setup_change_effects(&old, &fewer, &before, &after);
    assert!(effects.contains(&SetupEffect::EquipmentRemoved(vec![
        Equipment::Dumbbells,
        Equipment::Kettlebell
    ])));
    let changed: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            SetupEffect::Exercise { from, to } => Some((*from, *to)),
            _ => None,
        })
        .collect();
    assert!(!changed.is_empty(), "{effects:?}");
    for (from, to) in &changed {
        assert_eq!(
            from.ladder, to.ladder,
            "a change stays on its movement's ladder"
        );
    }
    for e in after.sessions.iter().flat_map(|s| &s.exercises) {
        assert!(
            !matches!(
                e.prescription.equipment,
                Equipment::Dumbbells | Equipment::Kettlebell
            ),
            "{} still uses what is gone",
            e.exercise.id
        );
    }
    // Nothing changed, nothing said.
    assert!(setup_change_effects(&old, &old, &before, &before).is_empty());
}

/// rules §3 and §4: fewer plates mid-plan. A phase-3 deadlifter who sells their 10 kg
/// pair: from the next session every barbell load is one the plates left make, none goes
/// up for it, and the change is named.
#[test]
fn fewer_plates_move_barbell_loads_down_to_what_is_left() {
    use backstrong::domain::equipment::{BarbellSet, PlatePair};
    use backstrong::domain::history::SetupChange;
    use backstrong::domain::setup_change::{setup_change_effects, SetupEffect};

    let mut p = profile(EquipmentSet {
        barbell: Some(BarbellSet::reaching(
            Grams::kg(20.0),
            Grams::kg(1.25),
            Grams::kg(140.0),
        )),
        ..EquipmentSet::default()
    });
    p.goal = Goal::DeadliftAgain;
    p.experience = Experience::Returning;
    p.days_per_week = 3;
    p.session_minutes = 60;
    let mut t = Timeline::new(p);
    let mut lifted = None;
    for _ in 0..30 {
        let w = t.week(1, Settled);
        lifted = w
            .sessions
            .iter()
            .flat_map(|s| &s.exercises)
            .find(|e| e.prescription.equipment == Equipment::Barbell)
            .map(|e| e.prescription.max_load());
        if lifted.is_some_and(|g| g >= Grams::kg(30.0)) {
            break;
        }
    }
    let top = lifted.expect("phase 3 brings the barbell");
    assert!(top >= Grams::kg(30.0), "the deadlift climbed: {top:?}");
    let old = t.history.current_setup(&t.profile);
    let mut fewer = old.clone();
    // Only a pair of 2.5s and a pair of 5s left: 20, 25, 30, 35 kg.
    fewer.equipment.barbell = Some(BarbellSet {
        bar: Grams::kg(20.0),
        plates: vec![
            PlatePair {
                weight: Grams::kg(5.0),
                pairs: 1,
            },
            PlatePair {
                weight: Grams::kg(2.5),
                pairs: 1,
            },
        ],
    });
    let left = fewer.equipment.loads(Equipment::Barbell);
    let before = t.plan();
    let mut h = t.history.clone();
    h.setups.push(SetupChange {
        day: t.today,
        at_ms: 0,
        setup: fewer.clone(),
    });
    let after = plan(&t.profile, &t.safety, &h, t.today).unwrap();
    let effects = setup_change_effects(&old, &fewer, &before, &after);
    assert!(
        effects.contains(&SetupEffect::Plates {
            lightest: Grams::kg(20.0),
            heaviest: Grams::kg(35.0)
        }),
        "{effects:?}"
    );
    for (was, now) in before.sessions.iter().zip(&after.sessions) {
        for (a, b) in was.exercises.iter().zip(&now.exercises) {
            if b.prescription.equipment != Equipment::Barbell {
                continue;
            }
            for set in &b.prescription.sets {
                assert!(left.contains(&set.load), "{:?} is not makeable", set.load);
            }
            if a.exercise.id == b.exercise.id {
                assert!(b.prescription.max_load() <= a.prescription.max_load());
            }
        }
    }
}
