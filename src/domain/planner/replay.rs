//! Inside a week: sessions replayed through the one session model, their pain and stops.

use super::*;

impl<'a> State<'a> {
    pub(super) fn run_week(&mut self, events: &[(EvKey, Ev)], spans: &[FlareSpan]) {
        for ((at, ..), ev) in events {
            let changed = match *ev {
                Ev::Setup(i) => {
                    self.apply_setup(i);
                    true
                }
                Ev::Swap(i) => {
                    let s = &self.history.swaps[i];
                    self.apply_swap(&s.from, &s.to);
                    true
                }
                Ev::Resume(i) => {
                    self.paused.remove(&self.history.resumes[i].exercise);
                    true
                }
                // A session that starts as planned, or ends without a spike, changes nothing
                // of what the plan shows in training (most of them): no new look needed.
                Ev::Start(i) => {
                    let slot = self.history.sessions[i].slot;
                    if self.training_at(*at, spans) {
                        let [mut before, mut after] = std::mem::take(&mut self.views);
                        before.clear();
                        self.slot_view(slot, true, &mut |e, d| before.push((e, d)));
                        self.start_session(i);
                        after.clear();
                        self.slot_view(slot, true, &mut |e, d| after.push((e, d)));
                        let changed = !same_view(&before, &after);
                        self.views = [before, after];
                        changed
                    } else {
                        self.start_session(i);
                        true
                    }
                }
                Ev::Entry(i, j) => self.entry(i, j),
                Ev::End(i) => {
                    let stepped_back = self.end_session(i);
                    stepped_back || !self.training_at(*at, spans)
                }
                Ev::Day => true,
            };
            if changed {
                self.see(*at, spans);
            }
        }
    }

    /// Takes in what the plan shows on `day` now: the week's record keeps, for each
    /// exercise, the least the user saw of it, the base the next week's 10 % counts from.
    pub(super) fn see(&mut self, at: i64, spans: &[FlareSpan]) {
        let training = self.training_at(at, spans);
        // Each exercise's weekly dose, summed over the week's sessions: the same figures
        // as `weekly_doses(&self.sessions_now())`, without building the sessions. A plan
        // holds a dozen exercises: a list is quicker than a map.
        let [mut sum, other] = std::mem::take(&mut self.views);
        sum.clear();
        for i in 0..self.templates.len() {
            self.slot_view(i as u8, training, &mut |e, d| match sum
                .iter_mut()
                .find(|(x, _)| std::ptr::eq(*x, e))
            {
                Some((_, total)) => total.add(d),
                None => sum.push((e, d)),
            });
        }
        for (e, d) in &sum {
            self.seen.take_least(e, *d);
        }
        self.views = [sum, other];
    }

    pub(super) fn start_session(&mut self, i: usize) {
        let log = &self.history.sessions[i];
        for (_, _, open) in &mut self.week.lives {
            *open = false;
        }
        let live = if log.served.is_empty() {
            // Stored before sessions kept what they served: serve what the plan had.
            let mut items: Vec<ServedItem> = self
                .slots_of(log.slot)
                .map(|s| ServedItem::from_library(s.exercise, &s.rx, s.reason.clone(), s.chosen))
                .collect();
            items.extend(self.extras());
            LiveSession::start(log.day, log.slot, log.started_ms, items)
        } else {
            let served = log.served.iter().cloned();
            LiveSession::start(log.day, log.slot, log.started_ms, served)
        };
        self.week.lives.push((i, live, true));
    }

