//! Tables: the title kept with the header row and the first row; the header row repeated at
//! the top of every page the table runs onto; rows in alternating shades, each kept whole.

use super::{MARGIN, Pager, WIDTH, line};
use crate::pdf::colour::{INK, MUTED, RULE, SHADE};
use crate::pdf::fonts::Weight;
use crate::pdf::report::{Align, Column, Table};
use crate::pdf::wrap::wrap;

/// Cell text: size and line height.
const CELL: (f32, f32) = (9.0, 12.0);
/// Padding inside a cell: across, down.
const PAD: (f32, f32) = (5.0, 4.0);
/// What an empty table says.
const EMPTY: &str = "Aucune donnée";

/// The columns' left edges and widths: their shares of the body's width.
fn edges(columns: &[Column]) -> Vec<(f32, f32)> {
    let total: f32 = columns.iter().map(|c| c.width.max(0.0)).sum();
    let mut x = MARGIN;
    columns
        .iter()
        .map(|c| {
            let width = if total > 0.0 {
                WIDTH * c.width.max(0.0) / total
            } else {
                WIDTH / columns.len() as f32
            };
            let edge = (x, width);
            x += width;
            edge
        })
        .collect()
}

/// The lines of each cell of a row, and the row's height.
fn lay_row(cells: &[String], edges: &[(f32, f32)], weight: Weight) -> (Vec<Vec<String>>, f32) {
    let lines: Vec<_> = cells
        .iter()
        .zip(edges)
        .map(|(cell, (_, width))| wrap(cell, weight, CELL.0, width - 2.0 * PAD.0))
        .collect();
    let most = lines.iter().map(Vec::len).max().unwrap_or(1);
    (lines, most as f32 * CELL.1 + 2.0 * PAD.1)
}

/// Draws a row whose cells are `lines` at the pager's place and moves below it.
fn draw_row(
    p: &mut Pager,
    row: &(Vec<Vec<String>>, f32),
    columns: &[Column],
    edges: &[(f32, f32)],
    style: (Weight, crate::pdf::colour::Rgb),
) {
    let (lines, height) = row;
    let (weight, colour) = style;
    let top = p.y;
    for ((cell, column), (x, width)) in lines.iter().zip(columns).zip(edges) {
        for (i, l) in cell.iter().enumerate() {
            let at = match column.align {
                Align::Left => x + PAD.0,
                Align::Right => x + width - PAD.0 - weight.width(l, CELL.0),
            };
            let y = top + PAD.1 + i as f32 * CELL.1;
            p.push(line(at, y, CELL.1, CELL.0, weight, colour, l));
        }
    }
    p.advance(*height);
}

/// The header row on the report's colour.
fn draw_header(
    p: &mut Pager,
    header: &(Vec<Vec<String>>, f32),
    table: &Table,
    edges: &[(f32, f32)],
) {
    p.rect(MARGIN, p.y, WIDTH, header.1, p.brand);
    let ink = p.brand.text_on();
    draw_row(p, header, &table.columns, edges, (Weight::Bold, ink));
}

/// Lays `table` out.
pub(super) fn table(p: &mut Pager, table: &Table) {
    if table.columns.is_empty() {
        return;
    }
    let edges = edges(&table.columns);
    let labels: Vec<String> = table.columns.iter().map(|c| c.label.clone()).collect();
    let header = lay_row(&labels, &edges, Weight::Bold);
    let rows: Vec<_> = table
        .rows
        .iter()
        .map(|cells| lay_row(cells, &edges, Weight::Regular))
        .collect();
    let title = table
        .title
        .as_deref()
        .map(|t| wrap(t, Weight::Bold, 11.0, WIDTH))
        .unwrap_or_default();
    let title_height = title.len() as f32 * 16.0;
    let first = rows.first().map_or(CELL.1 + 2.0 * PAD.1, |r| r.1);
    p.reserve(title_height + header.1 + first);
    for t in &title {
        let item = line(MARGIN, p.y, 16.0, 11.0, Weight::Bold, INK, t);
        p.push(item);
        p.advance(16.0);
    }
    if !title.is_empty() {
        p.advance(3.0);
    }
    draw_header(p, &header, table, &edges);
    for (i, row) in rows.iter().enumerate() {
        if !p.fits(row.1) {
            p.new_page();
            draw_header(p, &header, table, &edges);
        }
        if i % 2 == 1 {
            p.rect(MARGIN, p.y, WIDTH, row.1, SHADE);
        }
        draw_row(p, row, &table.columns, &edges, (Weight::Regular, INK));
    }
    if rows.is_empty() {
        let item = line(
            MARGIN + PAD.0,
            p.y + PAD.1,
            CELL.1,
            CELL.0,
            Weight::Regular,
            MUTED,
            EMPTY,
        );
        p.push(item);
        p.advance(first);
    }
    let y = p.y;
    p.rect(MARGIN, y, WIDTH, 0.6, RULE);
}

