//! What happened: logged sets and sessions, 24-hour responses, daily check-ins, flare-ups,
//! function scores and red-flag answers. Plain records; the rules read them.

use super::checkin::{CheckIn, FlareEvent};
use super::pain::{Modification, Pain};
use super::profile::{Profile, Setup};
use super::served::ServedItem;
use super::units::Grams;
use chrono::NaiveDate;

/// One logged set. `amount` is reps, seconds or minutes as the exercise measures it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetLog {
    pub exercise: String,
    pub amount: u16,
    pub load: Grams,
    /// Effort as RPE 1–10, optional.
    pub rpe: Option<u8>,
    /// Pain stored with the set by versions before pain had its own entry; new sets leave
    /// it empty. Either way it counts as a pain report.
    pub pain: Option<Pain>,
}

/// The answer, the next day, to "how is your back after yesterday's session?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response24h {
    /// Any soreness settled within a day.
    Settled,
    /// Pain still raised after 24 hours.
    StillRaised,
    /// Pain spiked and is staying up for days.
    Spiked,
}

/// Something that happened during a session, in the order it happened (rules §2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Set(SetLog),
    /// Pain reported for an exercise, at any moment: between sets, after the last one or
    /// just before finishing. It counts for that exercise and that day.
    Pain {
        exercise: String,
        pain: Pain,
    },
    /// The change proposed for pain 3–4, accepted for the remaining sets.
    Accept {
        exercise: String,
        change: Modification,
    },
    /// The proposal turned down: the sets stay as they were, the pain still counts.
    Decline {
        exercise: String,
    },
}

impl Entry {
    /// The exercise (library id, `own:` or `physio:` key) it is about.
    pub fn exercise(&self) -> &str {
        match self {
            Entry::Set(s) => &s.exercise,
            Entry::Pain { exercise, .. }
            | Entry::Accept { exercise, .. }
            | Entry::Decline { exercise } => exercise,
        }
    }
}

/// An entry with the moment it was stored, milliseconds since the epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub at_ms: i64,
    pub entry: Entry,
}

/// A strength session as logged. `day` is the local date the session started on, so a
/// session that crosses midnight stays on its training day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionLog {
    pub day: NaiveDate,
    /// Which session of the week it was (0 = A, 1 = B, ...).
    pub slot: u8,
    pub started_ms: i64,
    /// What the session served when it started. Empty for sessions stored before this was
    /// kept: the planner then works out what was served.
    pub served: Vec<ServedItem>,
    /// Sets, pain reports and decisions, oldest first.
    pub entries: Vec<Logged>,
    pub finished: bool,
    /// When it was finished; `None` for sessions stored before this was kept (they end
    /// with their last entry).
    pub finished_ms: Option<i64>,
    pub response: Option<Response24h>,
}

impl SessionLog {
    /// A finished session that logged these sets one after another, with nothing stored
    /// of what it served (previews and tests; the planner works the rest out).
    pub fn of_sets(
        day: NaiveDate,
        slot: u8,
        sets: Vec<SetLog>,
        response: Option<Response24h>,
    ) -> SessionLog {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a real date");
        // Noon of its day, a set a minute.
        let started_ms = (day - epoch).num_days() * 86_400_000 + 12 * 3_600_000;
        SessionLog {
            day,
            slot,
            started_ms,
            served: Vec::new(),
            entries: sets
                .into_iter()
                .enumerate()
                .map(|(i, s)| Logged {
                    at_ms: started_ms + (i as i64 + 1) * 60_000,
                    entry: Entry::Set(s),
                })
                .collect(),
            finished: true,
            finished_ms: None,
            response,
        }
    }

    pub fn sets(&self) -> impl Iterator<Item = &SetLog> + '_ {
        self.entries.iter().filter_map(|l| match &l.entry {
            Entry::Set(s) => Some(s),
            _ => None,
        })
    }

    /// Every pain report of the session, for any exercise: the ones reported on their own
    /// and the ones stored with a set by earlier versions.
    pub fn pains(&self) -> impl Iterator<Item = (&str, Pain)> + '_ {
        self.entries.iter().filter_map(|l| match &l.entry {
            Entry::Pain { exercise, pain } => Some((exercise.as_str(), *pain)),
            Entry::Set(s) => s.pain.map(|p| (s.exercise.as_str(), p)),
            _ => None,
        })
    }

    /// The highest pain reported in the session, for any exercise.
    pub fn worst_pain(&self) -> Option<Pain> {
        self.pains().map(|(_, p)| p).max()
    }
}

/// A swap the user chose by hand, on Plan or in the workout: from that moment on, the
/// ladder that trained `from` trains `to`. Swapping back to what a swap replaced undoes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualSwap {
    pub day: NaiveDate,
    /// When it was made; 0 for swaps stored before this was kept (they count from `day`).
    pub at_ms: i64,
    pub from: String,
    pub to: String,
}

/// An own or physiotherapy exercise brought back after pain 5+ paused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub day: NaiveDate,
    pub at_ms: i64,
    /// Its key: `own:NAME` or `physio:NAME`.
    pub exercise: String,
}

/// Equipment, days or goal changed after onboarding. Dated, so the weeks before it are
/// still judged with the setup the user had then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupChange {
    pub day: NaiveDate,
    pub at_ms: i64,
    pub setup: Setup,
}

/// Everything the planner reads. Order inside each list does not matter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    pub sessions: Vec<SessionLog>,
    pub checkins: Vec<CheckIn>,
    pub flares: Vec<FlareEvent>,
    /// When each flare event was recorded (ms since the epoch), in the order of `flares`;
    /// missing or 0 means the start of its day.
    pub flare_times: Vec<i64>,
    pub swaps: Vec<ManualSwap>,
    pub resumes: Vec<Resume>,
    pub setups: Vec<SetupChange>,
}

impl History {
    /// The setup in force at `day` (and `at_ms` within it): the profile's, or the latest
    /// change made before then.
    pub fn setup_at(&self, profile: &Profile, day: NaiveDate, at_ms: i64) -> Setup {
        self.setups
            .iter()
            .filter(|c| (c.day, c.at_ms) <= (day, at_ms))
            .max_by_key(|c| (c.day, c.at_ms))
            .map_or_else(|| profile.setup(), |c| c.setup.clone())
    }

    /// A copy with only the sessions from `day` on, for a plan that starts from weeks
    /// kept before it: five years of sets are not copied to imagine one week.
    pub fn clone_from_day(&self, day: NaiveDate) -> History {
        History {
            sessions: self
                .sessions
                .iter()
                .filter(|s| s.day >= day)
                .cloned()
                .collect(),
            checkins: self.checkins.clone(),
            flares: self.flares.clone(),
            flare_times: self.flare_times.clone(),
            swaps: self.swaps.clone(),
            resumes: self.resumes.clone(),
            setups: self.setups.clone(),
        }
    }

    /// A copy with only the sessions and check-ins from `day` on: what a start from a
    /// checkpoint reads (`planner::Checkpoint::floor`).
    pub fn clone_since(&self, day: NaiveDate) -> History {
        let mut h = self.clone_from_day(day);
        h.checkins.retain(|c| c.day >= day);
        h
    }

    /// The setup in force now: what the user trains with today.
    pub fn current_setup(&self, profile: &Profile) -> Setup {
        self.setups
            .iter()
            .max_by_key(|c| (c.day, c.at_ms))
            .map_or_else(|| profile.setup(), |c| c.setup.clone())
    }
}
