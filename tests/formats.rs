//! Every format the app writes, held to what the released app wrote: the records of the
//! current schema (`fixtures/backup-schema-3.json`), a planner checkpoint and share links of
//! both versions (`fixtures/formats/`). Each decodes to the values it decoded to when it
//! was written (their debug form, kept beside them), and what is decoded writes back the
//! same bytes. A new way of reading or writing must pass these unchanged.
#![cfg(not(target_arch = "wasm32"))]

use backstrong::domain::checkin::CheckIn;
use backstrong::domain::planner::Safety;
use backstrong::domain::profile::Profile;
use backstrong::share::link::{decode_link, encode_code};
use backstrong::state;
use backstrong::storage::backup::{parse_backup, ImportMode};
use backstrong::storage::checkpoint;
use backstrong::storage::json::{FromJson, ToJson};
use backstrong::storage::kv::{KvStore, StoreName};
use backstrong::storage::memory::MemoryStore;
use backstrong::storage::records::*;
use backstrong::storage::repo::{decode, envelope, Repo};
use chrono::NaiveDate;
use pollster::block_on;
use std::fmt::Debug;
use std::fs;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn formats() -> PathBuf {
    fixtures().join("formats")
}

/// The day the checkpoint fixture was worked out for.
fn checkpoint_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 20).unwrap()
}

/// The backup of the current schema, as released.
fn current_backup() -> String {
    let name = format!("backup-schema-{SCHEMA_VERSION}.json");
    fs::read_to_string(fixtures().join(name)).unwrap()
}

/// A record's value in its debug form, and the record written again from that value.
fn round_trip<T: FromJson + ToJson + Debug>(raw: &str) -> (String, String) {
    let v: T = decode(raw).unwrap_or_else(|e| panic!("{e}: {raw}"));
    (format!("{v:?}"), envelope(&v))
}

fn read_record(store: StoreName, key: &str, raw: &str) -> (String, String) {
    match store {
        StoreName::Sessions => round_trip::<StoredSession>(raw),
        StoreName::Sets => round_trip::<StoredEntry>(raw),
        StoreName::CheckIns => round_trip::<CheckIn>(raw),
        StoreName::Events => round_trip::<Event>(raw),
        StoreName::Singletons => match key {
            PROFILE_KEY => round_trip::<Profile>(raw),
            SAFETY_KEY => round_trip::<Safety>(raw),
            META_KEY => round_trip::<Meta>(raw),
            k if k.starts_with(SHARED_PREFIX) => round_trip::<SavedPlan>(raw),
            _ => panic!("an unknown singleton {key}"),
        },
        StoreName::Quarantine => (raw.to_string(), raw.to_string()),
    }
}

/// Every record of the current backup: store, key, the record as stored.
fn current_records() -> Vec<(StoreName, String, String)> {
    let (backup, _) = parse_backup(&current_backup()).unwrap();
    let mut out = Vec::new();
    for (name, rows) in backup.stores {
        let store = StoreName::parse(&name).unwrap();
        for (key, raw) in rows {
            out.push((store, key, raw));
        }
    }
    out
}

/// The backup the released checkpoint was worked out from (its records, migrated to this
/// build's schema, are what a phone holds on the first start after an update).
const CHECKPOINT_BACKUP: &str = "backup-schema-2.json";

/// The store of that backup, from which the planner works out the checkpoint.
fn restored() -> Repo<MemoryStore> {
    let repo = Repo::new(MemoryStore::new());
    let text = fs::read_to_string(fixtures().join(CHECKPOINT_BACKUP)).unwrap();
    let (backup, _) = parse_backup(&text).unwrap();
    block_on(repo.import_backup(&backup, ImportMode::Replace)).unwrap();
    repo
}

/// A version-1 share link: the plan's bytes before own exercises carried a careful kind.
fn version_1_code() -> String {
    fn v(out: &mut Vec<u8>, mut n: u32) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }
    fn s(out: &mut Vec<u8>, t: &str) {
        v(out, t.len() as u32);
        out.extend_from_slice(t.as_bytes());
    }
    let mut out = vec![1];
    s(&mut out, "Old plan");
    out.extend([1, 0]);
    for n in [45, 50, 1, 1] {
        v(&mut out, n);
    }
    s(&mut out, "glute-bridge");
    for n in [60, 1, 10, 0, 0, 1] {
        v(&mut out, n);
    }
    s(&mut out, "Band row");
    out.extend([4, 0]);
    for n in [2, 12, 0] {
        v(&mut out, n);
    }
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(miniz_oxide::deflate::compress_to_vec_zlib(&out, 10))
}