#[cfg(test)]
mod tests {
    use super::super::tests::{report, texts};
    use super::super::{Item, pages};
    use super::*;

    fn centres(rows: usize) -> Table {
        let mut t = Table::new(
            Some("Rendez-vous par centre"),
            vec![
                Column::left("Centre", 3.0),
                Column::right("Rendez-vous", 1.0),
                Column::right("Chiffre d’affaires", 1.5),
            ],
        );
        for i in 0..rows {
            t.row([
                format!("Centre {i}"),
                format!("{}", i * 3),
                format!("{},00\u{a0}€", i * 79),
            ]);
        }
        t
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page_and_keeps_its_rows_in_order() {
        let mut r = report();
        r.paragraph("Introduction");
        r.table(centres(150));
        let pages = pages(&r, None).unwrap();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let mut seen = Vec::new();
        for page in &pages {
            let texts = texts(page);
            let header = texts.iter().position(|t| *t == "Centre").expect("a header");
            assert_eq!(
                texts[header..header + 3],
                ["Centre", "Rendez-vous", "Chiffre d’affaires"]
            );
            let rows: Vec<_> = texts.iter().filter(|t| t.starts_with("Centre ")).collect();
            assert!(!rows.is_empty());
            let first_row = texts.iter().position(|t| t.starts_with("Centre ")).unwrap();
            assert!(header < first_row, "the header comes first on its page");
            seen.extend(rows.into_iter().map(|t| t.to_string()));
        }
        let expected: Vec<_> = (0..150).map(|i| format!("Centre {i}")).collect();
        assert_eq!(seen, expected, "each row once, in order");
        let titles = pages
            .iter()
            .filter(|p| texts(p).contains(&"Rendez-vous par centre"));
        assert_eq!(titles.count(), 1, "the title only opens the table");
    }

    #[test]
    fn amounts_sit_against_the_right_edge_of_their_column() {
        let mut r = report();
        r.table(centres(3));
        let pages = pages(&r, None).unwrap();
        let edges = edges(&centres(0).columns);
        let right = edges[2].0 + edges[2].1 - PAD.0;
        for text in ["0,00\u{a0}€", "79,00\u{a0}€", "158,00\u{a0}€"] {
            let t = pages[0]
                .iter()
                .find_map(|item| match item {
                    Item::Text(t) if t.text == text => Some(t.clone()),
                    _ => None,
                })
                .unwrap();
            assert!(
                (t.x + Weight::Regular.width(text, t.size) - right).abs() < 1e-3,
                "{t:?}"
            );
        }
        let name = pages[0].iter().find_map(|item| match item {
            Item::Text(t) if t.text == "Centre 1" => Some(t.x),
            _ => None,
        });
        assert_eq!(name, Some(MARGIN + PAD.0));
    }

    #[test]
    fn every_other_row_is_shaded() {
        let mut r = report();
        r.table(centres(5));
        let pages = pages(&r, None).unwrap();
        let shaded = pages[0]
            .iter()
            .filter(|item| matches!(item, Item::Rect(rect) if rect.colour == SHADE))
            .count();
        assert_eq!(shaded, 2, "rows 2 and 4");
    }

    #[test]
    fn column_widths_share_the_body_by_their_weights() {
        let edges = edges(&centres(0).columns);
        let widths: Vec<f32> = edges.iter().map(|e| e.1).collect();
        assert!((widths.iter().sum::<f32>() - WIDTH).abs() < 1e-3);
        assert!((widths[0] / widths[1] - 3.0).abs() < 1e-3);
        assert_eq!(edges[1].0, edges[0].0 + edges[0].1);
    }

    #[test]
    fn an_empty_table_says_so() {
        let mut r = report();
        r.table(centres(0));
        let pages = pages(&r, None).unwrap();
        assert!(texts(&pages[0]).contains(&EMPTY));
    }
}
