//! Breaking text into lines that fit a width.
//!
//! Lines break at spaces and line feeds, never at a no-break space (U+00A0) or a narrow
//! no-break space (U+202F), so "79,00 €" or "12 h 30" stay whole; a word wider than the whole
//! line is cut between characters. Widths add up glyph by glyph (no kerning), so a line's
//! width is the sum of its words' and spaces'.

use super::fonts::Weight;

/// The lines of `text` set in `weight` at `size`, each at most `width` points wide: as many
/// words on each line as fit, runs of spaces read as one. A line feed starts a new line; an
/// empty text is one empty line.
pub fn wrap(text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
    let space = weight.width(" ", size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_width = weight.width(word, size);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
            } else {
                let mut pieces = cut(word, weight, size, width);
                line = pieces.pop().unwrap_or_default();
                line_width = weight.width(&line, size);
                lines.extend(pieces);
            }
        }
        lines.push(line);
    }
    lines
}

/// `word` cut between characters into pieces at most `width` wide (a piece holds at least one
/// character, however narrow the width).
fn cut(word: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
    let mut pieces = vec![String::new()];
    let mut piece_width = 0.0;
    for c in word.chars() {
        let w = weight.width(c.encode_utf8(&mut [0; 4]), size);
        let last = pieces.last_mut().expect("one piece at least");
        if !last.is_empty() && piece_width + w > width {
            pieces.push(c.to_string());
            piece_width = w;
        } else {
            last.push(c);
            piece_width += w;
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 10.0;

    fn width(text: &str) -> f32 {
        Weight::Regular.width(text, SIZE)
    }

    fn lines(text: &str, max: f32) -> Vec<String> {
        wrap(text, Weight::Regular, SIZE, max)
    }

    const TEXT: &str = "Présentez-vous dix minutes avant l’heure du contrôle technique, \
        muni de la carte grise du véhicule et de ce document : le contrôleur vérifie \
        l’identité du véhicule avant de commencer.";

    #[test]
    fn no_line_is_wider_than_the_width_and_no_word_is_lost() {
        for max in [60.0, 120.0, 200.0, 480.0] {
            let lines = lines(TEXT, max);
            assert!(lines.len() > 1 || max == 480.0, "{max}: {lines:?}");
            for line in &lines {
                assert!(
                    width(line) <= max + 1e-3,
                    "{max}: {line:?} is {}",
                    width(line)
                );
            }
            assert_eq!(lines.concat().replace(' ', ""), TEXT.replace(' ', ""));
        }
    }

    #[test]
    fn each_line_takes_as_many_words_as_fit() {
        let max = 150.0;
        let lines = lines(TEXT, max);
        for pair in lines.windows(2) {
            let next_word = pair[1].split(' ').next().unwrap();
            let longer = format!("{} {next_word}", pair[0]);
            assert!(width(&longer) > max, "{longer:?} would have fit");
        }
    }

    #[test]
    fn no_break_spaces_hold_amounts_together() {
        let amount = "Total : 1\u{202f}234,00\u{a0}€";
        let max = width("Total : 1\u{202f}234,00");
        let lines = lines(amount, max);
        assert_eq!(lines, ["Total :", "1\u{202f}234,00\u{a0}€"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_between_characters() {
        let word = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let max = width("ABCDEFGH");
        let lines = lines(&format!("Réf {word}"), max);
        assert_eq!(lines.concat(), format!("Réf{word}"));
        assert!(lines.iter().all(|l| width(l) <= max + 1e-3), "{lines:?}");
        assert_eq!(lines[0], "Réf");
    }

    #[test]
    fn line_feeds_start_lines_and_empty_text_is_one_empty_line() {
        assert_eq!(lines("un\n\ndeux", 500.0), ["un", "", "deux"]);
        assert_eq!(lines("", 500.0), [""]);
        assert_eq!(lines("a   b", 500.0), ["a b"]);
    }
}
