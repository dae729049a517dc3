//! What a document says, block by block, before it is laid out: the [`Report`] builder and
//! the parts it takes ([`Header`], [`Logo`], [`Figure`], [`Table`], [`Column`]).

use super::colour::Rgb;
use super::layout;
use super::render;

/// A document: a header band, blocks from top to bottom (broken across as many A4 pages as
/// they need), and a footer on every page.
#[derive(Clone, Debug)]
pub struct Report {
    pub(super) header: Header,
    pub(super) footer: String,
    pub(super) blocks: Vec<Block>,
}

/// The band across the top of the first page (and a slim one on the next pages).
#[derive(Clone, Debug)]
pub struct Header {
    /// The document's title, also its PDF title.
    pub title: String,
    /// A line under the title (a period, a centre, ...).
    pub subtitle: Option<String>,
    /// The band's colour; its text is white or near-black, whichever reads better on it.
    pub colour: Rgb,
    /// A logo at the band's left, scaled to fit its box.
    pub logo: Option<Logo>,
}

/// A raster logo: PNG, JPEG or WebP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    pub(super) format: ImageFormat,
    pub(super) bytes: Vec<u8>,
}

/// The raster formats a logo may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ImageFormat {
    Png,
    Jpeg,
    Webp,
}

impl Logo {
    /// The logo `bytes` whose media type is `media_type` (`image/png`, `image/jpeg` or
    /// `image/webp`); None for any other type.
    pub fn new(media_type: &str, bytes: Vec<u8>) -> Option<Logo> {
        let format = match media_type {
            "image/png" => ImageFormat::Png,
            "image/jpeg" => ImageFormat::Jpeg,
            "image/webp" => ImageFormat::Webp,
            _ => return None,
        };
        Some(Logo { format, bytes })
    }
}

/// A key figure: a short label over a big value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// What the figure counts ("Rendez-vous").
    pub label: String,
    /// The figure, formatted ("1 234").
    pub value: String,
}

impl Figure {
    /// The figure `value` labelled `label`.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Figure {
        Figure {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// How a column's cells sit in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Against the left edge (text).
    Left,
    /// Against the right edge (numbers, amounts).
    Right,
}

/// A column of a [`Table`].
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Its header.
    pub label: String,
    /// Its share of the table's width, relative to the other columns' (2.0 is twice 1.0).
    pub width: f32,
    /// How its cells sit.
    pub align: Align,
}

impl Column {
    /// A column of text, `width` its relative width.
    pub fn left(label: impl Into<String>, width: f32) -> Column {
        Column {
            label: label.into(),
            width,
            align: Align::Left,
        }
    }

    /// A column of numbers, `width` its relative width.
    pub fn right(label: impl Into<String>, width: f32) -> Column {
        Column {
            label: label.into(),
            width,
            align: Align::Right,
        }
    }
}

/// A table: a title, a header row repeated at the top of every page it spans, rows in
/// alternating shades. A cell wraps within its column; a row is never split across pages.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub(super) title: Option<String>,
    pub(super) columns: Vec<Column>,
    pub(super) rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table of `columns`, titled `title` when given.
    pub fn new(title: Option<&str>, columns: Vec<Column>) -> Table {
        Table {
            title: title.map(str::to_owned),
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row: one cell per column (missing cells are blank, extra ones dropped).
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Table {
        let mut row: Vec<String> = cells.into_iter().map(Into::into).collect();
        row.resize(self.columns.len(), String::new());
        self.rows.push(row);
        self
    }
}

/// One block of a report.
#[derive(Clone, Debug)]
pub(super) enum Block {
    Heading(String),
    Paragraph(String),
    KeyValues(Vec<(String, String)>),
    Figures(Vec<Figure>),
    Table(Table),
    QrCode { data: String, caption: String },
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The data of a QR code is too long for one.
    #[error("the QR code cannot hold {0} bytes")]
    QrCode(usize),
    /// krilla refused the document.
    #[error("the PDF cannot be written: {0}")]
    Write(String),
}

impl Report {
    /// A report under `header`, with no blocks and no footer text yet.
    pub fn new(header: Header) -> Report {
        Report {
            header,
            footer: String::new(),
            blocks: Vec::new(),
        }
    }

    /// Sets the footer's text (legal mentions), printed on every page beside "Page n / N".
    pub fn footer(&mut self, text: impl Into<String>) -> &mut Report {
        self.footer = text.into();
        self
    }

    /// Adds a section heading, kept on the page of what follows it.
    pub fn heading(&mut self, text: impl Into<String>) -> &mut Report {
        self.push(Block::Heading(text.into()))
    }

    /// Adds a paragraph, wrapped to the width (a line feed starts a new line).
    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Report {
        self.push(Block::Paragraph(text.into()))
    }

    /// Adds labelled values, one pair a line, labels in a column of their own.
    pub fn key_values<K: Into<String>, V: Into<String>>(
        &mut self,
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> &mut Report {
        let pairs = pairs.into_iter().map(|(k, v)| (k.into(), v.into()));
        self.push(Block::KeyValues(pairs.collect()))
    }

    /// Adds a grid of key figures, up to four a row.
    pub fn figures(&mut self, figures: impl IntoIterator<Item = Figure>) -> &mut Report {
        self.push(Block::Figures(figures.into_iter().collect()))
    }

    /// Adds a table.
    pub fn table(&mut self, table: Table) -> &mut Report {
        self.push(Block::Table(table))
    }

    /// Adds a QR code of `data` (drawn as vector squares) with `caption` beside it.
    pub fn qr_code(&mut self, data: impl Into<String>, caption: impl Into<String>) -> &mut Report {
        self.push(Block::QrCode {
            data: data.into(),
            caption: caption.into(),
        })
    }

    fn push(&mut self, block: Block) -> &mut Report {
        self.blocks.push(block);
        self
    }

    /// The report as a PDF file.
    pub fn to_pdf(&self) -> Result<Vec<u8>, PdfError> {
        let logo = self.header.logo.as_ref().and_then(render::image);
        let logo_size = logo.as_ref().map(|image| image.size());
        let pages = layout::pages(self, logo_size)?;
        render::pdf(&self.header.title, &pages, logo)
    }
}
