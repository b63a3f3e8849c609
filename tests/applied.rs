//! Model-based test of the in-memory data after a write: the app shows what it just saved
//! by applying it to what it holds (`Loaded::put_*`, `add_entry`) instead of reading every
//! record again. After every step of a random sequence of writes, that must equal a fresh
//! load of the store: the same records, the same history, the same plan.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use backstrong::domain::checkin::FlareEvent;

use backstrong::domain::history::{ManualSwap, Response24h, SetLog};
use backstrong::domain::insight::{monday_of, month_over_month, weekly_figures};
use backstrong::domain::pain::Pain;
use backstrong::domain::planner::plan;
use backstrong::domain::profile::Profile;
use backstrong::domain::psfs::PsfsRating;
use backstrong::domain::units::Grams;
use backstrong::state::{self, Applied, Loaded};
use backstrong::storage::memory::MemoryStore;
use backstrong::storage::records::{entry_key, EntryRecord, Event, StoredEntry, StoredSession};
use backstrong::storage::repo::Repo;
use chrono::{Days, NaiveDate};
use pollster::block_on;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Start {
        day: u8,
        slot: u8,
    },
    Log {
        pick: u8,
        exercise: u8,
        pain: u8,
        reps: u8,
    },
    Finish {
        pick: u8,
    },
    Answer {
        pick: u8,
        how: u8,
    },
    CheckIn {
        day: u8,
        pain: u8,
    },
    Flare {
        day: u8,
        start: bool,
    },
    Swap {
        day: u8,
        to: u8,
    },
    Psfs {
        day: u8,
        score: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (0u8..40, 0u8..3).prop_map(|(day, slot)| Op::Start { day, slot }),
        4 => (any::<u8>(), 0u8..4, 0u8..8, 1u8..15).prop_map(|(pick, exercise, pain, reps)| Op::Log { pick, exercise, pain, reps }),
        1 => any::<u8>().prop_map(|pick| Op::Finish { pick }),
        1 => (any::<u8>(), 0u8..3).prop_map(|(pick, how)| Op::Answer { pick, how }),
        1 => (0u8..40, 0u8..8).prop_map(|(day, pain)| Op::CheckIn { day, pain }),
        1 => (0u8..40, any::<bool>()).prop_map(|(day, start)| Op::Flare { day, start }),
        1 => (0u8..40, 0u8..3).prop_map(|(day, to)| Op::Swap { day, to }),
        1 => (0u8..40, 0u8..10).prop_map(|(day, score)| Op::Psfs { day, score }),
    ]
}

const EXERCISES: [&str; 4] = ["glute-bridge", "bird-dog", "dead-bug", "wall-hip-hinge"];

fn day(start: NaiveDate, n: u8) -> NaiveDate {
    start + Days::new(u64::from(n))
}

fn ms(d: NaiveDate, clock: i64) -> i64 {
    d.and_hms_opt(9, 0, 0).unwrap().and_utc().timestamp_millis() + clock
}

/// What a screen can see of the data, in an order that does not depend on how it was built.
fn seen(l: &Loaded) -> impl PartialEq + std::fmt::Debug {
    let mut sets: Vec<(String, StoredEntry)> =
        l.sets.iter().map(|s| (entry_key(s), s.clone())).collect();
    sets.sort_by(|a, b| a.0.cmp(&b.0));
    let per_session: Vec<Vec<StoredEntry>> = l
        .sessions
        .iter()
        .map(|s| {
            let mut v: Vec<StoredEntry> = l.sets_of(&s.id).into_iter().cloned().collect();
            v.sort_by_key(|x| (x.index, x.logged_ms, x.nonce));
            v
        })
        .collect();
    (
        l.profile.clone(),
        l.safety.clone(),
        l.meta.clone(),
        l.sessions.clone(),
        format!("{:?}", l.history),
        sets,
        per_session,
        l.psfs.clone(),
        l.open_session().map(|s| s.id.clone()),
    )
}

