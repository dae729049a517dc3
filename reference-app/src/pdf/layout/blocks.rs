//! The blocks of text: headings, paragraphs, labelled values, key figures, and the QR code.
//! Each breaks across pages between its lines or rows, never inside one.

use qrcode::{Color, QrCode};

use super::{GAP, MARGIN, Pager, WIDTH, line};
use crate::pdf::colour::{BLACK, INK, MUTED};
use crate::pdf::fonts::Weight;
use crate::pdf::report::{Figure, PdfError};
use crate::pdf::wrap::wrap;

/// Body text: size and line height.
const BODY: (f32, f32) = (10.0, 14.5);

/// A heading in the report's colour (or near-black where it would not read), over a rule.
pub(super) fn heading(p: &mut Pager, text: &str) {
    let (size, height) = (13.0, 18.0);
    let lines = wrap(text, Weight::Bold, size, WIDTH);
    p.gap(4.0);
    p.reserve(lines.len() as f32 * height + 5.0);
    p.keep_with_next();
    let colour = p.brand.readable_on_white();
    for l in &lines {
        let item = line(MARGIN, p.y, height, size, Weight::Bold, colour, l);
        p.push(item);
        p.advance(height);
    }
    let y = p.y + 2.0;
    p.rect(MARGIN, y, WIDTH, 1.0, p.brand.tint(0.35));
    p.advance(3.0);
}

/// A paragraph, line by line.
pub(super) fn paragraph(p: &mut Pager, text: &str) {
    let (size, height) = BODY;
    for l in wrap(text, Weight::Regular, size, WIDTH) {
        p.reserve(height);
        let item = line(MARGIN, p.y, height, size, Weight::Regular, INK, &l);
        p.push(item);
        p.advance(height);
    }
}

/// Labels in a column of their own (in grey), values beside them; a row at a time.
pub(super) fn key_values(p: &mut Pager, pairs: &[(String, String)]) {
    let (size, height) = BODY;
    let label_width = WIDTH * 0.32;
    let value_x = MARGIN + label_width + 8.0;
    let value_width = WIDTH - label_width - 8.0;
    for (key, value) in pairs {
        let keys = wrap(key, Weight::Regular, size - 0.5, label_width);
        let values = wrap(value, Weight::Bold, size, value_width);
        let row = keys.len().max(values.len()) as f32 * height + 3.0;
        p.reserve(row);
        let top = p.y;
        for (i, k) in keys.iter().enumerate() {
            let y = top + i as f32 * height;
            p.push(line(
                MARGIN,
                y,
                height,
                size - 0.5,
                Weight::Regular,
                MUTED,
                k,
            ));
        }
        for (i, v) in values.iter().enumerate() {
            let y = top + i as f32 * height;
            p.push(line(value_x, y, height, size, Weight::Bold, INK, v));
        }
        p.advance(row);
    }
}

/// Key figures in a grid of up to four columns, each a tinted box with its label over its
/// value; a row of boxes at a time. Values are set as big as their boxes allow (17 points down
/// to 11), all at one size.
pub(super) fn figures(p: &mut Pager, figures: &[Figure]) {
    let (pad, label) = (10.0, (8.5, 11.0));
    let columns = figures.len().clamp(1, 4);
    let cell_width = (WIDTH - GAP * (columns - 1) as f32) / columns as f32;
    let text_width = cell_width - 2.0 * pad;
    let size = value_size(figures, text_width);
    let value = (size, size * 1.25);
    let colour = p.brand.readable_on_white();
    for (r, row) in figures.chunks(columns).enumerate() {
        let cells: Vec<_> = row
            .iter()
            .map(|f| {
                let labels = wrap(&f.label, Weight::Regular, label.0, text_width);
                let values = wrap(&f.value, Weight::Bold, value.0, text_width);
                (labels, values)
            })
            .collect();
        let height = cells
            .iter()
            .map(|(l, v)| l.len() as f32 * label.1 + 3.0 + v.len() as f32 * value.1)
            .fold(0.0, f32::max)
            + 2.0 * pad;
        if r > 0 {
            p.gap(GAP / 2.0);
        }
        p.reserve(height);
        let top = p.y;
        for (c, (labels, values)) in cells.iter().enumerate() {
            let x = MARGIN + c as f32 * (cell_width + GAP);
            p.rect(x, top, cell_width, height, p.brand.tint(0.08));
            let mut y = top + pad;
            for l in labels {
                p.push(line(
                    x + pad,
                    y,
                    label.1,
                    label.0,
                    Weight::Regular,
                    MUTED,
                    l,
                ));
                y += label.1;
            }
            y += 3.0;
            for v in values {
                p.push(line(x + pad, y, value.1, value.0, Weight::Bold, colour, v));
                y += value.1;
            }
        }
        p.advance(height);
    }
}

/// The size of the figures' values: the largest, 17 points to 11, at which each word of every
/// value fits `width`.
fn value_size(figures: &[Figure], width: f32) -> f32 {
    let widest = figures
        .iter()
        .flat_map(|f| f.value.split(' '))
        .map(|word| Weight::Bold.width(word, 1.0))
        .fold(0.0, f32::max);
    (11..=17)
        .rev()
        .map(|size| size as f32)
        .find(|size| widest * size <= width)
        .unwrap_or(11.0)
}

/// The side of a QR code, points (its quiet zone of four modules included).
pub(super) const QR_SIDE: f32 = 96.0;
/// The quiet zone around a QR code, modules.
const QUIET_ZONE: usize = 4;

