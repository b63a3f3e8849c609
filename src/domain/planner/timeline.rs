//! Everything dated, in the order it happened, week by week: the replay reads it in one pass.

use super::*;

/// One thing that happened in a week, in the order the fold takes them.
#[derive(Debug, Clone, Copy)]
pub(super) enum Ev {
    Setup(usize),
    Swap(usize),
    Resume(usize),
    Start(usize),
    Entry(usize, usize),
    End(usize),
    /// A day a flare starts or ends.
    Day,
}

/// When an event happened: the moment (ms since the epoch), its kind (setups, swaps and
/// resumes before a session that starts at the same moment), its place in the history,
/// and the day it counts for.
pub(super) type EvKey = (i64, u8, usize, usize, NaiveDate);

/// What is stored for weeks `from..=current`, bucketed by program week and put in order.
pub(super) struct Timeline<'h> {
    pub(super) from: u32,
    pub(super) weeks: Vec<Vec<(EvKey, Ev)>>,
    pub(super) checkins: Vec<Vec<&'h CheckIn>>,
}

impl<'h> Timeline<'h> {
    pub(super) fn new(
        profile: &Profile,
        history: &'h History,
        today: NaiveDate,
        from: u32,
        current: u32,
        spans: &[FlareSpan],
    ) -> Self {
        let n = (current - from) as usize + 1;
        // The bucket of a day, or none for a week before `from`.
        let week =
            |d: NaiveDate| (week_index(profile.start, d).checked_sub(from)).map(|w| w as usize);
        let mut keyed: Vec<Vec<(EvKey, Ev)>> = vec![Vec::new(); n];
        for (i, c) in history.setups.iter().enumerate() {
            if let Some(w) = week(c.day).filter(|_| c.day <= today) {
                keyed[w].push(((moment(c.day, c.at_ms), 0, i, 0, c.day), Ev::Setup(i)));
            }
        }
        for (i, s) in history.swaps.iter().enumerate() {
            if let Some(w) = week(s.day).filter(|_| s.day <= today) {
                keyed[w].push(((moment(s.day, s.at_ms), 1, i, 0, s.day), Ev::Swap(i)));
            }
        }
        for (i, r) in history.resumes.iter().enumerate() {
            if let Some(w) = week(r.day).filter(|_| r.day <= today) {
                keyed[w].push(((moment(r.day, r.at_ms), 2, i, 0, r.day), Ev::Resume(i)));
            }
        }
        for (i, s) in history.sessions.iter().enumerate() {
            if s.day > today || s.day < profile.start {
                continue;
            }
            let Some(w) = week(s.day) else { continue };
            let started = moment(s.day, s.started_ms);
            keyed[w].reserve(s.entries.len() + 2);
            keyed[w].push(((started, 3, i, 0, s.day), Ev::Start(i)));
            let mut last = started;
            for (j, e) in s.entries.iter().enumerate() {
                let at = e.at_ms.max(started);
                last = last.max(at);
                keyed[w].push(((at, 4, i, j, s.day), Ev::Entry(i, j)));
            }
            // A finished session ends with its last entry; one left open, when the week
            // does (a later session closes it sooner). Not at the end of time: what the
            // week looked like then must not depend on anything stored after it.
            let week_end = moment(week_start(profile.start, from + w as u32 + 1), 0) - 1;
            let end = match (s.finished, s.finished_ms) {
                (true, Some(ms)) => ms.max(last),
                (true, None) => last,
                (false, _) => week_end.max(last),
            };
            keyed[w].push(((end, 5, i, 0, s.day), Ev::End(i)));
        }
        for span in spans {
            // The moments a flare starts and ends change what the plan shows.
            for (d, at) in std::iter::once(span.start).chain(span.end) {
                if d <= today && d >= profile.start {
                    if let Some(w) = week(d) {
                        keyed[w].push(((at, 0, 0, 0, d), Ev::Day));
                    }
                }
            }
        }
        let weeks = keyed
            .into_iter()
            .map(|mut v| {
                order::sort_by_key(&mut v, |(k, _)| *k);
                v
            })
            .collect();
        let mut checkins = vec![Vec::new(); n];
        for c in history
            .checkins
            .iter()
            .filter(|c| c.day <= today && c.day >= profile.start)
        {
            if let Some(w) = week(c.day) {
                checkins[w].push(c);
            }
        }
        for w in &mut checkins {
            order::sort_by_key(w, |c| c.day);
        }
        Timeline {
            from,
            weeks,
            checkins,
        }
    }

    pub(super) fn week(&self, w: u32) -> &[(EvKey, Ev)] {
        &self.weeks[(w - self.from) as usize]
    }

    pub(super) fn checkins(&self, w: u32) -> &[&'h CheckIn] {
        &self.checkins[(w - self.from) as usize]
    }
}
