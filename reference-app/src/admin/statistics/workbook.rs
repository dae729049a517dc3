//! The statistics as a workbook (`rust_xlsxwriter`): a summary sheet, then one sheet per
//! breakdown (months, control types, vehicle categories, agencies, centres) with French
//! headers, amounts in euros and rates as percentages, a frozen header row with filters.
//! At most a few thousand rows (one per centre): written in memory, then sent.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::labels;
use super::views::{Figures, TenantStatistics};

/// Headers of the figures' columns, after a breakdown's own.
const FIGURE_HEADERS: [&str; 10] = [
    "Réservations",
    "Réalisés",
    "Non présentés",
    "Annulés",
    "Remboursements",
    "Encaissé (€ TTC)",
    "Remboursé (€)",
    "Chiffre d'affaires net (€ TTC)",
    "Taux d'annulation",
    "Taux de non-présentation",
];

/// Cell formats of a workbook.
struct Formats {
    header: Format,
    euros: Format,
    rate: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new().set_bold().set_text_wrap(),
            euros: Format::new().set_num_format("#,##0.00\\ \"€\""),
            rate: Format::new().set_num_format("0.0\\ %"),
        }
    }
}

/// The workbook of `stats`, the figures of `network`, `scope` naming whose they are (the
/// network, an agency or a centre).
pub fn write(stats: &TenantStatistics, network: &str, scope: &str) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    summary(workbook.add_worksheet(), stats, [network, scope], &formats)?;
    let months = stats
        .months
        .iter()
        .map(|m| (vec![labels::month(&m.month)], &m.figures));
    breakdown(
        workbook.add_worksheet(),
        "Mois",
        &["Mois"],
        months,
        &formats,
    )?;
    let controls = stats
        .by_control_type
        .iter()
        .map(|c| (vec![labels::control_type(&c.code)], &c.figures));
    breakdown(
        workbook.add_worksheet(),
        "Types de contrôle",
        &["Type de contrôle"],
        controls,
        &formats,
    )?;
    let categories = stats
        .by_vehicle_category
        .iter()
        .map(|c| (vec![labels::vehicle_category(&c.code)], &c.figures));
    breakdown(
        workbook.add_worksheet(),
        "Catégories",
        &["Catégorie de véhicule"],
        categories,
        &formats,
    )?;
    let agencies = stats
        .by_agency
        .iter()
        .map(|a| (vec![a.name.clone()], &a.figures));
    breakdown(
        workbook.add_worksheet(),
        "Agences",
        &["Agence"],
        agencies,
        &formats,
    )?;
    let centres = stats
        .by_centre
        .iter()
        .map(|c| (vec![c.name.clone(), c.agency_name.clone()], &c.figures));
    breakdown(
        workbook.add_worksheet(),
        "Centres",
        &["Centre", "Agence"],
        centres,
        &formats,
    )?;
    workbook.save_to_buffer()
}

/// The "Synthèse" sheet: the network, the scope, the period, the totals and the funnel.
fn summary(
    sheet: &mut Worksheet,
    stats: &TenantStatistics,
    [network, scope]: [&str; 2],
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name("Synthèse")?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 22)?;
    sheet.write_string_with_format(0, 0, "Statistiques", &formats.header)?;
    sheet.write_string(0, 1, network)?;
    sheet.write_string(1, 0, "Périmètre")?;
    sheet.write_string(1, 1, scope)?;
    sheet.write_string(2, 0, "Période")?;
    sheet.write_string(
        2,
        1,
        format!(
            "{} – {}",
            labels::month(&stats.from),
            labels::month(&stats.to)
        ),
    )?;
    let t = &stats.totals;
    let counts: [(&str, i64); 9] = [
        ("Réservations", t.bookings),
        ("Contrôles réalisés", t.completed),
        ("Non présentés", t.no_show),
        ("Annulations", t.cancelled),
        ("Remboursements", t.refunds),
        ("Recherches", stats.funnel.searches),
        ("Créneaux consultés", stats.funnel.slot_views),
        ("Réservations en attente de paiement", stats.funnel.holds),
        ("Réservations payées en ligne", stats.funnel.paid),
    ];
    let mut row = 4;
    for (label, value) in counts {
        sheet.write_string(row, 0, label)?;
        sheet.write_number(row, 1, value as f64)?;
        row += 1;
    }
    for (label, cents) in [
        ("Encaissé (€ TTC)", t.collected_cents),
        ("Remboursé (€)", t.refunded_cents),
        ("Chiffre d'affaires net (€ TTC)", t.revenue_cents),
    ] {
        sheet.write_string(row, 0, label)?;
        sheet.write_number_with_format(row, 1, euros(cents), &formats.euros)?;
        row += 1;
    }
    for (label, rate) in [
        ("Taux d'annulation", t.cancellation_percent),
        ("Taux de non-présentation", t.no_show_percent),
        (
            "Taux de conversion (recherche → paiement)",
            stats.conversion_percent,
        ),
    ] {
        sheet.write_string(row, 0, label)?;
        rate_cell(sheet, row, 1, rate, formats)?;
        row += 1;
    }
    Ok(())
}

/// A sheet `name` of one row per part: its `keys` columns, then its figures.
fn breakdown<'a>(
    sheet: &mut Worksheet,
    name: &str,
    keys: &[&str],
    rows: impl Iterator<Item = (Vec<String>, &'a Figures)>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let mut col: u16 = 0;
    for header in keys.iter().chain(FIGURE_HEADERS.iter()) {
        sheet.write_string_with_format(0, col, *header, &formats.header)?;
        sheet.set_column_width(col, if col < keys.len() as u16 { 32 } else { 15 })?;
        col += 1;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row: u32 = 0;
    for (key, f) in rows {
        row += 1;
        for (col, text) in (0u16..).zip(&key) {
            sheet.write_string(row, col, text)?;
        }
        let at = keys.len() as u16;
        let counts = [f.bookings, f.completed, f.no_show, f.cancelled, f.refunds];
        for (col, n) in (at..).zip(counts) {
            sheet.write_number(row, col, n as f64)?;
        }
        let amounts = [f.collected_cents, f.refunded_cents, f.revenue_cents];
        for (col, cents) in (at + 5..).zip(amounts) {
            sheet.write_number_with_format(row, col, euros(cents), &formats.euros)?;
        }
        rate_cell(sheet, row, at + 8, f.cancellation_percent, formats)?;
        rate_cell(sheet, row, at + 9, f.no_show_percent, formats)?;
    }
    sheet.autofilter(0, 0, row, col - 1)?;
    Ok(())
}

/// A rate in percent as a spreadsheet percentage; empty when there is none.
fn rate_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    percent: Option<f64>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    if let Some(p) = percent {
        sheet.write_number_with_format(row, col, p / 100.0, &formats.rate)?;
    }
    Ok(())
}

/// Cents as euros.
fn euros(cents: i64) -> f64 {
    cents as f64 / 100.0
}