/// A QR code of `data` in black squares (one rectangle per run of dark modules in a row),
/// `caption` beside it.
pub(super) fn qr_code(p: &mut Pager, data: &str, caption: &str) -> Result<(), PdfError> {
    let code = QrCode::new(data.as_bytes()).map_err(|_| PdfError::QrCode(data.len()))?;
    let width = code.width();
    let module = QR_SIDE / (width + 2 * QUIET_ZONE) as f32;
    p.reserve(QR_SIDE);
    let (left, top) = (
        MARGIN + QUIET_ZONE as f32 * module,
        p.y + QUIET_ZONE as f32 * module,
    );
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if code[(x, y)] == Color::Light {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && code[(x, y)] == Color::Dark {
                x += 1;
            }
            p.rect(
                left + start as f32 * module,
                top + y as f32 * module,
                (x - start) as f32 * module,
                module,
                BLACK,
            );
        }
    }
    let (size, height) = (9.5, 13.5);
    let text_x = MARGIN + QR_SIDE + 14.0;
    let lines = wrap(caption, Weight::Regular, size, MARGIN + WIDTH - text_x);
    let mut y = p.y + (QR_SIDE - lines.len() as f32 * height) / 2.0;
    for l in &lines {
        p.push(line(text_x, y, height, size, Weight::Regular, MUTED, l));
        y += height;
    }
    p.advance(QR_SIDE);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{report, texts};
    use super::super::{Item, Rect, pages};
    use super::*;

    #[test]
    fn the_qr_code_is_drawn_module_by_module() {
        let mut r = report();
        r.qr_code("RDV-7K3Q9X", "Présentez ce code à l’accueil du centre.");
        let pages = pages(&r, None).unwrap();
        let squares: Vec<Rect> = pages[0]
            .iter()
            .filter_map(|item| match item {
                Item::Rect(rect) if rect.colour == BLACK => Some(*rect),
                _ => None,
            })
            .collect();
        let code = QrCode::new(b"RDV-7K3Q9X").unwrap();
        let width = code.width();
        let module = QR_SIDE / (width + 2 * QUIET_ZONE) as f32;
        let (left, top) = (squares[0].x, squares[0].y);
        let mut drawn = vec![Color::Light; width * width];
        for square in &squares {
            assert!((square.height - module).abs() < 1e-3);
            let y = ((square.y - top) / module).round() as usize;
            let x = ((square.x - left) / module).round() as usize;
            let run = (square.width / module).round() as usize;
            for cell in &mut drawn[y * width + x..y * width + x + run] {
                *cell = Color::Dark;
            }
        }
        assert_eq!(
            drawn,
            code.to_colors(),
            "the squares are the code's dark modules"
        );
        assert!(texts(&pages[0]).contains(&"Présentez ce code à l’accueil du centre."));
    }

    #[test]
    fn data_too_long_for_a_qr_code_is_refused() {
        let mut r = report();
        r.qr_code("x".repeat(8000), "");
        assert!(matches!(pages(&r, None), Err(PdfError::QrCode(8000))));
    }

    #[test]
    fn long_values_wrap_beside_their_label() {
        let mut r = report();
        let address = "Zone artisanale des Grandes Terres, 12 avenue du Maréchal de Lattre de \
                       Tassigny, bâtiment C, 69100 Villeurbanne";
        r.key_values([("Adresse", address), ("Centre", "Lyon 8e")]);
        let pages = pages(&r, None).unwrap();
        let values: Vec<_> = pages[0]
            .iter()
            .filter_map(|item| match item {
                Item::Text(t) if t.weight == Weight::Bold && t.colour == INK => Some(t),
                _ => None,
            })
            .collect();
        assert!(values.len() > 2, "the address takes two lines at least");
        for v in &values {
            assert!(v.x + Weight::Bold.width(&v.text, v.size) <= MARGIN + WIDTH + 1e-3);
        }
        assert!(values.windows(2).all(|w| w[0].baseline < w[1].baseline));
        assert_eq!(values.last().unwrap().text, "Lyon 8e");
    }

    #[test]
    fn figures_sit_four_a_row_with_their_labels_over_their_values() {
        let mut r = report();
        r.figures((1..=6).map(|i| Figure::new(format!("Indicateur {i}"), format!("{i} 000"))));
        let pages = pages(&r, None).unwrap();
        let at = |text: &str| {
            pages[0].iter().find_map(|item| match item {
                Item::Text(t) if t.text == text => Some((t.x, t.baseline)),
                _ => None,
            })
        };
        let (label, value) = (at("Indicateur 1").unwrap(), at("1 000").unwrap());
        assert_eq!(label.0, value.0);
        assert!(label.1 < value.1);
        assert_eq!(
            at("Indicateur 4").unwrap().1,
            label.1,
            "four on the first row"
        );
        assert!(
            at("Indicateur 5").unwrap().1 > value.1,
            "the fifth starts a row"
        );
        assert_eq!(at("Indicateur 5").unwrap().0, label.0);
    }

    #[test]
    fn values_shrink_to_fit_their_box_down_to_eleven_points() {
        let big = |value: &str| {
            let mut r = report();
            r.figures((0..4).map(|i| Figure::new(format!("F{i}"), value)));
            let pages = pages(&r, None).unwrap();
            pages[0]
                .iter()
                .find_map(|item| match item {
                    Item::Text(t) if t.weight == Weight::Bold && value.starts_with(&t.text) => {
                        Some(t.size)
                    }
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(big("42"), 17.0);
        let reference = big("PTI-7K3Q9XW2");
        assert!((11.0..17.0).contains(&reference), "{reference}");
        let cell = (WIDTH - 3.0 * GAP) / 4.0 - 20.0;
        assert!(Weight::Bold.width("PTI-7K3Q9XW2", reference) <= cell);
        assert_eq!(big("WWWWWWWWWWWWWWWWWWWW"), 11.0, "then cut over lines");
    }
}
