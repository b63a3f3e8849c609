//! Versioned, named, ordered migrations of stored records (after Liftosaur's runner): each
//! step takes a record of schema `to - 1` to `to`. They run inside IndexedDB's upgrade
//! transaction when an older database is opened (`indexeddb::IdbStore::open`), on backups
//! as they are imported, and on read as a last guard; every released schema has a fixture
//! test (tests/fixtures/).

use super::json::{parse, Json};
use super::kv::StoreName;
use super::records::SCHEMA_VERSION;
use crate::domain::equipment::BarbellSet;
use crate::domain::units::Grams;
use std::fmt;

pub struct Migration {
    /// The schema version this step produces.
    pub to: u32,
    pub name: &'static str,
    pub run: fn(StoreName, &mut Json) -> Result<(), String>,
}

/// Schema 1 is the first released one. A new step goes at the end, with `to` one above the
/// last, and SCHEMA_VERSION raised to match.
pub static MIGRATIONS: &[Migration] = &[
    Migration {
        to: 2,
        name: "2-session-entries",
        run: session_entries,
    },
    Migration {
        to: 3,
        name: "3-plate-inventory",
        run: plate_inventory,
    },
];

/// Schema 2: every record of the sets store becomes an entry of its session. A set stays a
/// set (with the pain older versions stored on it); the empty set older versions stored to
/// mark a stop for pain becomes a pain report of its own.
fn session_entries(store: StoreName, v: &mut Json) -> Result<(), String> {
    if store != StoreName::Sets {
        return Ok(());
    }
    let d = v
        .get_mut("d")
        .filter(|d| matches!(d, Json::Obj(_)))
        .ok_or("no data")?;
    let set = d.remove("set").ok_or("no set")?;
    let amount = set
        .get("amount")
        .and_then(Json::as_i64)
        .filter(|a| *a >= 0)
        .ok_or("a set without an amount")?;
    let exercise = set
        .get("exercise")
        .and_then(Json::as_str)
        .ok_or("a set without an exercise")?
        .to_string();
    let pain = set.get("pain").filter(|p| !p.is_null()).cloned();
    let member = |k: &'static str, v| Json::Obj(vec![(k.into(), v)]);
    let entry = match pain {
        Some(pain) if amount == 0 => member(
            "Pain",
            Json::Obj(vec![
                ("exercise".into(), Json::Str(exercise.into())),
                ("pain".into(), pain),
            ]),
        ),
        _ => member("Set", set),
    };
    d.set("entry", entry);
    Ok(())
}

/// Schema 3: a barbell stored as a range (bar, smallest plate, heaviest total) becomes the
/// bar and plates that make exactly those loads. Setups live in the profile, in dated
/// setup changes and nowhere else, but any barbell found is converted.
fn plate_inventory(store: StoreName, v: &mut Json) -> Result<(), String> {
    if matches!(store, StoreName::Singletons | StoreName::Events) {
        barbells_to_plates(v)?;
    }
    Ok(())
}

fn barbells_to_plates(v: &mut Json) -> Result<(), String> {
    match v {
        Json::Obj(members) if members.iter().any(|(k, _)| k == "smallest_plate") => {
            let grams = |k: &str| {
                v.get(k)
                    .and_then(Json::as_i64)
                    .and_then(|g| u32::try_from(g).ok())
                    .map(Grams)
                    .ok_or(format!("a barbell without a whole {k}"))
            };
            let b = BarbellSet::reaching(grams("bar")?, grams("smallest_plate")?, grams("max")?);
            // Written out as schema 3 has it, whatever later schemas make of the type.
            let int = |g: u32| Json::Int(g.into());
            let plates = b.plates.iter().map(|p| {
                Json::Obj(vec![
                    ("weight".into(), int(p.weight.0)),
                    ("pairs".into(), int(p.pairs.into())),
                ])
            });
            *v = Json::Obj(vec![
                ("bar".into(), int(b.bar.0)),
                ("plates".into(), Json::Arr(plates.collect())),
            ]);
        }
        Json::Obj(members) => {
            for (_, m) in members {
                barbells_to_plates(m)?;
            }
        }
        Json::Arr(items) => {
            for m in items {
                barbells_to_plates(m)?;
            }
        }
        _ => {}
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    NotJson(String),
    NoVersion,
    FromTheFuture(u32),
    StepFailed { step: &'static str, why: String },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::NotJson(why) => write!(f, "not readable ({why})"),
            RecordError::NoVersion => write!(f, "no schema version"),
            RecordError::FromTheFuture(v) => {
                write!(f, "written by a newer version of the app (schema {v})")
            }
            RecordError::StepFailed { step, why } => write!(f, "migration {step} failed: {why}"),
        }
    }
}

