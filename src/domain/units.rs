//! Mass and units. Loads are whole grams so every comparison in the rules is exact and
//! the same on every platform (no float drift between wasm and the host).

/// A mass in grams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Units {
    #[default]
    Kg,
    Lb,
}

impl Units {
    /// "kg" or "lb".
    pub fn symbol(self) -> &'static str {
        match self {
            Units::Kg => "kg",
            Units::Lb => "lb",
        }
    }

    /// Tenths of this unit in `g`, rounded. Integer arithmetic only: float formatting
    /// and parsing would add kilobytes of wasm for no gain.
    fn tenths(self, g: Grams) -> u64 {
        let g = u64::from(g.0);
        match self {
            Units::Kg => (g + 50) / 100,
            // 1 lb = 453.59237 g, so tenths of a pound = g * 1e6 / 45_359_237.
            Units::Lb => (g * 1_000_000 + 22_679_618) / 45_359_237,
        }
    }

    /// The number alone, at most one decimal: "22.5", "20".
    pub fn number(self, g: Grams) -> String {
        let t = self.tenths(g);
        if t.is_multiple_of(10) {
            format!("{}", t / 10)
        } else {
            format!("{}.{}", t / 10, t % 10)
        }
    }

    /// A plate's weight, to two decimals where it has them: "1.25", "0.5", "45".
    pub fn plate_number(self, g: Grams) -> String {
        let g = u64::from(g.0);
        let h = match self {
            Units::Kg => (g + 5) / 10,
            Units::Lb => (g * 10_000_000 + 22_679_618) / 45_359_237,
        };
        match h % 100 {
            0 => format!("{}", h / 100),
            f if f % 10 == 0 => format!("{}.{}", h / 100, f / 10),
            f => format!("{}.{f:02}", h / 100),
        }
    }

    /// A load as the user reads it, e.g. "22.5 kg" or "50 lb".
    pub fn format(self, g: Grams) -> String {
        format!("{} {}", self.number(g), self.symbol())
    }

    /// Parses a number typed in this unit ("12.5" or "12,5", up to 3 decimals) into grams.
    pub fn parse(self, text: &str) -> Option<Grams> {
        let text = text.trim().replace(',', ".");
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        if int.is_empty() && frac.is_empty() || frac.len() > 3 {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || !digits(frac) || int.len() > 4 {
            return None;
        }
        let whole: u64 = if int.is_empty() { 0 } else { int.parse().ok()? };
        let milli = whole * 1000 + format!("{frac:0<3}").parse::<u64>().ok()?;
        if milli > 1_000_000 {
            return None;
        }
        let grams = match self {
            Units::Kg => milli,
            Units::Lb => (milli * 45_359_237 + 50_000_000) / 100_000_000,
        };
        Some(Grams(grams as u32))
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
    fn plates_keep_their_second_decimal() {
        assert_eq!(Units::Kg.plate_number(Grams(1_250)), "1.25");
        assert_eq!(Units::Kg.plate_number(Grams(500)), "0.5");
        assert_eq!(Units::Kg.plate_number(Grams(25_000)), "25");
        assert_eq!(Units::Lb.plate_number(Grams(567)), "1.25");
        assert_eq!(Units::Lb.plate_number(Grams(1_134)), "2.5");
        assert_eq!(Units::Lb.plate_number(Grams(20_412)), "45");
    }

    #[test]
    fn parses_typed_loads_and_refuses_nonsense() {
        assert_eq!(Units::Kg.parse("12,5"), Some(Grams(12_500)));
        assert_eq!(Units::Lb.parse("10"), Some(Grams(4536)));
        assert_eq!(Units::Kg.parse("-3"), None);
        assert_eq!(Units::Kg.parse("abc"), None);
        assert_eq!(Units::Kg.parse("NaN"), None);
        assert_eq!(Units::Kg.parse("1.2345"), None);
        assert_eq!(Units::Kg.parse(".5"), Some(Grams(500)));
        assert_eq!(Units::Kg.parse("2000"), None, "over 1000 kg is a typo");
        assert_eq!(Units::Lb.format(Units::Lb.parse("45").unwrap()), "45 lb");
    }
}
