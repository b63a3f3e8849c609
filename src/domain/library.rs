//! The movement library (rules §6): every exercise is one rung on a ladder of its
//! pattern, listed easiest to hardest. Cues are our own words.

use super::equipment::{Equipment, EquipmentSet};
use super::units::Grams;

/// The movement patterns of rules §6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pattern {
    Hinge,
    Squat,
    Glute,
    Core,
    UpperBack,
    Carry,
    Mobility,
    Walking,
}

impl Pattern {
    /// Every pattern; share links number patterns in this order, so it never changes.
    pub const ALL: [Pattern; 8] = [
        Pattern::Hinge,
        Pattern::Squat,
        Pattern::Glute,
        Pattern::Core,
        Pattern::UpperBack,
        Pattern::Carry,
        Pattern::Mobility,
        Pattern::Walking,
    ];

    /// The patterns strength sessions train.
    pub const STRENGTH: [Pattern; 6] = [
        Pattern::Hinge,
        Pattern::Squat,
        Pattern::Glute,
        Pattern::Core,
        Pattern::UpperBack,
        Pattern::Carry,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Pattern::Hinge => "Hip hinge",
            Pattern::Squat => "Squat",
            Pattern::Glute => "Glutes",
            Pattern::Core => "Core stability",
            Pattern::UpperBack => "Upper back",
            Pattern::Carry => "Carries",
            Pattern::Mobility => "Mobility",
            Pattern::Walking => "Walking",
        }
    }
}

/// A ladder: one line of progressions inside a pattern. Core and upper back hold more
/// than one ladder so that a session can train them from different directions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ladder {
    Hinge,
    Squat,
    Glute,
    CoreFront,
    CoreRotation,
    CoreSide,
    Carry,
    UpperPull,
    UpperRear,
    Mobility,
    Walking,
}

impl Ladder {
    pub const ALL: [Ladder; 11] = [
        Ladder::Hinge,
        Ladder::Squat,
        Ladder::Glute,
        Ladder::CoreFront,
        Ladder::CoreRotation,
        Ladder::CoreSide,
        Ladder::Carry,
        Ladder::UpperPull,
        Ladder::UpperRear,
        Ladder::Mobility,
        Ladder::Walking,
    ];

    pub fn pattern(self) -> Pattern {
        match self {
            Ladder::Hinge => Pattern::Hinge,
            Ladder::Squat => Pattern::Squat,
            Ladder::Glute => Pattern::Glute,
            Ladder::CoreFront | Ladder::CoreRotation | Ladder::CoreSide => Pattern::Core,
            Ladder::Carry => Pattern::Carry,
            Ladder::UpperPull | Ladder::UpperRear => Pattern::UpperBack,
            Ladder::Mobility => Pattern::Mobility,
            Ladder::Walking => Pattern::Walking,
        }
    }
}

/// How a dose of the exercise is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Reps,
    Seconds,
    Minutes,
}

