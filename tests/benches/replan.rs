//! Time to re-plan from a five-year history, natively. Prints numbers; asserts nothing.
//! Run: cargo bench --bench replan

#[path = "../common/mod.rs"]
mod common;

use backstrong::domain::history::Response24h;
use backstrong::domain::planner::plan;
use backstrong::domain::profile::{Experience, Goal, Profile};
use common::{full_gym, start, Timeline};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut p = Profile::new(start(), full_gym());
    p.days_per_week = 3;
    p.session_minutes = 60;
    p.goal = Goal::DeadliftAgain;
    p.experience = Experience::Returning;
    let mut t = Timeline::new(p);
    let built = Instant::now();
    for week in 0..261 {
        // Mostly calm, with the odd sore week and spike, as a real five years would be.
        let (pain, response) = match week % 13 {
            5 => (3, Response24h::StillRaised),
            11 => (1, Response24h::Spiked),
            _ => (1, Response24h::Settled),
        };
        t.week(pain, response);
    }
    let sets: usize = t.history.sessions.iter().map(|s| s.sets().count()).sum();
    println!(
        "history: {} weeks, {} sessions, {} sets, {} check-ins (built in {:.1} s)",
        261,
        t.history.sessions.len(),
        sets,
        t.history.checkins.len(),
        built.elapsed().as_secs_f64()
    );

    let runs = 300;
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            black_box(
                plan(black_box(&t.profile), &t.safety, &t.history, t.today).expect("gate open"),
            );
            t0.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let pct = |q: f64| ms[((runs as f64 - 1.0) * q) as usize];
    let mean = ms.iter().sum::<f64>() / runs as f64;
    println!(
        "re-plan from five years: p50 {:.3} ms, p95 {:.3} ms, mean {:.3} ms over {runs} runs (goal: 1 ms)",
        pct(0.5),
        pct(0.95),
        mean
    );
}
