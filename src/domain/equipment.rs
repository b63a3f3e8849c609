//! What the user trains with, and the real load steps that equipment allows.
//! rules §3: progression must respect "the smallest real step of the user's equipment".

use super::order;
use super::units::Grams;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Equipment {
    /// Nothing needed beyond the body, a wall, a chair or a broomstick.
    Bodyweight,
    Bands,
    Dumbbells,
    Kettlebell,
    Cable,
    Barbell,
}

impl Equipment {
    pub const ALL: [Equipment; 6] = [
        Equipment::Bodyweight,
        Equipment::Bands,
        Equipment::Dumbbells,
        Equipment::Kettlebell,
        Equipment::Cable,
        Equipment::Barbell,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Equipment::Bodyweight => "No equipment",
            Equipment::Bands => "Resistance bands",
            Equipment::Dumbbells => "Dumbbells",
            Equipment::Kettlebell => "Kettlebells",
            Equipment::Cable => "Cable machine",
            Equipment::Barbell => "Barbell and plates",
        }
    }

    /// Whether this equipment carries a load in grams that can be stepped.
    pub fn is_loadable(self) -> bool {
        !matches!(self, Equipment::Bodyweight | Equipment::Bands)
    }
}

/// An evenly stepped range, e.g. adjustable dumbbells 2–24 kg in 2 kg steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SteppedRange {
    pub min: Grams,
    pub max: Grams,
    pub step: Grams,
}

impl SteppedRange {
    pub fn is_valid(&self) -> bool {
        self.step.0 > 0 && self.min <= self.max
    }
}

pub use super::plates::{BarbellSet, PlatePair};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EquipmentSet {
    pub bands: bool,
    pub dumbbells: Option<SteppedRange>,
    /// The bells the user owns, any order.
    pub kettlebells: Vec<Grams>,
    pub cable: Option<SteppedRange>,
    pub barbell: Option<BarbellSet>,
}

impl EquipmentSet {
    pub fn bodyweight_only() -> Self {
        Self::default()
    }

    pub fn has(&self, e: Equipment) -> bool {
        match e {
            Equipment::Bodyweight => true,
            Equipment::Bands => self.bands,
            Equipment::Dumbbells => self.dumbbells.is_some_and(|r| r.is_valid()),
            Equipment::Kettlebell => self.kettlebells.iter().any(|g| g.0 > 0),
            Equipment::Cable => self.cable.is_some_and(|r| r.is_valid()),
            Equipment::Barbell => self.barbell.as_ref().is_some_and(BarbellSet::is_valid),
        }
    }

    /// Every load this equipment can make, lightest first. Bounded: at most a few hundred.
    pub fn loads(&self, e: Equipment) -> Vec<Grams> {
        if !self.has(e) {
            return Vec::new();
        }
        match e {
            Equipment::Bodyweight | Equipment::Bands => vec![Grams::ZERO],
            Equipment::Dumbbells => stepped(self.dumbbells.expect("checked by has")),
            Equipment::Cable => stepped(self.cable.expect("checked by has")),
            Equipment::Kettlebell => {
                let mut bells: Vec<Grams> = self
                    .kettlebells
                    .iter()
                    .copied()
                    .filter(|g| g.0 > 0)
                    .collect();
                order::sort(&mut bells);
                bells.dedup();
                bells
            }
            Equipment::Barbell => self.barbell.as_ref().map_or(Vec::new(), BarbellSet::loads),
        }
    }

    /// The loads of this equipment from `lo` to `hi`, both included, lightest first:
    /// worked out from the range, without listing every load it has.
    pub fn loads_within(&self, e: Equipment, lo: Grams, hi: Grams) -> Vec<Grams> {
        match self.range_of(e) {
            Some(r) if r.is_valid() => {
                let first = lo.0.saturating_sub(r.min.0).div_ceil(r.step.0);
                (first..MAX_STEPS)
                    .map_while(|i| r.at_step(i))
                    .take_while(|g| *g <= hi)
                    .collect()
            }
            Some(_) => Vec::new(),
            None if e == Equipment::Barbell => self
                .barbell
                .as_ref()
                .map_or(Vec::new(), |b| b.loads_within(lo, hi)),
            None => self
                .loads(e)
                .into_iter()
                .filter(|g| *g >= lo && *g <= hi)
                .collect(),
        }
    }

    /// The lightest load of this equipment (zero for bodyweight and bands).
    pub fn lightest(&self, e: Equipment) -> Option<Grams> {
        match self.range_of(e) {
            Some(r) => r.is_valid().then_some(r.min),
            None if e == Equipment::Barbell => self
                .barbell
                .as_ref()
                .filter(|b| b.is_valid())
                .map(|b| b.bar),
            None => self.loads(e).first().copied(),
        }
    }

    /// The next heavier load after `current`, if the equipment has one.
    pub fn next_up(&self, e: Equipment, current: Grams) -> Option<Grams> {
        match self.range_of(e) {
            Some(r) if !r.is_valid() => None,
            Some(r) if current < r.min => Some(r.min),
            Some(r) => r.at_step((current.0 - r.min.0) / r.step.0 + 1),
            None if e == Equipment::Barbell => {
                self.barbell.as_ref().and_then(|b| b.next_up(current))
            }
            None => self.loads(e).into_iter().find(|g| *g > current),
        }
    }

