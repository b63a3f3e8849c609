//! Changes the user makes mid-plan: swaps by hand and setup changes (equipment, days, goal).

use super::*;

impl<'a> State<'a> {
    /// A swap chosen by hand; ignored when stale or not valid for this user now. Swapping
    /// back to what a swap replaced restores it as it was.
    pub(super) fn apply_swap(&mut self, from: &str, to: &str) {
        let Some(target) = exercise(to) else { return };
        let Some(l) = self
            .slots
            .iter()
            .find(|(_, s)| s.exercise.id == from)
            .map(|(l, _)| *l)
        else {
            return;
        };
        let slot = self.slots[&l].clone();
        let next = match slot.before_choice.as_deref() {
            Some(before)
                if before.exercise.id == to
                    && swap_allowed(before.exercise, self.owned(), self.phase)
                    && !held_back(
                        before.exercise,
                        &self.week.stopped.iter().copied().collect::<Vec<_>>(),
                    ) =>
            {
                // Back as it was (on the equipment the user has now), within this week's 10 %.
                let rx = self.on_equipment_now(before.exercise, &before.rx);
                let (rx, only_in) = self.mid_week_with(l, before.exercise, rx, self.open_slot());
                Slot {
                    rx,
                    only_in,
                    reason: Reason::BackToPlan {
                        from: slot.exercise.id,
                    },
                    ..before.clone()
                }
            }
            _ => {
                let in_use = self.slots.values().any(|s| s.exercise.id == to);
                if in_use
                    || target.ladder != slot.exercise.ladder
                    || !swap_allowed(target, self.owned(), self.phase)
                    || held_back(
                        target,
                        &self.week.stopped.iter().copied().collect::<Vec<_>>(),
                    )
                {
                    return;
                }
                let before = match slot.before_choice.clone() {
                    Some(b) => b,
                    None => Box::new(slot.clone()),
                };
                // No room left for it in this week's 10 %: the swap waits (the app does not
                // offer it).
                let Some((rx, only_in)) =
                    self.dosing()
                        .dose(l, target, &self.sessions_now(), self.open_slot())
                else {
                    return;
                };
                let only_in = Some(only_in);
                Slot {
                    exercise: target,
                    rx,
                    reason: Reason::ChosenByYou {
                        from: slot.exercise.id,
                    },
                    chosen: true,
                    before_choice: Some(before),
                    only_in,
                }
            }
        };
        let item =
            ServedItem::from_library(next.exercise, &next.rx, next.reason.clone(), next.chosen);
        // A session under way takes it only where this week has room for it.
        let room = |slot: u8| next.only_in.as_ref().is_none_or(|o| o.contains(&slot));
        for (_, live, open) in &mut self.week.lives {
            if *open && room(live.slot) {
                live.swap(from, item.clone());
            }
        }
        self.slots.insert(l, next);
    }

