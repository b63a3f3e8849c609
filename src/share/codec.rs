//! The binary form of a shared plan, version 2 (version 1 links still open). Every count is checked against the
//! plan limits before anything is allocated, and the whole input must be consumed.
//!
//! ```text
//! version u8 | title str | phase u8 | units u8 | minutes v | permille v
//! sessions v × ( exercises v × ( id str | rest v | sets v × ( amount v | grams v ) ) )
//! rehab v × ( name str | kind u8 (0 reps, 1 seconds) | sets v | amount v | per_week v )
//! own v × ( name str | pattern u8 | measure u8 (0 reps, 1 seconds) | careful u8 | sets v | amount v | grams v )
//! ```
//! `v` is an unsigned LEB128 varint of at most 32 bits; `str` is a varint length and UTF-8.
//! `careful` (version 2 on) is 0 for none, else 1 + the kind's place in `CarefulKind::ALL`.

use crate::domain::careful::CarefulKind;
use crate::domain::library::{Measure, Pattern};
use crate::domain::phase::Phase;
use crate::domain::prescription::SetTarget;
use crate::domain::profile::{OwnExercise, RehabDose, RehabExercise};
use crate::domain::shared_plan::{
    known_exercise, validate_shared_plan, PlanProblem, SharedExercise, SharedPlan,
    MAX_EXERCISES_PER_SESSION, MAX_OWN, MAX_REHAB, MAX_SESSIONS, MAX_SETS,
};
use crate::domain::units::{Grams, Units};

pub const VERSION: u8 = 2;
const MAX_STR_BYTES: usize = 256;
/// Patterns by their number in the link (`Pattern::ALL`, whose order never changes).
const PATTERNS: [Pattern; 8] = Pattern::ALL;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// Ended before the plan did.
    Truncated,
    /// Bytes that are not a plan of this version.
    Malformed,
    /// Made by a newer version of the app.
    FutureVersion(u8),
    /// Well-formed, but not a plan anyone could follow.
    Nonsense(PlanProblem),
}

fn put_v(out: &mut Vec<u8>, mut n: u32) {
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

fn put_str(out: &mut Vec<u8>, s: &str) {
    let b = &s.as_bytes()[..s.len().min(MAX_STR_BYTES)];
    put_v(out, b.len() as u32);
    out.extend_from_slice(b);
}

pub fn encode(p: &SharedPlan) -> Vec<u8> {
    let mut out = vec![VERSION];
    put_str(&mut out, &p.title);
    out.push(p.phase.number());
    out.push(match p.units {
        Units::Kg => 0,
        Units::Lb => 1,
    });
    put_v(&mut out, p.session_minutes.into());
    put_v(&mut out, p.increase_permille.into());
    put_v(&mut out, p.sessions.len() as u32);
    for s in &p.sessions {
        put_v(&mut out, s.len() as u32);
        for x in s {
            put_str(&mut out, x.exercise.id);
            put_v(&mut out, x.rest_seconds.into());
            put_v(&mut out, x.sets.len() as u32);
            for t in &x.sets {
                put_v(&mut out, t.amount.into());
                put_v(&mut out, t.load.0);
            }
        }
    }
    put_v(&mut out, p.rehab.len() as u32);
    for r in &p.rehab {
        put_str(&mut out, &r.name);
        let (kind, sets, amount) = match r.dose {
            RehabDose::Reps { sets, reps } => (0, sets, reps),
            RehabDose::Seconds { sets, seconds } => (1, sets, seconds),
        };
        out.push(kind);
        put_v(&mut out, sets.into());
        put_v(&mut out, amount.into());
        put_v(&mut out, r.per_week.into());
    }
    put_v(&mut out, p.own.len() as u32);
    for o in &p.own {
        put_str(&mut out, &o.name);
        out.push(PATTERNS.iter().position(|x| *x == o.pattern).unwrap_or(0) as u8);
        out.push(u8::from(o.measure != Measure::Reps));
        out.push(o.careful.map_or(0, |k| {
            CarefulKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8 + 1
        }));
        put_v(&mut out, o.sets.into());
        put_v(&mut out, o.amount.into());
        put_v(&mut out, o.load.0);
    }
    out
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn u8(&mut self) -> Result<u8, CodecError> {
        let v = *self.b.get(self.at).ok_or(CodecError::Truncated)?;
        self.at += 1;
        Ok(v)
    }

    fn v(&mut self) -> Result<u32, CodecError> {
        let mut n: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(n).map_err(|_| CodecError::Malformed);
            }
        }
        Err(CodecError::Malformed)
    }

    fn v16(&mut self) -> Result<u16, CodecError> {
        u16::try_from(self.v()?).map_err(|_| CodecError::Malformed)
    }

    /// A count, refused before allocating when above `max`.
    fn count(&mut self, max: usize, what: &'static str) -> Result<usize, CodecError> {
        let n = self.v()? as usize;
        if n > max {
            return Err(CodecError::Nonsense(PlanProblem::TooMany(what)));
        }
        Ok(n)
    }

    fn str(&mut self) -> Result<&'a str, CodecError> {
        let n = self.v()? as usize;
        if n > MAX_STR_BYTES {
            return Err(CodecError::Malformed);
        }
        let end = self.at.checked_add(n).ok_or(CodecError::Malformed)?;
        let bytes = self.b.get(self.at..end).ok_or(CodecError::Truncated)?;
        self.at = end;
        std::str::from_utf8(bytes).map_err(|_| CodecError::Malformed)
    }
}

