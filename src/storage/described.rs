//! Every stored type, described once: its fields or variants, in order, and the formats it
//! is written in — `json` for the records (and the preferences), `snap` for the planner's
//! checkpoint. Reading and writing in each format come from the one description, so a field
//! added to a type is added to every format it is stored in, or the build fails.
//!
//! JSON keeps the shape serde's derives gave (structs as objects in field order, enums by
//! variant name, externally tagged), so records written by older builds read as before; a
//! field may name the value it takes when a record lacks it (`own = Vec::new()`). The
//! checkpoint writes fields by position and variants by their place. How each leaf value
//! (a number, a date, a text) is written lives with its format: `json` and `checkpoint`.

use super::calendar::CalendarPrefs;
use super::checkpoint::{In, Out, Snap};
use super::json::{content, member, mismatch, tag, tagged, unknown_variant, variant};
use super::json::{FromJson, Json, ToJson};
use super::prefs::Prefs;
use super::records::{
    EntryRecord, Envelope, Event, Meta, ModRecord, OriginRecord, ReasonRecord, SavedPlan,
    ServedRecord, StoredEntry, StoredSession,
};
use crate::domain::calendar::{CalendarSent, SentDay, SentWalk};
use crate::domain::careful::CarefulKind;
use crate::domain::checkin::{CheckIn, FlareEvent, Trigger};
use crate::domain::equipment::{BarbellSet, Equipment, EquipmentSet, PlatePair, SteppedRange};
use crate::domain::flare::FlareSpan;
use crate::domain::habits::WalkingStep;
use crate::domain::history::{ManualSwap, Response24h, Resume, SetLog, SetupChange};
use crate::domain::library::{Ladder, Measure, Pattern};
use crate::domain::phase::{Phase, WeekSummary};
use crate::domain::planner::{Checkpoint, Opening, Safety, Slot};
use crate::domain::prescription::{Prescription, SetTarget};
use crate::domain::profile::{
    Experience, Goal, OwnExercise, Profile, RehabDose, RehabExercise, Setup,
};
use crate::domain::progression::{Change, WeeklyDose};
use crate::domain::psfs::PsfsRating;
use crate::domain::reason::Reason;
use crate::domain::safety::{Clearance, RedFlag, RedFlagAnswers};
use crate::domain::units::Units;
use std::borrow::Cow;

