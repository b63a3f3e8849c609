//! Share links: any valid plan survives link → plan unchanged, and no input whatever
//! makes the decoder panic. Fuzzing is a proptest harness over arbitrary and mutated
//! bytes: FUZZ_CASES=N (or scripts/fuzz-share.sh N) runs more than the CI default.
#![cfg(not(target_arch = "wasm32"))]

use backstrong::domain::careful::CarefulKind;
use backstrong::domain::library::LIBRARY;
use backstrong::domain::library::{Measure, Pattern};
use backstrong::domain::phase::Phase;
use backstrong::domain::prescription::SetTarget;
use backstrong::domain::profile::{OwnExercise, RehabDose, RehabExercise};
use backstrong::domain::shared_plan::{validate_shared_plan, SharedExercise, SharedPlan};
use backstrong::domain::units::{Grams, Units};
use backstrong::share::codec::{decode, encode};
use backstrong::share::link::{code_of, decode_link, encode_code, encode_link, LinkError};
use proptest::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};

fn name() -> impl Strategy<Value = String> {
    // Markup, quotes, emoji and non-Latin letters: names are text, whatever they hold.
    "[a-zA-Z0-9 <>&\"'/éß中😀]{1,40}".prop_filter_map("trimmed", |s| {
        let t = s.trim().to_string();
        (!t.is_empty()).then_some(t)
    })
}

fn exercise() -> impl Strategy<Value = SharedExercise> {
    (0..LIBRARY.len(), 1usize..=6, 0u16..=300, any::<u32>()).prop_map(|(i, n, rest, seed)| {
        let e = &LIBRARY[i];
        let amount = e.range.0 + (seed % 5) as u16;
        let load = Grams((seed % 200) * 500);
        SharedExercise {
            exercise: e,
            sets: vec![SetTarget { amount, load }; n],
            rest_seconds: rest,
        }
    })
}

fn rehab() -> impl Strategy<Value = RehabExercise> {
    (name(), any::<bool>(), 1u8..=5, 1u16..=60, 1u8..=7).prop_map(
        |(name, secs, sets, n, per_week)| RehabExercise {
            name,
            dose: if secs {
                RehabDose::Seconds { sets, seconds: n }
            } else {
                RehabDose::Reps { sets, reps: n }
            },
            per_week,
        },
    )
}

fn own() -> impl Strategy<Value = OwnExercise> {
    (
        name(),
        0usize..6,
        any::<bool>(),
        1u8..=6,
        1u16..=60,
        0u32..100,
        0usize..6,
    )
        .prop_map(|(name, p, secs, sets, amount, kg, careful)| OwnExercise {
            name,
            pattern: Pattern::STRENGTH[p],
            careful: CarefulKind::ALL.get(careful).copied(),
            measure: if secs {
                Measure::Seconds
            } else {
                Measure::Reps
            },
            sets,
            amount,
            load: Grams(kg * 500),
        })
}

fn plan() -> impl Strategy<Value = SharedPlan> {
    (
        name(),
        1u8..=3,
        any::<bool>(),
        prop::sample::select(vec![30u16, 45, 60]),
        prop::sample::select(vec![25u16, 50, 100]),
        prop::collection::vec(prop::collection::vec(exercise(), 1..=8), 1..=4),
        prop::collection::vec(rehab(), 0..=5),
        prop::collection::vec(own(), 0..=4),
    )
        .prop_map(
            |(title, phase, lb, minutes, permille, sessions, rehab, own)| SharedPlan {
                title,
                phase: [Phase::Restore, Phase::Rebuild, Phase::Reload][usize::from(phase - 1)],
                units: if lb { Units::Lb } else { Units::Kg },
                session_minutes: minutes,
                increase_permille: permille,
                sessions,
                rehab,
                own,
            },
        )
}

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

static EXECUTIONS: AtomicU64 = AtomicU64::new(0);
static INPUTS: AtomicU64 = AtomicU64::new(0);
static REFUSED: AtomicU64 = AtomicU64::new(0);

fn count() {
    let n = EXECUTIONS.fetch_add(1, Ordering::Relaxed) + 1;
    if n == u64::from(cases(2_000)) * 3 {
        let inputs = INPUTS.load(Ordering::Relaxed);
        let refused = REFUSED.load(Ordering::Relaxed);
        println!(
            "share decoder fuzz: {n} cases, {inputs} inputs decoded, 0 panics, {refused} refused, each with its message"
        );
    }
}

/// A refused input must tell the user why, in words.
fn refused(e: LinkError) -> Result<(), TestCaseError> {
    REFUSED.fetch_add(1, Ordering::Relaxed);
    let m = e.message();
    prop_assert!(m.len() > 20 && m.ends_with('.'), "{e:?}: {m:?}");
    Ok(())
}

fn link_result(r: Result<SharedPlan, LinkError>) -> Result<(), TestCaseError> {
    INPUTS.fetch_add(1, Ordering::Relaxed);
    match r {
        Ok(p) => {
            prop_assert!(validate_shared_plan(&p).is_ok());
            Ok(())
        }
        Err(e) => refused(e),
    }
}

proptest! {
    // Round trips are checked by the hundred; the fuzz below is what scales with FUZZ_CASES.
    #![proptest_config(ProptestConfig::with_cases(256.max(cases(256) / 100)))]

    #[test]
    fn any_valid_plan_survives_the_link_unchanged(p in plan()) {
        prop_assert!(validate_shared_plan(&p).is_ok());
        let link = encode_link(&p, "https://backstrong.example");
        prop_assert_eq!(decode_link(&link), Ok(p.clone()));
        prop_assert_eq!(decode(&encode(&p)), Ok(p));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2_000)))]

    #[test]
    fn arbitrary_bytes_never_panic_the_decoder(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        link_result(decode(&bytes).map_err(LinkError::Codec))?;
        count();
    }

    #[test]
    fn arbitrary_text_never_panics_the_link_reader(text in ".{0,600}") {
        link_result(decode_link(&text))?;
        count();
    }

    #[test]
    fn damaged_links_are_refused_or_still_valid(p in plan(), at in any::<usize>(), with in any::<u8>()) {
        // Mutating the packed bytes exercises deep decoder paths that random bytes miss.
        let mut bytes = encode(&p);
        let i = at % bytes.len();
        bytes[i] = with;
        link_result(decode(&bytes).map_err(LinkError::Codec))?;
        let code = encode_code(&p);
        let cut = &code[..at % code.len()];
        link_result(decode_link(cut))?;
        let pasted = format!("x/open#plan={code}");
        prop_assert_eq!(code_of(&pasted), code.as_str());
        count();
    }
}
