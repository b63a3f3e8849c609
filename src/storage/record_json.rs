//! How each stored type is written as JSON: the shape serde's derives gave them (structs as
//! objects in field order, enums by variant name), kept here so the domain knows nothing of
//! storage. `tests/fixtures/` holds records written by the serde builds; they must read.

use super::json::{content, member, mismatch, tag, tagged, unknown_variant, variant};
use super::json::{FromJson, Json, ToJson};
use super::records::{
    EntryRecord, Envelope, Event, Meta, ModRecord, OriginRecord, ReasonRecord, SavedPlan,
    ServedRecord, StoredEntry, StoredSession,
};
use crate::domain::careful::CarefulKind;
use crate::domain::checkin::{CheckIn, FlareEvent, Trigger};
use crate::domain::equipment::{BarbellSet, Equipment, EquipmentSet, SteppedRange};
use crate::domain::history::{ManualSwap, Response24h, Resume, SetLog, SetupChange};
use crate::domain::library::{Measure, Pattern};
use crate::domain::pain::Pain;
use crate::domain::planner::Safety;
use crate::domain::prescription::SetTarget;
use crate::domain::profile::{
    Experience, Goal, OwnExercise, Profile, RehabDose, RehabExercise, Setup,
};
use crate::domain::progression::Change;
use crate::domain::psfs::PsfsRating;
use crate::domain::safety::{Clearance, RedFlag, RedFlagAnswers};
use crate::domain::units::{Grams, Units};
use crate::{json_names, json_struct};
use chrono::{NaiveDate, Weekday};
use std::borrow::Cow;

impl ToJson for NaiveDate {
    fn to_json(&self) -> Json<'_> {
        Json::Str(Cow::Owned(self.to_string()))
    }
}

impl FromJson for NaiveDate {
    fn from_json(j: &Json) -> Result<Self, String> {
        let Json::Str(s) = j else {
            return Err(mismatch("a date", j));
        };
        s.parse().map_err(|_| format!("not a date: {s:?}"))
    }
}

impl ToJson for Weekday {
    fn to_json(&self) -> Json<'_> {
        Json::Str(Cow::Owned(self.to_string()))
    }
}

impl FromJson for Weekday {
    fn from_json(j: &Json) -> Result<Self, String> {
        let s = String::from_json(j)?;
        s.parse().map_err(|_| format!("not a weekday: {s:?}"))
    }
}

impl ToJson for Grams {
    fn to_json(&self) -> Json<'_> {
        self.0.to_json()
    }
}

impl FromJson for Grams {
    fn from_json(j: &Json) -> Result<Self, String> {
        u32::from_json(j).map(Grams)
    }
}

impl ToJson for Pain {
    fn to_json(&self) -> Json<'_> {
        Json::Int(self.value().into())
    }
}

impl FromJson for Pain {
    fn from_json(j: &Json) -> Result<Self, String> {
        Pain::try_from(u8::from_json(j)?)
    }
}

json_names!(Experience { New, Returning });
json_names!(Goal {
    EverydayStrength,
    DeadliftAgain,
    SquatAgain,
    BackToSport
});
json_names!(Equipment {
    Bodyweight,
    Bands,
    Dumbbells,
    Kettlebell,
    Cable,
    Barbell
});
json_names!(Response24h {
    Settled,
    StillRaised,
    Spiked
});
json_names!(Trigger {
    Sitting,
    Bending,
    Lifting,
    Twisting,
    StandingLong,
    PoorSleep,
    Stress
});
json_names!(CarefulKind {
    SitUps,
    LoadedFlexion,
    FastTwist,
    Explosive,
    HeavyBarbell
});
json_names!(Units { Kg, Lb });
json_names!(RedFlag {
    Numbness,
    TinglingDownLeg,
    LegWeakness,
    BowelOrBladder,
    SaddleNumbness,
    Fever,
    UnexplainedWeightLoss,
    AfterTrauma,
    SevereNightPain,
    CancerHistory
});
json_names!(Pattern {
    Hinge,
    Squat,
    Glute,
    Core,
    UpperBack,
    Carry,
    Mobility,
    Walking
});
json_names!(Measure {
    Reps,
    Seconds,
    Minutes
});
json_names!(OriginRecord {
    Planned,
    ChosenByYou,
    Physio,
    Own
});

