//! The planner's checkpoint as text, in a compact format of its own: how each kind of
//! value is written (the types themselves are described in `described`).
//!
//! A checkpoint is worked out from the records, so its format owes nothing to older builds:
//! text this build cannot read gives `None`, and the caller plans from the records. No
//! serialization library: a start reads it in one pass. Numbers end in `,`;
//! text is its byte length, `:`, then the bytes, so no character needs escaping.

use crate::domain::library::{exercise, Exercise};
use crate::domain::planner::Checkpoint;
use crate::domain::units::Grams;
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// What every checkpoint text starts with; a new format takes a new tag.
const TAG: &str = "cp2;";

/// The checkpoint as text, to store.
pub fn to_text(c: &Checkpoint) -> String {
    let mut o = Out(String::from(TAG));
    c.put(&mut o);
    o.0
}

/// A checkpoint read back from `to_text`; `None` for anything else, whole or damaged.
pub fn from_text(text: &str) -> Option<Checkpoint> {
    let mut i = In(text.strip_prefix(TAG)?);
    let c = Checkpoint::take(&mut i)?;
    i.0.is_empty().then_some(c)
}

pub struct Out(pub(crate) String);

impl Out {
    pub(crate) fn n(&mut self, v: u64) {
        let _ = write!(self.0, "{v},");
    }
}

pub struct In<'a>(pub(crate) &'a str);

impl<'a> In<'a> {
    pub(crate) fn n(&mut self) -> Option<u64> {
        let (n, rest) = self.0.split_once(',')?;
        self.0 = rest;
        n.parse().ok()
    }

    fn small<T: TryFrom<u64>>(&mut self) -> Option<T> {
        T::try_from(self.n()?).ok()
    }

    fn text(&mut self) -> Option<&'a str> {
        let (len, rest) = self.0.split_once(':')?;
        let len: usize = len.parse().ok()?;
        let text = rest.get(..len)?;
        self.0 = &rest[len..];
        Some(text)
    }
}

/// A value written in the checkpoint's format and read back.
pub trait Snap: Sized {
    fn put(&self, o: &mut Out);
    fn take(i: &mut In) -> Option<Self>;
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Snap for $t {
            fn put(&self, o: &mut Out) {
                o.n(*self as u64)
            }
            fn take(i: &mut In) -> Option<Self> {
                i.small()
            }
        }
    )*};
}
unsigned!(u8, u16, u32, u64, usize);

impl Snap for bool {
    fn put(&self, o: &mut Out) {
        o.n(u64::from(*self))
    }
    fn take(i: &mut In) -> Option<Self> {
        match i.n()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

/// Moments (milliseconds since 1970) can be before it; zig-zag keeps them unsigned.
impl Snap for i64 {
    fn put(&self, o: &mut Out) {
        o.n(((*self << 1) ^ (*self >> 63)) as u64)
    }
    fn take(i: &mut In) -> Option<Self> {
        let z = i.n()?;
        Some((z >> 1) as i64 ^ -((z & 1) as i64))
    }
}

impl Snap for String {
    fn put(&self, o: &mut Out) {
        let _ = write!(o.0, "{}:{self}", self.len());
    }
    fn take(i: &mut In) -> Option<Self> {
        i.text().map(String::from)
    }
}

/// Text a library exercise has is read back borrowed from it (ids), anything else owned.
impl Snap for std::borrow::Cow<'static, str> {
    fn put(&self, o: &mut Out) {
        let _ = write!(o.0, "{}:{self}", self.len());
    }
    fn take(i: &mut In) -> Option<Self> {
        let text = i.text()?;
        Some(match exercise(text) {
            Some(e) => std::borrow::Cow::Borrowed(e.id),
            None => std::borrow::Cow::Owned(text.to_string()),
        })
    }
}

/// A library exercise's id: one this build's library does not hold fails to read.
impl Snap for &'static str {
    fn put(&self, o: &mut Out) {
        let _ = write!(o.0, "{}:{self}", self.len());
    }
    fn take(i: &mut In) -> Option<Self> {
        exercise(i.text()?).map(|e| e.id)
    }
}

