//! What a start reads: with a stored checkpoint that fits, only the records since it;
//! without one, everything. The store is asked for exactly that, and what it returns is
//! assembled into what the app holds.

use super::held::{Loaded, Partial, Replan};
use crate::domain::order;
use crate::domain::planner::PlanCache;
use crate::storage::kv::{KvStore, StoreError};
use crate::storage::records::*;
use crate::storage::repo::Repo;
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Loads everything and assembles the domain's history.
pub async fn load<K: KvStore>(repo: &Repo<K>) -> Result<Loaded, StoreError> {
    load_from(repo, None).await
}

/// Loads what a start needs on `today`: with a stored checkpoint that fits, only the
/// records since it (and from 59 days back, for the monthly look back); without one,
/// everything.
pub async fn load_recent<K: KvStore>(
    repo: &Repo<K>,
    today: NaiveDate,
) -> Result<Loaded, StoreError> {
    load_from(repo, Some((today, NaiveDate::MAX))).await
}

/// `load_recent`, holding also every record dated `reach` or later (the range a screen
/// shows).
pub async fn load_recent_from<K: KvStore>(
    repo: &Repo<K>,
    today: NaiveDate,
    reach: NaiveDate,
) -> Result<Loaded, StoreError> {
    load_from(repo, Some((today, reach))).await
}

async fn load_from<K: KvStore>(
    repo: &Repo<K>,
    recent: Option<(NaiveDate, NaiveDate)>,
) -> Result<Loaded, StoreError> {
    let single = repo.read_singletons().await?;
    let mut loaded = Loaded {
        profile: single.profile,
        safety: single.safety,
        meta: single.meta,
        shared: single.shared,
        ..Loaded::default()
    };
    let checkpoint = single
        .checkpoint
        .filter(|c| loaded.profile.as_ref().is_some_and(|p| c.fits(p)));
    loaded.stored_checkpoint = checkpoint.as_ref().map(|c| c.week_start());
    let partial = match (recent, checkpoint) {
        (Some((today, reach)), Some(c)) if c.week_start() <= today => Some(Partial {
            since: c.floor().min(look_back(today)).min(reach),
            checkpoint: c,
            first_stored: None,
        }),
        _ => None,
    };
    let records = repo.read_records(partial.as_ref().map(|p| p.since)).await?;
    // A read that had to take in everything holds everything.
    let partial = partial
        .filter(|_| records.since.is_some())
        .map(|p| Partial {
            first_stored: records.first_stored,
            ..p
        });

    let mut by_session: BTreeMap<&str, Vec<&StoredEntry>> = BTreeMap::new();
    for s in &records.sets {
        by_session.entry(s.session.as_str()).or_default().push(s);
    }
    loaded.history.sessions = records
        .sessions
        .iter()
        .map(|s| {
            let mut mine = by_session.remove(s.id.as_str()).unwrap_or_default();
            order::sort_by_key(&mut mine, |x| (x.index, x.logged_ms, x.nonce));
            session_log(s, &mine)
        })
        .collect();
    loaded.history.checkins = records.checkins;
    for (key, e) in records.events {
        match e {
            Event::Flare(f) => {
                loaded.history.flares.push(f);
                loaded.history.flare_times.push(event_stamp(&key));
            }
            Event::Swap(s) => loaded.history.swaps.push(s),
            Event::Psfs(p) => loaded.psfs.push(p),
            Event::Resume(r) => loaded.history.resumes.push(r),
            Event::Setup(c) => loaded.history.setups.push(c),
        }
        loaded.event_keys.insert(key);
    }
    loaded.sessions = records.sessions;
    for (i, s) in records.sets.iter().enumerate() {
        loaded
            .by_session
            .entry(s.session.clone())
            .or_default()
            .push(i);
    }
    loaded.sets = records.sets;
    loaded.quarantined = records.quarantined;
    loaded.set_aside_mark = records.set_aside_mark;
    if let Some(p) = &partial {
        loaded.replan = Replan(Mutex::new(PlanCache::from_checkpoint(p.checkpoint.clone())));
    }
    loaded.partial = partial;
    Ok(loaded)
}

/// The first day Today looks back to: the monthly check-in sets the last 30 days beside
/// the 30 before.
fn look_back(today: NaiveDate) -> NaiveDate {
    today.checked_sub_days(Days::new(59)).unwrap_or(today)
}
