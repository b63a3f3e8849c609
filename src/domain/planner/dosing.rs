//! How an exercise is first dosed: the rung the planner starts on, its starting prescription,
//! and what fits a newly chosen exercise into the week.

use super::*;

/// rules §2: after pain 5+ on an exercise, its movement (on any rung) and the harder
/// rungs of its ladder wait for next week.
pub(super) fn held_back(e: &Exercise, stopped: &[&'static str]) -> bool {
    stopped
        .iter()
        .filter_map(|id| exercise(id))
        .any(|x| (x.ladder == e.ladder && e.rung() >= x.rung()) || x.same_movement(e))
}

/// Whether an exercise may be chosen by hand: doable, and allowed in the phase (so never
/// a careful one before phase 3).
pub(super) fn swap_allowed(e: &Exercise, owned: &EquipmentSet, phase: Phase) -> bool {
    e.is_doable_with(owned) && e.allowed_in_phase(phase.number())
}

/// The dose an exercise swapped in for pain starts at (`from`, `to`), as the planner keeps
/// it within the week's 10 %.
pub type DoseFn<'a> = dyn Fn(&Exercise, &'static Exercise) -> Option<Prescription> + 'a;

/// What fitting a new exercise into this week needs: last week's doses, the ladder each
/// exercise of the plan stands in, and the week's sessions.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Dosing {
    pub(super) last: BTreeMap<&'static str, WeeklyDose>,
    /// This week's most, the first week back after a flare.
    pub(super) ceiling: BTreeMap<&'static str, WeeklyDose>,
    pub(super) owned: EquipmentSet,
    pub(super) phase: Option<Phase>,
    pub(super) templates: Vec<Vec<Ladder>>,
    pub(super) slot_of: BTreeMap<&'static str, Ladder>,
}

impl Dosing {
    /// The ladder of the plan `e` stands in (a swap by hand can put it in another ladder
    /// of the same pattern).
    pub(super) fn ladder_of(&self, e: &Exercise) -> Ladder {
        self.slot_of.get(e.id).copied().unwrap_or(e.ladder)
    }

    /// rules §3 for an exercise coming in mid-week in ladder `l`: its first dose and
    /// the sessions it goes in (the open one, `now_in`, first), trimmed so that what this
    /// week has served of it plus what is to come stay within 10 % of last week's.
    /// `None` when the week has no room left for it.
    pub(super) fn dose(
        &self,
        l: Ladder,
        e: &'static Exercise,
        sessions: &[PlannedSession],
        now_in: Option<u8>,
    ) -> Option<(Prescription, Vec<u8>)> {
        let phase = self.phase.unwrap_or(Phase::Restore);
        self.fit(l, e, starting_dose(e, &self.owned, phase), sessions, now_in)
    }

    /// `dose`, for a given dose (an exercise coming back as it was).
    pub(super) fn fit(
        &self,
        l: Ladder,
        e: &'static Exercise,
        rx: Prescription,
        sessions: &[PlannedSession],
        now_in: Option<u8>,
    ) -> Option<(Prescription, Vec<u8>)> {
        let last = self.last.get(e.id).copied();
        self.fit_from(l, e, rx, last, &[], sessions, now_in)
    }

    /// `fit`, held to `last` as last week's dose, counting what this week served of `e`
    /// and of the exercises in `also` (the one it takes the place of).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn fit_from(
        &self,
        l: Ladder,
        e: &'static Exercise,
        rx: Prescription,
        last: Option<WeeklyDose>,
        also: &[&str],
        sessions: &[PlannedSession],
        now_in: Option<u8>,
    ) -> Option<(Prescription, Vec<u8>)> {
        let mut already = WeeklyDose::default();
        let mut candidates: Vec<u8> = now_in.into_iter().collect();
        let counts = |id: &str| id == e.id || also.contains(&id);
        for s in sessions {
            if s.started {
                for pe in s.exercises.iter().filter(|pe| counts(pe.exercise.id)) {
                    already.add(WeeklyDose::of(&pe.prescription, 1));
                }
            } else if self
                .templates
                .get(usize::from(s.slot))
                .is_some_and(|t| t.contains(&l))
            {
                candidates.push(s.slot);
            }
        }
        let ceiling = self.ceiling.get(e.id).copied();
        let Some(limit) = this_week_limit(last, ceiling, already, false) else {
            return Some((rx, candidates));
        };
        let (trimmed, k) =
            fit_sessions(&rx, candidates.len() as u32, limit, &self.owned, e.range.0)?;
        candidates.truncate(k as usize);
        Some((trimmed.unwrap_or(rx), candidates))
    }
}

/// Whether the planner may pick `e` by itself: the phase allows it, the user owns what it
/// needs, and a careful barbell lift only for users who asked for one.
pub(super) fn auto_allowed(e: &Exercise, profile: &Profile, phase: Phase) -> bool {
    e.is_doable_with(&profile.equipment)
        && e.allowed_in_phase(phase.number())
        && (!e.careful
            || (profile.goal.wants_barbell_lifts()
                && e.equipment == [crate::domain::equipment::Equipment::Barbell]))
}

/// The first variation of a ladder for this phase: for new lifters the easiest rung of the
/// phase, for returning lifters the hardest rung of the phase.
/// Exercises in `avoid` (already in another slot of the plan) are passed over.
pub(super) fn starting_exercise(
    l: Ladder,
    profile: &Profile,
    phase: Phase,
    avoid: &[&str],
) -> Option<&'static Exercise> {
    let ok: Vec<&'static Exercise> = ladder(l)
        .filter(|e| auto_allowed(e, profile, phase) && !avoid.contains(&e.id))
        .collect();
    let this_phase: Vec<&'static Exercise> = ok
        .iter()
        .copied()
        .filter(|e| e.min_phase == phase.number())
        .collect();
    match (this_phase.is_empty(), profile.experience) {
        (false, Experience::New) => this_phase.first().copied(),
        (false, Experience::Returning) => this_phase.last().copied(),
        (true, _) => ok.last().copied(),
    }
}

/// rules §7 (early on: fewer sets, lighter loads): the first dose of an exercise.
pub fn starting_dose(e: &Exercise, owned: &EquipmentSet, phase: Phase) -> Prescription {
    let eq = e
        .equipment_for(owned)
        .unwrap_or(crate::domain::equipment::Equipment::Bodyweight);
    let load = if eq.is_loadable() {
        owned.round_down(eq, e.start_load)
    } else {
        Grams::ZERO
    };
    let sets: u16 = if phase == Phase::Restore { 2 } else { 3 };
    // Enough reps in total that one more is no more than +10 %.
    let amount = match e.measure {
        crate::domain::library::Measure::Reps => e.range.0.max(10u16.div_ceil(sets)).min(e.range.1),
        crate::domain::library::Measure::Seconds | crate::domain::library::Measure::Minutes => {
            e.range.0
        }
    };
    let rest_seconds = match (e.measure, eq.is_loadable()) {
        (crate::domain::library::Measure::Reps, true) if phase == Phase::Reload => 120,
        (crate::domain::library::Measure::Reps, true) => 90,
        (crate::domain::library::Measure::Reps, false) => 60,
        (crate::domain::library::Measure::Seconds, _) => 45,
        (crate::domain::library::Measure::Minutes, _) => 0,
    };
    Prescription {
        exercise: Cow::Borrowed(e.id),
        equipment: eq,
        sets: vec![SetTarget { amount, load }; usize::from(sets)],
        tempo: Cow::Borrowed(e.tempo),
        rest_seconds,
    }
}
