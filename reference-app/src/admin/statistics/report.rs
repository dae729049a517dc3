//! The statistics as a PDF report (`crate::pdf`): under the network's letterhead, the period
//! and scope, the key figures and the conversion funnel, then tables by month, control type,
//! vehicle category, agency and the 50 centres with the most bookings.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Paris;

use super::labels::{self, amount, count, rate};
use super::views::{Figures, TenantStatistics};
use crate::pdf::{Column, Figure, Letterhead, PdfError, Report, Table};

/// Centres listed at most.
const TOP_CENTRES: usize = 50;

/// The report of `stats` under `letterhead`, `scope` naming whose figures they are, made at
/// `now`.
pub fn write(
    stats: &TenantStatistics,
    letterhead: &Letterhead,
    scope: &str,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, PdfError> {
    let mut report = Report::new(letterhead.header("Statistiques"));
    let t = &stats.totals;
    let f = &stats.funnel;
    report
        .footer(letterhead.legal_mentions())
        .key_values([
            ("Périmètre", scope.to_owned()),
            (
                "Période",
                format!(
                    "{} – {}",
                    labels::month(&stats.from),
                    labels::month(&stats.to)
                ),
            ),
            (
                "Édité le",
                now.with_timezone(&Paris)
                    .format("%d/%m/%Y à %H:%M")
                    .to_string(),
            ),
        ])
        .figures([
            Figure::new("Réservations", count(t.bookings)),
            Figure::new("Contrôles réalisés", count(t.completed)),
            Figure::new("Chiffre d'affaires net TTC", amount(t.revenue_cents)),
            Figure::new("Encaissé TTC", amount(t.collected_cents)),
            Figure::new(
                format!("Remboursé ({} remboursements)", count(t.refunds)),
                amount(t.refunded_cents),
            ),
            Figure::new("Taux d'annulation", rate(t.cancellation_percent)),
            Figure::new("Taux de non-présentation", rate(t.no_show_percent)),
            Figure::new("Taux de conversion", rate(stats.conversion_percent)),
        ])
        .heading("Conversion")
        .key_values([
            ("Recherches", count(f.searches)),
            ("Créneaux consultés", count(f.slot_views)),
            ("Réservations en attente de paiement", count(f.holds)),
            ("Réservations payées en ligne", count(f.paid)),
        ]);

    report.heading("Activité");
    let months = stats
        .months
        .iter()
        .map(|m| (labels::month(&m.month), &m.figures));
    report.table(breakdown("Par mois", "Mois", months));
    let controls = stats
        .by_control_type
        .iter()
        .map(|c| (labels::control_type(&c.code), &c.figures));
    report.table(breakdown(
        "Par type de contrôle",
        "Type de contrôle",
        controls,
    ));
    let categories = stats
        .by_vehicle_category
        .iter()
        .map(|c| (labels::vehicle_category(&c.code), &c.figures));
    report.table(breakdown(
        "Par catégorie de véhicule",
        "Catégorie",
        categories,
    ));
    let agencies = stats.by_agency.iter().map(|a| (a.name.clone(), &a.figures));
    report.table(breakdown("Par agence", "Agence", agencies));
    let centres = stats
        .by_centre
        .iter()
        .take(TOP_CENTRES)
        .map(|c| (c.name.clone(), &c.figures));
    let title = if stats.by_centre.len() > TOP_CENTRES {
        format!("Les {TOP_CENTRES} centres les plus réservés")
    } else {
        "Par centre".to_owned()
    };
    report.table(breakdown(&title, "Centre", centres));
    report.to_pdf()
}

/// A table titled `title` of one row per part, named in a column `key`.
fn breakdown<'a>(
    title: &str,
    key: &str,
    rows: impl Iterator<Item = (String, &'a Figures)>,
) -> Table {
    let mut table = Table::new(
        Some(title),
        vec![
            Column::left(key, 2.6),
            Column::right("Réservations", 1.2),
            Column::right("Réalisés", 1.0),
            Column::right("Annulés", 1.0),
            Column::right("Non présentés", 1.1),
            Column::right("CA net TTC", 1.6),
        ],
    );
    for (name, f) in rows {
        table.row([
            name,
            count(f.bookings),
            count(f.completed),
            count(f.cancelled),
            count(f.no_show),
            amount(f.revenue_cents),
        ]);
    }
    table
}
