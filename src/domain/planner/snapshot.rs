//! The planner's checkpoint as text, in a compact format of its own.
//!
//! A checkpoint is worked out from the records, so its format owes nothing to older builds:
//! text this build cannot read gives `None`, and the caller plans from the records. Written
//! by hand instead of derived, it keeps a serialization library's code for every planner
//! type out of the first screen, and a start reads it in one pass. Numbers end in `,`;
//! text is its byte length, `:`, then the bytes, so no character needs escaping.

use super::{Checkpoint, Opening, Slot};
use crate::domain::careful::CarefulKind;
use crate::domain::equipment::{BarbellSet, Equipment, EquipmentSet, SteppedRange};
use crate::domain::flare::FlareSpan;
use crate::domain::habits::WalkingStep;
use crate::domain::library::{exercise, Exercise, Ladder, Measure, Pattern};
use crate::domain::phase::{Phase, WeekSummary};
use crate::domain::prescription::{Prescription, SetTarget};
use crate::domain::profile::{Experience, Goal, OwnExercise, Profile, RehabDose, RehabExercise};
use crate::domain::progression::{Change, WeeklyDose};
use crate::domain::reason::Reason;
use crate::domain::units::{Grams, Units};
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// What every checkpoint text starts with; a new format takes a new tag.
const TAG: &str = "cp2;";

impl Checkpoint {
    /// The checkpoint as text, to store.
    pub fn to_text(&self) -> String {
        let mut o = Out(String::from(TAG));
        self.put(&mut o);
        o.0
    }

    /// A checkpoint read back from `to_text`; `None` for anything else, whole or damaged.
    pub fn from_text(text: &str) -> Option<Checkpoint> {
        let mut i = In(text.strip_prefix(TAG)?);
        let c = Checkpoint::take(&mut i)?;
        i.0.is_empty().then_some(c)
    }
}

struct Out(String);

impl Out {
    fn n(&mut self, v: u64) {
        let _ = write!(self.0, "{v},");
    }
}

struct In<'a>(&'a str);

