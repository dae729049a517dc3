//! PDF documents (booking confirmations, and reports, invoices and day sheets alike) laid out
//! on A4 pages and written with krilla.
//!
//! A [`Report`] is built block by block: headings, paragraphs, labelled values, a grid of key
//! figures, [`Table`]s, a QR code. [`Report::to_pdf`] lays the blocks out top to bottom,
//! breaking pages between lines and rows (a table's header row repeats on each page it
//! spans), under a header band in the network's colour with its logo and the title, above a
//! footer on every page with the legal mentions and "Page n / N". A network's [`Letterhead`]
//! gives the header and the footer.
//!
//! Text is set in DejaVu Sans (regular and bold, embedded and subset): French as written,
//! accents, `€`, no-break and narrow no-break spaces (lines never break at those). Widths come
//! from the fonts' own advances, so wrapping is exact. The layout is pure (`layout`): positioned
//! texts and rectangles, tested without reading a PDF; `render` only draws them.
//!
//! ```
//! use reference_app::pdf::{Column, Figure, Header, Report, Rgb, Table};
//!
//! let mut report = Report::new(Header {
//!     title: "Statistiques de janvier 2027".into(),
//!     subtitle: Some("Contrôle Lyonnais".into()),
//!     colour: Rgb::parse("#0f766e").unwrap(),
//!     logo: None,
//! });
//! report
//!     .footer("Contrôle Lyonnais SAS · SIRET 732 829 320 00074")
//!     .figures([
//!         Figure::new("Rendez-vous", "1\u{202f}234"),
//!         Figure::new("Taux de remplissage", "87\u{a0}%"),
//!     ]);
//! let mut centres = Table::new(
//!     Some("Par centre"),
//!     vec![Column::left("Centre", 3.0), Column::right("Rendez-vous", 1.0)],
//! );
//! centres.row(["Lyon 8e", "412"]).row(["Villeurbanne", "822"]);
//! report.heading("Activité").table(centres);
//! let pdf = report.to_pdf().unwrap();
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```

mod colour;
mod fonts;
mod layout;
pub mod letterhead;
mod render;
mod repo;
mod report;
mod wrap;

pub use colour::{Rgb, WHITE};
pub use letterhead::Letterhead;
pub use report::{Align, Column, Figure, Header, Logo, PdfError, Report, Table};
