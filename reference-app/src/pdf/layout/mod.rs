//! Laying a [`Report`] out on A4 pages: each block placed below the last, a new page when the
//! next piece does not fit, then the header band and the footer ("Page n / N") added to every
//! page once their number is known. The result is a list of positioned texts, rectangles and
//! the logo, in points from the page's top-left corner, that [`super::render`] draws.

mod blocks;
mod table;

use super::colour::{INK, MUTED, RULE, Rgb};
use super::fonts::Weight;
use super::report::{Block, Header, PdfError, Report};
use super::wrap::wrap;

/// A4 width, points.
pub const PAGE_WIDTH: f32 = 595.28;
/// A4 height, points.
pub const PAGE_HEIGHT: f32 = 841.89;
/// Left and right margins, points.
const MARGIN: f32 = 48.0;
/// The width of the body, points.
const WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Space between blocks, points.
const GAP: f32 = 14.0;
/// The least height of the first page's band.
const BAND: f32 = 92.0;
/// The height of the next pages' band.
const SLIM_BAND: f32 = 28.0;
/// Where the logo fits, at the band's left.
const LOGO_BOX: (f32, f32) = (150.0, 56.0);
/// Space between the band and the body.
const BELOW_BAND: f32 = 26.0;
/// Footer text: size, line height, bottom margin, the width kept for the page number.
const FOOTER_SIZE: f32 = 7.5;
const FOOTER_LINE: f32 = 10.0;
const FOOTER_MARGIN: f32 = 26.0;
const PAGE_NUMBER_WIDTH: f32 = 70.0;

/// A line of text, `baseline` its baseline's height from the page's top.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Left edge.
    pub x: f32,
    /// Baseline.
    pub baseline: f32,
    /// Font size.
    pub size: f32,
    /// Face.
    pub weight: Weight,
    /// Colour.
    pub colour: Rgb,
    /// The text, on one line.
    pub text: String,
}

/// A filled rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Fill.
    pub colour: Rgb,
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A line of text.
    Text(Text),
    /// A filled rectangle.
    Rect(Rect),
    /// The header's logo, in this box.
    Logo {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
    },
}

impl Item {
    /// The item `dy` points lower.
    fn lowered(mut self, dy: f32) -> Item {
        match &mut self {
            Item::Text(t) => t.baseline += dy,
            Item::Rect(r) => r.y += dy,
            Item::Logo { y, .. } => *y += dy,
        }
        self
    }
}

/// What a page shows, in drawing order.
pub type Page = Vec<Item>;

/// The text of a line laid in the box of height `line` whose top is `top`, centred on it.
fn line(x: f32, top: f32, line: f32, size: f32, weight: Weight, colour: Rgb, text: &str) -> Item {
    Item::Text(Text {
        x,
        baseline: top + (line - weight.height(size)) / 2.0 + weight.ascent(size),
        size,
        weight,
        colour,
        text: text.to_owned(),
    })
}

/// The body of the pages as blocks fill it, top to bottom.
struct Pager {
    pages: Vec<Page>,
    /// Where the next piece goes.
    y: f32,
    /// The top of the current page's body.
    top: f32,
    /// The top of the next pages' body.
    next_top: f32,
    /// The bottom of every page's body.
    bottom: f32,
    /// The report's colour.
    brand: Rgb,
    /// Where a heading began on this page (its first item, its top), kept with what follows
    /// it: the next page break takes it along.
    kept: Option<(usize, f32)>,
}

impl Pager {
    fn fits(&self, height: f32) -> bool {
        self.y + height <= self.bottom
    }

    fn at_top(&self) -> bool {
        self.y <= self.top
    }

    /// Starts a new page; a heading kept with what follows moves there, unless it opens the
    /// page it is on.
    fn new_page(&mut self) {
        let moved = match self.kept.take() {
            Some((first, top)) if top > self.top => {
                let page = self.pages.last_mut().expect("a page");
                Some((page.split_off(first), top))
            }
            _ => None,
        };
        self.pages.push(Vec::new());
        self.top = self.next_top;
        match moved {
            Some((items, top)) => {
                let dy = self.top - top;
                self.y += dy;
                let page = self.pages.last_mut().expect("a page");
                page.extend(items.into_iter().map(|item| item.lowered(dy)));
            }
            None => self.y = self.top,
        }
    }

    /// Makes room for a piece `height` high: a new page when it does not fit below what this
    /// page holds (on an empty page it goes anyway, however high).
    fn reserve(&mut self, height: f32) {
        if !self.fits(height) && !self.at_top() {
            self.new_page();
        }
        self.kept = None;
    }

    /// Keeps what is pushed from now on with the piece the next [`Pager::reserve`] makes room
    /// for.
    fn keep_with_next(&mut self) {
        let first = self.pages.last().map_or(0, Vec::len);
        self.kept = Some((first, self.y));
    }

    /// Moves down by `height`.
    fn advance(&mut self, height: f32) {
        self.y += height;
    }

    /// Space that a new page swallows.
    fn gap(&mut self, height: f32) {
        if !self.at_top() {
            self.y += height;
        }
    }

