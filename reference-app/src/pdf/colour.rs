//! Colours of a document: a brand colour `#RRGGBB`, and the text colour that reads on it
//! (white or near-black, whichever contrasts more, as WCAG 2 measures contrast).

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// White.
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
/// Black, for QR codes.
pub const BLACK: Rgb = Rgb(0, 0, 0);
/// The near-black of body text.
pub const INK: Rgb = Rgb(0x11, 0x18, 0x27);
/// The grey of labels and the footer.
pub const MUTED: Rgb = Rgb(0x4b, 0x55, 0x63);
/// The light grey of zebra rows and rules.
pub const SHADE: Rgb = Rgb(0xf1, 0xf3, 0xf6);
/// The grey of rules.
pub const RULE: Rgb = Rgb(0xd1, 0xd5, 0xdb);

/// The least contrast ratio of normal text (WCAG 2, level AA).
const READABLE: f64 = 4.5;

impl Rgb {
    /// Reads `#RRGGBB` (either case, surrounding spaces ignored); None when it is not one.
    pub fn parse(hex: &str) -> Option<Rgb> {
        let digits = hex.trim().strip_prefix('#')?;
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// WCAG 2 relative luminance.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The WCAG 2 contrast ratio of two colours, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The text colour for this background: white or near-black, whichever contrasts more.
    pub fn text_on(self) -> Rgb {
        if self.contrast(WHITE) >= self.contrast(INK) {
            WHITE
        } else {
            INK
        }
    }

    /// This colour for text on white when it reads there, near-black otherwise.
    pub fn readable_on_white(self) -> Rgb {
        if self.contrast(WHITE) >= READABLE {
            self
        } else {
            INK
        }
    }

    /// This colour mixed with white, `share` of it kept (0 to 1): a light tint.
    pub fn tint(self, share: f32) -> Rgb {
        let mix = |c: u8| (255.0 - (255.0 - f32::from(c)) * share.clamp(0.0, 1.0)).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_are_read_in_either_case() {
        assert_eq!(Rgb::parse(" #1D4ed8 "), Some(Rgb(0x1d, 0x4e, 0xd8)));
        assert_eq!(Rgb::parse("1d4ed8"), None);
        assert_eq!(Rgb::parse("#1d4ed"), None);
        assert_eq!(Rgb::parse("#1d4eg8"), None);
    }

    #[test]
    fn dark_brands_get_white_text_and_light_ones_near_black() {
        assert_eq!(Rgb::parse("#1d4ed8").unwrap().text_on(), WHITE);
        assert_eq!(Rgb(0, 0, 0).text_on(), WHITE);
        assert_eq!(Rgb::parse("#fde047").unwrap().text_on(), INK);
        assert_eq!(WHITE.text_on(), INK);
    }

    #[test]
    fn the_chosen_text_colour_is_the_more_contrasting_one_on_any_grey() {
        for grey in 0..=255 {
            let background = Rgb(grey, grey, grey);
            let chosen = background.contrast(background.text_on());
            assert!(chosen >= background.contrast(WHITE), "{grey}");
            assert!(chosen >= background.contrast(INK), "{grey}");
            // Mid greys are where neither reaches AA; the better one still gives 4.2:1.
            assert!(chosen > 4.2, "{grey}: {chosen}");
        }
    }

    #[test]
    fn contrast_is_symmetric_and_twenty_one_for_black_on_white() {
        assert!((Rgb(0, 0, 0).contrast(WHITE) - 21.0).abs() < 1e-9);
        let brand = Rgb(0x0f, 0x76, 0x6e);
        assert!((brand.contrast(WHITE) - WHITE.contrast(brand)).abs() < 1e-12);
    }

    #[test]
    fn light_brands_are_not_used_for_text_on_white() {
        assert_eq!(Rgb::parse("#fde047").unwrap().readable_on_white(), INK);
        let teal = Rgb(0x0f, 0x76, 0x6e);
        assert_eq!(teal.readable_on_white(), teal);
        assert_eq!(teal.tint(0.0), WHITE);
        assert_eq!(teal.tint(1.0), teal);
    }
}