/// `stored! { [formats] names T { A, B } }`: an enum whose variants carry nothing.
/// `stored! { [formats] struct T { a, b = default } }`: a struct, field by field.
/// `stored! { [formats] enum T { Unit, Newtype(x), Tuple(x, y), Struct { a, b } } }`.
macro_rules! stored {
    // One description, every format it names.
    ([$($format:ident),+] $kind:ident $ty:ident $body:tt) => {
        $( stored!(@$format $kind $ty $body); )+
    };

    (@json names $ty:ident { $($v:ident),* $(,)? }) => {
        impl ToJson for $ty {
            fn to_json(&self) -> Json<'_> {
                Json::Str(Cow::Borrowed(match self {
                    $($ty::$v => stringify!($v)),*
                }))
            }
        }
        impl FromJson for $ty {
            fn from_json(j: &Json) -> Result<Self, String> {
                let (name, _) = variant(j)?;
                match name {
                    $(stringify!($v) => Ok($ty::$v),)*
                    other => Err(unknown_variant(other)),
                }
            }
        }
    };
    (@snap names $ty:ident { $($v:ident),* $(,)? }) => {
        impl Snap for $ty {
            fn put(&self, o: &mut Out) {
                o.n(*self as u64)
            }
            fn take(i: &mut In) -> Option<Self> {
                let n = i.n()?;
                [$($ty::$v),*].into_iter().find(|v| *v as u64 == n)
            }
        }
    };

    (@json struct $ty:ident { $($f:ident $(= $missing:expr)?),* $(,)? }) => {
        impl ToJson for $ty {
            fn to_json(&self) -> Json<'_> {
                Json::Obj(vec![
                    $((Cow::Borrowed(stringify!($f)), ToJson::to_json(&self.$f))),*
                ])
            }
        }
        impl FromJson for $ty {
            fn from_json(j: &Json) -> Result<Self, String> {
                let o = super::json::object(j, stringify!($ty))?;
                Ok(Self {
                    $($f: member(o, stringify!($f), stored!(@missing $($missing)?))?),*
                })
            }
        }
    };
    (@snap struct $ty:ident { $($f:ident $(= $missing:expr)?),* $(,)? }) => {
        impl Snap for $ty {
            fn put(&self, o: &mut Out) {
                $(self.$f.put(o);)*
            }
            fn take(i: &mut In) -> Option<Self> {
                Some($ty { $($f: Snap::take(i)?),* })
            }
        }
    };
    (@missing) => { None };
    (@missing $e:expr) => { Some($e) };

    (@json enum $ty:ident {
        $($v:ident $({ $($sf:ident),* $(,)? })? $(( $($tf:ident),* ))?),* $(,)?
    }) => {
        impl ToJson for $ty {
            fn to_json(&self) -> Json<'_> {
                match self {
                    $($ty::$v $({ $($sf),* })? $(( $($tf),* ))? => {
                        stored!(@json_put $v; [$($($sf)*)?]; [$($($tf)*)?])
                    })*
                }
            }
        }
        impl FromJson for $ty {
            fn from_json(j: &Json) -> Result<Self, String> {
                let (name, v) = variant(j)?;
                match name {
                    $(stringify!($v) => {
                        stored!(@json_take $ty $v name v; [$($($sf)*)?]; [$($($tf)*)?])
                    })*
                    other => Err(unknown_variant(other)),
                }
            }
        }
    };
    (@json_put $v:ident; []; []) => { Json::Str(Cow::Borrowed(stringify!($v))) };
    (@json_put $v:ident; [$($f:ident)+]; []) => {
        tag(stringify!($v), Json::Obj(vec![$((Cow::Borrowed(stringify!($f)), $f.to_json())),+]))
    };
    (@json_put $v:ident; []; [$x:ident]) => { tagged(stringify!($v), $x) };
    (@json_put $v:ident; []; [$($x:ident)+]) => {
        tag(stringify!($v), Json::Arr(vec![$($x.to_json()),+]))
    };
    (@json_take $ty:ident $v:ident $name:ident $c:ident; []; []) => { Ok($ty::$v) };
    (@json_take $ty:ident $v:ident $name:ident $c:ident; [$($f:ident)+]; []) => {{
        let o = fields($name, $c)?;
        Ok($ty::$v { $($f: member(o, stringify!($f), None)?),+ })
    }};
    (@json_take $ty:ident $v:ident $name:ident $c:ident; []; [$x:ident]) => {
        Ok($ty::$v(FromJson::from_json(content($name, $c)?)?))
    };
    (@json_take $ty:ident $v:ident $name:ident $c:ident; []; [$($x:ident)+]) => {{
        let ($($x,)+) = FromJson::from_json(content($name, $c)?)?;
        Ok($ty::$v($($x),+))
    }};

    (@snap enum $ty:ident {
        $($v:ident $({ $($sf:ident),* $(,)? })? $(( $($tf:ident),* ))?),* $(,)?
    }) => {
        impl Snap for $ty {
            fn put(&self, o: &mut Out) {
                // Each variant's place in the description.
                #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
                enum Place { $($v),* }
                match self {
                    $($ty::$v $({ $($sf),* })? $(( $($tf),* ))? => {
                        o.n(Place::$v as u64);
                        $($($sf.put(o);)*)?
                        $($($tf.put(o);)*)?
                    })*
                }
            }
            fn take(i: &mut In) -> Option<Self> {
                #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
                enum Place { $($v),* }
                let n = i.n()?;
                $(if n == Place::$v as u64 {
                    return Some($ty::$v
                        $({ $($sf: Snap::take(i)?),* })?
                        $(( $(stored!(@take_one i $tf)),* ))?);
                })*
                None
            }
        }
    };
    (@take_one $i:ident $x:ident) => { Snap::take($i)? };
}

/// The members of a struct variant, read by name.
fn fields<'j, 'a>(name: &str, v: Option<&'j Json<'a>>) -> Result<&'j Json<'a>, String> {
    match content(name, v)? {
        o @ Json::Obj(_) => Ok(o),
        other => Err(mismatch("a struct variant", other)),
    }
}

