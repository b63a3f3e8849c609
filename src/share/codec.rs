//! The binary form of a shared plan, version 2 (version 1 links still open): a version
//! byte, then the plan as the `linked!` descriptions below lay it out, each field with how
//! it is written (varints are unsigned LEB128 of at most 32 bits; text is a varint length
//! and UTF-8). Writing and reading both come from those descriptions. Every count is
//! checked against the plan limits before anything is allocated, and the whole input must
//! be consumed.

use crate::domain::careful::CarefulKind;
use crate::domain::library::{Exercise, Measure, Pattern};
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

pub fn encode(p: &SharedPlan) -> Vec<u8> {
    let mut out = vec![VERSION];
    p.put(&mut out);
    out
}

pub fn decode(bytes: &[u8]) -> Result<SharedPlan, CodecError> {
    let mut r = Reader { b: bytes, at: 0 };
    let version = match r.u8()? {
        v @ 1..=VERSION => v,
        v if v > VERSION => return Err(CodecError::FutureVersion(v)),
        _ => return Err(CodecError::Malformed),
    };
    let plan = SharedPlan::take(&mut r, version)?;
    if r.at != bytes.len() {
        return Err(CodecError::Malformed);
    }
    validate_shared_plan(&plan).map_err(CodecError::Nonsense)?;
    Ok(plan)
}

/// How a value is written in a link and read back from one of `version`.
trait Coding<T> {
    fn put(&self, v: &T, out: &mut Vec<u8>);
    fn take(&self, r: &mut Reader, version: u8) -> Result<T, CodecError>;
}

/// A plan part the link holds, written field by field as its description says.
trait Linked: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(r: &mut Reader, version: u8) -> Result<Self, CodecError>;
}

/// `linked! { T { field: coding, … } }`: the fields in the link's order, each with how it
/// is written; writing and reading both follow it.
macro_rules! linked {
    ($ty:ident { $($f:ident: $coding:expr),* $(,)? }) => {
        impl Linked for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                $(Coding::put(&$coding, &self.$f, out);)*
            }
            fn take(r: &mut Reader, version: u8) -> Result<Self, CodecError> {
                $(let $f = Coding::take(&$coding, r, version)?;)*
                Ok($ty { $($f),* })
            }
        }
    };
}

linked! { SharedPlan {
    title: Text,
    phase: PhaseByte,
    units: UnitsByte,
    session_minutes: Var,
    increase_permille: Var,
    sessions: Many(MAX_SESSIONS, "sessions", Many(MAX_EXERCISES_PER_SESSION, "exercises in a session", Part)),
    rehab: Many(MAX_REHAB, "rehab exercises", Part),
    own: Many(MAX_OWN, "own exercises", Part),
} }
linked! { SharedExercise { exercise: Id, rest_seconds: Var, sets: Many(MAX_SETS, "sets", Part) } }
linked! { SetTarget { amount: Var, load: Var } }
linked! { RehabExercise { name: Text, dose: Dose, per_week: Var } }
linked! { OwnExercise {
    name: Text,
    pattern: PatternByte,
    measure: MeasureByte,
    careful: Since(2, CarefulByte),
    sets: Var,
    amount: Var,
    load: Var,
} }

/// A part described above.
struct Part;
impl<T: Linked> Coding<T> for Part {
    fn put(&self, v: &T, out: &mut Vec<u8>) {
        v.put(out)
    }
    fn take(&self, r: &mut Reader, version: u8) -> Result<T, CodecError> {
        T::take(r, version)
    }
}

/// A count, refused above its most (named) before anything is allocated, then the items.
struct Many<C>(usize, &'static str, C);
impl<T, C: Coding<T>> Coding<Vec<T>> for Many<C> {
    fn put(&self, v: &Vec<T>, out: &mut Vec<u8>) {
        put_v(out, v.len() as u32);
        v.iter().for_each(|x| self.2.put(x, out));
    }
    fn take(&self, r: &mut Reader, version: u8) -> Result<Vec<T>, CodecError> {
        let n = r.count(self.0, self.1)?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.2.take(r, version)?);
        }
        Ok(v)
    }
}

/// A field links have carried since `version`; older links read its default.
struct Since<C>(u8, C);
impl<T: Default, C: Coding<T>> Coding<T> for Since<C> {
    fn put(&self, v: &T, out: &mut Vec<u8>) {
        self.1.put(v, out)
    }
    fn take(&self, r: &mut Reader, version: u8) -> Result<T, CodecError> {
        if version >= self.0 {
            self.1.take(r, version)
        } else {
            Ok(T::default())
        }
    }
}

