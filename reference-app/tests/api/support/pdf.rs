//! PDF documents read back with poppler's tools (`poppler-utils`, installed by
//! `scripts/setup.sh`): their text, as `pdftotext` extracts it, and their images.

use std::io::Write;
use std::process::{Command, Stdio};

/// What `tool` writes on its output for the PDF `pdf` given on its input; panics when it fails.
fn run(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils, scripts/setup.sh): {e}"));
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// The text of `pdf`, page by page (pages end with a form feed), no-break spaces read as
/// spaces.
pub fn pdf_text(pdf: &[u8]) -> String {
    run("pdftotext", &["-enc", "UTF-8", "-", "-"], pdf).replace(['\u{a0}', '\u{202f}'], " ")
}

/// How many images `pdf` draws.
pub fn pdf_images(pdf: &[u8]) -> usize {
    run("pdfimages", &["-list", "-"], pdf)
        .lines()
        .skip(2)
        .count()
}
