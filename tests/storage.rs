//! The repository and backups over the in-memory adapter (the IndexedDB adapter runs the
//! same port in tests/web.rs).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use backstrong::domain::checkin::{CheckIn, FlareEvent};
use backstrong::domain::equipment::EquipmentSet;
use backstrong::domain::history::{Response24h, SetLog};
use backstrong::domain::pain::Pain;
use backstrong::domain::profile::Profile;
use backstrong::domain::units::{Grams, Units};
use backstrong::state;
use backstrong::storage::backup::{parse_backup, BackupError, ImportMode};
use backstrong::storage::checkpoint;
use backstrong::storage::kv::{KvStore, StoreError, StoreName};
use backstrong::storage::memory::MemoryStore;
use backstrong::storage::records::{entry_key, EntryRecord, Event, StoredEntry, StoredSession};
use backstrong::storage::records::{CHECKPOINT_KEY, SCHEMA_VERSION};
use backstrong::storage::repo::Repo;
use chrono::NaiveDate;
use pollster::block_on;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn session(d: &str, slot: u8, ms: i64) -> StoredSession {
    StoredSession {
        id: format!("{d}-{slot}-{ms}"),
        day: day(d),
        slot,
        started_ms: ms,
        finished: false,
        response: None,
        finished_ms: None,
        served: Vec::new(),
    }
}

fn set(s: &StoredSession, index: u16, exercise: &str, pain: u8) -> StoredEntry {
    StoredEntry {
        session: s.id.clone(),
        day: s.day,
        index,
        entry: EntryRecord::Set(SetLog {
            exercise: exercise.into(),
            amount: 10,
            load: Grams::kg(12.0),
            rpe: Some(7),
            pain: Pain::new(pain),
        }),
        logged_ms: s.started_ms + i64::from(index) * 90_000,
        nonce: 0,
    }
}

fn checkin(d: &str, pain: u8) -> CheckIn {
    common::checkin(day(d), pain, 20)
}

/// A small but complete store: profile, two sessions with sets, check-ins, a flare.
fn filled() -> Repo<MemoryStore> {
    let repo = Repo::new(MemoryStore::new());
    block_on(async {
        repo.save_profile(&Profile::new(day("2026-03-02"), EquipmentSet::default()))
            .await
            .unwrap();
        let a = session("2026-03-02", 0, 1_772_445_600_000);
        let b = StoredSession {
            finished: true,
            response: Some(Response24h::Settled),
            ..session("2026-03-05", 1, 1_772_704_800_000)
        };
        for s in [&a, &b] {
            repo.save_session(s).await.unwrap();
            for i in 0..3 {
                repo.save_entry(&set(s, i, "glute-bridge", 1))
                    .await
                    .unwrap();
            }
        }
        repo.save_checkin(&checkin("2026-03-03", 2)).await.unwrap();
        repo.save_event(&Event::Flare(FlareEvent::Started(day("2026-03-06"))), 1)
            .await
            .unwrap();
    });
    repo
}

#[test]
fn logged_sets_come_back_as_the_domains_history() {
    let repo = filled();
    let loaded = block_on(state::load(&repo)).unwrap();
    assert!(loaded.profile.is_some());
    assert_eq!(loaded.history.sessions.len(), 2);
    assert!(loaded
        .history
        .sessions
        .iter()
        .all(|s| s.sets().count() == 3));
    assert_eq!(loaded.history.checkins.len(), 1);
    assert_eq!(
        loaded.history.flares,
        vec![FlareEvent::Started(day("2026-03-06"))]
    );
    // The unfinished session is the one to resume, with its sets.
    let open = loaded.open_session().expect("an unfinished session");
    assert_eq!(open.day, day("2026-03-02"));
    assert_eq!(loaded.sets_of(&open.id).len(), 3);
}

