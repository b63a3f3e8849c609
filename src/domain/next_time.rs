//! "What changes next time, and why", shown when a session ends. The dose for next week
//! depends on tomorrow's answer and on the rest of the week, so this previews the usual
//! case: the rest of the week done as planned and the back settled the next day.

use super::history::{History, Response24h, SessionLog, SetLog};
use super::library::Exercise;
use super::planner::{plan_with, Plan, PlanCache, Safety};
use super::prescription::Prescription;
use super::profile::Profile;
use super::reason::Reason;
use super::schedule::{week_index, week_start};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextChange {
    pub from: &'static Exercise,
    pub to: &'static Exercise,
    pub before: Prescription,
    pub after: Prescription,
    pub reason: Reason,
}

impl NextChange {
    pub fn changed(&self) -> bool {
        self.from.id != self.to.id || self.before.sets != self.after.sets
    }
}

/// rules §2–§3 preview: each exercise of this week beside next week's, assuming the
/// sessions still to come this week are done as planned and every session settles
/// within a day. Empty when there is no plan (gate closed, flare-up mode).
pub fn what_changes_next(
    profile: &Profile,
    safety: &Safety,
    history: &History,
    today: NaiveDate,
) -> Vec<NextChange> {
    what_changes_next_with(&mut PlanCache::default(), profile, safety, history, today)
}

/// `what_changes_next`, through `cache`: only this week and the next are planned, and
/// only this week's sessions are copied to imagine the rest of it. The cache keeps what
/// it held (what is imagined is forgotten again).
pub fn what_changes_next_with(
    cache: &mut PlanCache,
    profile: &Profile,
    safety: &Safety,
    history: &History,
    today: NaiveDate,
) -> Vec<NextChange> {
    let Ok(now) = plan_with(cache, profile, safety, history, today) else {
        return Vec::new();
    };
    let week = week_index(profile.start, today);
    let (from, to) = (
        week_start(profile.start, week),
        week_start(profile.start, week + 1),
    );
    // Every week before this one is kept in the cache now, so the weeks before it need
    // none of their sessions.
    let mut h = history.clone_from_day(from);
    for s in h
        .sessions
        .iter_mut()
        .filter(|s| s.day >= from && s.day < to && s.response.is_none())
    {
        s.response = Some(Response24h::Settled);
    }
    // Sessions to come start after everything stored (later than any real moment).
    let later = i64::MAX / 2;
    for (k, ps) in now.sessions.iter().filter(|s| !s.started).enumerate() {
        let items = ps.items();
        let sets: Vec<SetLog> = items
            .iter()
            .flat_map(|item| {
                item.targets.iter().map(|t| SetLog {
                    exercise: item.key.to_string(),
                    amount: t.amount,
                    load: t.load,
                    rpe: None,
                    pain: None,
                })
            })
            .collect();
        let mut log = SessionLog::of_sets(
            ps.date.max(today),
            ps.slot,
            sets,
            Some(Response24h::Settled),
        );
        log.started_ms = later + k as i64 * 10_000;
        for (i, e) in log.entries.iter_mut().enumerate() {
            e.at_ms = log.started_ms + i as i64 + 1;
        }
        log.served = items;
        h.sessions.push(log);
    }
    let next = plan_with(cache, profile, safety, &h, to);
    cache.forget_from(from);
    match next {
        Ok(next) => pair_up(&now, &next),
        Err(_) => Vec::new(),
    }
}

fn pair_up(now: &Plan, next: &Plan) -> Vec<NextChange> {
    let mut out: Vec<NextChange> = Vec::new();
    for pe in now.sessions.iter().flat_map(|s| &s.exercises) {
        if out.iter().any(|c| c.from.id == pe.exercise.id) {
            continue;
        }
        let Some(n) = next
            .sessions
            .iter()
            .flat_map(|s| &s.exercises)
            .find(|n| n.exercise.ladder == pe.exercise.ladder)
        else {
            continue;
        };
        out.push(NextChange {
            from: pe.exercise,
            to: n.exercise,
            before: pe.prescription.clone(),
            after: n.prescription.clone(),
            reason: n.reason.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::equipment::EquipmentSet;
    use crate::domain::pain::Pain;
    use crate::domain::planner::plan;
    use crate::domain::safety::RedFlagAnswers;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn safe() -> Safety {
        Safety {
            answers: RedFlagAnswers {
                day: Some(d("2026-01-05")),
                at_ms: 0,
                yes: vec![],
            },
            clearances: vec![],
        }
    }

    fn log_planned(p: &Plan, slot: u8, pain: u8) -> SessionLog {
        let s = p.sessions.iter().find(|s| s.slot == slot).unwrap();
        let sets = s
            .exercises
            .iter()
            .flat_map(|pe| {
                pe.prescription.sets.iter().map(move |t| SetLog {
                    exercise: pe.exercise.id.to_string(),
                    amount: t.amount,
                    load: t.load,
                    rpe: None,
                    pain: Pain::new(pain),
                })
            })
            .collect();
        SessionLog::of_sets(s.date, slot, sets, None)
    }

    #[test]
    fn what_changes_next_previews_progress_after_a_calm_session() {
        let profile = Profile::new(d("2026-01-05"), EquipmentSet::bodyweight_only());
        let today = d("2026-01-05");
        let p = plan(&profile, &safe(), &History::default(), today).unwrap();
        let h = History {
            sessions: vec![log_planned(&p, 0, 1)],
            ..History::default()
        };
        let changes = what_changes_next(&profile, &safe(), &h, today);
        assert!(!changes.is_empty());
        assert!(
            changes.iter().any(NextChange::changed),
            "a calm week moves something on"
        );
        // Never more than the weekly cap: the amount grows by at most 10 %.
        for c in &changes {
            if c.from.id == c.to.id {
                assert!(c.after.total_amount() * 10 <= c.before.total_amount() * 11);
            }
        }
    }

    #[test]
    fn what_changes_next_holds_what_hurt_today() {
        let profile = Profile::new(d("2026-01-05"), EquipmentSet::bodyweight_only());
        let today = d("2026-01-05");
        let p = plan(&profile, &safe(), &History::default(), today).unwrap();
        let h = History {
            sessions: vec![log_planned(&p, 0, 4)],
            ..History::default()
        };
        let changes = what_changes_next(&profile, &safe(), &h, today);
        let hurt: Vec<&NextChange> = changes
            .iter()
            .filter(|c| {
                p.sessions[0]
                    .exercises
                    .iter()
                    .any(|pe| pe.exercise.id == c.from.id)
            })
            .collect();
        assert!(!hurt.is_empty());
        for c in hurt {
            assert!(!matches!(c.reason, Reason::Progressed(_)), "{c:?}");
            assert!(c.after.total_amount() <= c.before.total_amount(), "{c:?}");
        }
    }
}