/// Brings one stored record up to `target`. Returns the new text when anything changed.
pub fn migrate_record(
    store: StoreName,
    raw: &str,
    steps: &[Migration],
    target: u32,
) -> Result<Option<String>, RecordError> {
    let mut value = parse(raw).map_err(|e| RecordError::NotJson(e.to_string()))?;
    let v = value
        .get("v")
        .and_then(Json::as_i64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(RecordError::NoVersion)?;
    if v > target {
        return Err(RecordError::FromTheFuture(v));
    }
    if v == target {
        return Ok(None);
    }
    for step in steps.iter().filter(|s| s.to > v && s.to <= target) {
        (step.run)(store, &mut value).map_err(|why| RecordError::StepFailed {
            step: step.name,
            why,
        })?;
        value.set("v", Json::Int(step.to.into()));
    }
    Ok(Some(value.to_text()))
}

/// The production chain up to this build's schema.
pub fn migrate_to_current(store: StoreName, raw: &str) -> Result<Option<String>, RecordError> {
    migrate_record(store, raw, MIGRATIONS, SCHEMA_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;
    // serde_json reads what the migrations write: an independent check that it is JSON.
    use serde_json::Value;

    fn rename_load(store: StoreName, v: &mut Json) -> Result<(), String> {
        if store == StoreName::Sets {
            let d = v.get_mut("d").ok_or("no data")?;
            let kg: f64 = match d.remove("load_kg") {
                Some(Json::Num(n)) => n.parse().map_err(|_| "a bad load_kg")?,
                Some(Json::Int(i)) => i as f64,
                _ => return Err("no load_kg".into()),
            };
            d.set("load_g", Json::Int((kg * 1000.0).round() as i64));
        }
        Ok(())
    }

    fn add_flag(_: StoreName, v: &mut Json) -> Result<(), String> {
        v.get_mut("d")
            .ok_or("no data")?
            .set("flag", Json::Bool(true));
        Ok(())
    }

    static STEPS: &[Migration] = &[
        Migration {
            to: 2,
            name: "2-load-in-grams",
            run: rename_load,
        },
        Migration {
            to: 3,
            name: "3-add-flag",
            run: add_flag,
        },
    ];

    #[test]
    fn migrations_run_in_order_from_the_records_version_to_the_target() {
        let v1 = r#"{"v":1,"d":{"load_kg":12.5}}"#;
        let out = migrate_record(StoreName::Sets, v1, STEPS, 3)
            .unwrap()
            .unwrap();
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["v"], 3);
        assert_eq!(v["d"]["load_g"], 12500);
        assert_eq!(v["d"]["flag"], true);
        let v2 = r#"{"v":2,"d":{"load_g":5}}"#;
        let v: Value = serde_json::from_str(
            &migrate_record(StoreName::Sets, v2, STEPS, 3)
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(v["d"]["load_g"], 5, "step 2 is not run twice");
        assert_eq!(
            migrate_record(StoreName::Sets, r#"{"v":3,"d":{}}"#, STEPS, 3),
            Ok(None)
        );
    }

    #[test]
    fn bad_records_are_reported_not_panicked() {
        assert!(matches!(
            migrate_record(StoreName::Sets, "{trunc", STEPS, 3),
            Err(RecordError::NotJson(_))
        ));
        assert_eq!(
            migrate_record(StoreName::Sets, r#"{"d":1}"#, STEPS, 3),
            Err(RecordError::NoVersion)
        );
        assert_eq!(
            migrate_record(StoreName::Sets, r#"{"v":9,"d":1}"#, STEPS, 3),
            Err(RecordError::FromTheFuture(9))
        );
        let failing = migrate_record(StoreName::Sets, r#"{"v":1,"d":{}}"#, STEPS, 3);
        assert!(matches!(
            failing,
            Err(RecordError::StepFailed {
                step: "2-load-in-grams",
                ..
            })
        ));
    }

    #[test]
    fn migration_2_makes_sets_entries_and_old_stop_markers_pain_reports() {
        let set = r#"{"v":1,"d":{"session":"s","day":"2026-03-02","index":0,"set":{"exercise":"glute-bridge","amount":10,"load":0,"rpe":null,"pain":1},"logged_ms":5}}"#;
        let out: Value =
            serde_json::from_str(&migrate_to_current(StoreName::Sets, set).unwrap().unwrap())
                .unwrap();
        assert_eq!(out["d"]["entry"]["Set"]["amount"], 10);
        assert_eq!(
            out["d"]["entry"]["Set"]["pain"], 1,
            "the pain stays with it"
        );
        assert!(out["d"].get("set").is_none());
        let stop = r#"{"v":1,"d":{"session":"s","day":"2026-03-02","index":1,"set":{"exercise":"kb-deadlift","amount":0,"load":8000,"rpe":null,"pain":6},"logged_ms":6}}"#;
        let out: Value =
            serde_json::from_str(&migrate_to_current(StoreName::Sets, stop).unwrap().unwrap())
                .unwrap();
        assert_eq!(out["d"]["entry"]["Pain"]["exercise"], "kb-deadlift");
        assert_eq!(out["d"]["entry"]["Pain"]["pain"], 6);
        let session = r#"{"v":1,"d":{"id":"s","day":"2026-03-02","slot":0,"started_ms":1,"finished":true,"response":null}}"#;
        let out: Value = serde_json::from_str(
            &migrate_to_current(StoreName::Sessions, session)
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(out["v"], SCHEMA_VERSION);
        assert_eq!(out["d"]["id"], "s");
        assert!(matches!(
            migrate_to_current(StoreName::Sets, r#"{"v":1,"d":{"session":"s"}}"#),
            Err(RecordError::StepFailed { .. })
        ));
    }

    #[test]
    fn migration_3_gives_a_barbell_the_plates_that_make_the_same_loads() {
        let profile = r#"{"v":2,"d":{"start":"2026-03-02","equipment":{"bands":false,"dumbbells":null,"kettlebells":[],"cable":null,"barbell":{"bar":20000,"smallest_plate":1250,"max":250000}},"days_per_week":3}}"#;
        let out: Value = serde_json::from_str(
            &migrate_to_current(StoreName::Singletons, profile)
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(out["v"], 3);
        let b = &out["d"]["equipment"]["barbell"];
        assert_eq!(b["bar"], 20000);
        assert!(b.get("smallest_plate").is_none() && b.get("max").is_none());
        let plates = BarbellSet {
            bar: Grams(20_000),
            plates: b["plates"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| crate::domain::equipment::PlatePair {
                    weight: Grams(p["weight"].as_u64().unwrap() as u32),
                    pairs: p["pairs"].as_u64().unwrap() as u8,
                })
                .collect(),
        };
        let before: Vec<Grams> = (0..=92).map(|i| Grams(20_000 + i * 2_500)).collect();
        assert_eq!(plates.loads(), before, "every load it made, and no other");
        // A dated setup change holds its setups the same way.
        let change = r#"{"v":2,"d":{"Setup":{"day":"2026-04-01","from":{"equipment":{"barbell":null}},"to":{"equipment":{"barbell":{"bar":20412,"smallest_plate":1134,"max":250000}}}}}}"#;
        let out: Value = serde_json::from_str(
            &migrate_to_current(StoreName::Events, change)
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        assert!(out["d"]["Setup"]["from"]["equipment"]["barbell"].is_null());
        assert_eq!(
            out["d"]["Setup"]["to"]["equipment"]["barbell"]["bar"],
            20412
        );
        assert!(out["d"]["Setup"]["to"]["equipment"]["barbell"]["plates"].is_array());
        // A damaged barbell is reported, not guessed at.
        let bad = r#"{"v":2,"d":{"barbell":{"bar":"heavy","smallest_plate":1250,"max":1}}}"#;
        assert!(matches!(
            migrate_to_current(StoreName::Singletons, bad),
            Err(RecordError::StepFailed {
                step: "3-plate-inventory",
                ..
            })
        ));
    }

    #[test]
    fn the_production_chain_is_ordered_and_ends_at_the_current_schema() {
        let mut expected = 2;
        for m in MIGRATIONS {
            assert_eq!(m.to, expected, "{} is out of order", m.name);
            expected += 1;
        }
        assert_eq!(expected - 1, SCHEMA_VERSION);
    }
}
