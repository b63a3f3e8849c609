//! A barbell and the plates the user owns: the loads they make and what goes on each
//! side. rules §3: a barbell's real steps are what its plates can make, not an even range.

use super::units::{Grams, Units};

/// Plates of one weight, owned in pairs (one for each side of the bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlatePair {
    pub weight: Grams,
    pub pairs: u8,
}

/// A barbell and its plates: every load is the bar and the same plates on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarbellSet {
    pub bar: Grams,
    pub plates: Vec<PlatePair>,
}

/// The plate sizes sold in each unit, heaviest first (in grams, rounded for pounds).
pub const KG_PLATES: [Grams; 8] = [
    Grams(25_000),
    Grams(20_000),
    Grams(15_000),
    Grams(10_000),
    Grams(5_000),
    Grams(2_500),
    Grams(1_250),
    Grams(500),
];
pub const LB_PLATES: [Grams; 7] = [
    Grams(20_412),
    Grams(15_876),
    Grams(11_340),
    Grams(4_536),
    Grams(2_268),
    Grams(1_134),
    Grams(567),
];

/// More pairs of one size than any home or gym rack holds: a typo.
pub const MAX_PAIRS: u8 = 20;

/// Distinct per-side totals worked out at most; far above any real set of plates.
const MAX_TOTALS: usize = 4_000;

impl BarbellSet {
    /// A common home set in the user's unit: a 20 kg bar with 20, 20, 10, 5, 2.5 and
    /// 1.25 kg a side, or a 45 lb bar with 45, 45, 25, 10, 10, 5 and 2.5 lb a side. Every
    /// step of two of the smallest plate is reachable from the bar up.
    pub fn standard(units: Units) -> Self {
        let (bar, pairs): (Grams, &[(Grams, u8)]) = match units {
            Units::Kg => (
                Grams(20_000),
                &[
                    (KG_PLATES[1], 2),
                    (KG_PLATES[3], 1),
                    (KG_PLATES[4], 1),
                    (KG_PLATES[5], 1),
                    (KG_PLATES[6], 1),
                ],
            ),
            Units::Lb => (
                LB_PLATES[0],
                &[
                    (LB_PLATES[0], 2),
                    (LB_PLATES[2], 1),
                    (LB_PLATES[3], 2),
                    (LB_PLATES[4], 1),
                    (LB_PLATES[5], 1),
                ],
            ),
        };
        BarbellSet {
            bar,
            plates: pairs
                .iter()
                .map(|&(weight, pairs)| PlatePair { weight, pairs })
                .collect(),
        }
    }

