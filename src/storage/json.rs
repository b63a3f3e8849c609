//! Storage's own JSON: a value tree, a strict parser and a compact writer, and the two
//! traits records use to turn into it and back. It replaces serde_json in the app (about
//! 120 KB of the first screen's wasm went to serde's derived code and serde_json) and
//! writes what serde_json wrote for the same records, byte for byte, so every record and
//! backup already on a device reads as before. Numbers other than whole ones that fit an
//! i64 are kept as their text: no record holds one, and no float parser is needed.

use crate::domain::pain::Pain;
use crate::domain::units::Grams;
use chrono::{NaiveDate, Weekday};
use std::borrow::Cow;
use std::fmt;

/// Text borrows from what was parsed (or from the value written) wherever it can: most
/// strings in a record have no escapes, and a start reads hundreds of records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Int(i64),
    /// Any other number, as written (a fraction, an exponent, a whole number past i64).
    Num(Cow<'a, str>),
    Str(Cow<'a, str>),
    Arr(Vec<Json<'a>>),
    /// Members in the order written.
    Obj(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// Where and why a text is not JSON. `eof` when it ends too soon: a file cut off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub at: usize,
    pub what: &'static str,
    pub eof: bool,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

mod parse;
pub use parse::parse;

impl<'a> Json<'a> {
    /// Compact text, as serde_json writes it.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(i) => out.push_str(&i.to_string()),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) => {
                out.push('[');
                for (n, v) in items.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (n, (k, v)) in members.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    write_str(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The first member named `key`, if this is an object that has one.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json<'a>> {
        match self {
            Json::Obj(m) => m.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Takes a member out of an object.
    pub fn remove(&mut self, key: &str) -> Option<Json<'a>> {
        match self {
            Json::Obj(m) => {
                let i = m.iter().position(|(k, _)| k == key)?;
                Some(m.remove(i).1)
            }
            _ => None,
        }
    }

    /// Sets a member of an object, in its place if it is there, else at the end. False
    /// when this is not an object.
    pub fn set(&mut self, key: &str, v: Json<'a>) -> bool {
        match self {
            Json::Obj(m) => {
                match m.iter_mut().find(|(k, _)| k == key) {
                    Some((_, old)) => *old = v,
                    None => m.push((Cow::Owned(key.to_string()), v)),
                }
                true
            }
            _ => false,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Int(i) => Some(*i),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Int(_) | Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "a list",
            Json::Obj(_) => "an object",
        }
    }
}

/// A JSON string: quotes, backslashes and control characters escaped as serde_json does.
pub fn write_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => '"',
            b'\\' => '\\',
            0x08 => 'b',
            0x0c => 'f',
            b'\n' => 'n',
            b'\r' => 'r',
            b'\t' => 't',
            0..=0x1f => 'u',
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push('\\');
        out.push(short);
        if short == 'u' {
            out.push_str("00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// What a value is as JSON.
pub trait ToJson {
    fn to_json(&self) -> Json<'_>;
}

/// A value read back from JSON; the error says what did not fit, in words.
pub trait FromJson: Sized {
    fn from_json(j: &Json) -> Result<Self, String>;
    /// What a member that is not there reads as: nothing for most types, `None` for an
    /// `Option` (as serde reads it).
    fn when_missing() -> Option<Self> {
        None
    }
}

pub fn mismatch(expected: &str, got: &Json) -> String {
    format!("invalid type: {}, expected {expected}", got.kind())
}

/// Reads a text written by `ToJson`: parse, then type.
pub fn from_text<T: FromJson>(text: &str) -> Result<T, String> {
    T::from_json(&parse(text).map_err(|e| e.to_string())?)
}

/// Reads member `name` of object `o`; `missing` is what its absence reads as (else an
/// error naming it).
pub fn member<T: FromJson>(o: &Json, name: &str, missing: Option<T>) -> Result<T, String> {
    match o.get(name) {
        Some(v) => T::from_json(v).map_err(|e| in_field(name, e)),
        None => missing
            .or_else(T::when_missing)
            .ok_or_else(|| missing_field(name)),
    }
}

// Out of line: one copy for every type `member` reads.
#[inline(never)]
fn in_field(name: &str, e: String) -> String {
    format!("{name}: {e}")
}

#[inline(never)]
fn missing_field(name: &str) -> String {
    format!("missing field `{name}`")
}

/// An object, or an error saying what `what` was instead.
pub fn object<'j, 'a>(j: &'j Json<'a>, what: &str) -> Result<&'j Json<'a>, String> {
    match j {
        Json::Obj(_) => Ok(j),
        other => Err(mismatch(what, other)),
    }
}

/// An enum as serde writes it by default: a unit variant as its name, any other as an
/// object with one member, its name.
pub fn variant<'j, 'a>(j: &'j Json<'a>) -> Result<(&'j str, Option<&'j Json<'a>>), String> {
    match j {
        Json::Str(s) => Ok((s, None)),
        Json::Obj(m) if m.len() == 1 => Ok((&m[0].0, Some(&m[0].1))),
        other => Err(mismatch("an enum variant", other)),
    }
}

pub fn tagged<'a, T: ToJson + ?Sized>(name: &'static str, v: &'a T) -> Json<'a> {
    tag(name, v.to_json())
}

/// A variant with its content.
pub fn tag<'a>(name: &'static str, content: Json<'a>) -> Json<'a> {
    Json::Obj(vec![(Cow::Borrowed(name), content)])
}

pub fn unknown_variant(name: &str) -> String {
    format!("unknown variant `{name}`")
}

/// The content of a variant that has one.
pub fn content<'j, 'a>(name: &str, v: Option<&'j Json<'a>>) -> Result<&'j Json<'a>, String> {
    v.ok_or_else(|| format!("variant `{name}` without its content"))
}

impl ToJson for Json<'_> {
    fn to_json(&self) -> Json<'_> {
        self.clone()
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Json<'_> {
        (**self).to_json()
    }
}

/// A whole number within `min..=max`; `ty` names the type in the error.
#[inline(never)]
fn whole(j: &Json, min: i64, max: i64, ty: &str) -> Result<i64, String> {
    match j {
        Json::Int(i) if (min..=max).contains(i) => Ok(*i),
        Json::Int(i) => Err(format!("invalid value: integer `{i}`, expected {ty}")),
        other => Err(mismatch(ty, other)),
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Json<'_> {
                Json::Int(i64::from(*self))
            }
        }
        impl FromJson for $t {
            fn from_json(j: &Json) -> Result<Self, String> {
                // In range, so the cast is exact.
                whole(j, <$t>::MIN.into(), <$t>::MAX.into(), stringify!($t)).map(|i| i as $t)
            }
        }
    )*};
}
whole_numbers!(u8, u16, u32, i32, i64);

// Past i64: written and read through their digits.
macro_rules! wide_numbers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Json<'_> {
                match i64::try_from(*self) {
                    Ok(i) => Json::Int(i),
                    Err(_) => Json::Num(Cow::Owned(self.to_string())),
                }
            }
        }
        impl FromJson for $t {
            fn from_json(j: &Json) -> Result<Self, String> {
                match j {
                    Json::Num(n) => n.parse::<$t>().map_err(|_| {
                        format!("invalid value: `{n}`, expected {}", stringify!($t))
                    }),
                    j => {
                        // usize is 32 bits in wasm: its own maximum, not i64's.
                        let max = i64::try_from(<$t>::MAX).unwrap_or(i64::MAX);
                        whole(j, 0, max, stringify!($t)).map(|i| i as $t)
                    }
                }
            }
        }
    )*};
}
wide_numbers!(u64, usize);

