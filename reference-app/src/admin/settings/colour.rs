//! The portal's primary colour: `#RRGGBB`, dark enough for white text on it (WCAG 2 contrast
//! ratio at least 4.5:1, the AA level for normal text), measured as the documents measure it
//! (`pdf::Rgb`).

use crate::error::{Error, Result};
use crate::pdf::{Rgb, WHITE};

/// The least contrast ratio with white text.
pub const MIN_CONTRAST: f64 = 4.5;

/// A colour `#RRGGBB` (lower-cased) white text reads on; 422 naming `field` otherwise.
pub fn primary(field: &str, raw: &str) -> Result<String> {
    let hex = raw.trim().to_lowercase();
    let rgb = Rgb::parse(&hex).ok_or_else(|| Error::validation(field, "a colour #RRGGBB"))?;
    let ratio = contrast_with_white(rgb);
    if ratio < MIN_CONTRAST {
        return Err(Error::validation(
            field,
            format!("white text on it has a contrast of {ratio:.2}:1, below {MIN_CONTRAST}:1"),
        ));
    }
    Ok(hex)
}

/// The contrast ratio of white on `rgb`.
fn contrast_with_white(rgb: Rgb) -> f64 {
    rgb.contrast(WHITE)
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
        assert!((contrast_with_white(Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
    }
}
