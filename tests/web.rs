//! Browser unit tests: run with `cargo test --target wasm32-unknown-unknown --test web`
//! in headless Chromium (wasm-bindgen-test-runner + chromedriver).
#![cfg(target_arch = "wasm32")]

use backstrong::domain::units::Units;
use backstrong::storage::prefs::{self, Prefs};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn prefs_round_trip_through_local_storage() {
    LocalStorage::clear();
    assert_eq!(prefs::load(), Prefs::default());
    assert!(prefs::load().sound, "sound is on unless turned off");
    prefs::save(Prefs {
        units: Units::Lb,
        sound: false,
        spoken: true,
        set_aside_seen: 7,
        lessons_read: 0b101,
        lesson_read_day: None,
        lesson_later_day: None,
    })
    .unwrap();
    let mut p = prefs::load();
    assert_eq!(p.reading().read.count(), 2);
    let mut r = p.reading();
    r.last_read = chrono::NaiveDate::from_ymd_opt(2026, 5, 4);
    p.set_reading(r);
    prefs::save(p).unwrap();
    assert_eq!(
        prefs::load().reading().last_read,
        chrono::NaiveDate::from_ymd_opt(2026, 5, 4)
    );
    assert_eq!(prefs::load().units, Units::Lb);
    assert!(!prefs::load().sound);
    assert!(prefs::load().spoken);
    assert_eq!(prefs::load().set_aside_seen, 7);
    // Preferences saved before the sound setting existed keep sound on.
    LocalStorage::raw()
        .set_item("backstrong.prefs.v1", r#"{"units":"Lb"}"#)
        .unwrap();
    assert_eq!(
        prefs::load(),
        Prefs {
            units: Units::Lb,
            sound: true,
            ..Prefs::default()
        }
    );
}

#[wasm_bindgen_test]
fn the_calendar_record_round_trips_through_local_storage_and_survives_corruption() {
    use backstrong::domain::calendar::{next_calendar, CalendarChoice};
    use backstrong::storage::calendar::{self, CalendarPrefs};
    LocalStorage::clear();
    assert_eq!(calendar::load(), CalendarPrefs::default());
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let choice = CalendarChoice {
        time: 1080,
        minutes: 45,
        alarm: false,
        walk: None,
    };
    let p = CalendarPrefs {
        sent: Some(next_calendar(
            None,
            &[chrono::Weekday::Tue],
            choice,
            (day, day),
            5,
        )),
        offer_put_away: false,
    };
    calendar::save(&p).unwrap();
    assert_eq!(calendar::load(), p);
    LocalStorage::raw()
        .set_item("backstrong.calendar.v1", "{\"sent\":")
        .unwrap();
    assert_eq!(calendar::load(), CalendarPrefs::default());
}

#[wasm_bindgen_test]
fn corrupted_prefs_fall_back_to_defaults_without_panicking() {
    LocalStorage::raw()
        .set_item("backstrong.prefs.v1", "{not json")
        .unwrap();
    assert_eq!(prefs::load(), Prefs::default());
    LocalStorage::clear();
}

#[wasm_bindgen_test]
async fn app_mounts_routes_and_reports_a_missing_service_worker() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = host.unchecked_into();
    let _handle = leptos::mount::mount_to(host.clone(), backstrong::ui::App);
    leptos::task::tick().await;

    let links = host.query_selector_all("nav.tabs a").unwrap();
    assert_eq!(links.length(), 5);
    let h1 = host.query_selector("h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), "Today");

    let plan: web_sys::HtmlElement = host
        .query_selector("nav.tabs a[href='/plan']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    plan.click();
    let heading = || {
        host.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    wait_until(|| heading() == "Plan").await;
    assert_eq!(heading(), "Plan");
    assert!(host.query_selector_all("details.ladder").unwrap().length() >= 10);

    // The test server has no /sw.js: registration fails and Settings says so plainly.
    let settings: web_sys::HtmlElement = host
        .query_selector("nav.tabs a[href='/settings']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    settings.click();
    let has_alert = || host.query_selector("[role=alert]").unwrap().is_some();
    wait_until(has_alert).await;
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an error message");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Offline use is unavailable"));
}

/// Polls `done` for up to two seconds: routing and registration settle asynchronously.
async fn wait_until(done: impl Fn() -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if done() {
            return;
        }
        sleep(20).await;
    }
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

mod indexeddb {
    use backstrong::domain::history::SetLog;
    use backstrong::domain::pain::Pain;
    use backstrong::domain::units::Grams;
    use backstrong::state;
    use backstrong::storage::backup::{parse_backup, ImportMode};
    use backstrong::storage::indexeddb::IdbStore;
    use backstrong::storage::kv::{KvStore, StoreName};
    use backstrong::storage::records::{EntryRecord, StoredEntry, StoredSession, CHECKPOINT_KEY};
    use backstrong::storage::repo::Repo;
    use chrono::NaiveDate;
    use wasm_bindgen_test::*;

    /// A fresh database per test, so tests never see each other's records.
    async fn fresh(tag: &str) -> (String, IdbStore) {
        let name = format!("test-{tag}-{}", js_sys::Math::random());
        let store = IdbStore::open(&name).await.expect("IndexedDB opens");
        (name, store)
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn set(session: &StoredSession, index: u16) -> StoredEntry {
        StoredEntry {
            session: session.id.clone(),
            day: session.day,
            index,
            entry: EntryRecord::Set(SetLog {
                exercise: "dead-bug".into(),
                amount: 8,
                load: Grams::ZERO,
                rpe: None,
                pain: Pain::new(1),
            }),
            logged_ms: session.started_ms + i64::from(index),
            nonce: 0,
        }
    }

    #[wasm_bindgen_test]
    async fn put_get_range_and_delete() {
        let (_, db) = fresh("kv").await;
        for (k, v) in [
            ("2026-03-01|a", "1"),
            ("2026-03-02|a", "2"),
            ("2026-03-03|a", "3"),
        ] {
            db.put(StoreName::Sets, k, v, true).await.unwrap();
        }
        assert_eq!(
            db.get(StoreName::Sets, "2026-03-02|a")
                .await
                .unwrap()
                .as_deref(),
            Some("2")
        );
        let mid = db
            .range(StoreName::Sets, "2026-03-02", "2026-03-03")
            .await
            .unwrap();
        assert_eq!(mid, vec![("2026-03-02|a".to_string(), "2".to_string())]);
        db.delete(StoreName::Sets, "2026-03-02|a").await.unwrap();
        assert_eq!(db.all(StoreName::Sets).await.unwrap().len(), 2);
        db.replace_all(&[(StoreName::CheckIns, "2026-03-09".into(), "x".into())])
            .await
            .unwrap();
        assert!(db.all(StoreName::Sets).await.unwrap().is_empty());
        assert_eq!(db.all(StoreName::CheckIns).await.unwrap().len(), 1);
    }

    #[wasm_bindgen_test]
    async fn sets_survive_reopening_and_bad_records_are_set_aside() {
        let (name, db) = fresh("repo").await;
        let repo = Repo::new(db);
        let s = StoredSession {
            id: "s1".into(),
            day: day("2026-03-02"),
            slot: 0,
            started_ms: 1,
            finished: false,
            response: None,
            finished_ms: None,
            served: Vec::new(),
        };
        repo.save_session(&s).await.unwrap();
        for i in 0..5 {
            repo.save_entry(&set(&s, i)).await.unwrap();
        }
        repo.kv()
            .put(StoreName::Sets, "2026-03-02|s1|0099", "{broken", true)
            .await
            .unwrap();
        repo.kv().close();

        let again = Repo::new(IdbStore::open(&name).await.unwrap());
        let loaded = state::load(&again).await.unwrap();
        assert_eq!(loaded.history.sessions[0].sets().count(), 5);
        assert_eq!(loaded.quarantined, 1);
        assert_eq!(loaded.open_session().unwrap().id, "s1");
        assert_eq!(
            again
                .sets_between(day("2026-03-02"), day("2026-03-02"))
                .await
                .unwrap()
                .len(),
            5
        );
    }

    fn add_flag(_: StoreName, v: &mut backstrong::storage::json::Json) -> Result<(), String> {
        v.get_mut("d")
            .ok_or("no data")?
            .set("flag", backstrong::storage::json::Json::Bool(true));
        Ok(())
    }

    /// A step past this build's schema, so the test opens at a version above it.
    static TO_SCHEMA_4: &[backstrong::storage::migrations::Migration] =
        &[backstrong::storage::migrations::Migration {
            to: 4,
            name: "test_add_flag",
            run: add_flag,
        }];

    /// The release before pain reports had their own records: a schema-1 database, with a
    /// set and the empty "stop" set it wrote for pain 5+, opened by this build.
    #[wasm_bindgen_test]
    async fn a_schema_1_database_upgrades_to_session_entries() {
        let name = format!("test-schema1-{}", js_sys::Math::random());
        let old = IdbStore::open_with(&name, 1, &[]).await.unwrap();
        old.put(
            StoreName::Sessions,
            "2026-03-02|s1",
            r#"{"v":1,"d":{"id":"s1","day":"2026-03-02","slot":0,"started_ms":1,"finished":true,"response":null}}"#,
            true,
        )
        .await
        .unwrap();
        old.put(
            StoreName::Sets,
            "2026-03-02|s1|0000|0000000000002|00000000",
            r#"{"v":1,"d":{"session":"s1","day":"2026-03-02","index":0,"set":{"exercise":"kb-deadlift","amount":8,"load":12000,"rpe":null,"pain":2},"logged_ms":2,"nonce":0}}"#,
            true,
        )
        .await
        .unwrap();
        old.put(
            StoreName::Sets,
            "2026-03-02|s1|0001|0000000000003|00000000",
            r#"{"v":1,"d":{"session":"s1","day":"2026-03-02","index":1,"set":{"exercise":"kb-deadlift","amount":0,"load":12000,"rpe":null,"pain":6},"logged_ms":3,"nonce":0}}"#,
            true,
        )
        .await
        .unwrap();
        old.close();

        let repo = Repo::new(IdbStore::open(&name).await.unwrap());
        let loaded = state::load(&repo).await.unwrap();
        assert_eq!(loaded.quarantined, 0);
        let s = &loaded.history.sessions[0];
        assert_eq!(s.sets().count(), 1);
        assert_eq!(
            s.worst_pain(),
            Pain::new(6),
            "the stop is a pain report now"
        );
        assert!(matches!(
            loaded.sets[1].entry,
            EntryRecord::Pain { ref exercise, .. } if exercise == "kb-deadlift"
        ));
    }

    #[wasm_bindgen_test]
    async fn an_older_database_is_migrated_inside_the_upgrade() {
        let (name, db) = fresh("upgrade").await;
        db.put(
            StoreName::Sets,
            "2026-03-02|s1|0000",
            r#"{"v":1,"d":{"a":1}}"#,
            true,
        )
        .await
        .unwrap();
        db.put(StoreName::Sets, "2026-03-02|s1|0001", "{broken", true)
            .await
            .unwrap();
        // The planner's checkpoint is its own text, not a record: no migration touches it.
        db.put(StoreName::Singletons, CHECKPOINT_KEY, "cp2;1,2,", false)
            .await
            .unwrap();
        db.close();

        let newer = IdbStore::open_with(&name, 4, TO_SCHEMA_4).await.unwrap();
        let migrated = newer
            .get(StoreName::Sets, "2026-03-02|s1|0000")
            .await
            .unwrap()
            .expect("the record is still there");
        let v: serde_json::Value = serde_json::from_str(&migrated).unwrap();
        assert_eq!(v["v"], 4);
        assert_eq!(v["d"]["flag"], true);
        assert_eq!(v["d"]["a"], 1);
        // The unreadable one was set aside, not lost.
        assert_eq!(
            newer
                .get(StoreName::Sets, "2026-03-02|s1|0001")
                .await
                .unwrap(),
            None
        );
        let q = newer.all(StoreName::Quarantine).await.unwrap();
        assert_eq!(q.len(), 1);
        assert!(q[0].0.starts_with("sets/") && q[0].1.contains("{broken"));
        assert_eq!(
            newer
                .get(StoreName::Singletons, CHECKPOINT_KEY)
                .await
                .unwrap()
                .as_deref(),
            Some("cp2;1,2,"),
            "the checkpoint is left as it was"
        );
    }

    #[wasm_bindgen_test]
    async fn two_connections_like_two_tabs_both_keep_their_sets() {
        let (name, a) = fresh("tabs").await;
        let b = IdbStore::open(&name).await.unwrap();
        let (ra, rb) = (Repo::new(a), Repo::new(b));
        let sa = StoredSession {
            id: "tab-a".into(),
            day: day("2026-03-02"),
            slot: 0,
            started_ms: 1,
            finished: false,
            response: None,
            finished_ms: None,
            served: Vec::new(),
        };
        let sb = StoredSession {
            id: "tab-b".into(),
            ..sa.clone()
        };
        // Each tab stores its session before its sets, as the app does.
        ra.save_session(&sa).await.unwrap();
        rb.save_session(&sb).await.unwrap();
        for i in 0..3 {
            ra.save_entry(&set(&sa, i)).await.unwrap();
            rb.save_entry(&set(&sb, i)).await.unwrap();
        }
        assert_eq!(state::load(&ra).await.unwrap().sets.len(), 6);
        assert_eq!(state::load(&rb).await.unwrap().sets.len(), 6);
    }

    /// A set logged while the store is being read again (another tab's change, History
    /// asking for more) must not vanish from the screen when that read lands. The write
    /// lands at a different point of the read each round.
    #[wasm_bindgen_test]
    async fn a_set_logged_during_a_read_stays_shown() {
        use backstrong::ui::data::DataCtx;
        use leptos::prelude::WithUntracked;
        // What mounting the app would set up: an executor and an owner.
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let owner = leptos::prelude::Owner::new();
        owner.set();
        let ctx = DataCtx::provide();
        super::wait_until(|| ctx.loaded.with_untracked(Option::is_some)).await;
        let today = backstrong::platform::clock::today();
        let s = StoredSession {
            id: format!("race-{}", js_sys::Math::random()),
            day: today,
            slot: 0,
            started_ms: backstrong::platform::clock::now_ms(),
            finished: false,
            response: None,
            finished_ms: None,
            served: Vec::new(),
        };
        ctx.save_session(s.clone()).await.unwrap();
        let held = || {
            ctx.loaded
                .with_untracked(|l| l.as_ref().map_or(0, |l| l.sets_of(&s.id).len()))
        };
        for i in 0..24u16 {
            ctx.reload();
            super::sleep(i32::from(i % 6)).await;
            ctx.save_entry(set(&s, i)).await.unwrap();
            super::wait_until(|| held() == usize::from(i) + 1).await;
            // Long enough for any read under way to land.
            super::sleep(120).await;
            assert_eq!(held(), usize::from(i) + 1, "round {i}: the set is shown");
        }
    }

    #[wasm_bindgen_test]
    async fn every_schema_fixture_imports_and_loads_and_the_newest_round_trips() {
        for (text, newest) in [
            (include_str!("fixtures/backup-schema-1.json"), false),
            (include_str!("fixtures/backup-schema-2.json"), false),
            (include_str!("fixtures/backup-schema-3.json"), true),
        ] {
            let (_, db) = fresh("fixture").await;
            let repo = Repo::new(db);
            let (backup, summary) = parse_backup(text).unwrap();
            repo.import_backup(&backup, ImportMode::Replace)
                .await
                .unwrap();
            let loaded = state::load(&repo).await.unwrap();
            assert_eq!(loaded.sets.len(), summary.sets);
            assert_eq!(loaded.quarantined, summary.quarantined);
            assert!(loaded.profile.is_some());
            let again = repo.export_backup(&summary.exported).await.unwrap();
            if newest {
                assert_eq!(again, text, "byte-for-byte round trip");
            } else {
                assert!(again.contains("\"schema\":3"), "migrated on import");
            }
        }
    }
}
