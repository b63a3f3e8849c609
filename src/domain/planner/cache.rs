//! What a re-plan starts from: the planner as each week opened, kept in memory and stored
//! as a checkpoint, so that a change replays only the weeks after it.

use super::*;

/// What a re-plan can start from instead of week 0: the planner as each week opened. The
/// opening of week `w` depends only on what is dated before week `w`, so a change dated `d`
/// keeps every opening up to `d`'s week (`forget_from`).
#[derive(Debug, Clone, Default)]
pub struct PlanCache {
    pub(super) base: Option<Profile>,
    /// The week of `openings[0]`: 0, or the week of the checkpoint it was started from.
    pub(super) first: u32,
    /// The planner as each week from `first` opened: kept for the last weeks and every
    /// few weeks before them (`None` between), so a replay from scratch does not copy its
    /// state every week; a change further back replays from the kept week before it.
    pub(super) openings: Vec<Option<Opening>>,
    /// The phase each week ended in, from week 0, for the weeks before the last kept opening.
    pub(super) phases: Vec<Phase>,
    /// Flares that ended before `first`'s week, when started from a checkpoint: the
    /// check-ins before them are not needed.
    pub(super) flares_before: Vec<FlareSpan>,
}

/// The last weeks whose openings a cache keeps, and the rhythm of those kept before them.
pub(super) const KEEP_RECENT_OPENINGS: u32 = 8;
pub(super) const KEEP_EVERY_NTH_OPENING: u32 = 8;

/// Bumped whenever the planner's rules change what a week opens with: checkpoints of
/// other rules are not used.
pub const RULES_VERSION: u32 = 2;

/// The planner as one week opened, with what it needs to carry on from there without
/// anything dated before `floor`: stored on the device so a start reads only recent records.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    pub(crate) rules: u32,
    pub(crate) base: Profile,
    pub(crate) week: u32,
    pub(crate) opening: Opening,
    pub(crate) phases: Vec<Phase>,
    pub(crate) flares_before: Vec<FlareSpan>,
    pub(crate) floor: NaiveDate,
}

impl Checkpoint {
    /// Sessions and check-ins from this day on are what a plan from it reads.
    pub fn floor(&self) -> NaiveDate {
        self.floor
    }

    /// The first day of its week: anything added, changed or taken away before it
    /// makes it wrong.
    pub fn week_start(&self) -> NaiveDate {
        week_start(self.base.start, self.week)
    }

    /// The flares as the planner sees them, from this checkpoint on: `history` need hold
    /// only the check-ins from `floor`.
    pub fn flare_spans(&self, history: &History) -> Vec<FlareSpan> {
        spans_after(&self.flares_before, history)
    }

    /// Whether it was made by these rules for this profile.
    pub fn fits(&self, profile: &Profile) -> bool {
        self.rules == RULES_VERSION && self.base == *profile
    }
}

impl PlanCache {
    /// Something dated `day` was added, changed or taken away: the weeks from its week on
    /// are replayed at the next plan. A day before the first kept week clears it all (and
    /// a plan then needs the whole history).
    pub fn forget_from(&mut self, day: NaiveDate) {
        let Some(base) = &self.base else { return };
        let w = week_index(base.start, day);
        if day < base.start || w < self.first {
            // Setups dated before the start shape week 0 itself.
            self.clear();
            return;
        }
        self.openings.truncate((w - self.first) as usize + 1);
        self.phases.truncate(w as usize);
    }

    /// Everything replayed at the next plan.
    pub fn clear(&mut self) {
        *self = PlanCache::default();
    }

    /// The weeks up to the last kept opening (counting those before a checkpoint).
    pub fn weeks_kept(&self) -> usize {
        self.first as usize + self.openings.len()
    }

    /// The week the cache starts from: a plan needs the sessions and check-ins dated from
    /// `Checkpoint::floor` of it on (everything, when it is 0).
    pub fn first_week(&self) -> u32 {
        self.first
    }

    /// The planner as week `week` opened, to store, if this cache holds that week (plan
    /// first). `history` is what was planned with.
    pub fn checkpoint(&self, history: &History, week: u32) -> Option<Checkpoint> {
        let base = self.base.as_ref()?;
        let opening = self
            .openings
            .get(week.checked_sub(self.first)? as usize)?
            .as_ref()?;
        let phases = self.phases.get(..week as usize)?.to_vec();
        let start = week_start(base.start, week);
        let spans = self.flare_spans(history);
        // The flares over before the week are settled; the ones after need their check-ins.
        let settled = spans
            .iter()
            .take_while(|s| s.end.is_some_and(|(d, _)| d < start))
            .count();
        let floor = spans[settled..]
            .iter()
            .map(|s| s.start.0)
            .fold(start, NaiveDate::min);
        Some(Checkpoint {
            rules: RULES_VERSION,
            base: base.clone(),
            week,
            opening: opening.clone(),
            phases,
            flares_before: spans[..settled].to_vec(),
            floor,
        })
    }

