//! The link: `<app>/open#plan=<base64url(zlib(codec))>`. zlib is deflate plus a checksum,
//! so a changed character is caught, not read as a different plan. The plan rides in
//! the fragment, which browsers never send to a server.

use super::codec::{decode, encode, CodecError};
use crate::domain::shared_plan::SharedPlan;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::TINFLStatus;

pub const PATH: &str = "/open";
pub const KEY: &str = "plan=";
/// Longer than any real plan's link (a full seven-day plan is ~2,000 characters).
pub const MAX_LINK_CHARS: usize = 8_000;
/// The largest a real plan gets once inflated; anything bigger is a decompression bomb.
pub const MAX_PLAN_BYTES: usize = 16 * 1024;
const MIN_CODE_CHARS: usize = 24;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    TooLong,
    /// Not made of link characters, or cut so that it cannot be read.
    NotALink,
    /// The characters are fine but the data inside is damaged.
    Corrupt,
    /// Unpacks to far more than any plan: refused unread.
    TooBig,
    Codec(CodecError),
}

impl LinkError {
    pub fn message(&self) -> String {
        match self {
            LinkError::Empty => "Paste a plan link or code first.".into(),
            LinkError::TooLong => "This is far longer than any plan link. Nothing was imported.".into(),
            LinkError::NotALink => "This does not look like a Backstrong plan link. Check that it was copied whole.".into(),
            LinkError::Corrupt | LinkError::Codec(CodecError::Malformed) => {
                "This plan link is damaged: part of it is missing or changed. Ask for it again.".into()
            }
            LinkError::Codec(CodecError::Truncated) => {
                "This plan link is cut short. Check that it was copied whole.".into()
            }
            LinkError::TooBig => "This link unpacks to far more than any plan. It was refused unread.".into(),
            LinkError::Codec(CodecError::FutureVersion(_)) => {
                "This plan was shared from a newer version of Backstrong. Update the app (reload it when online), then open the link again.".into()
            }
            LinkError::Codec(CodecError::Nonsense(p)) => {
                format!("{} Nothing was imported.", p.message())
            }
        }
    }
}

/// The code alone: what follows `#plan=` in a link.
pub fn encode_code(p: &SharedPlan) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(&encode(p), 10))
}

/// The full link, for an app served from `origin` (e.g. `https://backstrong.app`).
pub fn encode_link(p: &SharedPlan, origin: &str) -> String {
    format!(
        "{}{PATH}#{KEY}{}",
        origin.trim_end_matches('/'),
        encode_code(p)
    )
}

/// The code in anything a user might paste: a whole link, a fragment or the code alone.
pub fn code_of(text: &str) -> &str {
    let t = text.trim();
    match t.rfind(KEY) {
        Some(i) => &t[i + KEY.len()..],
        None => t.trim_start_matches('#'),
    }
}

pub fn decode_link(text: &str) -> Result<SharedPlan, LinkError> {
    if text.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong);
    }
    let code = code_of(text);
    if code.is_empty() {
        return Err(LinkError::Empty);
    }
    // The smallest real plan packs to more than 40 characters; a short word is not a code.
    if code.len() < MIN_CODE_CHARS {
        return Err(LinkError::NotALink);
    }
    let packed = URL_SAFE_NO_PAD
        .decode(code.trim_end_matches('='))
        .map_err(|e| match e {
            // Every character is fine but the count is impossible: it was cut.
            base64::DecodeError::InvalidLength(_) => LinkError::Codec(CodecError::Truncated),
            _ => LinkError::NotALink,
        })?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_PLAN_BYTES)
        .map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => LinkError::TooBig,
            TINFLStatus::FailedCannotMakeProgress => LinkError::Codec(CodecError::Truncated),
            _ => LinkError::Corrupt,
        })?;
    decode(&bytes).map_err(LinkError::Codec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> SharedPlan {
        super::super::codec::decode(&super::super::codec::encode(&sample())).unwrap()
    }

    fn sample() -> SharedPlan {
        use crate::domain::library::LIBRARY;
        use crate::domain::prescription::SetTarget;
        use crate::domain::shared_plan::SharedExercise;
        use crate::domain::units::{Grams, Units};
        SharedPlan {
            title: "Test".into(),
            phase: crate::domain::phase::Phase::Restore,
            units: Units::Kg,
            session_minutes: 30,
            increase_permille: 50,
            sessions: vec![vec![SharedExercise {
                exercise: &LIBRARY[0],
                sets: vec![
                    SetTarget {
                        amount: LIBRARY[0].range.0,
                        load: Grams(0),
                    };
                    2
                ],
                rest_seconds: 60,
            }]],
            rehab: vec![],
            own: vec![],
        }
    }

    #[test]
    fn a_link_opens_back_into_the_same_plan_from_any_pasted_form() {
        let p = plan();
        let link = encode_link(&p, "https://example.org/");
        assert!(link.starts_with("https://example.org/open#plan="));
        assert_eq!(decode_link(&link), Ok(p.clone()));
        assert_eq!(decode_link(&format!("  {link}\n")), Ok(p.clone()));
        assert_eq!(decode_link(&encode_code(&p)), Ok(p));
    }

    #[test]
    fn bad_links_get_their_own_error() {
        let link = encode_link(&plan(), "https://x");
        assert_eq!(decode_link(""), Err(LinkError::Empty));
        assert_eq!(decode_link("https://x/open#plan="), Err(LinkError::Empty));
        assert_eq!(decode_link(&"A".repeat(9000)), Err(LinkError::TooLong));
        assert_eq!(decode_link("hello"), Err(LinkError::NotALink));
        assert_eq!(
            decode_link("https://x/open#plan=$$$"),
            Err(LinkError::NotALink)
        );
        let cut = &link[..link.len() - 6];
        assert!(decode_link(cut).is_err());
        let mut flipped = link.clone().into_bytes();
        let i = flipped.len() - 3;
        flipped[i] = if flipped[i] == b'A' { b'B' } else { b'A' };
        assert!(decode_link(std::str::from_utf8(&flipped).unwrap()).is_err());
    }

    #[test]
    fn a_decompression_bomb_is_refused_unread() {
        let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![0u8; 4_000_000], 10);
        let code = URL_SAFE_NO_PAD.encode(bomb);
        assert!(code.len() < MAX_LINK_CHARS, "{}", code.len());
        assert_eq!(decode_link(&code), Err(LinkError::TooBig));
    }

    #[test]
    fn every_error_has_a_message() {
        for e in [
            LinkError::Empty,
            LinkError::TooLong,
            LinkError::NotALink,
            LinkError::Corrupt,
            LinkError::TooBig,
            LinkError::Codec(CodecError::Truncated),
            LinkError::Codec(CodecError::FutureVersion(2)),
        ] {
            assert!(e.message().ends_with('.'), "{e:?}");
        }
    }
}
