//! The planner as it folds the history: the week's slots, what each serves, and the plan
//! it shows for this week.

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) exercise: &'static Exercise,
    pub(crate) rx: Prescription,
    pub(crate) reason: Reason,
    pub(crate) chosen: bool,
    /// What a swap by hand replaced, so swapping back restores it.
    pub(crate) before_choice: Option<Box<Slot>>,
    /// The sessions of this week it is in, when not all of its ladder's: fewer sessions
    /// keep a week within its 10 % without sets too small to count.
    pub(crate) only_in: Option<Vec<u8>>,
}

/// What happened this week so far.
#[derive(Default)]
pub(super) struct Week {
    /// Sessions started, with the history index they come from, oldest first.
    pub(super) lives: Vec<(usize, LiveSession, bool)>,
    /// Exercises stopped for pain 5+: not served again this week.
    pub(super) stopped: BTreeSet<&'static str>,
    /// Ladders changed during the week (pain 5+, a spike): not progressed at its end.
    pub(super) changed: BTreeSet<Ladder>,
}

pub(super) struct State<'a> {
    pub(super) base: &'a Profile,
    /// The profile with the setup in force now.
    pub(super) profile: Profile,
    /// The profile with the setup the week started with: its days and session length.
    pub(super) week_profile: Profile,
    pub(super) history: &'a History,
    pub(super) phase: Phase,
    pub(super) phase_weeks: Vec<WeekSummary>,
    pub(super) templates: Vec<Vec<Ladder>>,
    /// What `templates` were made for: phase, days a week, session minutes.
    pub(super) templates_for: Option<(Phase, u8, u16)>,
    pub(super) slots: BTreeMap<Ladder, Slot>,
    pub(super) last_week: BTreeMap<&'static str, WeeklyDose>,
    /// The doses of the last week before a flare, kept until the user is back.
    pub(super) before_flare: Option<BTreeMap<&'static str, WeeklyDose>>,
    /// This week's most of each exercise: set for the first week back after a flare.
    pub(super) ceiling: BTreeMap<&'static str, WeeklyDose>,
    pub(super) idle_weeks: u32,
    pub(super) walking: u16,
    pub(super) walking_step: Option<WalkingStep>,
    pub(super) flare_pending: bool,
    /// Exercises paused by pain 5+: own, physio, and library ones with nothing easier.
    pub(super) paused: BTreeSet<String>,
    pub(super) week: Week,
    pub(super) week_index: u32,
    /// The least the plan showed of each exercise this week, so far.
    pub(super) seen: Seen,
    /// Lists reused by each look at what the plan shows (see `slot_view`).
    pub(super) views: [Vec<(&'static Exercise, WeeklyDose)>; 2],
    /// Whether a setup change came this week: only then does next week's setup differ
    /// from this week's.
    pub(super) setup_this_week: bool,
}

/// The planner as a week opens, owning all of it: `State` without the inputs it reads.
#[derive(Debug, Clone)]
pub(crate) struct Opening {
    pub(crate) profile: Profile,
    pub(crate) week_profile: Profile,
    pub(crate) phase: Phase,
    pub(crate) phase_weeks: Vec<WeekSummary>,
    pub(crate) templates: Vec<Vec<Ladder>>,
    pub(crate) slots: BTreeMap<Ladder, Slot>,
    pub(crate) last_week: BTreeMap<&'static str, WeeklyDose>,
    pub(crate) before_flare: Option<BTreeMap<&'static str, WeeklyDose>>,
    pub(crate) ceiling: BTreeMap<&'static str, WeeklyDose>,
    pub(crate) idle_weeks: u32,
    pub(crate) walking: u16,
    pub(crate) walking_step: Option<WalkingStep>,
    pub(crate) flare_pending: bool,
    pub(crate) paused: BTreeSet<String>,
    pub(crate) week_index: u32,
    pub(crate) seen: BTreeMap<&'static str, WeeklyDose>,
}

impl<'a> State<'a> {
    pub(super) fn new(base: &'a Profile, history: &'a History) -> Self {
        let profile = base.with_setup(&history.setup_at(base, base.start, i64::MIN));
        let mut st = State {
            base,
            week_profile: profile.clone(),
            profile,
            history,
            phase: Phase::Restore,
            phase_weeks: Vec::new(),
            templates: Vec::new(),
            templates_for: None,
            slots: BTreeMap::new(),
            last_week: BTreeMap::new(),
            before_flare: None,
            ceiling: BTreeMap::new(),
            idle_weeks: 0,
            walking: WALK_START_MINUTES,
            walking_step: None,
            flare_pending: false,
            paused: BTreeSet::new(),
            week: Week::default(),
            week_index: 0,
            seen: Seen::default(),
            views: Default::default(),
            setup_this_week: false,
        };
        st.retemplate(false);
        st
    }

    /// Where the planner stands as a week opens (nothing of the week happened yet).
    pub(super) fn opening(&self) -> Opening {
        Opening {
            profile: self.profile.clone(),
            week_profile: self.week_profile.clone(),
            phase: self.phase,
            phase_weeks: self.phase_weeks.clone(),
            templates: self.templates.clone(),
            slots: self.slots.clone(),
            last_week: self.last_week.clone(),
            before_flare: self.before_flare.clone(),
            ceiling: self.ceiling.clone(),
            idle_weeks: self.idle_weeks,
            walking: self.walking,
            walking_step: self.walking_step,
            flare_pending: self.flare_pending,
            paused: self.paused.clone(),
            week_index: self.week_index,
            seen: self.seen.to_map(),
        }
    }

    pub(super) fn resume(base: &'a Profile, history: &'a History, o: Opening) -> Self {
        State {
            base,
            profile: o.profile,
            week_profile: o.week_profile,
            history,
            phase: o.phase,
            phase_weeks: o.phase_weeks,
            templates: o.templates,
            templates_for: None,
            slots: o.slots,
            last_week: o.last_week,
            before_flare: o.before_flare,
            ceiling: o.ceiling,
            idle_weeks: o.idle_weeks,
            walking: o.walking,
            walking_step: o.walking_step,
            flare_pending: o.flare_pending,
            paused: o.paused,
            week: Week::default(),
            week_index: o.week_index,
            seen: Seen::from_map(&o.seen),
            views: Default::default(),
            setup_this_week: false,
        }
    }

    pub(super) fn owned(&self) -> &EquipmentSet {
        &self.profile.equipment
    }

    pub(super) fn fresh(&self, e: &'static Exercise, reason: Reason) -> Slot {
        Slot {
            exercise: e,
            rx: starting_dose(e, self.owned(), self.phase),
            reason,
            chosen: false,
            before_choice: None,
            only_in: None,
        }
    }

    pub(super) fn dosing(&self) -> Dosing {
        Dosing {
            last: self.last_week.clone(),
            ceiling: self.ceiling.clone(),
            owned: self.profile.equipment.clone(),
            phase: Some(self.phase),
            templates: self.templates.clone(),
            slot_of: self
                .slots
                .iter()
                .map(|(l, s)| (s.exercise.id, *l))
                .collect(),
        }
    }

    /// The open session's slot, if a session is under way.
    pub(super) fn open_slot(&self) -> Option<u8> {
        self.week
            .lives
            .iter()
            .rev()
            .find(|(_, _, open)| *open)
            .map(|(_, l, _)| l.slot)
    }

    /// A new exercise for ladder `l` mid-week, within the week's 10 %: `None` when the
    /// week has no room left for it (then it waits for next week).
    pub(super) fn mid_week(
        &self,
        l: Ladder,
        e: &'static Exercise,
        now_in: Option<u8>,
    ) -> (Prescription, Option<Vec<u8>>) {
        self.mid_week_with(l, e, starting_dose(e, self.owned(), self.phase), now_in)
    }

    /// `mid_week`, for a given dose (an exercise coming back as it was).
    pub(super) fn mid_week_with(
        &self,
        l: Ladder,
        e: &'static Exercise,
        rx: Prescription,
        now_in: Option<u8>,
    ) -> (Prescription, Option<Vec<u8>>) {
        match self
            .dosing()
            .fit(l, e, rx.clone(), &self.sessions_now(), now_in)
        {
            Some((fitted, only_in)) => (fitted, Some(only_in)),
            None => (rx, Some(Vec::new())),
        }
    }

    /// Sets the sessions' ladders for the phase, days and session length; keeps each
    /// ladder's exercise and dose while still allowed, starts the others fresh, drops
    /// ladders no longer trained. On entering phase 3, goal lifts come back.
    pub(super) fn retemplate(&mut self, new_phase: bool) {
        let p = &self.week_profile;
        let key = (self.phase, p.clamped_days(), p.session_minutes);
        // The same phase, days and length give the same sessions (most weeks).
        if self.templates_for != Some(key) {
            self.templates = session_templates(key.0, key.1, key.2);
            self.templates_for = Some(key);
        }
        let templates = &self.templates;
        let trained = |l: &Ladder| templates.iter().any(|t| t.contains(l));
        // The slots still allowed stay as they are; the others start fresh with an exercise
        // no other slot holds.
        let (profile, phase) = (&self.profile, self.phase);
        self.slots.retain(|l, s| {
            trained(l)
                && if s.chosen {
                    swap_allowed(s.exercise, &profile.equipment, phase)
                } else {
                    auto_allowed(s.exercise, profile, phase)
                }
        });
        for l in Ladder::ALL.into_iter().filter(trained) {
            if self.slots.contains_key(&l) {
                continue;
            }
            let in_use: Vec<&str> = self.slots.values().map(|s| s.exercise.id).collect();
            if let Some(e) = starting_exercise(l, &self.profile, self.phase, &in_use) {
                let slot = self.fresh(e, Reason::Start);
                self.slots.insert(l, slot);
            }
        }
        if new_phase && self.phase == Phase::Reload {
            self.reintroduce_goal_lifts();
        }
    }

    /// rules §4 phase 3: barbell lifts return for users who want them, starting light.
    pub(super) fn reintroduce_goal_lifts(&mut self) {
        let (l, id) = match self.profile.goal {
            Goal::DeadliftAgain => (Ladder::Hinge, "barbell-deadlift"),
            Goal::SquatAgain => (Ladder::Squat, "barbell-back-squat"),
            Goal::EverydayStrength | Goal::BackToSport => return,
        };
        let Some(target) = exercise(id).filter(|e| auto_allowed(e, &self.profile, self.phase))
        else {
            return;
        };
        let fresh = self.fresh(target, Reason::Start);
        if let Some(slot) = self.slots.get_mut(&l) {
            if slot.exercise.id != id && !slot.chosen {
                *slot = Slot {
                    reason: Reason::GoalLift {
                        from: slot.exercise.id,
                    },
                    ..fresh
                };
            }
        }
    }

    /// The slots a session of this week serves, main patterns first, core last.
    pub(super) fn slots_of(&self, slot: u8) -> impl Iterator<Item = &Slot> + '_ {
        let ladders = self
            .templates
            .get(usize::from(slot))
            .map_or(&[][..], Vec::as_slice);
        // Paused for pain, or stopped for pain this week: not served.
        let served = move |l: &Ladder| {
            self.slots.get(l).filter(|s| {
                !self.paused.contains(s.exercise.id)
                    && !self.week.stopped.contains(s.exercise.id)
                    && s.only_in.as_ref().is_none_or(|o| o.contains(&slot))
            })
        };
        let core = |s: &&Slot| s.exercise.pattern() == Pattern::Core;
        let main = ladders.iter().filter_map(served).filter(move |s| !core(s));
        main.chain(ladders.iter().filter_map(served).filter(core))
    }

    /// The library exercises a session of this week serves, from the slots now.
    pub(super) fn planned(&self, slot: u8) -> Vec<PlannedExercise> {
        self.slots_of(slot)
            .map(|s| PlannedExercise {
                exercise: s.exercise,
                ramp_up: ramp_up_sets(s.rx.max_load(), s.rx.equipment, self.owned()),
                prescription: s.rx.clone(),
                reason: s.reason.clone(),
                chosen: s.chosen,
            })
            .collect()
    }

    /// Own and physio exercises not paused, for a strength session.
    pub(super) fn extras(&self) -> Vec<ServedItem> {
        let rehab = self
            .base
            .rehab
            .iter()
            .map(ServedItem::from_rehab)
            .filter(|i| !self.paused.contains(i.key.as_ref()));
        let own = self
            .base
            .own
            .iter()
            .map(ServedItem::from_own)
            .filter(|i| !self.paused.contains(i.key.as_ref()));
        rehab.chain(own).collect()
    }

    /// Whether the plan is in training mode at moment `at` of this week (not a flare, nor
    /// easing back in).
    pub(super) fn training_at(&self, at: i64, spans: &[FlareSpan]) -> bool {
        let week_from = self.week_from();
        mode_at(at, moment(week_from, 0), spans, &[], week_from) == Mode::Training
    }

    /// What session `slot` of the week shows of each library exercise, into `out`: the
    /// session under way (or done) as it serves, else what is planned; in flare-up mode or
    /// easing back in (`training` false), only a session still open. A replay asks this
    /// after every change: no list is built, `out` is reused.
    pub(super) fn slot_view(
        &self,
        slot: u8,
        training: bool,
        out: &mut impl FnMut(&'static Exercise, WeeklyDose),
    ) {
        match self
            .week
            .lives
            .iter()
            .rev()
            .find(|(_, l, _)| l.slot == slot)
        {
            Some((_, _, open)) if !training && !open => {}
            Some((_, live, _)) => {
                for b in &live.blocks {
                    let item = &b.current().item;
                    if let Some(e) = item.library() {
                        out(e, item.weekly_dose());
                    }
                }
            }
            None if training => {
                for s in self.slots_of(slot) {
                    out(s.exercise, WeeklyDose::of(&s.rx, 1));
                }
            }
            None => {}
        }
    }

    /// The week's sessions as they stand now.
    pub(super) fn sessions_now(&self) -> Vec<PlannedSession> {
        let dates = session_dates(&self.week_profile, self.week_no());
        self.templates
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let slot = i as u8;
                let date = dates.get(i).copied().unwrap_or(self.week_from());
                let live = self
                    .week
                    .lives
                    .iter()
                    .rev()
                    .find(|(_, l, _)| l.slot == slot);
                match live {
                    Some((h, live, _)) => {
                        let exercises: Vec<PlannedExercise> = live
                            .blocks
                            .iter()
                            .filter_map(|b| {
                                let step = b.current();
                                let e = step.item.library()?;
                                let rx = step.item.prescription();
                                Some(PlannedExercise {
                                    exercise: e,
                                    ramp_up: ramp_up_sets(
                                        rx.max_load(),
                                        rx.equipment,
                                        self.owned(),
                                    ),
                                    prescription: rx,
                                    reason: step.item.reason.clone().unwrap_or(Reason::Start),
                                    chosen: step.item.origin == Origin::ChosenByYou,
                                })
                            })
                            .collect();
                        let extras = live
                            .blocks
                            .iter()
                            .map(|b| &b.current().item)
                            .filter(|i| i.library().is_none())
                            .cloned()
                            .collect();
                        let loaded = exercises.iter().any(|e| e.prescription.is_loaded());
                        PlannedSession {
                            slot,
                            date,
                            warm_up: warm_up(loaded),
                            exercises,
                            extras,
                            started: true,
                            finished: self.history.sessions[*h].finished,
                            live: Some(live.clone()),
                        }
                    }
                    None => {
                        let exercises = self.planned(slot);
                        let loaded = exercises.iter().any(|e| e.prescription.is_loaded());
                        PlannedSession {
                            slot,
                            date,
                            warm_up: warm_up(loaded),
                            exercises,
                            extras: self.extras(),
                            started: false,
                            finished: false,
                            live: None,
                        }
                    }
                }
            })
            .collect()
    }

    pub(super) fn week_no(&self) -> u32 {
        self.week_index
    }

    pub(super) fn week_from(&self) -> NaiveDate {
        week_start(self.base.start, self.week_index)
    }
}