json_struct!(RehabExercise {
    name,
    dose,
    per_week
});
json_struct!(OwnExercise {
    name,
    pattern,
    careful,
    measure,
    sets,
    amount,
    load
});
json_struct!(Setup {
    equipment,
    days_per_week,
    weekdays,
    session_minutes,
    goal
});
json_struct!(Profile {
    start,
    equipment,
    days_per_week,
    weekdays,
    session_minutes,
    experience,
    units,
    goal,
    rehab,
    own = Vec::new(),
});
json_struct!(SteppedRange { min, max, step });
json_struct!(BarbellSet {
    bar,
    smallest_plate,
    max
});
json_struct!(EquipmentSet {
    bands,
    dumbbells,
    kettlebells,
    cable,
    barbell
});
json_struct!(SetLog {
    exercise,
    amount,
    load,
    rpe,
    pain
});
json_struct!(CheckIn {
    day,
    pain,
    walking_minutes,
    mobility_done,
    sleep_hours,
    stress,
    protein_meals,
    water,
    triggers,
    new_symptoms,
    at_ms = 0,
});
json_struct!(ManualSwap {
    day,
    at_ms = 0,
    from,
    to
});
json_struct!(Resume {
    day,
    at_ms,
    exercise
});
json_struct!(SetupChange { day, at_ms, setup });
json_struct!(PsfsRating { day, scores });
json_struct!(RedFlagAnswers {
    day,
    yes,
    at_ms = 0,
});
json_struct!(Clearance {
    day,
    covers,
    at_ms = 0,
});
json_struct!(Safety {
    answers,
    clearances
});
json_struct!(SetTarget { amount, load });
json_struct!(StoredSession {
    id,
    day,
    slot,
    started_ms,
    finished,
    response,
    finished_ms,
    served = Vec::new(),
});
json_struct!(StoredEntry {
    session,
    day,
    index,
    entry,
    logged_ms,
    nonce = 0,
});
json_struct!(ServedRecord {
    key,
    name,
    origin,
    measure,
    equipment,
    targets,
    tempo,
    rest_seconds,
    reason
});
json_struct!(SavedPlan { title, code, saved });
json_struct!(Meta { last_backup });

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

/// The members of a struct variant, read by name.
fn fields<'j, 'a>(name: &str, v: Option<&'j Json<'a>>) -> Result<&'j Json<'a>, String> {
    match content(name, v)? {
        o @ Json::Obj(_) => Ok(o),
        other => Err(mismatch("a struct variant", other)),
    }
}

/// The `from` and `to` of a change.
fn from_to<T: FromJson>(o: &Json) -> Result<(T, T), String> {
    Ok((member(o, "from", None)?, member(o, "to", None)?))
}

fn obj<'a>(members: Vec<(&'static str, Json<'a>)>) -> Json<'a> {
    Json::Obj(
        members
            .into_iter()
            .map(|(k, v)| (Cow::Borrowed(k), v))
            .collect(),
    )
}

impl ToJson for RehabDose {
    fn to_json(&self) -> Json<'_> {
        match self {
            RehabDose::Reps { sets, reps } => tag(
                "Reps",
                obj(vec![("sets", sets.to_json()), ("reps", reps.to_json())]),
            ),
            RehabDose::Seconds { sets, seconds } => tag(
                "Seconds",
                obj(vec![
                    ("sets", sets.to_json()),
                    ("seconds", seconds.to_json()),
                ]),
            ),
        }
    }
}

impl FromJson for RehabDose {
    fn from_json(j: &Json) -> Result<Self, String> {
        let (name, v) = variant(j)?;
        let o = fields(name, v)?;
        match name {
            "Reps" => Ok(RehabDose::Reps {
                sets: member(o, "sets", None)?,
                reps: member(o, "reps", None)?,
            }),
            "Seconds" => Ok(RehabDose::Seconds {
                sets: member(o, "sets", None)?,
                seconds: member(o, "seconds", None)?,
            }),
            other => Err(unknown_variant(other)),
        }
    }
}

impl ToJson for Change {
    fn to_json(&self) -> Json<'_> {
        fn pair<'a>(name: &'static str, from: Json<'a>, to: Json<'a>) -> Json<'a> {
            tag(name, obj(vec![("from", from), ("to", to)]))
        }
        match self {
            Change::Load { from, to } => pair("Load", from.to_json(), to.to_json()),
            Change::Amount { from, to } => pair("Amount", from.to_json(), to.to_json()),
            Change::Sets { from, to } => pair("Sets", from.to_json(), to.to_json()),
            Change::Volume { from, to } => pair("Volume", from.to_json(), to.to_json()),
            Change::Heavier {
                equipment,
                from,
                to,
                reps_from,
                reps_to,
            } => tag(
                "Heavier",
                obj(vec![
                    ("equipment", equipment.to_json()),
                    ("from", from.to_json()),
                    ("to", to.to_json()),
                    ("reps_from", reps_from.to_json()),
                    ("reps_to", reps_to.to_json()),
                ]),
            ),
        }
    }
}

