//! The strict parser: text to a value tree, refusing anything serde_json would refuse.

use super::{Json, ParseError};
use std::borrow::Cow;

/// Deeper nesting than this is refused (serde_json's limit too): no record comes near it,
/// and a hostile file cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

pub fn parse(text: &str) -> Result<Json<'_>, ParseError> {
    let mut p = Parser {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.space();
    if p.i < p.b.len() {
        return Err(p.fail("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    fn fail(&self, what: &'static str) -> ParseError {
        let eof = self.i >= self.b.len();
        ParseError {
            at: self.i,
            what: if eof { "the text ends too soon" } else { what },
            eof,
        }
    }

    /// An error in what was read, whether or not the text ends there.
    fn wrong(&self, what: &'static str) -> ParseError {
        ParseError {
            at: self.i,
            what,
            eof: false,
        }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8, what: &'static str) -> Result<(), ParseError> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(self.fail(what))
        }
    }

    fn word(&mut self, w: &[u8], v: Json<'a>) -> Result<Json<'a>, ParseError> {
        for &c in w {
            self.eat(c, "an unknown word")?;
        }
        Ok(v)
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        self.space();
        match self.peek() {
            Some(b'n') => self.word(b"null", Json::Null),
            Some(b't') => self.word(b"true", Json::Bool(true)),
            Some(b'f') => self.word(b"false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') | Some(b'{') if depth >= MAX_DEPTH => Err(self.fail("nested too deeply")),
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(b']') {
                    self.i += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Json::Arr(items));
                        }
                        _ => return Err(self.fail("expected , or ]")),
                    }
                }
            }
            Some(b'{') => {
                self.i += 1;
                let mut members = Vec::new();
                self.space();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                    return Ok(Json::Obj(members));
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.fail("expected a member name"));
                    }
                    let key = self.string()?;
                    self.space();
                    self.eat(b':', "expected :")?;
                    members.push((key, self.value(depth + 1)?));
                    self.space();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Json::Obj(members));
                        }
                        _ => return Err(self.fail("expected , or }")),
                    }
                }
            }
            _ => Err(self.fail("expected a value")),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Json<'a>, ParseError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let first = self.peek();
        let n = self.digits();
        if n == 0 {
            return Err(self.fail("expected a digit"));
        }
        if first == Some(b'0') && n > 1 {
            return Err(self.wrong("a number with a leading zero"));
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.i += 1;
            whole = false;
            if self.digits() == 0 {
                return Err(self.fail("expected a digit"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            whole = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.fail("expected a digit"));
            }
        }
        // Only ASCII was passed over: both ends are char boundaries.
        let text = &self.s[start..self.i];
        // "-0" is a float to serde_json (minus zero), so not a whole number here either.
        Ok(match (whole, text.parse::<i64>()) {
            (true, Ok(i)) if !(i == 0 && text.starts_with('-')) => Json::Int(i),
            _ => Json::Num(Cow::Borrowed(text)),
        })
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        if self.b.len() - self.i < 4 {
            self.i = self.b.len();
            return Err(self.fail("a bad \\u escape"));
        }
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.wrong("a bad \\u escape")),
            };
            v = v * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        self.i += 1; // the opening quote
        let mut out: Option<String> = None;
        loop {
            // Runs of plain bytes are taken whole; a run stops at an ASCII byte, so both
            // its ends are char boundaries. Without an escape the text is borrowed.
            let start = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            let run = &self.s[start..self.i];
            if self.peek() == Some(b'"') {
                self.i += 1;
                return Ok(match out {
                    None => Cow::Borrowed(run),
                    Some(mut o) => {
                        o.push_str(run);
                        Cow::Owned(o)
                    }
                });
            }
            let out = out.get_or_insert_with(String::new);
            out.push_str(run);
            match self.peek() {
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            out.push(self.unicode()?);
                            continue;
                        }
                        _ => return Err(self.fail("a bad escape")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                _ => return Err(self.fail("a control character in a string")),
            }
        }
    }

    /// After `\u`: one code point, from a surrogate pair where it takes two escapes.
    fn unicode(&mut self) -> Result<char, ParseError> {
        let hi = self.hex4()?;
        let code = match hi {
            0xD800..=0xDBFF => {
                self.eat(b'\\', "a lone surrogate")?;
                self.eat(b'u', "a lone surrogate")?;
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(self.wrong("a lone surrogate"));
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.wrong("a lone surrogate")),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| self.fail("a bad \\u escape"))
    }
}
