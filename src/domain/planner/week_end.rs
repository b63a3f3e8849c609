//! The end of each week: the 24-hour answers and pain judged, doses moved on or back, the
//! weekly 10 % cap, phases and flares.

use super::*;

impl State<'_> {
    /// A week boundary: judge week `w - 1` as it finally stood, then set week `w`.
    pub(super) fn boundary(&mut self, w: u32, tl: &Timeline, spans: &[FlareSpan]) {
        let start = self.base.start;
        let (from, to) = (
            moment(week_start(start, w - 1), 0),
            moment(week_start(start, w), 0),
        );
        // The base of the 10 %: the least the user saw of each exercise during the week,
        // from its first moment to its last (after stops, swaps, a flare).
        self.see(to - 1, spans);
        let record = std::mem::take(&mut self.seen).to_map();
        let touched = spans
            .iter()
            .any(|s| s.start.1 < to && s.end.is_none_or(|(_, e)| e > from));
        // A flare running as the week begins.
        let flare_now = spans.iter().any(|s| s.runs_at(to));
        let summary = self.week_summary(touched);

        if touched || flare_now {
            self.walking_step = None;
            self.walking = self.walking.min(WALK_START_MINUTES);
        } else {
            let (total, step) = walking_progression(self.walking, tl.checkins(w - 1));
            self.walking = total;
            self.walking_step = Some(step);
        }

        // The last week before a flare: the week before the one it began in, and that week
        // until it began, whichever was less.
        if (touched || flare_now) && self.before_flare.is_none() {
            self.before_flare = Some(least_of(&self.last_week, &record));
        }
        let mut back_from_flare = None;
        let mut new_phase = false;
        if flare_now {
            self.flare_pending = true;
            self.phase_weeks.push(summary);
        } else if touched || self.flare_pending {
            self.resume_after_flare();
            back_from_flare = self.before_flare.take();
            new_phase = true;
        } else {
            let trained = self
                .week
                .lives
                .iter()
                .any(|(_, l, _)| l.sets_logged() > 0 || l.worst_pain().is_some());
            if trained {
                self.idle_weeks = 0;
                // A paused exercise waits as it is, its lighter dose kept for its return.
                // Judged out of the map (nothing reads a slot's own place while it is).
                let slots = std::mem::take(&mut self.slots);
                self.slots = slots
                    .into_iter()
                    .map(|(l, s)| {
                        if self.week.changed.contains(&l) || self.paused.contains(s.exercise.id) {
                            (l, s)
                        } else {
                            (l, self.decide(s))
                        }
                    })
                    .collect();
            } else {
                self.idle_weeks += 1;
                let welcome_back = self.idle_weeks == 2;
                for slot in self.slots.values_mut() {
                    if welcome_back {
                        let (rx, change) = scale_volume(&slot.rx, 90);
                        slot.rx = rx;
                        slot.reason = Reason::WelcomeBack(change);
                    } else if !self.week.changed.contains(&slot.exercise.ladder) {
                        slot.reason = Reason::HeldNotTrained;
                    }
                }
            }
            self.phase_weeks.push(summary);
            if let PhaseStep::Up(next) = phase_rule(self.phase, &self.phase_weeks) {
                self.phase = next;
                self.phase_weeks.clear();
                new_phase = true;
            }
        }

        self.week = Week::default();
        self.week_index = w;
        if std::mem::take(&mut self.setup_this_week) {
            self.week_profile = self.profile.clone();
        }
        self.retemplate(new_phase);
        self.ceiling = back_from_flare
            .map(|before| self.first_week_back(&before))
            .unwrap_or_default();
        self.cap_to(&record);
        self.last_week = record;
    }

    /// rules §5: the most of each exercise in the first week back after a flare, from
    /// the last week before it, with the real loads the user's equipment has.
    pub(super) fn first_week_back(
        &self,
        before: &BTreeMap<&'static str, WeeklyDose>,
    ) -> BTreeMap<&'static str, WeeklyDose> {
        let owned = self.owned();
        before
            .iter()
            .map(|(id, d)| {
                let eq = self
                    .slots
                    .values()
                    .find(|s| s.exercise.id == *id)
                    .map(|s| s.rx.equipment)
                    .or_else(|| exercise(id).and_then(|e| e.equipment_for(owned)));
                let target = Grams(resume_share(u64::from(d.load.0)) as u32);
                let lighter = eq
                    .filter(|e| e.is_loadable() && !d.load.is_zero())
                    .map(|e| owned.round_down(e, target));
                (*id, first_week_back(*d, lighter))
            })
            .collect()
    }

    pub(super) fn week_summary(&self, flare: bool) -> WeekSummary {
        let lives = &self.week.lives;
        WeekSummary {
            sessions: lives.iter().filter(|(_, l, _)| l.sets_logged() > 0).count() as u32,
            max_pain: lives
                .iter()
                .filter_map(|(_, l, _)| l.worst_pain())
                .map(|p| p.value())
                .max()
                .unwrap_or(0),
            spike: lives
                .iter()
                .any(|(i, _, _)| self.history.sessions[*i].response == Some(Response24h::Spiked)),
            flare,
        }
    }

    /// rules §5: after a flare, one phase lower and 20 % lighter.
    pub(super) fn resume_after_flare(&mut self) {
        self.flare_pending = false;
        self.phase = phase_after_flare(self.phase);
        self.phase_weeks.clear();
        let owned = self.owned().clone();
        for slot in self.slots.values_mut() {
            if slot.rx.is_loaded() {
                let to = owned.round_down(slot.rx.equipment, Grams(slot.rx.max_load().0 / 10 * 8));
                slot.rx
                    .sets
                    .iter_mut()
                    .for_each(|s| s.load = s.load.min(to));
            } else {
                slot.rx = scale_volume(&slot.rx, 80).0;
            }
            slot.reason = Reason::AfterFlare;
        }
    }

    /// One ladder's verdict on last week, in the order of rules §2 and §3.
    pub(super) fn decide(&self, slot: Slot) -> Slot {
        match self.judge(&slot) {
            Verdict::NotTrained => Slot {
                reason: Reason::HeldNotTrained,
                ..slot
            },
            Verdict::Dose(DoseDecision::StepBack) => self.stepped_back(&slot),
            Verdict::Dose(DoseDecision::Hold) => Slot {
                reason: Reason::HeldStillRaised,
                ..slot
            },
            Verdict::Modified(p) => Slot {
                reason: Reason::HeldPain(p),
                ..slot
            },
            Verdict::Incomplete => Slot {
                reason: Reason::HeldIncomplete,
                ..slot
            },
            Verdict::NoResponse => Slot {
                reason: Reason::HeldNoResponse,
                ..slot
            },
            Verdict::Dose(DoseDecision::Progress) => {
                let phase = self.phase;
                match progress_dose(
                    &slot.rx,
                    slot.exercise,
                    self.owned(),
                    phase.number(),
                    weekly_increase_permille(phase),
                ) {
                    Progress::Increased(rx, c) => Slot {
                        rx,
                        reason: Reason::Progressed(c),
                        ..slot
                    },
                    Progress::AtTop => match harder(slot.exercise, &self.profile, phase) {
                        Some(e) => Slot {
                            reason: Reason::LadderUp {
                                from: slot.exercise.id,
                            },
                            ..self.fresh(e, Reason::Start)
                        },
                        None => Slot {
                            reason: Reason::HeldAtTop,
                            ..slot
                        },
                    },
                }
            }
        }
    }

    /// A week of one exercise judged by the rules, most serious first (pain 5+ was acted
    /// on during the week): the 24-hour response, pain 3–4, unfinished sets, a next-day
    /// question left unanswered. Only the sessions that served this exercise count.
    pub(super) fn judge(&self, slot: &Slot) -> Verdict {
        let id = slot.exercise.id;
        // One pass over the blocks that served it (the library entry compared, not its
        // name: this runs for every exercise every week), each with its session's answer.
        let (mut served, mut unanswered, mut complete) = (false, false, true);
        let (mut response, mut worst) = (None, None);
        for (i, live, _) in &self.week.lives {
            let answer = self.history.sessions[*i].response;
            for b in live.blocks.iter().filter(|b| {
                b.current()
                    .item
                    .library()
                    .is_some_and(|e| std::ptr::eq(e, slot.exercise))
            }) {
                served = true;
                unanswered |= answer.is_none();
                response = worst_response(response.into_iter().chain(answer));
                worst = worst.max(b.worst_pain_of(id));
                let step = b.current();
                let done = || step.done.iter().filter(|s| s.amount > 0);
                complete &= done().count() >= step.item.targets.len()
                    && step
                        .item
                        .targets
                        .iter()
                        .zip(done())
                        .all(|(t, d)| d.amount >= t.amount && d.load >= t.load);
            }
        }
        if !served {
            return Verdict::NotTrained;
        }
        if let Some(d @ (DoseDecision::StepBack | DoseDecision::Hold)) =
            response.map(twenty_four_hour_rule)
        {
            return Verdict::Dose(d);
        }
        if let Some(p) = worst.filter(|p| pain_band(*p) != PainBand::Go) {
            return Verdict::Modified(p.value());
        }
        if !complete {
            return Verdict::Incomplete;
        }
        if unanswered {
            return Verdict::NoResponse;
        }
        Verdict::Dose(DoseDecision::Progress)
    }

    /// rules §3: no exercise rises more than 10 % in load or in weekly volume over
    /// last week, whatever changed; the heavier step of double progression keeps the
    /// volume where it was. A dose that would need sets too small to count goes in fewer
    /// of the week's sessions; what cannot fit at all moves one rung down until something
    /// does, or waits a week.
    pub(super) fn cap_to(&mut self, record: &BTreeMap<&'static str, WeeklyDose>) {
        // Fitted in place, out of the map (nothing below reads another slot).
        let mut slots = std::mem::take(&mut self.slots);
        // What earlier slots already take of an exercise's week.
        let mut taken: BTreeMap<&'static str, WeeklyDose> = BTreeMap::new();
        for (l, slot) in slots.iter_mut() {
            let sessions: Vec<u8> = self
                .templates
                .iter()
                .enumerate()
                .filter(|(_, t)| t.contains(l))
                .map(|(i, _)| i as u8)
                .collect();
            slot.only_in = None;
            loop {
                let id = slot.exercise.id;
                let heavier = matches!(slot.reason, Reason::Progressed(Change::Heavier { .. }));
                let already = taken.get(id).copied().unwrap_or_default();
                let (last, ceiling) = (record.get(id).copied(), self.ceiling.get(id).copied());
                let Some(limit) = this_week_limit(last, ceiling, already, heavier) else {
                    break;
                };
                match fit_sessions(
                    &slot.rx,
                    sessions.len() as u32,
                    limit,
                    self.owned(),
                    slot.exercise.range.0,
                ) {
                    Some((rx, k)) => {
                        let trimmed = rx.is_some() || (k as usize) < sessions.len();
                        if let Some(rx) = rx {
                            slot.rx = rx;
                        }
                        if trimmed {
                            // A rise held back says so; a dose already lower for a reason
                            // (after a flare, a break, pain) keeps its reason.
                            if matches!(
                                slot.reason,
                                Reason::Progressed(_)
                                    | Reason::Start
                                    | Reason::LadderUp { .. }
                                    | Reason::GoalLift { .. }
                                    | Reason::HeldAtTop
                                    | Reason::HeldNotTrained
                                    | Reason::HeldIncomplete
                                    | Reason::HeldNoResponse
                                    | Reason::HeldPain(_)
                                    | Reason::HeldStillRaised
                                    | Reason::HeldSmallest
                            ) {
                                slot.reason = Reason::CappedWeekly;
                            }
                        }
                        if (k as usize) < sessions.len() {
                            slot.only_in = Some(sessions[..k as usize].to_vec());
                        }
                        break;
                    }
                    None => match lower_rung(slot.exercise, self.owned(), self.phase.number()) {
                        Some(e) => {
                            *slot = Slot {
                                reason: Reason::CappedWeekly,
                                ..self.fresh(e, Reason::Start)
                            }
                        }
                        None => {
                            slot.only_in = Some(Vec::new());
                            break;
                        }
                    },
                }
            }
            let k = slot.only_in.as_ref().map_or(sessions.len(), Vec::len) as u32;
            taken
                .entry(slot.exercise.id)
                .or_default()
                .add(WeeklyDose::of(&slot.rx, k));
        }
        self.slots = slots;
    }
}