    /// rules §4: new equipment counts from the next session. An exercise the user can
    /// no longer do moves to the nearest rung they can; loads go to the new real steps,
    /// never up; and the week stays within its 10 %.
    pub(super) fn apply_setup(&mut self, i: usize) {
        let before = self.profile.equipment.clone();
        self.profile = self.base.with_setup(&self.history.setups[i].setup);
        self.setup_this_week = true;
        let ladders: Vec<Ladder> = self.slots.keys().copied().collect();
        for l in ladders {
            let slot = self.slots[&l].clone();
            let owned = self.owned().clone();
            let still = slot.exercise.is_doable_with(&owned);
            if let Some(to) = self.uses_new_equipment(l, &slot, &before).filter(|_| still) {
                self.move_to_new_equipment(l, &slot, to);
                continue;
            }
            let mut rx = slot.rx.clone();
            if still && !owned.has(rx.equipment) {
                rx.equipment = slot
                    .exercise
                    .equipment_for(&owned)
                    .unwrap_or(crate::domain::equipment::Equipment::Bodyweight);
            }
            let reround = |rx: &mut Prescription| {
                if rx.equipment.is_loadable() {
                    for s in &mut rx.sets {
                        s.load = owned.round_down(rx.equipment, s.load);
                    }
                } else {
                    rx.sets.iter_mut().for_each(|s| s.load = Grams::ZERO);
                }
            };
            reround(&mut rx);
            let fits = still && rx.max_load() <= slot.rx.max_load();
            if fits {
                if rx != slot.rx {
                    self.slots.insert(
                        l,
                        Slot {
                            rx,
                            reason: Reason::EquipmentLoads,
                            ..slot
                        },
                    );
                }
                continue;
            }
            // The nearest lower rung the new equipment allows that no other slot holds and
            // no pain held back this week; else where the ladder starts.
            let in_use: Vec<&str> = self
                .slots
                .iter()
                .filter(|(x, _)| **x != l)
                .map(|(_, s)| s.exercise.id)
                .collect();
            let stopped: Vec<&'static str> = self.week.stopped.iter().copied().collect();
            let usable = |e: &&'static Exercise| {
                e.is_doable_with(&owned)
                    && e.allowed_in_phase(self.phase.number())
                    && !in_use.contains(&e.id)
                    && !held_back(e, &stopped)
            };
            let to = ladder(slot.exercise.ladder)
                .take(slot.exercise.rung())
                .filter(usable)
                .last()
                .or_else(|| {
                    starting_exercise(l, &self.profile, self.phase, &in_use)
                        .filter(|e| !held_back(e, &stopped))
                });
            if let Some(to) = to {
                let (rx, only_in) = self.mid_week(l, to, None);
                self.slots.insert(
                    l,
                    Slot {
                        exercise: to,
                        rx,
                        reason: Reason::EquipmentChanged {
                            from: slot.exercise.id,
                        },
                        chosen: false,
                        before_choice: None,
                        only_in,
                    },
                );
            } else {
                self.slots.remove(&l);
            }
        }
    }

    /// `rx` of `e` on the equipment the user has now: the same loads on their real steps
    /// (never up), or, when what carried it is gone and its replacement is loaded
    /// differently, the light start of `e`.
    pub(super) fn on_equipment_now(&self, e: &'static Exercise, rx: &Prescription) -> Prescription {
        let owned = self.owned();
        if owned.has(rx.equipment) {
            let mut rx = rx.clone();
            if rx.equipment.is_loadable() {
                for s in &mut rx.sets {
                    s.load = owned.round_down(rx.equipment, s.load);
                }
            }
            return rx;
        }
        let eq = e
            .equipment_for(owned)
            .unwrap_or(crate::domain::equipment::Equipment::Bodyweight);
        if eq.is_loadable() != rx.equipment.is_loadable() {
            return starting_dose(e, owned, self.phase);
        }
        let mut rx = rx.clone();
        rx.equipment = eq;
        for s in &mut rx.sets {
            s.load = if eq.is_loadable() {
                owned.round_down(eq, s.load)
            } else {
                Grams::ZERO
            };
        }
        rx
    }

    /// rules §4, equipment added: the variation of `slot`'s ladder for this phase that
    /// is done with equipment the user did not have (`before`), no harder than today's
    /// rung — the hardest such, which may be today's exercise itself, now with it. A
    /// choice made by hand stays as it is.
    pub(super) fn uses_new_equipment(
        &self,
        l: Ladder,
        slot: &Slot,
        before: &EquipmentSet,
    ) -> Option<&'static Exercise> {
        if slot.chosen {
            return None;
        }
        let owned = self.owned();
        let added = |e: &Exercise| {
            e.equipment_for(owned)
                .is_some_and(|eq| eq != slot.rx.equipment && !before.has(eq))
        };
        let in_use: Vec<&str> = self
            .slots
            .iter()
            .filter(|(x, _)| **x != l)
            .map(|(_, s)| s.exercise.id)
            .collect();
        let stopped: Vec<&'static str> = self.week.stopped.iter().copied().collect();
        ladder(slot.exercise.ladder)
            .take(slot.exercise.rung() + 1)
            .filter(|e| added(e) && auto_allowed(e, &self.profile, self.phase))
            .filter(|e| !in_use.contains(&e.id) && !held_back(e, &stopped))
            .filter(|e| !self.paused.contains(e.id))
            .last()
    }

    /// The slot of ladder `l` moves to `to` with the new equipment, from a light start held
    /// to last week's dose of what it replaces: +10 % at most, rep for rep where that was
    /// done without load (`progression::loaded_after_unloaded`).
    pub(super) fn move_to_new_equipment(&mut self, l: Ladder, slot: &Slot, to: &'static Exercise) {
        let from = slot.exercise;
        let rx = starting_dose(to, self.owned(), self.phase);
        let last = self
            .last_week
            .get(from.id)
            .or(self.last_week.get(to.id))
            .copied();
        let (rx, only_in) = match self.dosing().fit_from(
            l,
            to,
            rx.clone(),
            last,
            &[from.id],
            &self.sessions_now(),
            None,
        ) {
            Some((fitted, only_in)) => (fitted, Some(only_in)),
            None => (rx, Some(Vec::new())),
        };
        let equipment = rx.equipment;
        self.slots.insert(
            l,
            Slot {
                exercise: to,
                rx,
                reason: Reason::NewEquipment {
                    from: (to.id != from.id).then_some(from.id),
                    equipment,
                },
                chosen: false,
                before_choice: None,
                only_in,
            },
        );
    }
}