    fn push(&mut self, item: Item) {
        self.pages.last_mut().expect("a page").push(item);
    }

    fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, colour: Rgb) {
        self.push(Item::Rect(Rect {
            x,
            y,
            width,
            height,
            colour,
        }));
    }
}

/// The pages of `report`; `logo` is the pixel size of its logo when it has one that reads.
pub fn pages(report: &Report, logo: Option<(u32, u32)>) -> Result<Vec<Page>, PdfError> {
    let footer = wrap(
        &report.footer,
        Weight::Regular,
        FOOTER_SIZE,
        WIDTH - PAGE_NUMBER_WIDTH,
    );
    let footer_top = PAGE_HEIGHT - FOOTER_MARGIN - footer.len() as f32 * FOOTER_LINE;
    let (band, band_height) = band(&report.header, logo);
    let mut pager = Pager {
        pages: vec![Vec::new()],
        y: band_height + BELOW_BAND,
        top: band_height + BELOW_BAND,
        next_top: SLIM_BAND + BELOW_BAND,
        bottom: footer_top - 8.0 - GAP,
        brand: report.header.colour,
        kept: None,
    };
    for block in &report.blocks {
        pager.gap(GAP);
        match block {
            Block::Heading(text) => blocks::heading(&mut pager, text),
            Block::Paragraph(text) => blocks::paragraph(&mut pager, text),
            Block::KeyValues(pairs) => blocks::key_values(&mut pager, pairs),
            Block::Figures(figures) => blocks::figures(&mut pager, figures),
            Block::Table(t) => table::table(&mut pager, t),
            Block::QrCode { data, caption } => blocks::qr_code(&mut pager, data, caption)?,
        }
    }
    let count = pager.pages.len();
    let slim = slim_band(&report.header);
    Ok(pager
        .pages
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let mut page = if i == 0 { band.clone() } else { slim.clone() };
            page.extend(body);
            page.extend(footer_items(&footer, footer_top, i + 1, count));
            page
        })
        .collect())
}

/// The first page's band and its height: the logo at the left, scaled to fit its box, the
/// title and subtitle beside it, centred on the band's height.
fn band(header: &Header, logo: Option<(u32, u32)>) -> (Page, f32) {
    let ink = header.colour.text_on();
    let logo = logo.and_then(|(w, h)| fit((w as f32, h as f32), LOGO_BOX));
    let text_x = logo.map_or(MARGIN, |(w, _)| MARGIN + w + 18.0);
    let text_width = PAGE_WIDTH - MARGIN - text_x;
    let title = wrap(&header.title, Weight::Bold, 19.0, text_width);
    let subtitle = header
        .subtitle
        .as_deref()
        .map(|s| wrap(s, Weight::Regular, 10.5, text_width))
        .unwrap_or_default();
    let text_height = title.len() as f32 * 24.0 + subtitle.len() as f32 * 15.0;
    let height = BAND.max(text_height + 32.0);
    let mut page = vec![Item::Rect(Rect {
        x: 0.0,
        y: 0.0,
        width: PAGE_WIDTH,
        height,
        colour: header.colour,
    })];
    if let Some((width, logo_height)) = logo {
        page.push(Item::Logo {
            x: MARGIN,
            y: (height - logo_height) / 2.0,
            width,
            height: logo_height,
        });
    }
    let mut y = (height - text_height) / 2.0;
    for l in &title {
        page.push(line(text_x, y, 24.0, 19.0, Weight::Bold, ink, l));
        y += 24.0;
    }
    for l in &subtitle {
        page.push(line(text_x, y, 15.0, 10.5, Weight::Regular, ink, l));
        y += 15.0;
    }
    (page, height)
}

/// `size` scaled to fit in `room`, its aspect kept; None for an empty image.
fn fit((width, height): (f32, f32), (room_width, room_height): (f32, f32)) -> Option<(f32, f32)> {
    if width <= 0.0 || height <= 0.0 {
        return None;
    }
    let scale = (room_width / width).min(room_height / height);
    Some((width * scale, height * scale))
}

/// The next pages' band: the title's first line, small.
fn slim_band(header: &Header) -> Page {
    let title = wrap(&header.title, Weight::Bold, 9.0, WIDTH);
    vec![
        Item::Rect(Rect {
            x: 0.0,
            y: 0.0,
            width: PAGE_WIDTH,
            height: SLIM_BAND,
            colour: header.colour,
        }),
        line(
            MARGIN,
            0.0,
            SLIM_BAND,
            9.0,
            Weight::Bold,
            header.colour.text_on(),
            &title[0],
        ),
    ]
}

