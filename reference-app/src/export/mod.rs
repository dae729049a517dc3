//! Spreadsheet exports of a list: CSV (UTF-8 with a byte-order mark and `;`, as French Excel
//! opens it) or XLSX (`rust_xlsxwriter` in constant-memory mode, its rows on disk until the
//! file is written). Rows arrive in batches from the list's own queries; a blocking thread
//! writes them and streams the file to the response, so memory stays flat however many rows
//! there are. A failure midway aborts the response rather than sending a truncated file.

mod csv;
mod xlsx;

use std::io::{self, Write};

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use crate::error::{Error, Result};

/// Rows buffered between the query and the writer.
const BATCHES_AHEAD: usize = 4;
/// Bytes sent to the client at a time.
const CHUNK: usize = 64 * 1024;

/// A spreadsheet format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values (here `;`).
    Csv,
    /// Office Open XML workbook.
    Xlsx,
}

impl Format {
    /// `csv` or `xlsx`; 422 naming `format` otherwise.
    pub fn parse(raw: &str) -> Result<Self> {
        match raw.trim() {
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(Error::validation("format", "csv or xlsx")),
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, written as text (never as a formula).
    Text(String),
    /// A number.
    Number(f64),
    /// Nothing.
    Empty,
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Empty, Into::into)
    }
}

/// A batch of rows, or the failure that ends the export.
pub type Batch = std::result::Result<Vec<Vec<Cell>>, ()>;

/// An export under way: send its rows with [`Export::send`], answer with [`Export::response`].
pub struct Export {
    rows: mpsc::Sender<Batch>,
    body: mpsc::Receiver<io::Result<Bytes>>,
    format: Format,
    filename: String,
}

impl Export {
    /// Starts writing `headers` then the rows sent, as `<name>.<csv|xlsx>`, in a sheet `name`.
    pub fn start(format: Format, name: &str, headers: &'static [&'static str]) -> Self {
        let (rows, rows_rx) = mpsc::channel::<Batch>(BATCHES_AHEAD);
        let (body_tx, body) = mpsc::channel::<io::Result<Bytes>>(BATCHES_AHEAD);
        let sheet = name.to_owned();
        tokio::task::spawn_blocking(move || {
            let mut out = ChannelWriter::new(body_tx.clone());
            let written = match format {
                Format::Csv => csv::write(&mut out, headers, rows_rx),
                Format::Xlsx => xlsx::write(&mut out, &sheet, headers, rows_rx),
            };
            if let Err(e) = written.and_then(|()| out.flush()) {
                tracing::warn!(error = %e, "export aborted");
                let _ = body_tx.blocking_send(Err(e));
            }
        });
        Self {
            rows,
            body,
            format,
            filename: format!("{name}.{}", format.extension()),
        }
    }

    /// A sender of row batches, for the task that reads them.
    pub fn rows(&self) -> mpsc::Sender<Batch> {
        self.rows.clone()
    }

    /// The response streaming the file.
    pub fn response(self) -> Response {
        drop(self.rows);
        let mut response = Body::from_stream(ReceiverStream::new(self.body)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.format.content_type()),
        );
        if let Ok(value) =
            HeaderValue::from_str(&format!("attachment; filename=\"{}\"", self.filename))
        {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

/// Writes into the response body, a chunk at a time; fails once the client has gone.
struct ChannelWriter {
    buffer: Vec<u8>,
    body: mpsc::Sender<io::Result<Bytes>>,
}

impl ChannelWriter {
    fn new(body: mpsc::Sender<io::Result<Bytes>>) -> Self {
        Self {
            buffer: Vec::with_capacity(CHUNK),
            body,
        }
    }

    fn send(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        self.body
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.send()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// The next batch for a blocking writer; `Err` when the reading side failed.
fn next_batch(rows: &mut mpsc::Receiver<Batch>) -> io::Result<Option<Vec<Vec<Cell>>>> {
    match rows.blocking_recv() {
        None => Ok(None),
        Some(Ok(batch)) => Ok(Some(batch)),
        Some(Err(())) => Err(io::Error::other("reading the rows failed")),
    }
}