/// `spread` stretches the days the writes are dated over: 1 keeps them within six weeks, 3
/// spreads them over four months, so a start from a checkpoint reads only some of them.
fn run(ops: Vec<Op>, spread: u8) -> Result<(), TestCaseError> {
    let start = common::start();
    let day = |start: NaiveDate, n: u8| day(start, n.saturating_mul(spread));
    let profile = Profile::new(start, common::full_gym());
    let safety = common::cleared();
    let repo = Repo::new(MemoryStore::new());
    block_on(repo.save_profile(&profile)).unwrap();
    block_on(repo.save_safety(&safety)).unwrap();
    let today = day(start, 41);
    repo.set_today(today);
    let mut mem = block_on(state::load(&repo)).unwrap();
    let mut other = block_on(state::load(&repo)).unwrap();
    // A tab that started from a checkpoint and had every write applied since.
    let mut tab: Option<Loaded> = None;
    let mut clock = 0i64;
    for (step, op) in ops.into_iter().enumerate() {
        clock += 60_000;
        let pick = |p: u8, mem: &Loaded| -> Option<StoredSession> {
            (!mem.sessions.is_empty())
                .then(|| mem.sessions[usize::from(p) % mem.sessions.len()].clone())
        };
        let change: Applied = match op.clone() {
            Op::Start { day: d, slot } => {
                let d = day(start, d);
                let s = StoredSession {
                    id: format!("{d}-{slot}-{step}"),
                    day: d,
                    slot,
                    started_ms: ms(d, clock),
                    finished: false,
                    response: None,
                    finished_ms: None,
                    served: Vec::new(),
                };
                block_on(repo.save_session(&s)).unwrap();
                Applied::Session(s)
            }
            Op::Log {
                pick: p,
                exercise,
                pain,
                reps,
            } => {
                let Some(s) = pick(p, &mem) else { continue };
                let index = mem
                    .sets_of(&s.id)
                    .iter()
                    .map(|x| x.index + 1)
                    .max()
                    .unwrap_or(0);
                let entry = if pain >= 5 {
                    EntryRecord::Pain {
                        exercise: EXERCISES[usize::from(exercise)].into(),
                        pain: Pain::clamped(pain),
                    }
                } else {
                    EntryRecord::Set(SetLog {
                        exercise: EXERCISES[usize::from(exercise)].into(),
                        amount: u16::from(reps),
                        load: Grams::kg(10.0),
                        rpe: None,
                        pain: None,
                    })
                };
                let e = StoredEntry {
                    session: s.id.clone(),
                    day: s.day,
                    index,
                    entry,
                    logged_ms: ms(s.day, clock),
                    nonce: step as u32,
                };
                block_on(repo.save_entry(&e)).unwrap();
                Applied::Entry(e)
            }
            Op::Finish { pick: p } => {
                let Some(s) = pick(p, &mem) else { continue };
                let s = StoredSession {
                    finished: true,
                    finished_ms: Some(ms(s.day, clock)),
                    ..s
                };
                block_on(repo.save_session(&s)).unwrap();
                Applied::Session(s)
            }
            Op::Answer { pick: p, how } => {
                let Some(s) = pick(p, &mem) else { continue };
                let r = [
                    Response24h::Settled,
                    Response24h::StillRaised,
                    Response24h::Spiked,
                ][usize::from(how)];
                block_on(repo.answer_response(&s, r)).unwrap();
                Applied::Session(StoredSession {
                    response: Some(r),
                    ..s
                })
            }
            Op::CheckIn { day: d, pain } => {
                let c = common::checkin(day(start, d), pain, 20);
                block_on(repo.save_checkin(&c)).unwrap();
                Applied::CheckIn(c)
            }
            Op::Flare { day: d, start: s } => {
                let d = day(start, d);
                let f = if s {
                    FlareEvent::Started(d)
                } else {
                    FlareEvent::Ended(d)
                };
                let stamp = ms(d, clock);
                block_on(repo.save_event(&Event::Flare(f), stamp)).unwrap();
                Applied::Event(Event::Flare(f), stamp)
            }
            Op::Swap { day: d, to } => {
                let d = day(start, d);
                let e = Event::Swap(ManualSwap {
                    day: d,
                    at_ms: ms(d, clock),
                    from: "glute-bridge".into(),
                    to: ["hip-thrust", "bird-dog", "glute-bridge"][usize::from(to)].into(),
                });
                let stamp = ms(d, clock);
                block_on(repo.save_event(&e, stamp)).unwrap();
                Applied::Event(e, stamp)
            }
            Op::Psfs { day: d, score } => {
                let d = day(start, d);
                let e = Event::Psfs(PsfsRating {
                    day: d,
                    scores: vec![("Lifting".into(), score)],
                });
                let stamp = ms(d, clock);
                block_on(repo.save_event(&e, stamp)).unwrap();
                Applied::Event(e, stamp)
            }
        };
        mem.apply(change.clone());
        // Another tab is sent the write; now and then it has read the store again before
        // the message arrives, and must not add it twice.
        if step % 3 == 0 {
            other = block_on(state::load(&repo)).unwrap();
        }
        let message = change.message();
        let received = Applied::from_message(&message);
        prop_assert_eq!(
            received.as_ref(),
            Some(&change),
            "the message {} reads back",
            message
        );
        other.apply_remote(change.clone());
        if let Some(t) = &mut tab {
            t.apply(change);
            if t.stale {
                // The app reads the store again after a change older than its checkpoint.
                tab = None;
            }
        }
        let fresh = block_on(state::load(&repo)).unwrap();
        prop_assert_eq!(seen(&mem), seen(&fresh), "after step {} ({:?})", step, op);
        prop_assert_eq!(
            seen(&other),
            seen(&fresh),
            "the other tab after step {} ({:?})",
            step,
            op
        );
        let full = plan(&profile, &safety, &fresh.history, today);
        // What is held plans from the weeks it kept; the fresh load replays them all.
        prop_assert_eq!(
            mem.plan(today).expect("a profile is stored"),
            full.clone(),
            "plans differ after step {} ({:?})",
            step,
            op
        );
        // The app stores a checkpoint after a load; the next start reads from it.
        if let Some(c) = fresh.checkpoint_due(today) {
            block_on(repo.save_checkpoint(&c)).unwrap();
        }
        let recent = block_on(state::load_recent(&repo, today)).unwrap();
        prop_assert_eq!(
            recent.plan(today).expect("a profile is stored"),
            full.clone(),
            "a start from the checkpoint after step {} ({:?}), reading from {:?}",
            step,
            op,
            recent.partial.as_ref().map(|p| p.since)
        );
        // Today's monthly look back, from what the start read.
        prop_assert_eq!(
            month_over_month(&recent.history, &recent.flare_periods(), today),
            month_over_month(&fresh.history, &fresh.flare_periods(), today),
            "the monthly check-in after step {} ({:?})",
            step,
            op
        );
        // History and the physio summary read only the range they show.
        let from = today - Days::new((step as u64 * 13) % 130);
        let range = block_on(state::load_recent_from(&repo, today, monday_of(from))).unwrap();
        prop_assert!(range.holds_from(monday_of(from)));
        prop_assert_eq!(
            weekly_figures(&range.history, &range.flare_periods(), from, today),
            weekly_figures(&fresh.history, &fresh.flare_periods(), from, today),
            "History's weeks from {} after step {} ({:?})",
            from,
            step,
            op
        );
        prop_assert_eq!(
            range.flare_periods(),
            fresh.flare_periods(),
            "flares, step {}",
            step
        );
        prop_assert_eq!(
            range.first_logged(),
            fresh.first_logged(),
            "first day, step {}",
            step
        );
        if let Some(t) = &tab {
            prop_assert_eq!(
                t.plan(today).expect("a profile is stored"),
                full,
                "the tab started from a checkpoint, after step {} ({:?})",
                step,
                op
            );
        } else if !recent.is_whole() {
            tab = Some(recent);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn what_is_shown_after_each_write_equals_a_fresh_load(ops in prop::collection::vec(op(), 1..60)) {
        run(ops, 1)?;
    }

    #[test]
    fn a_start_from_the_stored_checkpoint_plans_as_a_full_load(ops in prop::collection::vec(op(), 1..60)) {
        run(ops, 3)?;
    }
}