    /// A cache that carries on from a stored week: plans need only what is dated from
    /// `c.floor()` on.
    pub fn from_checkpoint(c: Checkpoint) -> PlanCache {
        PlanCache {
            base: Some(c.base),
            first: c.week,
            openings: vec![Some(c.opening)],
            phases: c.phases,
            flares_before: c.flares_before,
        }
    }

    pub(super) fn flare_spans(&self, history: &History) -> Vec<FlareSpan> {
        spans_after(&self.flares_before, history)
    }
}

/// The planner's flares, carrying on after those settled in `before`.
pub(super) fn spans_after(before: &[FlareSpan], history: &History) -> Vec<FlareSpan> {
    flare_spans_after(
        before,
        &history.flares,
        &history.flare_times,
        &history.checkins,
        moment,
    )
}

/// `plan`, starting from the latest week `cache` still holds and keeping what it replays.
/// The caller tells the cache about every change (`PlanCache::forget_from`); a different
/// profile starts it over. Gives exactly what `plan` gives.
pub fn plan_with(
    cache: &mut PlanCache,
    profile: &Profile,
    safety: &Safety,
    history: &History,
    today: NaiveDate,
) -> Result<Plan, Gate> {
    match safety.gate(history, today) {
        Gate::Open => {}
        blocked => return Err(blocked),
    }
    if cache.base.as_ref() != Some(profile) {
        *cache = PlanCache {
            base: Some(profile.clone()),
            ..PlanCache::default()
        };
    }
    let current = week_index(profile.start, today);
    let spans = cache.flare_spans(history);
    // The last opening kept, up to this week's.
    let upto = (cache.openings.len() as u32).min((current + 1).saturating_sub(cache.first));
    cache.openings.truncate(upto as usize);
    while cache.openings.last().is_some_and(Option::is_none) {
        cache.openings.pop();
    }
    let (mut st, from) = match cache.openings.last().cloned().flatten() {
        Some(o) => {
            let k = cache.first + cache.openings.len() as u32 - 1;
            (State::resume(profile, history, o), k)
        }
        None => {
            let mut st = State::new(profile, history);
            st.see(moment(week_start(profile.start, 0), 0), &spans);
            cache.first = 0;
            cache.openings.clear();
            cache.openings.push(Some(st.opening()));
            (st, 0)
        }
    };
    cache.phases.truncate(from as usize);
    let timeline = Timeline::new(profile, history, today, from, current, &spans);
    for w in from..=current {
        if w > from {
            st.boundary(w, &timeline, &spans);
            st.seen.clear();
            // The week as it opens.
            st.see(moment(week_start(profile.start, w), 0), &spans);
            let keep = w + KEEP_RECENT_OPENINGS > current || w % KEEP_EVERY_NTH_OPENING == 0;
            cache.openings.push(keep.then(|| st.opening()));
        }
        st.run_week(timeline.week(w), &spans);
        cache.phases.push(st.phase);
    }
    let mut plan = st.this_week(current, today, &spans);
    plan.phase_history = cache.phases.clone();
    Ok(plan)
}

/// The plan for `today` as it would be if `edit` were made to the history: a setup change
/// previewed before it is saved. `edit` may only add or change what is dated `from` or
/// later; the weeks before `from`'s are taken from `cache` and only the sessions from that
/// week on are copied. The cache keeps the weeks before `from`'s (what was imagined is
/// forgotten).
pub fn plan_as_if(
    cache: &mut PlanCache,
    profile: &Profile,
    safety: &Safety,
    history: &History,
    from: NaiveDate,
    edit: impl FnOnce(&mut History),
    today: NaiveDate,
) -> Result<Plan, Gate> {
    if from < profile.start {
        // Week 0 itself changes: nothing to start from but the whole history.
        let mut whole = history.clone();
        edit(&mut whole);
        return plan(profile, safety, &whole, today);
    }
    // Every week up to `today`'s opened as it really did, then forget from the edit on.
    plan_with(cache, profile, safety, history, today.max(from))?;
    cache.forget_from(from);
    // The replay starts at the earlier of the two weeks: its sessions on are needed.
    let week_from = week_start(profile.start, week_index(profile.start, from.min(today)));
    let mut h = history.clone_from_day(week_from);
    edit(&mut h);
    let out = plan_with(cache, profile, safety, &h, today);
    cache.forget_from(from);
    out
}