/// rules §5 at moment `at` of the week that began at `week_from` (ms): flare-up mode
/// while a flare runs; easing back in for the rest of a week a flare ran in; training
/// otherwise. The plan for a day is the plan at the end of that day; every view the
/// planner takes inside a week uses the same rule at its own moment.
pub(super) fn mode_at(
    at: i64,
    week_from: i64,
    spans: &[FlareSpan],
    checkins: &[CheckIn],
    day: NaiveDate,
) -> Mode {
    if let Some(s) = spans.iter().rev().find(|s| s.runs_at(at)) {
        return Mode::Flare {
            since: s.start.0,
            exit_ready: flare_exit_ready(checkins, s.start.0, day),
        };
    }
    let touched = spans
        .iter()
        .any(|s| s.start.1 <= at && s.end.is_none_or(|(_, e)| e > week_from));
    if touched {
        Mode::Resuming
    } else {
        Mode::Training
    }
}

/// The least the plan showed of each exercise so far this week. A week's plan holds a
/// dozen exercises, and this is updated after every change: a list, compared by the
/// library entry itself, is quicker than a map of names.
#[derive(Debug, Clone, Default)]
pub(super) struct Seen(Vec<(&'static Exercise, WeeklyDose)>);

impl Seen {
    /// Keeps, field by field, the least of what was seen and `d`.
    pub(super) fn take_least(&mut self, e: &'static Exercise, d: WeeklyDose) {
        match self.0.iter_mut().find(|(x, _)| std::ptr::eq(*x, e)) {
            Some((_, r)) => {
                r.volume = r.volume.min(d.volume);
                r.amount = r.amount.min(d.amount);
                r.load = r.load.min(d.load);
            }
            None => self.0.push((e, d)),
        }
    }

    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    pub(super) fn to_map(&self) -> BTreeMap<&'static str, WeeklyDose> {
        self.0.iter().map(|(e, d)| (e.id, *d)).collect()
    }

    pub(super) fn from_map(m: &BTreeMap<&'static str, WeeklyDose>) -> Seen {
        Seen(
            m.iter()
                .filter_map(|(id, d)| Some((exercise(id)?, *d)))
                .collect(),
        )
    }
}

/// Whether two views of a session show the same exercises (the same library entries) at
/// the same doses.
pub(super) fn same_view(
    a: &[(&'static Exercise, WeeklyDose)],
    b: &[(&'static Exercise, WeeklyDose)],
) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|((x, d), (y, e))| std::ptr::eq(*x, *y) && d == e)
}

/// Each exercise's least of two weeks' doses: field by field where both have it.
pub(super) fn least_of(
    a: &BTreeMap<&'static str, WeeklyDose>,
    b: &BTreeMap<&'static str, WeeklyDose>,
) -> BTreeMap<&'static str, WeeklyDose> {
    let mut out = a.clone();
    for (id, d) in b {
        out.entry(id)
            .and_modify(|x| {
                x.volume = x.volume.min(d.volume);
                x.amount = x.amount.min(d.amount);
                x.load = x.load.min(d.load);
            })
            .or_insert(*d);
    }
    out
}

pub(super) fn harder(ex: &Exercise, profile: &Profile, phase: Phase) -> Option<&'static Exercise> {
    ladder(ex.ladder)
        .skip(ex.rung() + 1)
        .find(|e| auto_allowed(e, profile, phase))
}

pub(super) enum Verdict {
    NotTrained,
    Dose(DoseDecision),
    Modified(u8),
    Incomplete,
    NoResponse,
}