impl Snap for &'static Exercise {
    fn put(&self, o: &mut Out) {
        self.id.put(o)
    }
    fn take(i: &mut In) -> Option<Self> {
        exercise(i.text()?)
    }
}

impl Snap for Grams {
    fn put(&self, o: &mut Out) {
        self.0.put(o)
    }
    fn take(i: &mut In) -> Option<Self> {
        u32::take(i).map(Grams)
    }
}

impl Snap for NaiveDate {
    fn put(&self, o: &mut Out) {
        i64::from(self.num_days_from_ce()).put(o)
    }
    fn take(i: &mut In) -> Option<Self> {
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(i64::take(i)?).ok()?)
    }
}

impl Snap for Weekday {
    fn put(&self, o: &mut Out) {
        o.n(u64::from(self.num_days_from_monday()))
    }
    fn take(i: &mut In) -> Option<Self> {
        Weekday::try_from(i.small::<u8>()?).ok()
    }
}

impl<T: Snap> Snap for Option<T> {
    fn put(&self, o: &mut Out) {
        match self {
            None => o.n(0),
            Some(v) => {
                o.n(1);
                v.put(o)
            }
        }
    }
    fn take(i: &mut In) -> Option<Self> {
        match i.n()? {
            0 => Some(None),
            1 => Some(Some(T::take(i)?)),
            _ => None,
        }
    }
}

impl<T: Snap> Snap for Box<T> {
    fn put(&self, o: &mut Out) {
        (**self).put(o)
    }
    fn take(i: &mut In) -> Option<Self> {
        T::take(i).map(Box::new)
    }
}

impl<A: Snap, B: Snap> Snap for (A, B) {
    fn put(&self, o: &mut Out) {
        self.0.put(o);
        self.1.put(o);
    }
    fn take(i: &mut In) -> Option<Self> {
        Some((A::take(i)?, B::take(i)?))
    }
}

/// A count, then the items. The count only bounds the loop: a damaged one runs out of
/// text, it allocates nothing up front. Filled one by one: collecting would sort.
fn put_all<'a, T: Snap + 'a>(o: &mut Out, len: usize, items: impl Iterator<Item = &'a T>) {
    o.n(len as u64);
    items.for_each(|v| v.put(o));
}

fn take_all<T: Snap>(i: &mut In, mut add: impl FnMut(T)) -> Option<()> {
    for _ in 0..i.n()? {
        add(T::take(i)?);
    }
    Some(())
}

impl<T: Snap> Snap for Vec<T> {
    fn put(&self, o: &mut Out) {
        put_all(o, self.len(), self.iter())
    }
    fn take(i: &mut In) -> Option<Self> {
        let mut v = Vec::new();
        take_all(i, |t| v.push(t))?;
        Some(v)
    }
}

impl<T: Snap + Ord> Snap for BTreeSet<T> {
    fn put(&self, o: &mut Out) {
        put_all(o, self.len(), self.iter())
    }
    fn take(i: &mut In) -> Option<Self> {
        let mut s = BTreeSet::new();
        take_all(i, |t| {
            s.insert(t);
        })?;
        Some(s)
    }
}

