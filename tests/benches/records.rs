//! How fast stored records are read and written (storage's own JSON), natively, beside
//! serde_json reading the same text into its untyped value. Prints numbers; asserts
//! nothing. Run: cargo bench --bench records
//! A start reads a few hundred records, History's six months about two thousand; in the
//! browser at 4× CPU throttling multiply by roughly six.

use backstrong::domain::checkin::CheckIn;
use backstrong::storage::json::{from_text, FromJson, ToJson};
use backstrong::storage::records::{Envelope, StoredEntry, StoredSession};
use std::hint::black_box;
use std::time::Instant;

const ENTRY: &str = r#"{"v":2,"d":{"session":"2026-03-02-0-1772445600000","day":"2026-03-02","index":3,"entry":{"Set":{"exercise":"glute-bridge","amount":12,"load":8000,"rpe":null,"pain":1}},"logged_ms":1772445600000,"nonce":12345678}}"#;
const CHECKIN: &str = r#"{"v":2,"d":{"day":"2026-03-03","pain":2,"walking_minutes":20,"mobility_done":true,"sleep_hours":7,"stress":3,"protein_meals":3,"water":6,"triggers":["Sitting","PoorSleep"],"new_symptoms":false}}"#;
const SESSION: &str = r#"{"v":2,"d":{"id":"2026-03-06-0-1772791200000","day":"2026-03-06","slot":0,"started_ms":1772791200000,"finished":true,"response":"Settled","finished_ms":1772794800000,"served":[{"key":"glute-bridge","name":"Glute bridge","origin":"Planned","measure":"Reps","equipment":"Bodyweight","targets":[{"amount":10,"load":0},{"amount":10,"load":0}],"tempo":"2-1-2","rest_seconds":60,"reason":{"Progressed":{"Amount":{"from":20,"to":22}}}}]}}"#;

fn per_record<T: FromJson + ToJson>(what: &str, text: &str) {
    let n = 50_000u32;
    let t = Instant::now();
    for _ in 0..n {
        black_box(from_text::<Envelope<T>>(black_box(text)).unwrap());
    }
    let read = t.elapsed() / n;
    let record: Envelope<T> = from_text(text).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        black_box(black_box(&record).to_json().to_text());
    }
    let write = t.elapsed() / n;
    let t = Instant::now();
    for _ in 0..n {
        black_box(serde_json::from_str::<serde_json::Value>(black_box(text)).unwrap());
    }
    let serde = t.elapsed() / n;
    println!(
        "{what:<10} {:>4} bytes  read {read:>8.2?}  write {write:>8.2?}  (serde_json to a Value: {serde:.2?})",
        text.len()
    );
}

fn main() {
    per_record::<StoredEntry>("set", ENTRY);
    per_record::<CheckIn>("check-in", CHECKIN);
    per_record::<StoredSession>("session", SESSION);
}