impl<'a> In<'a> {
    fn n(&mut self) -> Option<u64> {
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

trait Snap: Sized {
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

/// Enums without data, by their place in a list of every variant.
macro_rules! plain_enums {
    ($($t:ty => [$($v:ident),+ $(,)?];)*) => {$(
        impl Snap for $t {
            fn put(&self, o: &mut Out) {
                o.n(*self as u64)
            }
            fn take(i: &mut In) -> Option<Self> {
                let n = i.n()?;
                [$(<$t>::$v),+].into_iter().find(|v| *v as u64 == n)
            }
        }
    )*};
}
plain_enums! {
    Phase => [Restore, Rebuild, Reload];
    Experience => [New, Returning];
    Units => [Kg, Lb];
    Goal => [EverydayStrength, DeadliftAgain, SquatAgain, BackToSport];
    Equipment => [Bodyweight, Bands, Dumbbells, Kettlebell, Cable, Barbell];
    Pattern => [Hinge, Squat, Glute, Core, UpperBack, Carry, Mobility, Walking];
    Measure => [Reps, Seconds, Minutes];
    CarefulKind => [SitUps, LoadedFlexion, FastTwist, Explosive, HeavyBarbell];
    Ladder => [
        Hinge, Squat, Glute, CoreFront, CoreRotation, CoreSide, Carry, UpperPull, UpperRear,
        Mobility, Walking,
    ];
}

/// Structs, field by field in the order given.
macro_rules! structs {
    ($($t:ident { $($f:ident),+ $(,)? })*) => {$(
        impl Snap for $t {
            fn put(&self, o: &mut Out) {
                $(self.$f.put(o);)+
            }
            fn take(i: &mut In) -> Option<Self> {
                Some($t { $($f: Snap::take(i)?),+ })
            }
        }
    )*};
}
structs! {
    Checkpoint { rules, base, week, opening, phases, flares_before, floor }
    Opening {
        profile, week_profile, phase, phase_weeks, templates, slots, last_week, before_flare,
        ceiling, idle_weeks, walking, walking_step, flare_pending, paused, week_index, seen,
    }
    Slot { exercise, rx, reason, chosen, before_choice, only_in }
    Profile {
        start, equipment, days_per_week, weekdays, session_minutes, experience, units, goal,
        rehab, own,
    }
    EquipmentSet { bands, dumbbells, kettlebells, cable, barbell }
    SteppedRange { min, max, step }
    BarbellSet { bar, smallest_plate, max }
    RehabExercise { name, dose, per_week }
    OwnExercise { name, pattern, careful, measure, sets, amount, load }
    Prescription { exercise, equipment, sets, tempo, rest_seconds }
    SetTarget { amount, load }
    WeeklyDose { volume, amount, load }
    WeekSummary { sessions, max_pain, spike, flare }
    FlareSpan { start, end }
}

impl Snap for RehabDose {
    fn put(&self, o: &mut Out) {
        let (tag, sets, amount) = match *self {
            RehabDose::Reps { sets, reps } => (0, sets, reps),
            RehabDose::Seconds { sets, seconds } => (1, sets, seconds),
        };
        o.n(tag);
        sets.put(o);
        amount.put(o);
    }
    fn take(i: &mut In) -> Option<Self> {
        let (tag, sets, amount) = (i.n()?, u8::take(i)?, u16::take(i)?);
        match tag {
            0 => Some(RehabDose::Reps { sets, reps: amount }),
            1 => Some(RehabDose::Seconds {
                sets,
                seconds: amount,
            }),
            _ => None,
        }
    }
}

impl Snap for WalkingStep {
    fn put(&self, o: &mut Out) {
        match *self {
            WalkingStep::Up { from, to } => {
                o.n(0);
                from.put(o);
                to.put(o);
            }
            WalkingStep::HeldForPain => o.n(1),
            WalkingStep::HeldNotReached => o.n(2),
            WalkingStep::AtGoal => o.n(3),
        }
    }
    fn take(i: &mut In) -> Option<Self> {
        Some(match i.n()? {
            0 => WalkingStep::Up {
                from: u16::take(i)?,
                to: u16::take(i)?,
            },
            1 => WalkingStep::HeldForPain,
            2 => WalkingStep::HeldNotReached,
            3 => WalkingStep::AtGoal,
            _ => return None,
        })
    }
}

impl Snap for Change {
    fn put(&self, o: &mut Out) {
        match *self {
            Change::Load { from, to } => {
                o.n(0);
                (from, to).put(o)
            }
            Change::Amount { from, to } => {
                o.n(1);
                (from, to).put(o)
            }
            Change::Sets { from, to } => {
                o.n(2);
                (from, to).put(o)
            }
            Change::Volume { from, to } => {
                o.n(3);
                (from, to).put(o)
            }
            Change::Heavier {
                equipment,
                from,
                to,
                reps_from,
                reps_to,
            } => {
                o.n(4);
                equipment.put(o);
                (from, to).put(o);
                (reps_from, reps_to).put(o)
            }
        }
    }
    fn take(i: &mut In) -> Option<Self> {
        Some(match i.n()? {
            0 => {
                let (from, to) = Snap::take(i)?;
                Change::Load { from, to }
            }
            1 => {
                let (from, to) = Snap::take(i)?;
                Change::Amount { from, to }
            }
            2 => {
                let (from, to) = Snap::take(i)?;
                Change::Sets { from, to }
            }
            3 => {
                let (from, to) = Snap::take(i)?;
                Change::Volume { from, to }
            }
            4 => {
                let equipment = Snap::take(i)?;
                let (from, to) = Snap::take(i)?;
                let (reps_from, reps_to) = Snap::take(i)?;
                Change::Heavier {
                    equipment,
                    from,
                    to,
                    reps_from,
                    reps_to,
                }
            }
            _ => return None,
        })
    }
}

impl Snap for Reason {
    fn put(&self, o: &mut Out) {
        use Reason::*;
        match self {
            Start => o.n(0),
            Progressed(c) => {
                o.n(1);
                c.put(o)
            }
            HeldStillRaised => o.n(2),
            HeldPain(p) => {
                o.n(3);
                p.put(o)
            }
            HeldIncomplete => o.n(4),
            HeldNotTrained => o.n(5),
            HeldNoResponse => o.n(6),
            HeldAtTop => o.n(7),
            HeldSmallest => o.n(8),
            SteppedBack(c) => {
                o.n(9);
                c.put(o)
            }
            SteppedBackEasier { from } => {
                o.n(10);
                from.put(o)
            }
            SwappedForPain { from, pain } => {
                o.n(11);
                from.put(o);
                pain.put(o)
            }
            EasiestAlready { pain, change } => {
                o.n(12);
                pain.put(o);
                change.put(o)
            }
            GoalLift { from } => {
                o.n(13);
                from.put(o)
            }
            LadderUp { from } => {
                o.n(14);
                from.put(o)
            }
            WelcomeBack(c) => {
                o.n(15);
                c.put(o)
            }
            AfterFlare => o.n(16),
            CappedWeekly => o.n(17),
            ChosenByYou { from } => {
                o.n(18);
                from.put(o)
            }
            BackToPlan { from } => {
                o.n(19);
                from.put(o)
            }
            EquipmentChanged { from } => {
                o.n(20);
                from.put(o)
            }
            EquipmentLoads => o.n(21),
            NewEquipment { from, equipment } => {
                o.n(22);
                from.put(o);
                equipment.put(o)
            }
        }
    }
    fn take(i: &mut In) -> Option<Self> {
        use Reason::*;
        Some(match i.n()? {
            0 => Start,
            1 => Progressed(Snap::take(i)?),
            2 => HeldStillRaised,
            3 => HeldPain(Snap::take(i)?),
            4 => HeldIncomplete,
            5 => HeldNotTrained,
            6 => HeldNoResponse,
            7 => HeldAtTop,
            8 => HeldSmallest,
            9 => SteppedBack(Snap::take(i)?),
            10 => SteppedBackEasier {
                from: Snap::take(i)?,
            },
            11 => SwappedForPain {
                from: Snap::take(i)?,
                pain: Snap::take(i)?,
            },
            12 => EasiestAlready {
                pain: Snap::take(i)?,
                change: Snap::take(i)?,
            },
            13 => GoalLift {
                from: Snap::take(i)?,
            },
            14 => LadderUp {
                from: Snap::take(i)?,
            },
            15 => WelcomeBack(Snap::take(i)?),
            16 => AfterFlare,
            17 => CappedWeekly,
            18 => ChosenByYou {
                from: Snap::take(i)?,
            },
            19 => BackToPlan {
                from: Snap::take(i)?,
            },
            20 => EquipmentChanged {
                from: Snap::take(i)?,
            },
            21 => EquipmentLoads,
            22 => NewEquipment {
                from: Snap::take(i)?,
                equipment: Snap::take(i)?,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
