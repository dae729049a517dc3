//! The two faces every document is set in, DejaVu Sans and DejaVu Sans Bold (shipped in
//! `assets/fonts/` with their licence, embedded in the binary; krilla subsets them into each
//! PDF), and the measure of text set in them.
//!
//! Text is set one glyph per character: the font's `cmap` gives the glyph, its `hmtx` the
//! advance (read with skrifa, the font reader krilla is built on). No kerning nor ligatures:
//! what French needs, accents, `€` and the narrow no-break space included, is in the faces. A
//! character a face lacks is drawn as `?`.

use std::sync::LazyLock;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The weight text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// One face: the font krilla embeds and the tables that measure it.
struct Face {
    font: Font,
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    /// Font units per em.
    units_per_em: f32,
    /// Height above the baseline, in ems.
    ascent: f32,
    /// Depth below the baseline, in ems (positive).
    descent: f32,
    /// The glyph of `?`, for characters the face lacks.
    missing: skrifa::GlyphId,
}

impl Face {
    /// Reads a face shipped with the app; the bytes are fixed, so a failure is a build error
    /// that every test shows.
    fn load(bytes: &'static [u8]) -> Face {
        let font_ref = FontRef::new(bytes).expect("a shipped font parses");
        let metrics = font_ref.metrics(Size::unscaled(), LocationRef::default());
        let charmap = font_ref.charmap();
        let missing = charmap.map('?').unwrap_or_default();
        let units_per_em = f32::from(metrics.units_per_em);
        Face {
            font: Font::new(bytes.into(), 0).expect("krilla reads a shipped font"),
            charmap,
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            ascent: metrics.ascent / units_per_em,
            descent: -metrics.descent / units_per_em,
            missing,
        }
    }

    fn glyph(&self, c: char) -> skrifa::GlyphId {
        self.charmap.map(c).unwrap_or(self.missing)
    }

    /// The advance of `glyph`, in ems.
    fn advance(&self, glyph: skrifa::GlyphId) -> f32 {
        self.metrics.advance_width(glyph).unwrap_or_default() / self.units_per_em
    }
}

static FACES: LazyLock<[Face; 2]> = LazyLock::new(|| [Face::load(REGULAR), Face::load(BOLD)]);

impl Weight {
    fn face(self) -> &'static Face {
        match self {
            Weight::Regular => &FACES[0],
            Weight::Bold => &FACES[1],
        }
    }

    /// The width of `text` set at `size` points, in points.
    pub fn width(self, text: &str, size: f32) -> f32 {
        let face = self.face();
        text.chars()
            .map(|c| face.advance(face.glyph(c)))
            .sum::<f32>()
            * size
    }

    /// The height of the face above its baseline at `size`, in points.
    pub fn ascent(self, size: f32) -> f32 {
        self.face().ascent * size
    }

    /// The height of a line of the face at `size` (ascent and descent), in points.
    pub fn height(self, size: f32) -> f32 {
        let face = self.face();
        (face.ascent + face.descent) * size
    }

    /// The font krilla draws with.
    pub(super) fn font(self) -> Font {
        self.face().font.clone()
    }

    /// The glyphs of `text`, one per character, each with the bytes it stands for (so that a
    /// reader copies or extracts the text back).
    pub(super) fn glyphs(self, text: &str) -> Vec<KrillaGlyph> {
        let face = self.face();
        text.char_indices()
            .map(|(at, c)| {
                let glyph = face.glyph(c);
                KrillaGlyph::new(
                    GlyphId::new(glyph.to_u32()),
                    face.advance(glyph),
                    0.0,
                    0.0,
                    0.0,
                    at..at + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_add_up_and_scale_with_the_size() {
        let w = |t| Weight::Regular.width(t, 10.0);
        assert!((w("Contrôle technique") - (w("Contrôle") + w(" ") + w("technique"))).abs() < 1e-3);
        assert!((Weight::Regular.width("é", 20.0) - 2.0 * w("é")).abs() < 1e-4);
        assert!(Weight::Bold.width("Réf", 10.0) > w("Réf"));
        assert_eq!(w(""), 0.0);
    }

    #[test]
    fn french_text_has_its_own_glyphs() {
        let face = Weight::Regular.face();
        for c in "àâçéèêëîïôûùüÿœæÀÇÉÈŒ€’«»\u{202f}\u{a0}–".chars() {
            assert_ne!(face.glyph(c), face.missing, "{c:?}");
        }
        assert_eq!(
            face.glyph('中'),
            face.missing,
            "a character the face lacks is drawn as ?"
        );
    }

    #[test]
    fn each_glyph_stands_for_the_bytes_of_its_character() {
        let glyphs = Weight::Bold.glyphs("79 €");
        let ranges: Vec<_> = glyphs.iter().map(|g| g.text_range.clone()).collect();
        assert_eq!(ranges, [0..1, 1..2, 2..3, 3..6]);
        assert!(
            (Weight::Regular.ascent(10.0) - 9.28).abs() < 0.01,
            "DejaVu's ascent"
        );
    }
}