#[test]
fn sets_between_reads_only_the_days_asked() {
    let repo = filled();
    let first = block_on(repo.sets_between(day("2026-03-01"), day("2026-03-02"))).unwrap();
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|s| s.day == day("2026-03-02")));
    assert_eq!(
        block_on(repo.sets_between(day("2026-03-02"), day("2026-03-05")))
            .unwrap()
            .len(),
        6
    );
    assert!(
        block_on(repo.sets_between(day("2026-03-06"), day("2026-04-01")))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_set_logged_after_midnight_stays_on_the_day_its_session_began() {
    let repo = Repo::new(MemoryStore::new());
    let late = session("2026-03-28", 0, 1_774_738_200_000); // 23:50
    let mut after_midnight = set(&late, 0, "dead-bug", 0);
    after_midnight.logged_ms += 20 * 60_000; // logged at 00:10 the next day
    block_on(repo.save_session(&late)).unwrap();
    block_on(repo.save_entry(&after_midnight)).unwrap();
    let loaded = block_on(state::load(&repo)).unwrap();
    assert_eq!(loaded.history.sessions[0].day, day("2026-03-28"));
    assert_eq!(
        block_on(repo.sets_between(day("2026-03-28"), day("2026-03-28")))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_corrupted_or_future_record_is_set_aside_and_nothing_else_is_lost() {
    let repo = filled();
    repo.kv().put_raw(
        StoreName::Sets,
        "2026-03-02|x|0009",
        "{\"v\":1,\"d\":{trunc",
    );
    repo.kv()
        .put_raw(StoreName::Sets, "2026-03-02|x|0010", r#"{"v":99,"d":{}}"#);
    repo.kv().put_raw(
        StoreName::CheckIns,
        "2026-03-04",
        r#"{"v":1,"d":{"day":"2026-03-04","pain":42}}"#,
    );
    let loaded = block_on(state::load(&repo)).unwrap();
    assert_eq!(loaded.quarantined, 3);
    assert_eq!(
        loaded
            .history
            .sessions
            .iter()
            .map(|s| s.sets().count())
            .sum::<usize>(),
        6
    );
    assert_eq!(loaded.history.checkins.len(), 1);
    // Still exported, so nothing is ever silently gone.
    let backup = block_on(repo.export_backup("2026-03-10")).unwrap();
    assert!(backup.contains("trunc") && backup.contains("quarantine"));
    // A second load is stable.
    assert_eq!(block_on(state::load(&repo)).unwrap().quarantined, 3);
}

#[test]
fn records_that_parse_but_cannot_be_true_are_set_aside_too() {
    let repo = filled();
    let a = session("2026-03-02", 0, 1_772_445_600_000);
    let json = |e: &StoredEntry| {
        format!(
            r#"{{"v":{SCHEMA_VERSION},"d":{}}}"#,
            backstrong::storage::json::ToJson::to_json(e).to_text()
        )
    };
    let stray = StoredEntry {
        session: "gone".into(),
        ..set(&a, 7, "dead-bug", 0)
    };
    let heavy = StoredEntry {
        entry: EntryRecord::Set(SetLog {
            exercise: "dead-bug".into(),
            amount: 10,
            load: Grams(4_000_000_000),
            rpe: None,
            pain: None,
        }),
        ..set(&a, 8, "dead-bug", 0)
    };
    let twin = set(&a, 1, "glute-bridge", 1);
    let kv = repo.kv();
    kv.put_raw(StoreName::Sets, &entry_key(&stray), &json(&stray));
    kv.put_raw(StoreName::Sets, &entry_key(&heavy), &json(&heavy));
    // The same set once more under a schema-1 style key: counted once, not twice.
    kv.put_raw(StoreName::Sets, "2026-03-02|x-twin|0001", &json(&twin));
    // A set filed under a day it was not logged on would hide from that day's reads.
    let moved = set(&a, 9, "dead-bug", 0);
    kv.put_raw(
        StoreName::Sets,
        &entry_key(&moved).replacen("2026-03-02", "2026-03-07", 1),
        &json(&moved),
    );
    kv.put_raw(StoreName::Sets, "2026-03-02|big", &"x".repeat(5_000_000));

    let loaded = block_on(state::load(&repo)).unwrap();
    assert_eq!(loaded.quarantined, 5);
    assert_eq!(loaded.sets.len(), 6, "the six real sets, each once");
    let backup = block_on(repo.export_backup("2026-03-10")).unwrap();
    for why in [
        "is not stored",
        "a load of 4000000000 g",
        "a second copy",
        "is not of its day",
        "too large",
    ] {
        assert!(backup.contains(why), "{why}");
    }
    assert_eq!(
        block_on(state::load(&repo)).unwrap().quarantined,
        5,
        "a second load changes nothing"
    );
}

#[test]
fn a_full_disk_refuses_the_new_set_and_keeps_every_saved_one() {
    let repo = filled();
    repo.kv().set_full(true);
    let s = session("2026-03-09", 0, 1_773_050_000_000);
    assert_eq!(
        block_on(repo.save_entry(&set(&s, 0, "dead-bug", 0))),
        Err(StoreError::Full)
    );
    assert!(StoreError::Full.to_string().contains("safe"));
    repo.kv().set_full(false);
    assert_eq!(block_on(state::load(&repo)).unwrap().sets.len(), 6);
}

#[test]
fn export_delete_import_round_trips_byte_for_byte() {
    let repo = filled();
    let before = block_on(repo.export_backup("2026-03-10T12:00:00Z")).unwrap();
    block_on(repo.delete_all()).unwrap();
    assert!(block_on(state::load(&repo)).unwrap().profile.is_none());
    let (backup, summary) = parse_backup(&before).unwrap();
    assert_eq!(
        (
            summary.sessions,
            summary.sets,
            summary.checkins,
            summary.events
        ),
        (2, 6, 1, 1)
    );
    assert_eq!(summary.first_day.as_deref(), Some("2026-03-02"));
    assert!(summary.has_profile);
    let report = block_on(repo.import_backup(&backup, ImportMode::Replace)).unwrap();
    assert_eq!(report.added, 11);
    let after = block_on(repo.export_backup("2026-03-10T12:00:00Z")).unwrap();
    assert_eq!(before, after);
}

#[test]
fn a_backup_is_checked_by_the_rules_a_load_uses_and_repeats_count_once() {
    let repo = filled();
    let text = block_on(repo.export_backup("t")).unwrap();
    let mut b: serde_json::Value = serde_json::from_str(&text).unwrap();
    let first = b["stores"]["sets"][0].clone();
    b["stores"]["sets"].as_array_mut().unwrap().push(first);
    let (backup, summary) = parse_backup(&b.to_string()).unwrap();
    assert_eq!((summary.sets, summary.repeated), (6, 1));
    assert_eq!(backup.stores["sets"].len(), 6);

    // Records sit in the file as JSON text, so their quotes are escaped.
    let renamed = text.replacen(r#"\"load\":"#, r#"\"weight\":"#, 1);
    assert_ne!(renamed, text);
    assert!(matches!(
        parse_backup(&renamed),
        Err(BackupError::BadRecord { .. })
    ));
    let heavy = text.replacen(r#"\"load\":12000"#, r#"\"load\":4000000000"#, 1);
    assert_ne!(heavy, text);
    assert!(matches!(
        parse_backup(&heavy),
        Err(BackupError::BadRecord { .. })
    ));
}

#[test]
fn merge_adds_what_is_missing_and_keeps_what_is_here() {
    let repo = filled();
    let text = block_on(repo.export_backup("t")).unwrap();
    let (backup, _) = parse_backup(&text).unwrap();
    let other = Repo::new(MemoryStore::new());
    let s = session("2026-03-02", 0, 1_772_445_600_000);
    let mine = StoredEntry {
        entry: EntryRecord::Set(SetLog {
            amount: 99,
            ..set(&s, 0, "glute-bridge", 0).set().unwrap().clone()
        }),
        ..set(&s, 0, "glute-bridge", 0)
    };
    block_on(other.save_entry(&mine)).unwrap();
    let report = block_on(other.import_backup(&backup, ImportMode::Merge)).unwrap();
    assert_eq!(report.kept_existing, 1);
    let kept = block_on(other.kv().get(StoreName::Sets, &entry_key(&mine)))
        .unwrap()
        .unwrap();
    assert!(
        kept.contains("99"),
        "the device's own set was not overwritten"
    );
}

#[test]
fn bad_backups_are_refused_with_a_reason_and_import_nothing() {
    let good = block_on(filled().export_backup("t")).unwrap();
    assert_eq!(
        parse_backup(&good[..good.len() / 2]).unwrap_err(),
        BackupError::Truncated
    );
    assert!(matches!(
        parse_backup("{\"hello\":1}"),
        Err(BackupError::NotABackup(_))
    ));
    assert!(matches!(
        parse_backup("<html>"),
        Err(BackupError::NotABackup(_))
    ));
    let future = good.replace(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":7");
    assert_eq!(
        parse_backup(&future).unwrap_err(),
        BackupError::FromTheFuture(7)
    );
    let damaged = good.replacen(&format!("{{\\\"v\\\":{SCHEMA_VERSION}"), "{\\\"v\\\":x", 1);
    assert!(
        matches!(parse_backup(&damaged), Err(BackupError::BadRecord { .. })),
        "{damaged:.300}"
    );
    let huge = " ".repeat(backstrong::storage::backup::MAX_BACKUP_BYTES + 1);
    assert_eq!(parse_backup(&huge).unwrap_err(), BackupError::TooLarge);
    for e in [
        BackupError::Truncated,
        BackupError::FromTheFuture(7),
        BackupError::TooLarge,
    ] {
        assert!(e.to_string().contains("Nothing was imported"));
    }
}

#[test]
fn the_csv_export_has_one_row_per_set_and_is_safe_to_open() {
    let repo = filled();
    let s = session("2026-03-07", 0, 1_772_877_600_000);
    let mut odd = set(&s, 0, "=cmd|evil,\"x\"", 3);
    if let EntryRecord::Set(x) = &mut odd.entry {
        x.rpe = None;
    }
    block_on(repo.save_entry(&odd)).unwrap();
    let csv = block_on(repo.export_csv(Units::Kg)).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "date,session,set,exercise,amount,unit,load_kg,rpe,pain"
    );
    assert_eq!(lines.len(), 1 + 7);
    assert!(
        lines[1].starts_with("2026-03-02,") && lines[1].contains(",Glute bridge,10,reps,12,7,1")
    );
    let lb = block_on(repo.export_csv(Units::Lb)).unwrap();
    assert!(lb.starts_with("date,session,set,exercise,amount,unit,load_lb,"));
    assert!(lb
        .lines()
        .nth(1)
        .unwrap()
        .contains(",Glute bridge,10,reps,26.5,7,1"));
    assert!(
        lines.last().unwrap().contains("\"'=cmd|evil,\"\"x\"\"\""),
        "{}",
        lines.last().unwrap()
    );
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// When a schema is released, run `cargo test --test storage -- --ignored` once and
/// commit the new fixture: every released schema keeps one.
#[test]
#[ignore]
fn write_fixture_for_the_current_schema() {
    use backstrong::domain::history::{ManualSwap, Resume, SetupChange};
    use backstrong::domain::library::exercise;
    use backstrong::domain::phase::Phase;
    use backstrong::domain::planner::{starting_dose, Safety};
    use backstrong::domain::progression::Change;
    use backstrong::domain::psfs::PsfsRating;
    use backstrong::domain::reason::Reason;
    use backstrong::domain::safety::{Clearance, RedFlag, RedFlagAnswers};
    use backstrong::domain::served::ServedItem;
    use backstrong::storage::records::{Meta, SCHEMA_VERSION};
    use backstrong::storage::records::{ModRecord, ServedRecord};
    let repo = filled();
    block_on(async {
        let safety = Safety {
            answers: RedFlagAnswers {
                day: Some(day("2026-03-01")),
                at_ms: 1_772_366_400_000,
                yes: vec![RedFlag::Numbness],
            },
            clearances: vec![Clearance {
                day: day("2026-03-02"),
                covers: vec![RedFlag::Numbness],
                at_ms: 1_772_452_800_000,
            }],
        };
        repo.save_safety(&safety).await.unwrap();
        repo.save_meta(&Meta {
            last_backup: Some(day("2026-03-01")),
        })
        .await
        .unwrap();
        let swap = ManualSwap {
            day: day("2026-03-05"),
            at_ms: 1_772_704_000_000,
            from: "glute-bridge".into(),
            to: "hip-thrust".into(),
        };
        repo.save_event(&Event::Swap(swap), 2).await.unwrap();
        // Schema 2: pain reports and decisions as entries, a session's served exercises,
        // resumes and dated setup changes.
        let s = session("2026-03-06", 0, 1_772_791_200_000);
        let item = ServedItem::from_library(
            exercise("glute-bridge").unwrap(),
            &starting_dose(
                exercise("glute-bridge").unwrap(),
                &EquipmentSet::default(),
                Phase::Restore,
            ),
            Reason::Progressed(Change::Amount { from: 20, to: 22 }),
            false,
        );
        let stored = StoredSession {
            served: vec![ServedRecord::from(&item)],
            finished: true,
            ..s.clone()
        };
        repo.save_session(&stored).await.unwrap();
        let entries = [
            EntryRecord::Pain {
                exercise: "glute-bridge".into(),
                pain: Pain::new(3).unwrap(),
            },
            EntryRecord::Accept {
                exercise: "glute-bridge".into(),
                change: ModRecord::ShorterRange {
                    how: "Lift the hips halfway".into(),
                },
            },
            EntryRecord::Decline {
                exercise: "glute-bridge".into(),
            },
        ];
        for (i, entry) in entries.into_iter().enumerate() {
            repo.save_entry(&StoredEntry {
                entry,
                ..set(&s, i as u16, "glute-bridge", 0)
            })
            .await
            .unwrap();
        }
        let resume = Resume {
            day: day("2026-03-07"),
            at_ms: 1_772_877_600_000,
            exercise: "own:Band row".into(),
        };
        repo.save_event(&Event::Resume(resume), 4).await.unwrap();
        // Schema 3: a barbell is its bar and the plates owned.
        let barbell = EquipmentSet {
            barbell: Some(backstrong::domain::equipment::BarbellSet::standard(
                Units::Kg,
            )),
            ..EquipmentSet::default()
        };
        let setup = SetupChange {
            day: day("2026-03-08"),
            at_ms: 1_772_964_000_000,
            setup: Profile::new(day("2026-03-02"), barbell).setup(),
        };
        repo.save_event(&Event::Setup(setup), 5).await.unwrap();
        let psfs = PsfsRating {
            day: day("2026-03-02"),
            scores: vec![("Lifting my child".into(), 4)],
        };
        repo.save_event(&Event::Psfs(psfs), 3).await.unwrap();
        repo.kv().put_raw(
            StoreName::Quarantine,
            "sets/2026-03-01|x|0000",
            r#"{"store":"sets","key":"2026-03-01|x|0000","raw":"{oops","why":"not readable"}"#,
        );
    });
    let text = block_on(repo.export_backup("2026-03-10T12:00:00Z")).unwrap();
    std::fs::write(
        format!("{FIXTURES}/backup-schema-{SCHEMA_VERSION}.json"),
        text,
    )
    .unwrap();
}

#[test]
fn every_released_schema_fixture_migrates_to_the_newest() {
    let mut seen = 0;
    for entry in std::fs::read_dir(FIXTURES).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let (backup, summary) =
            parse_backup(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let repo = Repo::new(MemoryStore::new());
        block_on(repo.import_backup(&backup, ImportMode::Replace)).unwrap();
        // Restored as this schema's records: the first start has nothing to migrate.
        let current = format!("{{\"v\":{SCHEMA_VERSION},");
        let stored = |store| block_on(repo.kv().all(store)).unwrap();
        let before: Vec<_> = [
            StoreName::Sets,
            StoreName::Sessions,
            StoreName::CheckIns,
            StoreName::Events,
        ]
        .into_iter()
        .map(stored)
        .collect();
        for (key, raw) in before.iter().flatten() {
            assert!(raw.starts_with(&current), "{}: {key} {raw}", path.display());
        }
        let loaded = block_on(state::load(&repo)).unwrap();
        assert_eq!(
            stored(StoreName::Sets),
            before[0],
            "{}: a load after a restore rewrites nothing",
            path.display()
        );
        assert_eq!(
            loaded.quarantined,
            summary.quarantined,
            "{}",
            path.display()
        );
        assert_eq!(loaded.sets.len(), summary.sets, "{}", path.display());
        assert!(loaded.profile.is_some());
        assert!(
            !loaded.history.sessions.is_empty()
                && !loaded.psfs.is_empty()
                && !loaded.history.swaps.is_empty()
        );
    }
    assert!(seen >= 1, "schema 1 has a fixture");
}

#[test]
fn onboarding_is_saved_all_at_once_or_not_at_all() {
    use backstrong::domain::planner::Safety;
    let profile = Profile::new(day("2026-03-02"), EquipmentSet::default());
    let events = [(Event::Flare(FlareEvent::Started(day("2026-03-02"))), 1)];
    let full = Repo::new(MemoryStore::new());
    full.kv().set_full(true);
    assert_eq!(
        block_on(full.save_onboarding(&profile, &Safety::default(), &events)),
        Err(StoreError::Full)
    );
    full.kv().set_full(false);
    let nothing = block_on(state::load(&full)).unwrap();
    assert!(nothing.profile.is_none() && nothing.history.flares.is_empty());

    let repo = Repo::new(MemoryStore::new());
    block_on(repo.save_onboarding(&profile, &Safety::default(), &events)).unwrap();
    let loaded = block_on(state::load(&repo)).unwrap();
    assert_eq!(loaded.profile, Some(profile));
    assert_eq!(loaded.history.flares.len(), 1);
}

#[test]
fn a_saved_shared_plan_never_touches_the_users_own_plan_or_history() {
    use backstrong::domain::history::ManualSwap;
    use backstrong::storage::records::SavedPlan;
    let repo = filled();
    let before = block_on(state::load(&repo)).unwrap();
    let saved = SavedPlan {
        title: "<script>alert(1)</script>".into(),
        code: "abc".into(),
        saved: day("2026-03-07"),
    };
    let key = block_on(repo.save_shared_plan(&saved, 5)).unwrap();
    let after = block_on(state::load(&repo)).unwrap();
    assert_eq!(after.shared, vec![(key.clone(), saved)]);
    assert_eq!(after.profile, before.profile);
    assert_eq!(after.history, before.history);
    // Following it is one write: profile and swaps together.
    let mut p = after.profile.clone().unwrap();
    p.days_per_week = 3;
    let swap = Event::Swap(ManualSwap {
        day: day("2026-03-07"),
        at_ms: 0,
        from: "a".into(),
        to: "b".into(),
    });
    block_on(repo.follow_plan(&p, &[(swap, 6)])).unwrap();
    let followed = block_on(state::load(&repo)).unwrap();
    assert_eq!(followed.profile.unwrap().days_per_week, 3);
    assert_eq!(followed.history.swaps.len(), 1);
    block_on(repo.delete_shared_plan(&key)).unwrap();
    assert!(block_on(state::load(&repo)).unwrap().shared.is_empty());
    assert!(block_on(repo.delete_shared_plan("profile")).is_err());
}

/// The store of `filled`, the red-flag questions answered, on a day a checkpoint is due.
fn filled_weeks_later() -> (Repo<MemoryStore>, NaiveDate) {
    let repo = filled();
    block_on(repo.save_safety(&common::cleared())).unwrap();
    let today = day("2026-05-20");
    repo.set_today(today);
    (repo, today)
}

#[test]
fn a_start_from_the_stored_checkpoint_reads_only_recent_records_and_plans_the_same() {
    let (repo, today) = filled_weeks_later();
    let whole = block_on(state::load(&repo)).unwrap();
    let c = whole.checkpoint_due(today).expect("a checkpoint is due");
    block_on(repo.save_checkpoint(&c)).unwrap();
    let recent = block_on(state::load_recent(&repo, today)).unwrap();
    assert!(!recent.is_whole());
    // The flare of 6 March is still on: its check-ins are read, the sessions before not.
    assert_eq!(
        recent.partial.as_ref().map(|p| p.since),
        Some(day("2026-03-06"))
    );
    assert!(recent.sessions.is_empty() && recent.sets.is_empty());
    assert_eq!(recent.plan(today), whole.plan(today));
    assert!(recent.checkpoint_due(today).is_none(), "it is fresh");
    // Derived, so never in a backup.
    let backup = block_on(repo.export_backup("2026-05-20")).unwrap();
    assert!(!backup.contains(CHECKPOINT_KEY));
}

#[test]
fn a_screen_reads_the_range_it_shows_and_knows_the_first_day_ever_logged() {
    let (repo, today) = filled_weeks_later();
    let whole = block_on(state::load(&repo)).unwrap();
    block_on(repo.save_checkpoint(&whole.checkpoint_due(today).unwrap())).unwrap();
    let recent = block_on(state::load_recent(&repo, today)).unwrap();
    // Nothing before 6 March is held, yet the first day logged is known: History's range
    // choice and "nothing logged yet" depend on it.
    assert!(!recent.holds_from(day("2026-03-02")));
    assert!(recent.history.sessions.is_empty());
    assert_eq!(recent.first_logged(), Some(day("2026-03-02")));
    assert_eq!(whole.first_logged(), Some(day("2026-03-02")));
    // A range reaching 4 March holds the session of 5 March, as a whole load does; the
    // plan and the flares are the same.
    let range = block_on(state::load_recent_from(&repo, today, day("2026-03-04"))).unwrap();
    assert!(range.holds_from(day("2026-03-04")) && !range.holds_from(day("2026-03-03")));
    assert!(!range.is_whole());
    let days = |l: &backstrong::state::Loaded| -> Vec<NaiveDate> {
        let from = day("2026-03-04");
        l.history
            .sessions
            .iter()
            .map(|s| s.day)
            .filter(|d| *d >= from)
            .collect()
    };
    assert_eq!(days(&range), vec![day("2026-03-05")]);
    assert_eq!(days(&range), days(&whole));
    assert_eq!(range.history.sessions[0].sets().count(), 3);
    assert_eq!(range.flare_periods(), whole.flare_periods());
    assert_eq!(range.plan(today), whole.plan(today));
    // An empty store has no first day.
    let empty = Repo::new(MemoryStore::new());
    assert_eq!(block_on(state::load(&empty)).unwrap().first_logged(), None);
}

#[test]
fn a_damaged_checkpoint_is_not_used_and_a_new_one_replaces_it() {
    let (repo, today) = filled_weeks_later();
    let whole = block_on(state::load(&repo)).unwrap();
    let expected = whole.plan(today);
    let good = whole
        .checkpoint_due(today)
        .map(|c| checkpoint::to_text(&c))
        .expect("one is due");
    assert!(good.starts_with("cp2;2,"), "{good}");
    for damaged in [
        // As an older build stored it, as JSON.
        "{\"v\":2,\"d\":{\"rules\":1}}",
        "not json",
        "{\"v\":1,\"d\":{}}",
        // Cut short, or made by other rules.
        &good[..good.len() / 2],
        &good[..good.len() - 1],
        &good.replacen("cp2;2,", "cp2;1,", 1),
        &format!("{good}1,"),
    ] {
        block_on(
            repo.kv()
                .put(StoreName::Singletons, CHECKPOINT_KEY, damaged, true),
        )
        .unwrap();
        let l = block_on(state::load_recent(&repo, today)).unwrap();
        assert!(l.is_whole(), "{damaged}: everything is read instead");
        assert_eq!(l.plan(today), expected);
        let c = l.checkpoint_due(today).expect("a new one is due");
        block_on(repo.save_checkpoint(&c)).unwrap();
        let again = block_on(state::load_recent(&repo, today)).unwrap();
        assert!(!again.is_whole());
        assert_eq!(again.plan(today), expected);
    }
}

#[test]
fn a_write_dated_before_the_checkpoints_week_takes_it_away_and_recent_ones_keep_it() {
    let (repo, today) = filled_weeks_later();
    let c = block_on(state::load(&repo))
        .unwrap()
        .checkpoint_due(today)
        .unwrap();
    block_on(repo.save_checkpoint(&c)).unwrap();
    let stored = || block_on(repo.kv().get(StoreName::Singletons, CHECKPOINT_KEY)).unwrap();
    block_on(repo.save_checkin(&checkin("2026-05-17", 1))).unwrap();
    assert!(stored().is_some(), "a check-in of three days ago");
    block_on(repo.save_checkin(&checkin("2026-03-20", 4))).unwrap();
    assert!(stored().is_none(), "a check-in of six weeks ago");
    let l = block_on(state::load_recent(&repo, today)).unwrap();
    assert!(l.is_whole());
    assert_eq!(
        l.plan(today),
        block_on(state::load(&repo)).unwrap().plan(today)
    );
}