impl ToJson for bool {
    fn to_json(&self) -> Json<'_> {
        Json::Bool(*self)
    }
}

impl FromJson for bool {
    fn from_json(j: &Json) -> Result<Self, String> {
        match j {
            Json::Bool(b) => Ok(*b),
            other => Err(mismatch("a boolean", other)),
        }
    }
}

impl ToJson for str {
    fn to_json(&self) -> Json<'_> {
        Json::Str(Cow::Borrowed(self))
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json<'_> {
        Json::Str(Cow::Borrowed(self))
    }
}

impl FromJson for String {
    fn from_json(j: &Json) -> Result<Self, String> {
        match j {
            Json::Str(s) => Ok(String::from(&**s)),
            other => Err(mismatch("a string", other)),
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json<'_> {
        self.as_ref().map_or(Json::Null, ToJson::to_json)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(j: &Json) -> Result<Self, String> {
        match j {
            Json::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
    fn when_missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json<'_> {
        let mut items = Vec::with_capacity(self.len());
        for v in self {
            items.push(v.to_json());
        }
        Json::Arr(items)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(j: &Json) -> Result<Self, String> {
        let Json::Arr(items) = j else {
            return Err(mismatch("a list", j));
        };
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            out.push(T::from_json(v)?);
        }
        Ok(out)
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn to_json(&self) -> Json<'_> {
        Json::Arr(vec![self.0.to_json(), self.1.to_json()])
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(j: &Json) -> Result<Self, String> {
        match j {
            Json::Arr(items) if items.len() == 2 => {
                Ok((A::from_json(&items[0])?, B::from_json(&items[1])?))
            }
            Json::Arr(items) => Err(format!("invalid length {}, expected a pair", items.len())),
            other => Err(mismatch("a pair", other)),
        }
    }
}

// Leaf values of the domain, as serde wrote them: dates and weekdays as text, grams and
// pain as whole numbers.

impl ToJson for NaiveDate {
    fn to_json(&self) -> Json<'_> {
        Json::Str(Cow::Owned(self.to_string()))
    }
}

impl FromJson for NaiveDate {
    fn from_json(j: &Json) -> Result<Self, String> {
        let Json::Str(s) = j else {
            return Err(mismatch("a date", j));
        };
        s.parse().map_err(|_| format!("not a date: {s:?}"))
    }
}

impl ToJson for Weekday {
    fn to_json(&self) -> Json<'_> {
        Json::Str(Cow::Owned(self.to_string()))
    }
}

impl FromJson for Weekday {
    fn from_json(j: &Json) -> Result<Self, String> {
        let s = String::from_json(j)?;
        s.parse().map_err(|_| format!("not a weekday: {s:?}"))
    }
}

impl ToJson for Grams {
    fn to_json(&self) -> Json<'_> {
        self.0.to_json()
    }
}

impl FromJson for Grams {
    fn from_json(j: &Json) -> Result<Self, String> {
        u32::from_json(j).map(Grams)
    }
}

impl ToJson for Pain {
    fn to_json(&self) -> Json<'_> {
        Json::Int(self.value().into())
    }
}

