//! Drawing laid-out pages with krilla: texts as glyphs of the embedded faces (subset, with
//! their Unicode text so that readers copy and search it), runs of same-coloured rectangles as
//! one filled path, the logo as an image.

use krilla::Document;
use krilla::color::rgb;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;

use super::colour::Rgb;
use super::layout::{Item, PAGE_HEIGHT, PAGE_WIDTH, Page, Rect};
use super::report::{ImageFormat, Logo, PdfError};

/// The logo as an image krilla can place; None when its bytes do not read as their format.
pub(super) fn image(logo: &Logo) -> Option<Image> {
    let data = logo.bytes.clone().into();
    match logo.format {
        ImageFormat::Png => Image::from_png(data, true),
        ImageFormat::Jpeg => Image::from_jpeg(data, true),
        ImageFormat::Webp => Image::from_webp(data, true),
    }
    .ok()
}

/// The PDF of `pages`, titled `title`, the logo drawn where the layout placed it. A logo
/// whose pixels fail to decode (its header read well) is left out rather than failing the
/// document.
pub(super) fn pdf(title: &str, pages: &[Page], logo: Option<Image>) -> Result<Vec<u8>, PdfError> {
    match write(title, pages, logo.as_ref()) {
        Err(KrillaError::Image(..)) if logo.is_some() => write(title, pages, None),
        done => done,
    }
    .map_err(|e| PdfError::Write(e.to_string()))
}

fn write(title: &str, pages: &[Page], logo: Option<&Image>) -> Result<Vec<u8>, KrillaError> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language("fr-FR".to_owned())
            .creator("PTI Calendar".to_owned()),
    );
    for items in pages {
        let settings =
            PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a valid page size");
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        draw(&mut surface, items, logo);
        surface.finish();
        page.finish();
    }
    document.finish()
}

fn fill(colour: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw(surface: &mut Surface<'_>, items: &[Item], logo: Option<&Image>) {
    let mut rects: Vec<Rect> = Vec::new();
    for item in items {
        if let Item::Rect(rect) = item {
            if rects.last().is_some_and(|r| r.colour != rect.colour) {
                fill_rects(surface, &std::mem::take(&mut rects));
            }
            rects.push(*rect);
            continue;
        }
        fill_rects(surface, &std::mem::take(&mut rects));
        match item {
            Item::Text(t) => {
                surface.set_fill(Some(fill(t.colour)));
                surface.draw_glyphs(
                    Point::from_xy(t.x, t.baseline),
                    &t.weight.glyphs(&t.text),
                    t.weight.font(),
                    &t.text,
                    t.size,
                    false,
                );
            }
            Item::Logo {
                x,
                y,
                width,
                height,
            } => {
                if let (Some(image), Some(size)) = (logo, Size::from_wh(*width, *height)) {
                    surface.push_transform(&Transform::from_translate(*x, *y));
                    surface.draw_image(image.clone(), size);
                    surface.pop();
                }
            }
            Item::Rect(_) => {}
        }
    }
    fill_rects(surface, &rects);
}

/// Fills `rects` (all of one colour) as one path.
fn fill_rects(surface: &mut Surface<'_>, rects: &[Rect]) {
    let Some(first) = rects.first() else {
        return;
    };
    let mut path = PathBuilder::new();
    for r in rects {
        if let Some(rect) = krilla::geom::Rect::from_xywh(r.x, r.y, r.width, r.height) {
            path.push_rect(rect);
        }
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill(first.colour)));
        surface.draw_path(&path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::tests::report;
    use crate::pdf::report::{Column, Figure, Table};

    /// A 48×16 PNG: a teal and white chequerboard.
    const PNG: &[u8] = include_bytes!("../../tests/fixtures/logo.png");

    fn full_report() -> crate::pdf::Report {
        let mut r = report();
        r.footer("Contrôle Lyonnais SAS · SIRET 732 829 320 00074");
        r.heading("Synthèse");
        r.figures([Figure::new("Rendez-vous", "1\u{202f}234")]);
        let mut t = Table::new(Some("Par centre"), vec![Column::left("Centre", 1.0)]);
        t.row(["Lyon 8e"]);
        r.table(t);
        r.qr_code("RDV-1", "Référence");
        r
    }

    #[test]
    fn a_report_is_a_pdf_with_its_fonts_embedded() {
        let pdf = full_report().to_pdf().unwrap();
        assert!(pdf.starts_with(b"%PDF-1."));
        assert!(
            pdf.windows(8).any(|w| w == b"DejaVuSa"),
            "the faces are named"
        );
        assert!(
            pdf.len() < 200_000,
            "the faces are subset: {} bytes",
            pdf.len()
        );
    }

    #[test]
    fn a_logo_is_drawn_and_a_broken_one_left_out() {
        let mut r = full_report();
        let plain = r.to_pdf().unwrap();
        r.header.logo = Logo::new("image/png", PNG.to_vec());
        let with_logo = r.to_pdf().unwrap();
        assert!(
            with_logo.windows(8).any(|w| w == b"/XObject"),
            "an image is placed"
        );
        assert!(!plain.windows(8).any(|w| w == b"/XObject"));
        let placed = |pdf: Vec<u8>| pdf.windows(8).any(|w| w == b"/XObject");
        r.header.logo = Logo::new("image/png", b"\x89PNG\r\n\x1a\n-not-a-png".to_vec());
        assert!(!placed(r.to_pdf().unwrap()), "a broken logo is left out");
        r.header.logo = Logo::new("image/png", [&PNG[..45], &[0; 30]].concat());
        assert!(
            !placed(r.to_pdf().unwrap()),
            "and one whose pixels are broken"
        );
        assert_eq!(Logo::new("image/svg+xml", PNG.to_vec()), None);
    }
}
