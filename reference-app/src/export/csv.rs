//! CSV as French spreadsheets open it: UTF-8 with a byte-order mark, `;` between fields,
//! CRLF lines, RFC 4180 quoting, and text that a spreadsheet would run as a formula
//! (`=`, `+`, `-`, `@` first) prefixed with `'`.

use std::io::{self, Write};

use tokio::sync::mpsc;

use super::{Batch, Cell, next_batch};

/// Writes `headers` then every batch of `rows` to `out`.
pub fn write(
    out: &mut impl Write,
    headers: &[&str],
    mut rows: mpsc::Receiver<Batch>,
) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    line(out, headers.iter().map(|h| Cell::Text((*h).to_owned())))?;
    while let Some(batch) = next_batch(&mut rows)? {
        for row in batch {
            line(out, row.into_iter())?;
        }
    }
    Ok(())
}

fn line(out: &mut impl Write, cells: impl Iterator<Item = Cell>) -> io::Result<()> {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.write_all(b";")?;
        }
        match cell {
            Cell::Text(text) => out.write_all(field(&text).as_bytes())?,
            Cell::Number(n) => write!(out, "{}", n.to_string().replace('.', ","))?,
            Cell::Empty => {}
        }
    }
    out.write_all(b"\r\n")
}

/// One text field, quoted when it needs to be, defused when it looks like a formula.
fn field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if defused.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("Dupont"), "Dupont");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("dit \"le grand\""), "\"dit \"\"le grand\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+33 6 12"), "'+33 6 12");
    }

    #[test]
    fn a_file_has_a_bom_a_header_and_its_rows() {
        let (tx, rx) = mpsc::channel(2);
        tx.try_send(Ok(vec![vec![
            Cell::from("Léa"),
            Cell::Number(12.5),
            Cell::Empty,
        ]]))
        .unwrap();
        drop(tx);
        let mut out = Vec::new();
        write(&mut out, &["Nom", "Montant", "Note"], rx).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}Nom;Montant;Note\r\nLéa;12,5;\r\n"
        );
    }

    #[test]
    fn a_failed_read_fails_the_file() {
        let (tx, rx) = mpsc::channel(1);
        tx.try_send(Err(())).unwrap();
        assert!(write(&mut Vec::new(), &["Nom"], rx).is_err());
    }
}
