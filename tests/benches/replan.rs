//! Time to plan from five and twenty years of history, natively: a full replay, and the
//! re-plan a tap causes (only this week). Prints numbers; asserts nothing.
//! Run: cargo bench --bench replan
//! For comparing two builds on a busy machine, `QUICK=1` times only the five-year full
//! replay, three rounds of a p50 and the fastest of 200 (the fastest is the steadier).

#[path = "../common/mod.rs"]
mod common;

use backstrong::domain::history::Response24h;
use backstrong::domain::planner::{plan, plan_with, PlanCache};
use backstrong::domain::profile::{Experience, Goal, Profile};
use common::{full_gym, start, Timeline};
use std::hint::black_box;
use std::time::Instant;

fn history(weeks: u32) -> Timeline {
    let mut p = Profile::new(start(), full_gym());
    p.days_per_week = 3;
    p.session_minutes = 60;
    p.goal = Goal::DeadliftAgain;
    p.experience = Experience::Returning;
    let mut t = Timeline::new(p);
    for week in 0..weeks {
        // Mostly calm, with the odd sore week and spike, as real years would be.
        let (pain, response) = match week % 13 {
            5 => (3, Response24h::StillRaised),
            11 => (1, Response24h::Spiked),
            _ => (1, Response24h::Settled),
        };
        t.week(pain, response);
    }
    t
}

/// p50, p95 and mean of `runs` timings of `f`, in milliseconds.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let pct = |q: f64| ms[((runs as f64 - 1.0) * q) as usize];
    (pct(0.5), pct(0.95), ms.iter().sum::<f64>() / runs as f64)
}

fn main() {
    if std::env::var_os("QUICK").is_some() {
        let t = history(261);
        let once = || {
            black_box(
                plan(black_box(&t.profile), &t.safety, &t.history, t.today).expect("gate open"),
            );
        };
        for _ in 0..3 {
            let (p50, _, _) = time(200, once);
            let mut fastest = f64::MAX;
            for _ in 0..200 {
                let t0 = Instant::now();
                once();
                fastest = fastest.min(t0.elapsed().as_secs_f64() * 1000.0);
            }
            print!("p50 {p50:.3} ms, fastest {fastest:.3} ms | ");
        }
        println!();
        return;
    }
    for (years, weeks) in [(5, 261), (20, 1043)] {
        let built = Instant::now();
        let t = history(weeks);
        let sets: usize = t.history.sessions.iter().map(|s| s.sets().count()).sum();
        println!(
            "{years} years: {weeks} weeks, {} sessions, {sets} sets, {} check-ins (built in {:.1} s)",
            t.history.sessions.len(),
            t.history.checkins.len(),
            built.elapsed().as_secs_f64()
        );
        let (p50, p95, mean) = time(100, || {
            black_box(
                plan(black_box(&t.profile), &t.safety, &t.history, t.today).expect("gate open"),
            );
        });
        println!("  full replay:          p50 {p50:.3} ms, p95 {p95:.3} ms, mean {mean:.3} ms");
        let mut cache = PlanCache::default();
        plan_with(&mut cache, &t.profile, &t.safety, &t.history, t.today).expect("gate open");
        // A tap changes today (this week replayed); a late next-day answer changes last week.
        for (label, back, goal) in [
            ("re-plan after a tap: ", 0, " (goal 0.1 ms)"),
            ("re-plan, last week:  ", 7, ""),
        ] {
            let (p50, p95, mean) = time(1000, || {
                cache.forget_from(t.today - chrono::Days::new(back));
                black_box(
                    plan_with(
                        &mut cache,
                        black_box(&t.profile),
                        &t.safety,
                        &t.history,
                        t.today,
                    )
                    .expect("gate open"),
                );
            });
            println!("  {label} p50 {p50:.3} ms, p95 {p95:.3} ms, mean {mean:.3} ms{goal}");
        }
    }
    // The other shapes a five-year history has when it is planned in full (after an
    // import): mid-week, with this week's first two sessions logged; in a flare that
    // began three days ago.
    let five = history(261);
    let mut mid = five.clone();
    let week = mid.plan();
    for s in week.sessions.iter().take(2) {
        mid.train(s.slot, |_| 1, Some(Response24h::Settled));
    }
    mid.today = mid.today + chrono::Days::new(4);
    let mut flare = five.clone();
    flare.today = flare.today + chrono::Days::new(3);
    flare.flare(five.today, None);
    for (label, t) in [
        ("5 years, mid-week:   ", &mid),
        ("5 years, in a flare: ", &flare),
    ] {
        let (p50, p95, mean) = time(100, || {
            black_box(
                plan(black_box(&t.profile), &t.safety, &t.history, t.today).expect("gate open"),
            );
        });
        println!("  full replay, {label} p50 {p50:.3} ms, p95 {p95:.3} ms, mean {mean:.3} ms");
    }
}
