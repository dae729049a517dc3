//! XLSX with `rust_xlsxwriter`: one constant-memory worksheet (rows go to a temporary file as
//! they come), a bold frozen header row with a filter, then the workbook streamed out.

use std::io::{self, Write};

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use tokio::sync::mpsc;

use super::{Batch, Cell, next_batch};

/// The most rows a worksheet holds (Excel's limit, the header included).
const MAX_ROWS: u32 = 1_048_576;

/// Writes a workbook of one sheet `name`: `headers`, then every batch of `rows`.
pub fn write(
    out: &mut (impl Write + Send),
    name: &str,
    headers: &[&str],
    mut rows: mpsc::Receiver<Batch>,
) -> io::Result<()> {
    let mut workbook = Workbook::new();
    let sheet = workbook
        .add_worksheet_with_constant_memory()
        .map_err(error)?;
    sheet.set_name(sheet_name(name)).map_err(error)?;
    let bold = Format::new().set_bold();
    for (col, header) in (0u16..).zip(headers) {
        sheet
            .write_string_with_format(0, col, *header, &bold)
            .map_err(error)?;
        sheet.set_column_width(col, 18).map_err(error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(error)?;
    let mut row: u32 = 1;
    while let Some(batch) = next_batch(&mut rows)? {
        for cells in batch {
            if row >= MAX_ROWS {
                return Err(io::Error::other("more rows than a worksheet holds"));
            }
            for (col, cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Text(text) => sheet.write_string(row, col, text).map(drop),
                    Cell::Number(n) => sheet.write_number(row, col, n).map(drop),
                    Cell::Empty => Ok(()),
                }
                .map_err(error)?;
            }
            row += 1;
        }
    }
    let last_col = u16::try_from(headers.len().saturating_sub(1)).unwrap_or(0);
    sheet.autofilter(0, 0, row - 1, last_col).map_err(error)?;
    workbook.save_to_writer(out).map_err(error)
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

fn error(e: XlsxError) -> io::Error {
    io::Error::other(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_is_a_zip_holding_its_sheet() {
        let (tx, rx) = mpsc::channel(2);
        tx.try_send(Ok(vec![vec![Cell::from("Léa"), Cell::Number(3.0)]]))
            .unwrap();
        drop(tx);
        let mut out = Vec::new();
        write(&mut out, "utilisateurs", &["Nom", "Nombre"], rx).unwrap();
        assert_eq!(&out[..2], b"PK", "an XLSX file is a zip archive");
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("xl/worksheets/sheet1.xml"));
    }

    #[test]
    fn sheet_names_are_made_acceptable() {
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
