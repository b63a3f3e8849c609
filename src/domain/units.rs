//! Mass and units. Loads are whole grams so every comparison in the rules is exact and
//! the same on every platform (no float drift between wasm and the host).

use serde::{Deserialize, Serialize};

/// A mass in grams.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Grams(pub u32);

impl Grams {
    pub const ZERO: Grams = Grams(0);

    pub fn kg(kg: f64) -> Grams {
        Grams((kg * 1000.0).round().max(0.0) as u32)
    }

    pub fn lb(lb: f64) -> Grams {
        Grams((lb * GRAMS_PER_LB).round().max(0.0) as u32)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn as_kg(self) -> f64 {
        f64::from(self.0) / 1000.0
    }

    pub fn as_lb(self) -> f64 {
        f64::from(self.0) / GRAMS_PER_LB
    }
}

const GRAMS_PER_LB: f64 = 453.592_37;

/// The unit the user reads and types loads in. Storage is always grams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Units {
    #[default]
    Kg,
    Lb,
}

impl Units {
    /// A load as the user reads it, e.g. "22.5 kg" or "50 lb" (at most one decimal).
    pub fn format(self, g: Grams) -> String {
        let (value, unit) = match self {
            Units::Kg => (g.as_kg(), "kg"),
            Units::Lb => (g.as_lb(), "lb"),
        };
        let rounded = (value * 10.0).round() / 10.0;
        if rounded.fract() == 0.0 {
            format!("{rounded:.0} {unit}")
        } else {
            format!("{rounded:.1} {unit}")
        }
    }

    /// Parses a number typed in this unit into grams.
    pub fn parse(self, text: &str) -> Option<Grams> {
        let value: f64 = text.trim().replace(',', ".").parse().ok()?;
        if !value.is_finite() || !(0.0..=1000.0).contains(&value) {
            return None;
        }
        Some(match self {
            Units::Kg => Grams::kg(value),
            Units::Lb => Grams::lb(value),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_loads_in_the_users_unit() {
        assert_eq!(Units::Kg.format(Grams::kg(22.5)), "22.5 kg");
        assert_eq!(Units::Kg.format(Grams::kg(20.0)), "20 kg");
        assert_eq!(Units::Lb.format(Grams::lb(45.0)), "45 lb");
    }

    #[test]
    fn parses_typed_loads_and_refuses_nonsense() {
        assert_eq!(Units::Kg.parse("12,5"), Some(Grams(12_500)));
        assert_eq!(Units::Lb.parse("10"), Some(Grams(4536)));
        assert_eq!(Units::Kg.parse("-3"), None);
        assert_eq!(Units::Kg.parse("abc"), None);
        assert_eq!(Units::Kg.parse("NaN"), None);
    }
}