impl FromJson for Change {
    fn from_json(j: &Json) -> Result<Self, String> {
        let (name, v) = variant(j)?;
        let o = fields(name, v)?;
        Ok(match name {
            "Load" => from_to(o).map(|(from, to)| Change::Load { from, to })?,
            "Amount" => from_to(o).map(|(from, to)| Change::Amount { from, to })?,
            "Sets" => from_to(o).map(|(from, to)| Change::Sets { from, to })?,
            "Volume" => from_to(o).map(|(from, to)| Change::Volume { from, to })?,
            "Heavier" => Change::Heavier {
                equipment: member(o, "equipment", None)?,
                from: member(o, "from", None)?,
                to: member(o, "to", None)?,
                reps_from: member(o, "reps_from", None)?,
                reps_to: member(o, "reps_to", None)?,
            },
            other => return Err(unknown_variant(other)),
        })
    }
}

impl ToJson for FlareEvent {
    fn to_json(&self) -> Json<'_> {
        match self {
            FlareEvent::Started(d) => tagged("Started", d),
            FlareEvent::Ended(d) => tagged("Ended", d),
        }
    }
}

impl FromJson for FlareEvent {
    fn from_json(j: &Json) -> Result<Self, String> {
        let (name, v) = variant(j)?;
        let day = NaiveDate::from_json(content(name, v)?)?;
        match name {
            "Started" => Ok(FlareEvent::Started(day)),
            "Ended" => Ok(FlareEvent::Ended(day)),
            other => Err(unknown_variant(other)),
        }
    }
}

impl ToJson for Event {
    fn to_json(&self) -> Json<'_> {
        match self {
            Event::Flare(e) => tagged("Flare", e),
            Event::Swap(e) => tagged("Swap", e),
            Event::Psfs(e) => tagged("Psfs", e),
            Event::Resume(e) => tagged("Resume", e),
            Event::Setup(e) => tagged("Setup", e),
        }
    }
}

impl FromJson for Event {
    fn from_json(j: &Json) -> Result<Self, String> {
        let (name, v) = variant(j)?;
        let c = content(name, v)?;
        Ok(match name {
            "Flare" => Event::Flare(FromJson::from_json(c)?),
            "Swap" => Event::Swap(FromJson::from_json(c)?),
            "Psfs" => Event::Psfs(FromJson::from_json(c)?),
            "Resume" => Event::Resume(FromJson::from_json(c)?),
            "Setup" => Event::Setup(FromJson::from_json(c)?),
            other => return Err(unknown_variant(other)),
        })
    }
}

impl ToJson for ModRecord {
    fn to_json(&self) -> Json<'_> {
        match self {
            ModRecord::LessLoad { from, to } => tag(
                "LessLoad",
                obj(vec![("from", from.to_json()), ("to", to.to_json())]),
            ),
            ModRecord::ShorterHold { from, to } => tag(
                "ShorterHold",
                obj(vec![("from", from.to_json()), ("to", to.to_json())]),
            ),
            ModRecord::ShorterRange { how } => {
                tag("ShorterRange", obj(vec![("how", how.to_json())]))
            }
            ModRecord::SlowerTempo { tempo } => {
                tag("SlowerTempo", obj(vec![("tempo", tempo.to_json())]))
            }
        }
    }
}

impl FromJson for ModRecord {
    fn from_json(j: &Json) -> Result<Self, String> {
        let (name, v) = variant(j)?;
        let o = fields(name, v)?;
        Ok(match name {
            "LessLoad" => {
                let (from, to) = from_to(o)?;
                ModRecord::LessLoad { from, to }
            }
            "ShorterHold" => {
                let (from, to) = from_to(o)?;
                ModRecord::ShorterHold { from, to }
            }
            "ShorterRange" => ModRecord::ShorterRange {
                how: member(o, "how", None)?,
            },
            "SlowerTempo" => ModRecord::SlowerTempo {
                tempo: member(o, "tempo", None)?,
            },
            other => return Err(unknown_variant(other)),
        })
    }
}

impl ToJson for EntryRecord {
    fn to_json(&self) -> Json<'_> {
        match self {
            EntryRecord::Set(s) => tagged("Set", s),
            EntryRecord::Pain { exercise, pain } => tag(
                "Pain",
                obj(vec![
                    ("exercise", exercise.to_json()),
                    ("pain", pain.to_json()),
                ]),
            ),
            EntryRecord::Accept { exercise, change } => tag(
                "Accept",
                obj(vec![
                    ("exercise", exercise.to_json()),
                    ("change", change.to_json()),
                ]),
            ),
            EntryRecord::Decline { exercise } => {
                tag("Decline", obj(vec![("exercise", exercise.to_json())]))
            }
        }
    }
}