// The setup a user chooses, in the records and in the checkpoint.
stored! { [json, snap] names Experience { New, Returning } }
stored! { [json, snap] names Goal { EverydayStrength, DeadliftAgain, SquatAgain, BackToSport } }
stored! { [json, snap] names Equipment { Bodyweight, Bands, Dumbbells, Kettlebell, Cable, Barbell } }
stored! { [json, snap] names CarefulKind { SitUps, LoadedFlexion, FastTwist, Explosive, HeavyBarbell } }
stored! { [json, snap] names Units { Kg, Lb } }
stored! { [json, snap] names Pattern { Hinge, Squat, Glute, Core, UpperBack, Carry, Mobility, Walking } }
stored! { [json, snap] names Measure { Reps, Seconds, Minutes } }
stored! { [json, snap] struct RehabExercise { name, dose, per_week } }
stored! { [json, snap] enum RehabDose { Reps { sets, reps }, Seconds { sets, seconds } } }
stored! { [json, snap] struct OwnExercise { name, pattern, careful, measure, sets, amount, load } }
stored! { [json, snap] struct Profile {
    start, equipment, days_per_week, weekdays, session_minutes, experience, units, goal, rehab,
    own = Vec::new(),
} }
stored! { [json, snap] struct SteppedRange { min, max, step } }
stored! { [json, snap] struct PlatePair { weight, pairs } }
stored! { [json, snap] struct BarbellSet { bar, plates } }
stored! { [json, snap] struct EquipmentSet { bands, dumbbells, kettlebells, cable, barbell } }
stored! { [json, snap] struct SetTarget { amount, load } }
stored! { [json, snap] enum Change {
    Load { from, to },
    Amount { from, to },
    Sets { from, to },
    Volume { from, to },
    Heavier { equipment, from, to, reps_from, reps_to },
} }

// The records.
stored! { [json] names Response24h { Settled, StillRaised, Spiked } }
stored! { [json] names Trigger {
    Sitting, Bending, Lifting, Twisting, StandingLong, PoorSleep, Stress,
} }
stored! { [json] names RedFlag {
    Numbness, TinglingDownLeg, LegWeakness, BowelOrBladder, SaddleNumbness, Fever,
    UnexplainedWeightLoss, AfterTrauma, SevereNightPain, CancerHistory,
} }
stored! { [json] names OriginRecord { Planned, ChosenByYou, Physio, Own } }
stored! { [json] struct Setup { equipment, days_per_week, weekdays, session_minutes, goal } }
stored! { [json] struct SetLog { exercise, amount, load, rpe, pain } }
stored! { [json] struct CheckIn {
    day, pain, walking_minutes, mobility_done, sleep_hours, stress, protein_meals, water,
    triggers, new_symptoms, at_ms = 0,
} }
stored! { [json] enum FlareEvent { Started(day), Ended(day) } }
stored! { [json] struct ManualSwap { day, at_ms = 0, from, to } }
stored! { [json] struct Resume { day, at_ms, exercise } }
stored! { [json] struct SetupChange { day, at_ms, setup } }
stored! { [json] struct PsfsRating { day, scores } }
stored! { [json] enum Event { Flare(e), Swap(e), Psfs(e), Resume(e), Setup(e) } }
stored! { [json] struct RedFlagAnswers { day, yes, at_ms = 0 } }
stored! { [json] struct Clearance { day, covers, at_ms = 0 } }
stored! { [json] struct Safety { answers, clearances } }
stored! { [json] struct StoredSession {
    id, day, slot, started_ms, finished, response, finished_ms, served = Vec::new(),
} }
stored! { [json] struct ServedRecord {
    key, name, origin, measure, equipment, targets, tempo, rest_seconds, reason,
} }
stored! { [json] enum ReasonRecord {
    Start, Progressed(c), HeldStillRaised, HeldPain(p), HeldIncomplete, HeldNotTrained,
    HeldNoResponse, HeldAtTop, SteppedBack(c), SteppedBackEasier(f), HeldSmallest,
    SwappedForPain(f, p), EasiestAlready(p, c), GoalLift(f), LadderUp(f), WelcomeBack(c),
    AfterFlare, CappedWeekly, ChosenByYou(f), BackToPlan(f), EquipmentChanged(f),
    EquipmentLoads, NewEquipment(f, e),
} }
stored! { [json] struct StoredEntry { session, day, index, entry, logged_ms, nonce = 0 } }
stored! { [json] enum EntryRecord {
    Set(s),
    Pain { exercise, pain },
    Accept { exercise, change },
    Decline { exercise },
} }
stored! { [json] enum ModRecord {
    LessLoad { from, to },
    ShorterHold { from, to },
    ShorterRange { how },
    SlowerTempo { tempo },
} }
stored! { [json] struct SavedPlan { title, code, saved } }
stored! { [json] struct Meta { last_backup } }
// Preferences saved before a field existed read it as its default.
stored! { [json] struct Prefs {
    units, sound = true, spoken = false, set_aside_seen = 0, lessons_read = 0, lesson_read_day, lesson_later_day,
} }

