//! The link as a QR code, drawn as SVG so it stays sharp on any screen.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code for `text`, or `None` if it is too long for any QR code.
/// Low error correction keeps the code small enough to scan from a phone screen.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(256, 256)
            .dark_color(svg::Color("#000"))
            .light_color(svg::Color("#fff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_draws_as_an_svg_and_an_impossible_one_does_not() {
        let s = qr_svg("https://example.org/open#plan=abc").unwrap();
        assert!(s.starts_with("<?xml") || s.starts_with("<svg"));
        assert!(s.contains("<path") || s.contains("<rect"));
        assert!(qr_svg(&"x".repeat(5000)).is_none());
    }
}