impl FromJson for EntryRecord {
    fn from_json(j: &Json) -> Result<Self, String> {
        let (name, v) = variant(j)?;
        if name == "Set" {
            return SetLog::from_json(content(name, v)?).map(EntryRecord::Set);
        }
        let o = fields(name, v)?;
        Ok(match name {
            "Pain" => EntryRecord::Pain {
                exercise: member(o, "exercise", None)?,
                pain: member(o, "pain", None)?,
            },
            "Accept" => EntryRecord::Accept {
                exercise: member(o, "exercise", None)?,
                change: member(o, "change", None)?,
            },
            "Decline" => EntryRecord::Decline {
                exercise: member(o, "exercise", None)?,
            },
            other => return Err(unknown_variant(other)),
        })
    }
}

impl ToJson for ReasonRecord {
    fn to_json(&self) -> Json<'_> {
        use ReasonRecord as R;
        let name = |n: &'static str| Json::Str(Cow::Borrowed(n));
        match self {
            R::Start => name("Start"),
            R::Progressed(c) => tagged("Progressed", c),
            R::HeldStillRaised => name("HeldStillRaised"),
            R::HeldPain(p) => tagged("HeldPain", p),
            R::HeldIncomplete => name("HeldIncomplete"),
            R::HeldNotTrained => name("HeldNotTrained"),
            R::HeldNoResponse => name("HeldNoResponse"),
            R::HeldAtTop => name("HeldAtTop"),
            R::SteppedBack(c) => tagged("SteppedBack", c),
            R::SteppedBackEasier(f) => tagged("SteppedBackEasier", f),
            R::HeldSmallest => name("HeldSmallest"),
            R::SwappedForPain(f, p) => {
                tag("SwappedForPain", Json::Arr(vec![f.to_json(), p.to_json()]))
            }
            R::EasiestAlready(p, c) => {
                tag("EasiestAlready", Json::Arr(vec![p.to_json(), c.to_json()]))
            }
            R::GoalLift(f) => tagged("GoalLift", f),
            R::LadderUp(f) => tagged("LadderUp", f),
            R::WelcomeBack(c) => tagged("WelcomeBack", c),
            R::AfterFlare => name("AfterFlare"),
            R::CappedWeekly => name("CappedWeekly"),
            R::ChosenByYou(f) => tagged("ChosenByYou", f),
            R::BackToPlan(f) => tagged("BackToPlan", f),
            R::EquipmentChanged(f) => tagged("EquipmentChanged", f),
            R::EquipmentLoads => name("EquipmentLoads"),
            R::NewEquipment(f, e) => tag("NewEquipment", Json::Arr(vec![f.to_json(), e.to_json()])),
        }
    }
}

impl FromJson for ReasonRecord {
    fn from_json(j: &Json) -> Result<Self, String> {
        use ReasonRecord as R;
        let (name, v) = variant(j)?;
        let c = || content(name, v);
        Ok(match name {
            "Start" => R::Start,
            "HeldStillRaised" => R::HeldStillRaised,
            "HeldIncomplete" => R::HeldIncomplete,
            "HeldNotTrained" => R::HeldNotTrained,
            "HeldNoResponse" => R::HeldNoResponse,
            "HeldAtTop" => R::HeldAtTop,
            "HeldSmallest" => R::HeldSmallest,
            "AfterFlare" => R::AfterFlare,
            "CappedWeekly" => R::CappedWeekly,
            "EquipmentLoads" => R::EquipmentLoads,
            "Progressed" => R::Progressed(FromJson::from_json(c()?)?),
            "HeldPain" => R::HeldPain(FromJson::from_json(c()?)?),
            "SteppedBack" => R::SteppedBack(FromJson::from_json(c()?)?),
            "SteppedBackEasier" => R::SteppedBackEasier(FromJson::from_json(c()?)?),
            "SwappedForPain" => {
                let (f, p) = FromJson::from_json(c()?)?;
                R::SwappedForPain(f, p)
            }
            "EasiestAlready" => {
                let (p, ch) = FromJson::from_json(c()?)?;
                R::EasiestAlready(p, ch)
            }
            "GoalLift" => R::GoalLift(FromJson::from_json(c()?)?),
            "LadderUp" => R::LadderUp(FromJson::from_json(c()?)?),
            "WelcomeBack" => R::WelcomeBack(FromJson::from_json(c()?)?),
            "ChosenByYou" => R::ChosenByYou(FromJson::from_json(c()?)?),
            "BackToPlan" => R::BackToPlan(FromJson::from_json(c()?)?),
            "EquipmentChanged" => R::EquipmentChanged(FromJson::from_json(c()?)?),
            "NewEquipment" => {
                let (f, e) = FromJson::from_json(c()?)?;
                R::NewEquipment(f, e)
            }
            other => return Err(unknown_variant(other)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