/// The footer of page `number` of `count`: a rule, the footer's lines, the page number.
fn footer_items(lines: &[String], top: f32, number: usize, count: usize) -> Page {
    let mut page = vec![Item::Rect(Rect {
        x: MARGIN,
        y: top - 6.0,
        width: WIDTH,
        height: 0.6,
        colour: RULE,
    })];
    let mut y = top;
    for l in lines {
        page.push(line(
            MARGIN,
            y,
            FOOTER_LINE,
            FOOTER_SIZE,
            Weight::Regular,
            MUTED,
            l,
        ));
        y += FOOTER_LINE;
    }
    let number = format!("Page {number} / {count}");
    let x = PAGE_WIDTH - MARGIN - Weight::Regular.width(&number, 8.0);
    page.push(line(
        x,
        top,
        FOOTER_LINE,
        8.0,
        Weight::Regular,
        INK,
        &number,
    ));
    page
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::pdf::colour::WHITE;
    use crate::pdf::report::{Column, Table};

    /// The texts of a page, in drawing order.
    pub fn texts(page: &Page) -> Vec<&str> {
        page.iter()
            .filter_map(|item| match item {
                Item::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// A report under a dark blue band.
    pub fn report() -> Report {
        Report::new(Header {
            title: "Statistiques du réseau".into(),
            subtitle: Some("Janvier 2027".into()),
            colour: Rgb(0x1d, 0x4e, 0xd8),
            logo: None,
        })
    }

    #[test]
    fn every_page_has_its_footer_with_its_number_of_the_count() {
        let mut r = report();
        r.footer("Contrôle Lyonnais SAS · SIRET 732 829 320 00074");
        for i in 0..120 {
            r.paragraph(format!("Paragraphe {i}"));
        }
        let pages = pages(&r, None).unwrap();
        assert!(pages.len() >= 3, "{}", pages.len());
        for (i, page) in pages.iter().enumerate() {
            let texts = texts(page);
            let number = format!("Page {} / {}", i + 1, pages.len());
            assert!(texts.contains(&number.as_str()), "{texts:?}");
            assert!(texts.contains(&"Contrôle Lyonnais SAS · SIRET 732 829 320 00074"));
        }
    }

    #[test]
    fn the_body_stays_between_the_band_and_the_footer() {
        let mut r = report();
        r.footer("Mentions légales");
        for i in 0..200 {
            r.paragraph(format!("Ligne {i}"));
        }
        for page in pages(&r, None).unwrap() {
            let rule = page
                .iter()
                .filter_map(|item| match item {
                    Item::Rect(rect) if rect.colour == RULE => Some(rect.y),
                    _ => None,
                })
                .next()
                .unwrap();
            for item in &page {
                if let Item::Text(t) = item
                    && t.text.starts_with("Ligne")
                {
                    assert!(t.baseline < rule && t.baseline > SLIM_BAND, "{t:?}");
                    assert!(t.x >= MARGIN);
                }
            }
        }
    }

    #[test]
    fn a_light_band_gets_dark_text_and_a_dark_one_white_text() {
        for (colour, ink) in [(Rgb(0xfd, 0xe0, 0x47), INK), (Rgb(0x0f, 0x76, 0x6e), WHITE)] {
            let mut r = report();
            r.header.colour = colour;
            let pages = pages(&r, None).unwrap();
            let title = pages[0].iter().find_map(|item| match item {
                Item::Text(t) if t.text == "Statistiques du réseau" => Some(t.colour),
                _ => None,
            });
            assert_eq!(title, Some(ink));
        }
    }

    #[test]
    fn the_logo_fits_its_box_with_its_aspect_and_the_title_beside_it() {
        for (w, h) in [(600, 100), (100, 400), (10, 10)] {
            let pages = pages(&report(), Some((w, h))).unwrap();
            let logo = pages[0]
                .iter()
                .find_map(|item| match *item {
                    Item::Logo {
                        x,
                        y,
                        width,
                        height,
                    } => Some(Rect {
                        x,
                        y,
                        width,
                        height,
                        colour: WHITE,
                    }),
                    _ => None,
                })
                .unwrap();
            assert!(logo.width <= LOGO_BOX.0 + 1e-3 && logo.height <= LOGO_BOX.1 + 1e-3);
            let aspect = (logo.width / logo.height) / (w as f32 / h as f32);
            assert!((aspect - 1.0).abs() < 1e-3, "{logo:?}");
            assert!(
                (logo.width - LOGO_BOX.0).abs() < 1e-3 || (logo.height - LOGO_BOX.1).abs() < 1e-3,
                "the logo fills its box one way: {logo:?}"
            );
            let title_x = pages[0].iter().find_map(|item| match item {
                Item::Text(t) if t.text == "Statistiques du réseau" => Some(t.x),
                _ => None,
            });
            assert!(title_x.unwrap() > logo.x + logo.width);
        }
    }

    #[test]
    fn a_heading_is_never_the_last_thing_on_a_page() {
        for filler in 30..70 {
            let mut r = report();
            for i in 0..filler {
                r.paragraph(format!("Ligne {i}"));
            }
            r.heading("Rendez-vous par centre");
            let mut t = Table::new(None, vec![Column::left("Centre", 1.0)]);
            t.row(["Lyon 8e"]);
            r.table(t);
            for page in pages(&r, None).unwrap() {
                let texts = texts(&page);
                if let Some(at) = texts.iter().position(|t| *t == "Rendez-vous par centre") {
                    assert!(texts[at..].contains(&"Lyon 8e"), "{filler}: {texts:?}");
                }
            }
        }
    }
}
