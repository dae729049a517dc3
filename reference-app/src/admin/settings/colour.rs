//! The portal's primary colour: `#RRGGBB`, dark enough for white text on it (WCAG 2 contrast
//! ratio at least 4.5:1, the AA level for normal text).

use crate::error::{Error, Result};

/// The least contrast ratio with white text.
pub const MIN_CONTRAST: f64 = 4.5;

/// A colour `#RRGGBB` (lower-cased) white text reads on; 422 naming `field` otherwise.
pub fn primary(field: &str, raw: &str) -> Result<String> {
    let hex = raw.trim().to_lowercase();
    let rgb = parse(&hex).ok_or_else(|| Error::validation(field, "a colour #RRGGBB"))?;
    let ratio = contrast_with_white(rgb);
    if ratio < MIN_CONTRAST {
        return Err(Error::validation(
            field,
            format!("white text on it has a contrast of {ratio:.2}:1, below {MIN_CONTRAST}:1"),
        ));
    }
    Ok(hex)
}

fn parse(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// The contrast ratio of white on `rgb`.
fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    1.05 / (luminance(rgb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dark_colours_pass_and_light_ones_are_refused() {
        assert_eq!(primary("c", " #1D4ED8 ").unwrap(), "#1d4ed8");
        assert!(primary("c", "#000000").is_ok());
        assert!(primary("c", "#ffff00").is_err());
        assert!(primary("c", "#777777").is_err(), "4.48:1 is just below AA");
        assert!(primary("c", "#767676").is_ok(), "4.54:1 passes");
        assert!(primary("c", "blue").is_err());
        assert!(primary("c", "#12345").is_err());
    }

    #[test]
    fn white_on_black_is_twenty_one_to_one() {
        assert!((contrast_with_white([0, 0, 0]) - 21.0).abs() < 1e-9);
    }
}