/// A version-2 plan: an own exercise with the careful kind version 2 added.
fn version_2_plan() -> backstrong::domain::shared_plan::SharedPlan {
    let mut p = decode_link(&version_1_code()).unwrap();
    p.title = "New plan".into();
    p.own[0].careful = Some(backstrong::domain::careful_kind::CarefulKind::LoadedFlexion);
    p
}

/// Writes the fixtures of the formats as this build writes them. Run once when a format is
/// released (`cargo test --test formats -- --ignored`) and commit what it wrote.
#[test]
#[ignore]
fn write_format_fixtures() {
    fs::create_dir_all(formats()).unwrap();
    // Each record as this build writes it (a released record may lack a field added
    // since, with its default), with the value it reads as.
    let mut records = String::new();
    for (store, key, raw) in current_records() {
        let (value, written) = read_record(store, &key, &raw);
        records += &format!("{} {key}\n{written}\n{value}\n", store.as_str());
    }
    let name = format!("records-schema-{SCHEMA_VERSION}.txt");
    fs::write(formats().join(name), records).unwrap();

    let repo = restored();
    let loaded = block_on(state::load(&repo)).unwrap();
    let checkpoint = loaded
        .checkpoint_due(checkpoint_day())
        .expect("weeks enough for a checkpoint");
    fs::write(
        formats().join("checkpoint.txt"),
        checkpoint::to_text(&checkpoint),
    )
    .unwrap();

    let v2 = encode_code(&version_2_plan());
    let mut links = String::new();
    for code in [version_1_code(), v2] {
        links += &format!("{code}\n{:?}\n", decode_link(&code).unwrap());
    }
    fs::write(formats().join("links.txt"), links).unwrap();
}

#[test]
fn every_current_record_reads_as_released_and_writes_back_the_same_bytes() {
    let name = format!("records-schema-{SCHEMA_VERSION}.txt");
    let text = fs::read_to_string(formats().join(name)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.len() >= 3 * 20,
        "records of every kind: {}",
        lines.len() / 3
    );
    for r in lines.chunks(3) {
        let (store, key) = r[0].split_once(' ').unwrap();
        let store = StoreName::parse(store).unwrap();
        let (value, written) = read_record(store, key, r[1]);
        assert_eq!(value, r[2], "{key} reads as released");
        assert_eq!(written, r[1], "{key} writes back as released");
    }
    // Every record of the released backup is among them.
    assert_eq!(lines.len() / 3, current_records().len());
}

#[test]
fn a_checkpoint_written_by_the_released_app_reads_and_writes_back_the_same() {
    let text = fs::read_to_string(formats().join("checkpoint.txt")).unwrap();
    let c = checkpoint::from_text(&text).expect("the released checkpoint reads");
    assert_eq!(checkpoint::to_text(&c), text);
}

#[test]
fn a_checkpoint_written_by_the_released_app_is_used_on_the_first_start_after_an_update() {
    let text = fs::read_to_string(formats().join("checkpoint.txt")).unwrap();
    let repo = restored();
    block_on(
        repo.kv()
            .put(StoreName::Singletons, CHECKPOINT_KEY, &text, false),
    )
    .unwrap();
    let today = checkpoint_day();
    let whole = block_on(state::load(&repo)).unwrap();
    let recent = block_on(state::load_recent(&repo, today)).unwrap();
    assert!(
        !recent.is_whole() && repo.last_read().since.is_some(),
        "the start read only the records since the stored checkpoint"
    );
    assert_eq!(
        recent.plan(today),
        whole.plan(today),
        "and plans as a start that read everything"
    );
}

#[test]
fn share_links_of_both_versions_open_as_released() {
    let text = fs::read_to_string(formats().join("links.txt")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "a version-1 and a version-2 link");
    for pair in lines.chunks(2) {
        let plan = decode_link(pair[0]).expect("a released link opens");
        assert_eq!(format!("{plan:?}"), pair[1]);
    }
    // The current version writes the same code again.
    assert_eq!(encode_code(&decode_link(lines[2]).unwrap()), lines[2]);
    assert_eq!(encode_code(&version_2_plan()), lines[2]);
    assert_eq!(lines[0], version_1_code());
}
