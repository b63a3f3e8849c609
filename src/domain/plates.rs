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
        match self.side_totals() {
            Some(t) => t.from(0).map(|i| self.load_at(&t, i)).collect(),
            None => Self::totals(&self.kinds())
                .into_iter()
                .map(|t| Grams(self.bar.0.saturating_add(t.saturating_mul(2))))
                .collect(),
        }
    }

    /// The loads from `lo` to `hi`, both included, lightest first.
    pub fn loads_within(&self, lo: Grams, hi: Grams) -> Vec<Grams> {
        let Some(t) = self.side_totals() else {
            return self
                .loads()
                .into_iter()
                .filter(|g| *g >= lo && *g <= hi)
                .collect();
        };
        t.from(self.index_from(&t, lo))
            .map(|i| self.load_at(&t, i))
            .take_while(|g| *g <= hi)
            .collect()
    }

    /// The lightest load heavier than `current`.
    pub fn next_up(&self, current: Grams) -> Option<Grams> {
        let Some(t) = self.side_totals() else {
            return self.loads().into_iter().find(|g| *g > current);
        };
        let first = t
            .from(self.index_from(&t, Grams(current.0.saturating_add(1))))
            .next();
        first.map(|i| self.load_at(&t, i))
    }

    /// The heaviest load not above `target`, if any is.
    pub fn at_most(&self, target: Grams) -> Option<Grams> {
        let Some(t) = self.side_totals() else {
            return self.loads().into_iter().rev().find(|g| *g <= target);
        };
        if target < self.bar {
            return None;
        }
        t.at_most((target.0 - self.bar.0) / 2 / t.unit)
            .map(|i| self.load_at(&t, i))
    }

    /// The per-side totals as bits, when the bar is valid and the plates few enough.
    fn side_totals(&self) -> Option<SideTotals> {
        self.is_valid()
            .then(|| SideTotals::of(&self.plates))
            .flatten()
    }

    fn load_at(&self, t: &SideTotals, i: u32) -> Grams {
        let side = u64::from(i) * u64::from(t.unit);
        Grams((u64::from(self.bar.0) + 2 * side).min(u64::from(u32::MAX)) as u32)
    }

    /// The first total's index whose load is `lo` or heavier.
    fn index_from(&self, t: &SideTotals, lo: Grams) -> u32 {
        let above = u64::from(lo.0.saturating_sub(self.bar.0));
        above
            .div_ceil(2 * u64::from(t.unit))
            .min(u64::from(u32::MAX)) as u32
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

/// Every per-side total a set of plates makes, as one bit per multiple of the plates'
/// common divisor: the planner asks about one set of plates often, and this answers
/// without building a list. Only for sets whose heaviest total stays under `MAX_TOTALS`
/// steps (every real one), so it holds exactly what the list would.
struct SideTotals {
    unit: u32,
    top: u32,
    bits: [u64; TOTAL_WORDS],
}

const TOTAL_WORDS: usize = MAX_TOTALS.div_ceil(64);

impl SideTotals {
    fn of(plates: &[PlatePair]) -> Option<SideTotals> {
        let counted = |p: &&PlatePair| p.pairs > 0 && p.weight.0 > 0;
        let unit = plates
            .iter()
            .filter(counted)
            .fold(0, |g, p| gcd(g, p.weight.0))
            .max(1);
        let mut t = SideTotals {
            unit,
            top: 0,
            bits: [0; TOTAL_WORDS],
        };
        t.bits[0] = 1;
        for (i, p) in plates.iter().enumerate().filter(|(_, p)| counted(p)) {
            // One size listed twice is one size, counted up to `MAX_PAIRS` pairs.
            if plates[..i]
                .iter()
                .filter(counted)
                .any(|q| q.weight == p.weight)
            {
                continue;
            }
            let pairs = plates[i..]
                .iter()
                .filter(|q| q.weight == p.weight)
                .fold(0u32, |n, q| n + u32::from(q.pairs))
                .min(u32::from(MAX_PAIRS));
            let step = p.weight.0 / unit;
            for _ in 0..pairs {
                let top = t
                    .top
                    .checked_add(step)
                    .filter(|x| (*x as usize) < MAX_TOTALS)?;
                t.shift_in(step, top);
                t.top = top;
            }
        }
        Some(t)
    }

    /// Adds `step` to every total so far (`top` the new heaviest).
    fn shift_in(&mut self, step: u32, top: u32) {
        let (q, r) = ((step / 64) as usize, step % 64);
        for j in (q..=(top / 64) as usize).rev() {
            let mut from = self.bits[j - q] << r;
            if r > 0 && j > q {
                from |= self.bits[j - q - 1] >> (64 - r);
            }
            self.bits[j] |= from;
        }
    }

    fn has(&self, i: u32) -> bool {
        i <= self.top && self.bits[(i / 64) as usize] >> (i % 64) & 1 == 1
    }

    /// The totals' indices from `i` up.
    fn from(&self, i: u32) -> impl Iterator<Item = u32> + '_ {
        (i..=self.top).filter(|i| self.has(*i))
    }

    fn at_most(&self, i: u32) -> Option<u32> {
        (0..=i.min(self.top)).rev().find(|i| self.has(*i))
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
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

    /// The loads as the plain list of per-side totals gives them.
    fn listed(b: &BarbellSet) -> Vec<Grams> {
        if !b.is_valid() {
            return Vec::new();
        }
        BarbellSet::totals(&b.kinds())
            .into_iter()
            .map(|t| Grams(b.bar.0 + 2 * t))
            .collect()
    }

    #[test]
    fn questions_about_loads_agree_with_the_list_of_loads() {
        let mut seed = 7u64;
        let mut next = |n: u32| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) % u64::from(n)) as u32
        };
        for round in 0..150 {
            let sizes: &[Grams] = if round % 2 == 0 {
                &KG_PLATES
            } else {
                &LB_PLATES
            };
            // Gaps, sizes listed twice, many pairs, an odd plate now and then.
            let plates = (0..next(7))
                .map(|_| PlatePair {
                    weight: if next(9) == 0 {
                        Grams(100 + next(3_000))
                    } else {
                        sizes[next(sizes.len() as u32) as usize]
                    },
                    pairs: next(25) as u8,
                })
                .collect();
            let b = BarbellSet {
                bar: Grams(next(26_000)),
                plates,
            };
            let list = listed(&b);
            assert_eq!(b.loads(), list, "{b:?}");
            let top = list.last().map_or(30_000, |g| g.0 + 5_000);
            for g in (0..top).step_by((top / 40 + next(500)) as usize).map(Grams) {
                assert_eq!(b.next_up(g), list.iter().copied().find(|x| *x > g));
                assert_eq!(b.at_most(g), list.iter().copied().rev().find(|x| *x <= g));
                let hi = Grams(g.0 + next(20_000));
                let within: Vec<Grams> = list
                    .iter()
                    .copied()
                    .filter(|x| *x >= g && *x <= hi)
                    .collect();
                assert_eq!(b.loads_within(g, hi), within, "{b:?} {g:?}..={hi:?}");
            }
        }
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