impl State<'_> {
    pub(super) fn this_week(self, week: u32, today: NaiveDate, spans: &[FlareSpan]) -> Plan {
        let week_from = week_start(self.base.start, week);
        // The last moment `today` can have anywhere: everything stored for today is in.
        let end_of_today = moment(today + chrono::Days::new(1), 0) + 28 * 3_600_000 - 1;
        let mode = mode_at(
            end_of_today,
            moment(week_from, 0),
            spans,
            &self.history.checkins,
            today,
        );
        let phase_step = phase_rule(self.phase, &self.phase_weeks);
        let weeks_in_phase = self.phase_weeks.len() as u32 + 1;
        let training = mode == Mode::Training;
        // The whole week, whatever the mode: a dose for a swap counts every session left.
        let week_sessions = self.sessions_now();
        let sessions: Vec<PlannedSession> = week_sessions
            .iter()
            .filter(|s| training || s.is_open())
            .cloned()
            .collect();
        let flare_routine = if matches!(mode, Mode::Flare { .. }) {
            FLARE_EXERCISES
                .iter()
                .filter_map(|id| exercise(id))
                .map(|e| (e, e.range.0))
                .collect()
        } else {
            Vec::new()
        };
        let walking = if training {
            walking_split(self.walking)
        } else {
            walking_split(self.walking.min(WALK_START_MINUTES))
        };
        let own = self
            .base
            .own
            .iter()
            .map(|o| {
                let careful = careful_for_now(o.careful, self.phase);
                PlannedOwn {
                    own: o.clone(),
                    careful_for_now: careful,
                    alternative: careful
                        .then(|| safe_alternative(o, self.owned(), self.phase))
                        .flatten(),
                    paused: self.paused.contains(&o.log_id()),
                }
            })
            .collect();
        let rehab = self
            .base
            .rehab
            .iter()
            .map(|r| PlannedRehab {
                rehab: r.clone(),
                paused: self.paused.contains(&r.log_id()),
            })
            .collect();
        Plan {
            day: today,
            week: week + 1,
            phase: self.phase,
            weeks_in_phase,
            phase_step,
            walking,
            walking_step: self.walking_step,
            mobility: daily_mobility(today),
            flare_routine,
            rehab,
            own,
            mode,
            sessions,
            phase_history: Vec::new(),
            equipment: self.profile.equipment.clone(),
            stopped_this_week: self.week.stopped.iter().copied().collect(),
            paused: self
                .slots
                .values()
                .filter(|s| self.paused.contains(s.exercise.id))
                .map(|s| s.exercise)
                .collect(),
            dosing: self.dosing(),
            week_sessions,
        }
    }
}