pub fn decode(bytes: &[u8]) -> Result<SharedPlan, CodecError> {
    let mut r = Reader { b: bytes, at: 0 };
    let version = match r.u8()? {
        v @ 1..=VERSION => v,
        v if v > VERSION => return Err(CodecError::FutureVersion(v)),
        _ => return Err(CodecError::Malformed),
    };
    let title = r.str()?.to_string();
    let phase = match r.u8()? {
        1 => Phase::Restore,
        2 => Phase::Rebuild,
        3 => Phase::Reload,
        _ => return Err(CodecError::Nonsense(PlanProblem::BadSetting("phase"))),
    };
    let units = match r.u8()? {
        0 => Units::Kg,
        1 => Units::Lb,
        _ => return Err(CodecError::Nonsense(PlanProblem::BadSetting("unit"))),
    };
    let session_minutes = r.v16()?;
    let increase_permille = r.v16()?;
    let n_sessions = r.count(MAX_SESSIONS, "sessions")?;
    let mut sessions = Vec::with_capacity(n_sessions);
    for _ in 0..n_sessions {
        let n = r.count(MAX_EXERCISES_PER_SESSION, "exercises in a session")?;
        let mut s = Vec::with_capacity(n);
        for _ in 0..n {
            let exercise = known_exercise(r.str()?).map_err(CodecError::Nonsense)?;
            let rest_seconds = r.v16()?;
            let n_sets = r.count(MAX_SETS, "sets")?;
            let mut sets = Vec::with_capacity(n_sets);
            for _ in 0..n_sets {
                let amount = r.v16()?;
                let load = Grams(r.v()?);
                sets.push(SetTarget { amount, load });
            }
            s.push(SharedExercise {
                exercise,
                sets,
                rest_seconds,
            });
        }
        sessions.push(s);
    }
    let n_rehab = r.count(MAX_REHAB, "rehab exercises")?;
    let mut rehab = Vec::with_capacity(n_rehab);
    for _ in 0..n_rehab {
        let name = r.str()?.to_string();
        let kind = r.u8()?;
        let sets = u8::try_from(r.v()?).map_err(|_| CodecError::Malformed)?;
        let amount = r.v16()?;
        let per_week = u8::try_from(r.v()?).map_err(|_| CodecError::Malformed)?;
        let dose = match kind {
            0 => RehabDose::Reps { sets, reps: amount },
            1 => RehabDose::Seconds {
                sets,
                seconds: amount,
            },
            _ => return Err(CodecError::Malformed),
        };
        rehab.push(RehabExercise {
            name,
            dose,
            per_week,
        });
    }
    let n_own = r.count(MAX_OWN, "own exercises")?;
    let mut own = Vec::with_capacity(n_own);
    for _ in 0..n_own {
        let name = r.str()?.to_string();
        let pattern = *PATTERNS
            .get(usize::from(r.u8()?))
            .ok_or(CodecError::Malformed)?;
        let measure = match r.u8()? {
            0 => Measure::Reps,
            1 => Measure::Seconds,
            _ => return Err(CodecError::Malformed),
        };
        let careful = if version >= 2 {
            match r.u8()? {
                0 => None,
                k => Some(
                    *CarefulKind::ALL
                        .get(usize::from(k - 1))
                        .ok_or(CodecError::Malformed)?,
                ),
            }
        } else {
            None
        };
        let sets = u8::try_from(r.v()?).map_err(|_| CodecError::Malformed)?;
        let amount = r.v16()?;
        let load = Grams(r.v()?);
        own.push(OwnExercise {
            name,
            pattern,
            careful,
            measure,
            sets,
            amount,
            load,
        });
    }
    if r.at != bytes.len() {
        return Err(CodecError::Malformed);
    }
    let plan = SharedPlan {
        title,
        phase,
        units,
        session_minutes,
        increase_permille,
        sessions,
        rehab,
        own,
    };
    validate_shared_plan(&plan).map_err(CodecError::Nonsense)?;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::exercise;

    pub(crate) fn sample() -> SharedPlan {
        let sq = exercise("goblet-squat")
            .or_else(|| crate::domain::library::LIBRARY.first())
            .unwrap();
        SharedPlan {
            title: "Three days <b>strong</b>".into(),
            phase: Phase::Rebuild,
            units: Units::Lb,
            session_minutes: 45,
            increase_permille: 50,
            sessions: vec![vec![SharedExercise {
                exercise: sq,
                sets: vec![
                    SetTarget {
                        amount: 8,
                        load: Grams(12_000),
                    };
                    3
                ],
                rest_seconds: 90,
            }]],
            rehab: vec![RehabExercise {
                name: "Side plank".into(),
                dose: RehabDose::Seconds {
                    sets: 2,
                    seconds: 20,
                },
                per_week: 3,
            }],
            own: vec![
                OwnExercise {
                    name: "Pallof press <i>".into(),
                    pattern: Pattern::Core,
                    careful: None,
                    measure: Measure::Reps,
                    sets: 2,
                    amount: 10,
                    load: Grams(0),
                },
                OwnExercise {
                    name: "Sit-ups".into(),
                    pattern: Pattern::Core,
                    careful: Some(CarefulKind::SitUps),
                    measure: Measure::Reps,
                    sets: 2,
                    amount: 10,
                    load: Grams(0),
                },
            ],
        }
    }

    #[test]
    fn encode_then_decode_gives_the_same_plan() {
        let p = sample();
        assert_eq!(decode(&encode(&p)), Ok(p));
    }

    #[test]
    fn version_1_links_still_open() {
        // A version-1 plan: no careful byte after an own exercise's measure.
        let mut out = vec![1];
        put_str(&mut out, "Old");
        out.extend([1, 0]);
        put_v(&mut out, 45);
        put_v(&mut out, 50);
        put_v(&mut out, 1);
        put_v(&mut out, 1);
        put_str(&mut out, "glute-bridge");
        put_v(&mut out, 60);
        put_v(&mut out, 1);
        put_v(&mut out, 10);
        put_v(&mut out, 0);
        put_v(&mut out, 0);
        put_v(&mut out, 1);
        put_str(&mut out, "Band row");
        out.extend([4, 0]);
        put_v(&mut out, 2);
        put_v(&mut out, 12);
        put_v(&mut out, 0);
        let p = decode(&out).expect("a version-1 link decodes");
        assert_eq!(p.own[0].name, "Band row");
        assert_eq!(p.own[0].careful, None);
    }

    #[test]
    fn every_prefix_is_truncated_not_a_panic() {
        let b = encode(&sample());
        for n in 0..b.len() {
            assert!(decode(&b[..n]).is_err(), "prefix {n} decoded");
        }
    }

    #[test]
    fn trailing_bytes_and_future_versions_are_refused() {
        let mut b = encode(&sample());
        b.push(0);
        assert_eq!(decode(&b), Err(CodecError::Malformed));
        let mut f = encode(&sample());
        f[0] = 9;
        assert_eq!(decode(&f), Err(CodecError::FutureVersion(9)));
    }

    #[test]
    fn a_count_of_900_sets_is_refused_before_allocating() {
        let mut out = vec![VERSION];
        put_str(&mut out, "x");
        out.extend([2, 0]);
        put_v(&mut out, 45);
        put_v(&mut out, 50);
        put_v(&mut out, 1);
        put_v(&mut out, 1);
        put_str(&mut out, sample().sessions[0][0].exercise.id);
        put_v(&mut out, 60);
        put_v(&mut out, 900);
        assert_eq!(
            decode(&out),
            Err(CodecError::Nonsense(PlanProblem::TooMany("sets")))
        );
    }

    #[test]
    fn unknown_exercises_are_named() {
        let mut p = encode(&sample());
        let id = sample().sessions[0][0].exercise.id;
        let at = p
            .windows(id.len())
            .position(|w| w == id.as_bytes())
            .unwrap();
        p[at] = b'Z';
        assert!(matches!(
            decode(&p),
            Err(CodecError::Nonsense(PlanProblem::UnknownExercise(_)))
        ));
    }
}