    /// One stored entry of session `i`; true when it changed what the plan shows.
    pub(super) fn entry(&mut self, i: usize, j: usize) -> bool {
        let Some(k) = self.week.lives.iter().position(|(x, _, _)| *x == i) else {
            return false;
        };
        let logged = &self.history.sessions[i].entries[j];
        let slot = self.week.lives[k].1.slot;
        // Only pain 5+ can swap an exercise in and need a dose: the week as it stands is
        // worked out then, before the session changes.
        let stop = match &logged.entry {
            Entry::Pain { pain, .. } => pain.value() >= 5,
            Entry::Set(s) => s.pain.is_some_and(|p| p.value() >= 5),
            _ => false,
        };
        let week = stop.then(|| (self.dosing(), self.sessions_now()));
        let mut live = std::mem::replace(
            &mut self.week.lives[k].1,
            LiveSession::start(self.history.sessions[i].day, slot, 0, []),
        );
        let dose = |from: &Exercise, to: &'static Exercise| {
            let (dosing, sessions) = week.as_ref()?;
            dosing
                .dose(dosing.ladder_of(from), to, sessions, Some(slot))
                .map(|(rx, _)| rx)
        };
        let ctx = Ctx {
            owned: &self.profile.equipment,
            phase: self.phase,
            dose: &dose,
        };
        let outcome = live.log(logged.at_ms, &logged.entry, &ctx);
        self.week.lives[k].1 = live;
        let changed = outcome != Outcome::Nothing;
        self.apply_outcome(outcome);
        changed
    }

    /// rules §2 pain 5+, for the rest of the week and the next: the movement is not
    /// served again this week, and its ladder continues on the easier movement; with none
    /// below, the exercise is paused until the user brings it back, a step lighter.
    pub(super) fn apply_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            Outcome::Paused { key, pain } => {
                if let Some(e) = exercise(&key) {
                    self.pause_library(e, pain);
                }
                self.paused.insert(key);
            }
            Outcome::Stopped { from, to, pain } => {
                self.week.stopped.insert(from.id);
                let Some(l) = self.slot_ladder_of(from) else {
                    return;
                };
                self.week.changed.insert(l);
                let slot = &self.slots[&l];
                // Another slot may hold the easier rung already: one further down.
                let others: Vec<&str> = self
                    .slots
                    .iter()
                    .filter(|(x, _)| **x != l)
                    .map(|(_, s)| s.exercise.id)
                    .collect();
                let to = if others.contains(&to.id) {
                    easier_variation_avoiding(from, self.owned(), self.phase.number(), &others)
                } else {
                    Some(to)
                };
                let Some(to) = to else {
                    // Nothing of another movement left below: paused, as with no rung.
                    if slot.exercise.id == from.id {
                        self.pause_library(from, pain);
                        self.paused.insert(from.id.to_string());
                    }
                    return;
                };
                if slot.exercise.id == from.id || slot.exercise.rung() > to.rung() {
                    let (rx, only_in) = self.mid_week(l, to, None);
                    self.slots.insert(
                        l,
                        Slot {
                            exercise: to,
                            rx,
                            reason: Reason::SwappedForPain {
                                from: from.id,
                                pain: pain.value(),
                            },
                            chosen: false,
                            before_choice: None,
                            only_in,
                        },
                    );
                } else if slot.exercise.id == to.id {
                    // The slot holds it already: what the session just took of it comes
                    // off the rest of the week.
                    let slot = slot.clone();
                    let (rx, only_in) = self.mid_week_with(l, to, slot.rx.clone(), None);
                    self.slots.insert(
                        l,
                        Slot {
                            rx,
                            only_in,
                            ..slot
                        },
                    );
                }
            }
        }
    }

    /// The ladder of the plan whose slot holds `e`, or else one of its own ladder.
    pub(super) fn slot_ladder_of(&self, e: &Exercise) -> Option<Ladder> {
        self.slots
            .iter()
            .find(|(_, s)| s.exercise.id == e.id)
            .or_else(|| {
                self.slots
                    .iter()
                    .find(|(_, s)| s.exercise.ladder == e.ladder)
            })
            .map(|(l, _)| *l)
    }

    /// rules §2 pain 5+ with no easier movement below: the library exercise is
    /// stopped for the week and paused; when the user brings it back, it comes back 10–20 %
    /// smaller (in whole reps or sets), its reason saying why.
    pub(super) fn pause_library(&mut self, e: &'static Exercise, pain: Pain) {
        self.week.stopped.insert(e.id);
        let Some(l) = self
            .slots
            .iter()
            .find(|(_, s)| s.exercise.id == e.id)
            .map(|(l, _)| *l)
        else {
            return;
        };
        self.week.changed.insert(l);
        if let Some(slot) = self.slots.get_mut(&l) {
            let (rx, change) = match less_volume(&slot.rx) {
                Some(rx) => {
                    let change = Change::Volume {
                        from: slot.rx.volume(),
                        to: rx.volume(),
                    };
                    (rx, change)
                }
                None => scale_volume(&slot.rx, 85),
            };
            slot.rx = rx;
            slot.reason = Reason::EasiestAlready {
                pain: pain.value(),
                change,
            };
        }
    }

    /// A session ends; true when a spike stepped what it trained back.
    pub(super) fn end_session(&mut self, i: usize) -> bool {
        let Some(k) = self.week.lives.iter().position(|(x, _, _)| *x == i) else {
            return false;
        };
        self.week.lives[k].2 = false;
        if self.history.sessions[i].response != Some(Response24h::Spiked) {
            return false;
        }
        // rules §2, a spike: too much too soon. What the session trained steps back for
        // the rest of the week and the next, once a week per ladder.
        let trained: Vec<&'static str> = self.week.lives[k]
            .1
            .blocks
            .iter()
            .filter(|b| b.steps.iter().any(|s| s.sets_done() > 0) || !b.pains.is_empty())
            .filter_map(|b| b.current().item.library())
            .map(|e| e.id)
            .collect();
        let ladders: Vec<Ladder> = self
            .slots
            .iter()
            .filter(|(l, s)| trained.contains(&s.exercise.id) && !self.week.changed.contains(l))
            .map(|(l, _)| *l)
            .collect();
        for l in ladders {
            let slot = self.slots[&l].clone();
            let mut next = self.stepped_back(&slot);
            if next.exercise.id != slot.exercise.id {
                // An easier variation coming in mid-week: within the week's 10 %.
                let (rx, only_in) = self.mid_week_with(l, next.exercise, next.rx.clone(), None);
                next.rx = rx;
                next.only_in = only_in;
            }
            self.slots.insert(l, next);
            self.week.changed.insert(l);
        }
        true
    }

    /// rules §2 spike: 10–20 % lighter, or fewer reps, or an easier variation.
    pub(super) fn stepped_back(&self, slot: &Slot) -> Slot {
        let ex = slot.exercise;
        match step_back_dose(&slot.rx, ex, self.owned(), self.phase.number()) {
            // A choice made by hand stays one: swapping back still restores the plan's.
            StepBack::Lighter(rx, c) | StepBack::LessVolume(rx, c) => Slot {
                rx,
                reason: Reason::SteppedBack(c),
                ..slot.clone()
            },
            StepBack::Easier(e) => Slot {
                reason: Reason::SteppedBackEasier { from: ex.id },
                before_choice: slot.before_choice.clone(),
                ..self.fresh(e, Reason::Start)
            },
            StepBack::AsSmallAsItGoes => Slot {
                reason: Reason::HeldSmallest,
                ..slot.clone()
            },
        }
    }
}