    /// The plate sizes of a unit, heaviest first.
    pub fn sizes(units: Units) -> &'static [Grams] {
        match units {
            Units::Kg => &KG_PLATES,
            Units::Lb => &LB_PLATES,
        }
    }

    /// Plates that make exactly the loads an even range made: `bar` up to `max` in steps
    /// of two `smallest` plates. Older versions stored a barbell that way (as if the
    /// smallest plate never ran out); this is what they become. Each plate is the
    /// heaviest sold size (or a doubling of the smallest) that keeps every step reachable.
    pub fn reaching(bar: Grams, smallest: Grams, max: Grams) -> Self {
        let s = smallest.0;
        if s == 0 || max <= bar {
            return BarbellSet {
                bar,
                plates: Vec::new(),
            };
        }
        let side = (max.0 - bar.0) / 2 / s * s;
        let sizes = || {
            KG_PLATES
                .iter()
                .chain(LB_PLATES.iter())
                .map(|g| g.0)
                .chain((0..8).map(move |k| s << k))
                .filter(move |w| w % s == 0)
        };
        let mut plates: Vec<PlatePair> = Vec::new();
        let mut covered = 0u32;
        while covered < side {
            // Every total up to `covered` is reachable; a plate no heavier than one step
            // past it keeps that so, and it never passes the old heaviest load.
            let room = (covered + s).min(side - covered);
            let w = sizes().filter(|w| *w <= room).max().unwrap_or(s);
            if !add_pair(&mut plates, Grams(w), 1) {
                break;
            }
            covered += w;
        }
        BarbellSet { bar, plates }
    }

    /// A bar with a weight (plates are optional: the bar alone is a load). Plates of no
    /// weight are ignored, and no size counts more than `MAX_PAIRS` times.
    pub fn is_valid(&self) -> bool {
        self.bar.0 > 0
    }

    /// The plates owned, heaviest first, without empty sizes.
    fn kinds(&self) -> Vec<PlatePair> {
        let mut kinds: Vec<PlatePair> = Vec::new();
        for p in self.plates.iter().filter(|p| p.pairs > 0 && p.weight.0 > 0) {
            add_pair(&mut kinds, p.weight, p.pairs);
        }
        kinds
    }

    /// What one side can hold with the plates from `kinds`: every total, lightest first.
    fn totals(kinds: &[PlatePair]) -> Vec<u32> {
        let mut totals = vec![0u32];
        for k in kinds.iter().rev() {
            for _ in 0..k.pairs.min(MAX_PAIRS) {
                let more: Vec<u32> = totals.iter().map(|t| t + k.weight.0).collect();
                totals = merge(&totals, &more);
                totals.truncate(MAX_TOTALS);
            }
        }
        totals
    }

    /// Every load these plates make on this bar, lightest first (the bar alone first).
    pub fn loads(&self) -> Vec<Grams> {
        // Worked out at each call: kept between calls it measured no faster and cost the
        // first screen 0.7 KB.
        if !self.is_valid() {
            return Vec::new();
        }
        Self::totals(&self.kinds())
            .into_iter()
            .map(|t| Grams(self.bar.0.saturating_add(t.saturating_mul(2))))
            .collect()
    }

    /// What goes on each side for `load`, heaviest plate first: the fewest big plates
    /// first, as a lifter loads a bar. `None` when the plates cannot make it.
    pub fn per_side(&self, load: Grams) -> Option<Vec<Grams>> {
        if !self.is_valid() || load < self.bar || !(load.0 - self.bar.0).is_multiple_of(2) {
            return None;
        }
        let kinds = self.kinds();
        // What the lighter sizes after each one can still make.
        let after: Vec<Vec<u32>> = (0..=kinds.len())
            .map(|i| Self::totals(&kinds[i..]))
            .collect();
        let mut need = (load.0 - self.bar.0) / 2;
        if after[0].binary_search(&need).is_err() {
            return None;
        }
        let mut side = Vec::new();
        for (i, k) in kinds.iter().enumerate() {
            let most = (need / k.weight.0).min(u32::from(k.pairs.min(MAX_PAIRS)));
            let n = (0..=most)
                .rev()
                .find(|n| after[i + 1].binary_search(&(need - n * k.weight.0)).is_ok())?;
            side.extend((0..n).map(|_| k.weight));
            need -= n * k.weight.0;
        }
        (need == 0).then_some(side)
    }
}

/// Adds `pairs` of `weight` to plates kept heaviest first, one entry per size (a few
/// sizes: kept in order as they come, no sort needed). False when the count is full.
fn add_pair(plates: &mut Vec<PlatePair>, weight: Grams, pairs: u8) -> bool {
    match plates.iter().position(|p| p.weight <= weight) {
        Some(i) if plates[i].weight == weight => match plates[i].pairs.checked_add(pairs) {
            Some(n) => {
                plates[i].pairs = n;
                true
            }
            None => false,
        },
        at => {
            plates.insert(at.unwrap_or(plates.len()), PlatePair { weight, pairs });
            true
        }
    }
}