impl<K: Snap + Ord, V: Snap> Snap for BTreeMap<K, V> {
    fn put(&self, o: &mut Out) {
        o.n(self.len() as u64);
        for (k, v) in self {
            k.put(o);
            v.put(o);
        }
    }
    fn take(i: &mut In) -> Option<Self> {
        let mut m = BTreeMap::new();
        take_all(i, |(k, v)| {
            m.insert(k, v);
        })?;
        Some(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::careful::CarefulKind;
    use crate::domain::equipment::Equipment;
    use crate::domain::habits::WalkingStep;
    use crate::domain::library::{Ladder, Measure, Pattern};
    use crate::domain::phase::Phase;
    use crate::domain::profile::{Experience, Goal, RehabDose};
    use crate::domain::progression::Change;
    use crate::domain::reason::Reason;
    use crate::domain::units::Units;

    fn round_trip<T: Snap + PartialEq + std::fmt::Debug>(v: T) {
        let mut o = Out(String::new());
        v.put(&mut o);
        let mut i = In(&o.0);
        assert_eq!(T::take(&mut i).as_ref(), Some(&v), "from {:?}", o.0);
        assert!(i.0.is_empty(), "all of {:?} read", o.0);
    }

    #[test]
    fn checkpoint_text_numbers_and_text_round_trip() {
        for v in [
            0i64,
            1,
            -1,
            i64::MAX,
            i64::MIN,
            1_764_000_000_000,
            -86_400_000,
        ] {
            round_trip(v);
        }
        round_trip(u64::MAX);
        round_trip(String::from("with: commas, colons and ünïcödé"));
        round_trip(String::new());
        round_trip(vec![Some(Grams(2500)), None]);
        round_trip(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
        round_trip(NaiveDate::MIN);
        round_trip(NaiveDate::MAX);
    }

    #[test]
    fn checkpoint_text_every_variant_round_trips() {
        for w in [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ] {
            round_trip(w);
        }
        for p in [Phase::Restore, Phase::Rebuild, Phase::Reload] {
            round_trip(p);
        }
        Equipment::ALL.into_iter().for_each(round_trip);
        Pattern::ALL.into_iter().for_each(round_trip);
        CarefulKind::ALL.into_iter().for_each(round_trip);
        Ladder::ALL.into_iter().for_each(round_trip);
        for m in [Measure::Reps, Measure::Seconds, Measure::Minutes] {
            round_trip(m);
        }
        for g in [
            Goal::EverydayStrength,
            Goal::DeadliftAgain,
            Goal::SquatAgain,
            Goal::BackToSport,
        ] {
            round_trip(g);
        }
        round_trip(Experience::Returning);
        round_trip(Units::Lb);
        let id = "goblet-squat";
        assert!(exercise(id).is_some());
        let change = Change::Heavier {
            equipment: Equipment::Kettlebell,
            from: Grams(12_000),
            to: Grams(16_000),
            reps_from: 12,
            reps_to: 8,
        };
        for r in [
            Reason::Start,
            Reason::Progressed(Change::Load {
                from: Grams(1),
                to: Grams(2),
            }),
            Reason::HeldStillRaised,
            Reason::HeldPain(4),
            Reason::HeldIncomplete,
            Reason::HeldNotTrained,
            Reason::HeldNoResponse,
            Reason::HeldAtTop,
            Reason::HeldSmallest,
            Reason::SteppedBack(Change::Amount { from: 10, to: 8 }),
            Reason::SteppedBackEasier { from: id },
            Reason::SwappedForPain { from: id, pain: 6 },
            Reason::EasiestAlready {
                pain: 5,
                change: Change::Sets { from: 3, to: 2 },
            },
            Reason::GoalLift { from: id },
            Reason::LadderUp { from: id },
            Reason::WelcomeBack(Change::Volume { from: 900, to: 600 }),
            Reason::AfterFlare,
            Reason::CappedWeekly,
            Reason::ChosenByYou { from: id },
            Reason::BackToPlan { from: id },
            Reason::EquipmentChanged { from: id },
            Reason::EquipmentLoads,
            Reason::NewEquipment {
                from: Some(id),
                equipment: Equipment::Dumbbells,
            },
            Reason::NewEquipment {
                from: None,
                equipment: Equipment::Kettlebell,
            },
            Reason::Progressed(change),
        ] {
            round_trip(r);
        }
        for w in [
            WalkingStep::Up { from: 20, to: 22 },
            WalkingStep::HeldForPain,
            WalkingStep::HeldNotReached,
            WalkingStep::AtGoal,
        ] {
            round_trip(w);
        }
        round_trip(RehabDose::Seconds {
            sets: 3,
            seconds: 30,
        });
        round_trip(RehabDose::Reps { sets: 2, reps: 12 });
    }

    #[test]
    fn checkpoint_text_unknown_exercise_does_not_read() {
        let mut o = Out(String::new());
        "no_such_exercise".put(&mut o);
        assert_eq!(<&'static str>::take(&mut In(&o.0)), None);
    }
}