    /// The heaviest load not above `target`, or the lightest one when all are heavier.
    pub fn round_down(&self, e: Equipment, target: Grams) -> Grams {
        if let Some(r) = self.range_of(e) {
            if !r.is_valid() {
                return Grams::ZERO;
            }
            let top = ((r.max.0 - r.min.0) / r.step.0).min(MAX_STEPS - 1);
            let i = (target.0.saturating_sub(r.min.0) / r.step.0).min(top);
            return r.at_step(i).unwrap_or(r.min);
        }
        if e == Equipment::Barbell {
            return self
                .barbell
                .as_ref()
                .filter(|b| b.is_valid())
                .map_or(Grams::ZERO, |b| b.at_most(target).unwrap_or(b.bar));
        }
        let loads = self.loads(e);
        loads
            .iter()
            .rev()
            .find(|g| **g <= target)
            .or(loads.first())
            .copied()
            .unwrap_or(Grams::ZERO)
    }

    /// An evenly stepped equipment as its range (dumbbells, cable), if owned:
    /// its loads are worked out without listing them.
    fn range_of(&self, e: Equipment) -> Option<SteppedRange> {
        if !self.has(e) {
            return None;
        }
        match e {
            Equipment::Dumbbells => self.dumbbells,
            Equipment::Cable => self.cable,
            Equipment::Bodyweight
            | Equipment::Bands
            | Equipment::Kettlebell
            | Equipment::Barbell => None,
        }
    }
}

impl SteppedRange {
    /// The load `i` steps up, if it is in the range (and within the listed steps).
    fn at_step(&self, i: u32) -> Option<Grams> {
        if !self.is_valid() || i >= MAX_STEPS {
            return None;
        }
        let g = Grams(self.min.0.saturating_add(i.saturating_mul(self.step.0)));
        (g <= self.max).then_some(g)
    }
}

const MAX_STEPS: u32 = 400;

fn stepped(r: SteppedRange) -> Vec<Grams> {
    if !r.is_valid() {
        return Vec::new();
    }
    (0..MAX_STEPS)
        .map(|i| Grams(r.min.0.saturating_add(i.saturating_mul(r.step.0))))
        .take_while(|g| *g <= r.max)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gym() -> EquipmentSet {
        EquipmentSet {
            bands: true,
            dumbbells: Some(SteppedRange {
                min: Grams::kg(2.0),
                max: Grams::kg(30.0),
                step: Grams::kg(2.0),
            }),
            kettlebells: vec![Grams::kg(16.0), Grams::kg(8.0), Grams::kg(12.0)],
            cable: None,
            barbell: Some(BarbellSet::reaching(
                Grams::kg(20.0),
                Grams::kg(1.25),
                Grams::kg(140.0),
            )),
        }
    }

    /// The equipment whose loads come in steps.
    const STEPPED: [Equipment; 3] = [
        Equipment::Dumbbells,
        Equipment::Barbell,
        Equipment::Kettlebell,
    ];

    #[test]
    fn stepped_loads_are_worked_out_the_same_as_listed() {
        let g = gym();
        for e in STEPPED {
            let loads = g.loads(e);
            for t in (0..160_000).step_by(250).map(Grams) {
                let down = loads
                    .iter()
                    .rev()
                    .find(|x| **x <= t)
                    .or(loads.first())
                    .copied()
                    .unwrap();
                assert_eq!(g.round_down(e, t), down, "{e:?} {t:?}");
                assert_eq!(
                    g.next_up(e, t),
                    loads.iter().find(|x| **x > t).copied(),
                    "{e:?} {t:?}"
                );
            }
            assert_eq!(g.lightest(e), loads.first().copied());
        }
    }

    #[test]
    fn loads_within_a_range_are_those_listed_there() {
        let g = gym();
        for e in STEPPED {
            let loads = g.loads(e);
            for lo in (0..60_000).step_by(1_750).map(Grams) {
                for hi in (0..60_000).step_by(2_250).map(Grams) {
                    let listed: Vec<Grams> = loads
                        .iter()
                        .copied()
                        .filter(|x| *x >= lo && *x <= hi)
                        .collect();
                    assert_eq!(g.loads_within(e, lo, hi), listed, "{e:?} {lo:?}..={hi:?}");
                }
            }
        }
    }

    #[test]
    fn barbell_steps_are_a_pair_of_the_smallest_plate() {
        assert_eq!(
            gym().next_up(Equipment::Barbell, Grams::kg(20.0)),
            Some(Grams::kg(22.5))
        );
    }

    #[test]
    fn kettlebells_step_to_the_next_bell_owned() {
        assert_eq!(
            gym().next_up(Equipment::Kettlebell, Grams::kg(8.0)),
            Some(Grams::kg(12.0))
        );
        assert_eq!(gym().next_up(Equipment::Kettlebell, Grams::kg(16.0)), None);
    }

    #[test]
    fn round_down_never_goes_below_the_lightest_load() {
        assert_eq!(
            gym().round_down(Equipment::Dumbbells, Grams::kg(9.0)),
            Grams::kg(8.0)
        );
        assert_eq!(
            gym().round_down(Equipment::Dumbbells, Grams::kg(1.0)),
            Grams::kg(2.0)
        );
    }

    #[test]
    fn missing_or_broken_equipment_is_not_available() {
        let mut e = EquipmentSet::bodyweight_only();
        assert!(e.has(Equipment::Bodyweight));
        assert!(!e.has(Equipment::Cable));
        e.cable = Some(SteppedRange {
            min: Grams(5),
            max: Grams(1),
            step: Grams(0),
        });
        assert!(!e.has(Equipment::Cable));
        assert!(e.loads(Equipment::Cable).is_empty());
    }
}
