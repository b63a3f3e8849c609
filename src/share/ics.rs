//! iCalendar text (RFC 5545 §3.1): content lines ended by CRLF, folded before 75 octets
//! without splitting a character, TEXT values escaped.

/// The longest content line, in octets, before it is folded (the CRLF not counted).
const LINE_OCTETS: usize = 75;

/// A calendar file being written, one content line at a time.
#[derive(Default)]
pub struct Ics {
    out: String,
}

impl Ics {
    /// A property whose value is written as it is (dates, rules, numbers).
    pub fn line(&mut self, name: &str, value: &str) {
        fold(&format!("{name}:{value}"), &mut self.out);
    }

    /// A TEXT property: its value escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.line(name, &escape_text(value));
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks escaped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 §3.1: a line longer than 75 octets continues on lines that start with one
/// space; a break never falls inside a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut room = LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            // The space takes one octet of the next line.
            room = LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_and_never_inside_a_character() {
        let mut ics = Ics::default();
        let long = "·".repeat(60) + &"x".repeat(50);
        ics.text("DESCRIPTION", &long);
        let text = ics.finish();
        assert!(text.ends_with("\r\n"));
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 1);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= LINE_OCTETS, "line {i} has {} octets", l.len());
            assert_eq!(i > 0, l.starts_with(' '));
        }
        let unfolded: String = text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{long}\r\n"));
        // A short line stays one line.
        let mut short = Ics::default();
        short.line("VERSION", "2.0");
        assert_eq!(short.finish(), "VERSION:2.0\r\n");
    }
}