impl FromJson for Pain {
    fn from_json(j: &Json) -> Result<Self, String> {
        Pain::try_from(u8::from_json(j)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value_and_writes_it_back_compactly() {
        let text = r#" { "a" : [1, -2, 3.5, 1e3, 99999999999999999999], "b": {"c": null},
            "d": true, "e": false, "f": "x\"\\\/\b\f\n\r\tyé\u00e9\ud83d\ude00" } "#;
        let v = parse(text).unwrap();
        assert_eq!(v.get("d"), Some(&Json::Bool(true)));
        assert_eq!(
            v.get("f").and_then(Json::as_str),
            Some("x\"\\/\u{8}\u{c}\n\r\tyéé😀")
        );
        assert_eq!(
            v.to_text(),
            r#"{"a":[1,-2,3.5,1e3,99999999999999999999],"b":{"c":null},"d":true,"e":false,"f":"x\"\\/\b\f\n\r\tyéé😀"}"#
        );
    }

    #[test]
    fn refuses_what_is_not_json_and_says_when_it_was_cut_off() {
        for bad in ["", "{", "[1,", "{\"a\":1", "\"abc", "tru", "-", "1.", "1e"] {
            let e = parse(bad).unwrap_err();
            assert!(e.eof, "{bad:?}: {e:?}");
        }
        for bad in [
            "{a:1}",
            "[1,]",
            "01",
            "1 2",
            "\"\u{1}\"",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "nul!",
            "{\"a\" 1}",
            "[1}",
            "+1",
        ] {
            let e = parse(bad).unwrap_err();
            assert!(!e.eof, "{bad:?}: {e:?}");
        }
        assert!(parse(&"[".repeat(200)).is_err());
        assert!(parse(&format!("{}{}", "[".repeat(100), "]".repeat(100))).is_ok());
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut out = String::new();
        write_str(&mut out, "a\"b\\c\u{1}\u{1f}\u{7f}é/\n");
        assert_eq!(out, "\"a\\\"b\\\\c\\u0001\\u001f\u{7f}é/\\n\"");
    }

    #[test]
    fn numbers_out_of_a_type_range_are_refused_not_wrapped() {
        assert_eq!(u8::from_json(&Json::Int(255)), Ok(255));
        assert!(u8::from_json(&Json::Int(256)).is_err());
        assert!(u32::from_json(&Json::Int(-1)).is_err());
        assert!(u16::from_json(&Json::Num("1.5".into())).is_err());
        assert_eq!(
            u64::from_json(&parse("18446744073709551615").unwrap()),
            Ok(u64::MAX)
        );
        assert_eq!(u64::MAX.to_json().to_text(), "18446744073709551615");
    }
}