impl Measure {
    pub fn short(self) -> &'static str {
        match self {
            Measure::Reps => "reps",
            Measure::Seconds => "s",
            Measure::Minutes => "min",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exercise {
    pub id: &'static str,
    pub name: &'static str,
    pub ladder: Ladder,
    /// Equipment that can carry it, in order of preference; `Bodyweight` means none needed.
    pub equipment: &'static [Equipment],
    pub measure: Measure,
    /// Working range per set (reps or seconds): start at the low end, progress to the high.
    pub range: (u16, u16),
    /// Down–pause–up seconds, e.g. "3-1-1"; empty where tempo does not apply.
    pub tempo: &'static str,
    pub cues: &'static [&'static str],
    /// How to shorten the range of motion when pain says modify (rules §2).
    pub shorter_range: Option<&'static str>,
    /// The weight a first session aims for, rounded down to what the user owns.
    pub start_load: Grams,
    /// The earliest phase in which the planner schedules it.
    pub min_phase: u8,
    /// "Careful for now" (rules §6): never planned before phase 3.
    pub careful: bool,
    pub each_side: bool,
    /// The movement it is, whatever carries the load: a barbell and a dumbbell Romanian
    /// deadlift are one movement, a kettlebell deadlift another. Pain 5+ stops the
    /// movement (rules §2), so a swap for pain goes to another one.
    pub movement: &'static str,
}

impl Exercise {
    const fn new(
        id: &'static str,
        name: &'static str,
        ladder: Ladder,
        equipment: &'static [Equipment],
        measure: Measure,
        range: (u16, u16),
        min_phase: u8,
    ) -> Self {
        Exercise {
            id,
            name,
            ladder,
            equipment,
            measure,
            range,
            tempo: "",
            cues: &[],
            shorter_range: None,
            start_load: Grams(8000),
            min_phase,
            careful: false,
            each_side: false,
            movement: id,
        }
    }
    /// Shares its movement with the other rungs of this name.
    const fn movement(mut self, m: &'static str) -> Self {
        self.movement = m;
        self
    }
    const fn tempo(mut self, t: &'static str) -> Self {
        self.tempo = t;
        self
    }
    const fn cues(mut self, c: &'static [&'static str]) -> Self {
        self.cues = c;
        self
    }
    const fn shorter(mut self, s: &'static str) -> Self {
        self.shorter_range = Some(s);
        self
    }
    const fn start(mut self, g: u32) -> Self {
        self.start_load = Grams(g);
        self
    }
    const fn careful(mut self) -> Self {
        self.careful = true;
        self.min_phase = 3;
        self
    }
    const fn sides(mut self) -> Self {
        self.each_side = true;
        self
    }

    pub fn pattern(&self) -> Pattern {
        self.ladder.pattern()
    }

    /// Whether `other` is the same movement (itself included).
    pub fn same_movement(&self, other: &Exercise) -> bool {
        self.movement == other.movement
    }

    /// Position on its ladder, 0 = easiest.
    pub fn rung(&self) -> usize {
        ladder(self.ladder)
            .position(|e| e.id == self.id)
            .unwrap_or(0)
    }

    /// The equipment this user would do it with (first preference they own), if any.
    pub fn equipment_for(&self, owned: &EquipmentSet) -> Option<Equipment> {
        self.equipment.iter().copied().find(|e| owned.has(*e))
    }

    pub fn is_doable_with(&self, owned: &EquipmentSet) -> bool {
        self.equipment_for(owned).is_some()
    }

    /// Whether the planner may schedule it in `phase` (rules §4 and §6).
    pub fn allowed_in_phase(&self, phase: u8) -> bool {
        self.min_phase <= phase && (!self.careful || phase >= 3)
    }
}

/// The whole library, each ladder in order from easiest to hardest.
pub static LIBRARY: &[Exercise] = TABLE;

mod table;
use table::TABLE;

/// Looks up an exercise of the library by id.
pub fn exercise(id: &str) -> Option<&'static Exercise> {
    LIBRARY.iter().find(|e| e.id == id)
}

/// Where each ladder's rungs lie in the table, worked out when the app is compiled; the
/// build fails if a ladder's rungs are not written together.
const RUNGS: [(usize, usize); Ladder::ALL.len()] = {
    let mut out = [(0, 0); Ladder::ALL.len()];
    let mut i = 0;
    while i < TABLE.len() {
        let l = TABLE[i].ladder as usize;
        let start = i;
        while i < TABLE.len() && TABLE[i].ladder as usize == l {
            i += 1;
        }
        assert!(out[l].1 == 0, "a ladder's rungs are split in the table");
        out[l] = (start, i);
    }
    out
};

/// The rungs of a ladder, easiest first.
pub fn ladder(l: Ladder) -> impl Iterator<Item = &'static Exercise> + Clone {
    let (from, to) = RUNGS[l as usize];
    LIBRARY[from..to].iter()
}

/// Rungs of `l` this user can do in `phase`, easiest first.
pub fn available_rungs<'a>(
    l: Ladder,
    owned: &'a EquipmentSet,
    phase: u8,
) -> impl Iterator<Item = &'static Exercise> + 'a {
    ladder(l).filter(move |e| e.is_doable_with(owned) && e.allowed_in_phase(phase))
}