/// Two ascending lists as one, each value once.
fn merge(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x <= y => {
                i += 1;
                if x == y {
                    j += 1;
                }
                *x
            }
            (Some(x), None) => {
                i += 1;
                *x
            }
            (_, Some(y)) => {
                j += 1;
                *y
            }
            (None, None) => break,
        };
        out.push(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(v: f64) -> Grams {
        Grams::kg(v)
    }

    #[test]
    fn loads_are_the_bar_and_the_same_plates_on_each_side() {
        let b = BarbellSet {
            bar: kg(20.0),
            plates: vec![
                PlatePair {
                    weight: kg(10.0),
                    pairs: 1,
                },
                PlatePair {
                    weight: kg(5.0),
                    pairs: 1,
                },
            ],
        };
        assert_eq!(b.loads(), vec![kg(20.0), kg(30.0), kg(40.0), kg(50.0)]);
    }

    #[test]
    fn the_standard_sets_reach_every_step_of_two_of_their_smallest_plates() {
        for (units, step, top) in [
            (Units::Kg, 2_500, kg(137.5)),
            (Units::Lb, 2 * 1_134, Grams(20_412 + 2 * 64_638)),
        ] {
            let b = BarbellSet::standard(units);
            let loads = b.loads();
            assert_eq!(loads.first(), Some(&b.bar));
            assert_eq!(loads.last(), Some(&top), "{units:?}");
            assert!(
                loads.windows(2).all(|w| w[1].0 - w[0].0 == step),
                "{units:?}"
            );
        }
    }

    #[test]
    fn each_side_shows_the_fewest_heavy_plates_first() {
        let b = BarbellSet::standard(Units::Kg);
        assert_eq!(
            b.per_side(kg(47.5)),
            Some(vec![kg(10.0), kg(2.5), kg(1.25)])
        );
        assert_eq!(b.per_side(kg(60.0)), Some(vec![kg(20.0)]));
        assert_eq!(b.per_side(kg(20.0)), Some(vec![]), "the bar alone");
        assert_eq!(b.per_side(kg(21.0)), None, "not makeable");
        assert_eq!(b.per_side(kg(200.0)), None, "more than is owned");
        assert_eq!(b.per_side(kg(10.0)), None, "lighter than the bar");
    }

    #[test]
    fn a_plate_short_is_made_up_from_the_others() {
        // One pair of 15s, two of 10s, one of 5s: 30 a side is 15 + 10 + 5, the 15 first.
        let b = BarbellSet {
            bar: kg(20.0),
            plates: vec![
                PlatePair {
                    weight: kg(15.0),
                    pairs: 1,
                },
                PlatePair {
                    weight: kg(10.0),
                    pairs: 2,
                },
                PlatePair {
                    weight: kg(5.0),
                    pairs: 1,
                },
            ],
        };
        let side = b.per_side(kg(80.0)).unwrap();
        assert_eq!(side.iter().map(|g| g.0).sum::<u32>(), 30_000);
        assert_eq!(side, vec![kg(15.0), kg(10.0), kg(5.0)]);
        assert_eq!(
            b.per_side(kg(100.0)),
            Some(vec![kg(15.0), kg(10.0), kg(10.0), kg(5.0)])
        );
    }

    #[test]
    fn an_even_range_becomes_plates_that_make_the_same_loads() {
        for (bar, smallest, max) in [
            (kg(20.0), kg(1.25), kg(250.0)),
            (kg(20.0), kg(1.25), kg(140.0)),
            (kg(15.0), kg(0.5), kg(61.0)),
            (kg(20.0), kg(2.0), kg(100.0)),
            (kg(10.0), Grams(300), kg(40.0)),
            (Grams::lb(45.0), Grams::lb(2.5), kg(250.0)),
            (kg(20.0), kg(1.25), kg(20.0)),
        ] {
            let b = BarbellSet::reaching(bar, smallest, max);
            let even: Vec<Grams> = (0..)
                .map(|i| Grams(bar.0 + i * 2 * smallest.0))
                .take_while(|g| *g <= max)
                .collect();
            assert_eq!(b.loads(), even, "{bar:?} {smallest:?} {max:?}");
            assert!(b.plates.iter().all(|p| p.pairs <= MAX_PAIRS), "{b:?}");
        }
        // The usual gym: real sizes, a handful of plates.
        let b = BarbellSet::reaching(kg(20.0), kg(1.25), kg(250.0));
        assert!(
            b.plates.iter().map(|p| u32::from(p.pairs)).sum::<u32>() <= 10,
            "{b:?}"
        );
    }

    #[test]
    fn bad_plates_make_no_loads_and_never_panic() {
        let b = BarbellSet {
            bar: Grams::ZERO,
            plates: vec![],
        };
        assert!(b.loads().is_empty());
        assert_eq!(b.per_side(kg(20.0)), None);
        let many = BarbellSet {
            bar: kg(20.0),
            plates: vec![
                PlatePair {
                    weight: Grams(1),
                    pairs: 200,
                };
                3
            ],
        };
        // One size listed three times is one size, counted up to 20 pairs.
        assert_eq!(many.loads().len(), usize::from(MAX_PAIRS) + 1);
        // Odd weights: the list of totals stays bounded.
        let odd = BarbellSet {
            bar: kg(20.0),
            plates: [7u32, 11, 13, 17, 19, 23, 29, 31, 37, 41]
                .iter()
                .map(|w| PlatePair {
                    weight: Grams(w * 101),
                    pairs: MAX_PAIRS,
                })
                .collect(),
        };
        assert!(odd.loads().len() <= MAX_TOTALS);
    }
}