// What this phone's calendar holds from Backstrong.
stored! { [json] struct CalendarPrefs { sent, offer_put_away = false } }
stored! { [json] struct CalendarSent { seed, sequence, sent_on, time, minutes, alarm, days, walk } }
stored! { [json] struct SentDay { day, first, cancelled } }
stored! { [json] struct SentWalk { first, time, minutes, cancelled } }

// The planner's checkpoint.
stored! { [snap] names Phase { Restore, Rebuild, Reload } }
stored! { [snap] names Ladder {
    Hinge, Squat, Glute, CoreFront, CoreRotation, CoreSide, Carry, UpperPull, UpperRear,
    Mobility, Walking,
} }
stored! { [snap] struct Checkpoint { rules, base, week, opening, phases, flares_before, floor } }
stored! { [snap] struct Opening {
    profile, week_profile, phase, phase_weeks, templates, slots, last_week, before_flare,
    ceiling, idle_weeks, walking, walking_step, flare_pending, paused, week_index, seen,
} }
stored! { [snap] struct Slot { exercise, rx, reason, chosen, before_choice, only_in } }
stored! { [snap] struct Prescription { exercise, equipment, sets, tempo, rest_seconds } }
stored! { [snap] struct WeeklyDose { volume, amount, load } }
stored! { [snap] struct WeekSummary { sessions, max_pain, spike, flare } }
stored! { [snap] struct FlareSpan { start, end } }
stored! { [snap] enum WalkingStep { Up { from, to }, HeldForPain, HeldNotReached, AtGoal } }
stored! { [snap] enum Reason {
    Start, Progressed(c), HeldStillRaised, HeldPain(p), HeldIncomplete, HeldNotTrained,
    HeldNoResponse, HeldAtTop, HeldSmallest, SteppedBack(c), SteppedBackEasier { from },
    SwappedForPain { from, pain }, EasiestAlready { pain, change }, GoalLift { from },
    LadderUp { from }, WelcomeBack(c), AfterFlare, CappedWeekly, ChosenByYou { from },
    BackToPlan { from }, EquipmentChanged { from }, EquipmentLoads,
    NewEquipment { from, equipment },
} }

impl<T: ToJson> ToJson for Envelope<T> {
    fn to_json(&self) -> Json<'_> {
        Json::Obj(vec![
            ("v".into(), self.v.to_json()),
            ("d".into(), self.d.to_json()),
        ])
    }
}

impl<T: FromJson> FromJson for Envelope<T> {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(Envelope {
            v: member(j, "v", None)?,
            d: member(j, "d", None)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::units::Grams;
    use crate::storage::json::from_text;

    fn round_trip<T: ToJson + FromJson + PartialEq + std::fmt::Debug>(v: T) {
        let text = v.to_json().to_text();
        assert_eq!(from_text::<T>(&text), Ok(v), "{text}");
    }

    #[test]
    fn every_change_and_modification_reads_back_as_written() {
        for c in [
            Change::Load {
                from: Grams(8_000),
                to: Grams(10_000),
            },
            Change::Amount { from: 20, to: 22 },
            Change::Sets { from: 2, to: 3 },
            Change::Volume {
                from: 1 << 40,
                to: (1 << 40) + 1,
            },
            Change::Heavier {
                equipment: Equipment::Kettlebell,
                from: Grams(8_000),
                to: Grams(12_000),
                reps_from: 12,
                reps_to: 8,
            },
        ] {
            round_trip(c);
        }
        for m in [
            ModRecord::LessLoad { from: 9, to: 8 },
            ModRecord::ShorterHold { from: 30, to: 20 },
            ModRecord::ShorterRange {
                how: "Half way \"down\"".into(),
            },
            ModRecord::SlowerTempo {
                tempo: "4-1-2".into(),
            },
        ] {
            round_trip(m);
        }
        assert!(from_text::<Change>(r#"{"Load":{"from":1}}"#)
            .unwrap_err()
            .contains("missing field `to`"));
    }
}