/// The swap (rules §2, pain 5+): the nearest easier rung of the same ladder that is
/// another movement and that the user's equipment allows, or `None` when there is none
/// below `from`.
pub fn easier_variation(from: &Exercise, owned: &EquipmentSet) -> Option<&'static Exercise> {
    ladder(from.ladder)
        .take(from.rung())
        .filter(|e| e.is_doable_with(owned) && !e.same_movement(from))
        .last()
}

/// The next harder rung the user can do in `phase`, for when a variation is mastered.
pub fn harder_variation(
    from: &Exercise,
    owned: &EquipmentSet,
    phase: u8,
) -> Option<&'static Exercise> {
    let r = from.rung();
    ladder(from.ladder)
        .skip(r + 1)
        .find(|e| e.is_doable_with(owned) && e.allowed_in_phase(phase))
}

/// Other exercises of the same pattern the user can do now, for a swap by hand.
pub fn alternatives(from: &Exercise, owned: &EquipmentSet, phase: u8) -> Vec<&'static Exercise> {
    LIBRARY
        .iter()
        .filter(|e| {
            e.pattern() == from.pattern()
                && e.id != from.id
                && e.is_doable_with(owned)
                && e.allowed_in_phase(phase)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::equipment::SteppedRange;

    #[test]
    fn library_has_at_least_45_exercises_with_unique_ids() {
        assert!(LIBRARY.len() >= 45, "{}", LIBRARY.len());
        let mut ids: Vec<_> = LIBRARY.iter().map(|e| e.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), LIBRARY.len());
    }

    #[test]
    fn every_pattern_of_domain_section_6_has_a_ladder_with_cues() {
        for l in Ladder::ALL {
            let rungs: Vec<_> = ladder(l).collect();
            assert!(rungs.len() >= 3, "{l:?} has {} rungs", rungs.len());
            for e in rungs {
                assert!(!e.cues.is_empty(), "{} has no cues", e.id);
                assert!(e.range.0 > 0 && e.range.0 <= e.range.1, "{} range", e.id);
                assert!(!e.equipment.is_empty());
            }
        }
    }

    #[test]
    fn every_ladder_starts_with_something_anyone_can_do() {
        for l in Ladder::ALL {
            let first = ladder(l).find(|e| e.min_phase == 1 && !e.careful);
            assert!(first.is_some(), "{l:?}");
            let bodyweight = available_rungs(l, &EquipmentSet::bodyweight_only(), 3).next();
            assert!(
                bodyweight.is_some(),
                "{l:?} has nothing for bodyweight only"
            );
        }
    }

    #[test]
    fn careful_for_now_exercises_are_never_allowed_before_phase_3() {
        let careful: Vec<_> = LIBRARY.iter().filter(|e| e.careful).collect();
        assert!(careful.len() >= 4);
        for e in careful {
            assert!(!e.allowed_in_phase(1) && !e.allowed_in_phase(2));
            assert!(e.allowed_in_phase(3));
        }
    }

    #[test]
    fn swap_goes_to_the_nearest_easier_rung_the_equipment_allows() {
        let rdl = exercise("db-rdl").unwrap();
        let only_dumbbells = EquipmentSet {
            dumbbells: Some(SteppedRange {
                min: Grams(2000),
                max: Grams(20000),
                step: Grams(2000),
            }),
            ..Default::default()
        };
        // The cable rung is skipped: the KB deadlift works with dumbbells. A good morning
        // sits above the RDLs, so an RDL never steps down to one.
        assert_eq!(
            easier_variation(rdl, &only_dumbbells).unwrap().id,
            "kb-deadlift"
        );
        let gm = exercise("low-load-good-morning").unwrap();
        assert_eq!(easier_variation(gm, &only_dumbbells).unwrap().id, "db-rdl");
        let first = exercise("wall-hip-hinge").unwrap();
        assert!(easier_variation(first, &only_dumbbells).is_none());
    }
}