/// A varint.
struct Var;
impl Coding<u16> for Var {
    fn put(&self, v: &u16, out: &mut Vec<u8>) {
        put_v(out, (*v).into())
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<u16, CodecError> {
        r.v16()
    }
}
impl Coding<u8> for Var {
    fn put(&self, v: &u8, out: &mut Vec<u8>) {
        put_v(out, (*v).into())
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<u8, CodecError> {
        u8::try_from(r.v()?).map_err(|_| CodecError::Malformed)
    }
}
impl Coding<Grams> for Var {
    fn put(&self, v: &Grams, out: &mut Vec<u8>) {
        put_v(out, v.0)
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<Grams, CodecError> {
        r.v().map(Grams)
    }
}

/// Text: its byte length, then UTF-8.
struct Text;
impl Coding<String> for Text {
    fn put(&self, v: &String, out: &mut Vec<u8>) {
        put_str(out, v)
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<String, CodecError> {
        r.str().map(str::to_string)
    }
}

/// A library exercise by its id; one this build does not know is named.
struct Id;
impl Coding<&'static Exercise> for Id {
    fn put(&self, v: &&'static Exercise, out: &mut Vec<u8>) {
        put_str(out, v.id)
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<&'static Exercise, CodecError> {
        known_exercise(r.str()?).map_err(CodecError::Nonsense)
    }
}

/// The phase by its number, 1 to 3.
struct PhaseByte;
impl Coding<Phase> for PhaseByte {
    fn put(&self, v: &Phase, out: &mut Vec<u8>) {
        out.push(v.number())
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<Phase, CodecError> {
        match r.u8()? {
            1 => Ok(Phase::Restore),
            2 => Ok(Phase::Rebuild),
            3 => Ok(Phase::Reload),
            _ => Err(CodecError::Nonsense(PlanProblem::BadSetting("phase"))),
        }
    }
}

/// 0 kilograms, 1 pounds.
struct UnitsByte;
impl Coding<Units> for UnitsByte {
    fn put(&self, v: &Units, out: &mut Vec<u8>) {
        out.push(match v {
            Units::Kg => 0,
            Units::Lb => 1,
        })
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<Units, CodecError> {
        match r.u8()? {
            0 => Ok(Units::Kg),
            1 => Ok(Units::Lb),
            _ => Err(CodecError::Nonsense(PlanProblem::BadSetting("unit"))),
        }
    }
}

/// A pattern by its place in `Pattern::ALL`.
struct PatternByte;
impl Coding<Pattern> for PatternByte {
    fn put(&self, v: &Pattern, out: &mut Vec<u8>) {
        out.push(PATTERNS.iter().position(|x| x == v).unwrap_or(0) as u8)
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<Pattern, CodecError> {
        PATTERNS
            .get(usize::from(r.u8()?))
            .copied()
            .ok_or(CodecError::Malformed)
    }
}

/// 0 reps, 1 seconds.
struct MeasureByte;
impl Coding<Measure> for MeasureByte {
    fn put(&self, v: &Measure, out: &mut Vec<u8>) {
        out.push(u8::from(*v != Measure::Reps))
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<Measure, CodecError> {
        match r.u8()? {
            0 => Ok(Measure::Reps),
            1 => Ok(Measure::Seconds),
            _ => Err(CodecError::Malformed),
        }
    }
}

/// 0 for none, else 1 + the kind's place in `CarefulKind::ALL`.
struct CarefulByte;
impl Coding<Option<CarefulKind>> for CarefulByte {
    fn put(&self, v: &Option<CarefulKind>, out: &mut Vec<u8>) {
        out.push(v.map_or(0, |k| {
            CarefulKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8 + 1
        }))
    }
    fn take(&self, r: &mut Reader, _: u8) -> Result<Option<CarefulKind>, CodecError> {
        match r.u8()? {
            0 => Ok(None),
            k => CarefulKind::ALL
                .get(usize::from(k - 1))
                .copied()
                .map(Some)
                .ok_or(CodecError::Malformed),
        }
    }
}

/// Reps or seconds (0 or 1), then sets and the amount.
struct Dose;
impl Coding<RehabDose> for Dose {
    fn put(&self, v: &RehabDose, out: &mut Vec<u8>) {
        let (kind, sets, amount) = match *v {
            RehabDose::Reps { sets, reps } => (0, sets, reps),
            RehabDose::Seconds { sets, seconds } => (1, sets, seconds),
        };
        out.push(kind);
        put_v(out, sets.into());
        put_v(out, amount.into());
    }
    fn take(&self, r: &mut Reader, version: u8) -> Result<RehabDose, CodecError> {
        let kind = r.u8()?;
        let sets: u8 = Var.take(r, version)?;
        let amount: u16 = Var.take(r, version)?;
        match kind {
            0 => Ok(RehabDose::Reps { sets, reps: amount }),
            1 => Ok(RehabDose::Seconds {
                sets,
                seconds: amount,
            }),
            _ => Err(CodecError::Malformed),
        }
    }
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
