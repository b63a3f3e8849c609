//! Share-link lengths for the built-in plans and a large custom plan. Prints numbers;
//! asserts nothing. Run: cargo bench --bench links
//! Goal (issue #6): a typical three-day plan under 1,500 characters.

#[path = "../common/mod.rs"]
mod common;

use backstrong::domain::history::Response24h;
use backstrong::domain::library::{Measure, Pattern, LIBRARY};
use backstrong::domain::prescription::SetTarget;
use backstrong::domain::profile::{Goal, OwnExercise, Profile, RehabDose, RehabExercise};
use backstrong::domain::shared_plan::{share_plan, SharedExercise};
use backstrong::domain::units::Grams;
use backstrong::share::link::encode_link;
use backstrong::share::qr::qr_svg;
use common::{full_gym, start, Timeline};

const ORIGIN: &str = "https://backstrong.app";

fn line(what: &str, link: &str) {
    let qr = if qr_svg(link).is_some() {
        "fits a QR code"
    } else {
        "too long for a QR code"
    };
    println!("{what:<44} {:>5} characters  ({qr})", link.len());
}

fn main() {
    for days in [2u8, 3, 4] {
        for (weeks, label) in [(0, "phase 1"), (4, "phase 2"), (12, "phase 3")] {
            let mut p = Profile::new(start(), full_gym());
            p.days_per_week = days;
            p.session_minutes = 60;
            p.goal = Goal::DeadliftAgain;
            p.rehab = vec![RehabExercise {
                name: "Dead bug from my physio".into(),
                dose: RehabDose::Reps { sets: 2, reps: 10 },
                per_week: 3,
            }];
            let mut t = Timeline::new(p.clone());
            let mut plan = t.plan();
            for _ in 0..weeks {
                plan = t.week(1, Response24h::Settled);
            }
            let shared = share_plan(&plan, &p, "My plan");
            line(
                &format!("{days} days, {label}, full gym, one rehab"),
                &encode_link(&shared, ORIGIN),
            );
        }
    }
    // The largest plan a link accepts: 7 sessions of 12 exercises, 12 rehab and 12 own.
    let p = Profile::new(start(), full_gym());
    let t = Timeline::new(p.clone());
    let mut shared = share_plan(&t.plan(), &p, "A very large custom plan for testing links");
    shared.sessions = (0..7)
        .map(|s| {
            (0..12)
                .map(|i| SharedExercise {
                    exercise: &LIBRARY[(s * 7 + i * 3) % LIBRARY.len()],
                    sets: vec![
                        SetTarget {
                            amount: 8,
                            load: Grams(22_500 + 500 * i as u32)
                        };
                        5
                    ],
                    rest_seconds: 120,
                })
                .collect()
        })
        .collect();
    shared.rehab = (0..12)
        .map(|i| RehabExercise {
            name: format!("Physio exercise number {i} with a long name"),
            dose: RehabDose::Seconds {
                sets: 3,
                seconds: 30,
            },
            per_week: 7,
        })
        .collect();
    shared.own = (0..12)
        .map(|i| OwnExercise {
            careful: None,
            name: format!("My own exercise number {i} with a long name"),
            pattern: Pattern::Core,
            measure: Measure::Reps,
            sets: 4,
            amount: 12,
            load: Grams(10_000),
        })
        .collect();
    line("largest allowed custom plan", &encode_link(&shared, ORIGIN));
}
