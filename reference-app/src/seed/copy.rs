//! Bulk writes through `COPY … FROM STDIN` in PostgreSQL's text format: rows are escaped into
//! a buffer sent a megabyte at a time, so a table of millions of rows streams while it is
//! generated.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveTime, Utc};
use sqlx::PgConnection;
use sqlx::postgres::PgCopyIn;
use uuid::Uuid;

/// Bytes buffered before they are sent.
const CHUNK: usize = 1 << 20;

/// One `COPY` under way on a connection.
pub struct Copy<'c> {
    sink: PgCopyIn<&'c mut PgConnection>,
    buf: String,
    rows: u64,
}

impl<'c> Copy<'c> {
    /// Starts `COPY <target> FROM STDIN`; `target` is the table and its column list.
    pub async fn start(conn: &'c mut PgConnection, target: &str) -> sqlx::Result<Self> {
        let sink = conn
            .copy_in_raw(&format!("COPY {target} FROM STDIN"))
            .await?;
        Ok(Self {
            sink,
            buf: String::with_capacity(CHUNK + 4096),
            rows: 0,
        })
    }

    /// Appends one row, its fields in the column list's order.
    pub async fn row(&mut self, fields: &[&dyn Field]) -> sqlx::Result<()> {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.push('\t');
            }
            f.write(&mut self.buf);
        }
        self.buf.push('\n');
        self.rows += 1;
        if self.buf.len() >= CHUNK {
            self.sink
                .send(std::mem::take(&mut self.buf).into_bytes())
                .await?;
            self.buf.reserve(CHUNK + 4096);
        }
        Ok(())
    }

    /// Sends what is left and ends the `COPY`; answers the rows written.
    pub async fn finish(mut self) -> sqlx::Result<u64> {
        if !self.buf.is_empty() {
            self.sink.send(self.buf.into_bytes()).await?;
        }
        self.sink.finish().await?;
        Ok(self.rows)
    }
}

/// A value written as one field of a text-format `COPY` row.
pub trait Field {
    /// Appends the field, escaped.
    fn write(&self, out: &mut String);
}

/// Appends `text` with the text format's escapes.
fn escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

impl Field for str {
    fn write(&self, out: &mut String) {
        escaped(out, self);
    }
}

impl Field for &str {
    fn write(&self, out: &mut String) {
        escaped(out, self);
    }
}

impl Field for String {
    fn write(&self, out: &mut String) {
        escaped(out, self);
    }
}

impl<T: Field> Field for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("\\N"),
        }
    }
}

/// Fields written with their `Display` form, which never holds a character to escape.
macro_rules! plain_field {
    ($($t:ty),*) => {
        $(impl Field for $t {
            fn write(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        })*
    };
}

plain_field!(
    i16,
    i32,
    i64,
    u32,
    f64,
    bool,
    Uuid,
    NaiveTime,
    chrono::NaiveDate
);

impl Field for DateTime<Utc> {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{}", self.format("%Y-%m-%d %H:%M:%S%.f+00"));
    }
}

/// A `text[]` of words that need no quoting.
pub struct Words<'a>(pub &'a [&'a str]);

impl Field for Words<'_> {
    fn write(&self, out: &mut String) {
        out.push('{');
        out.push_str(&self.0.join(","));
        out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fields_are_escaped_and_none_is_null() {
        let mut out = String::new();
        "a\tb\\c\nd".write(&mut out);
        out.push('|');
        None::<String>.write(&mut out);
        out.push('|');
        Words(&["VL", "L"]).write(&mut out);
        assert_eq!(out, "a\\tb\\\\c\\nd|\\N|{VL,L}");
    }
}
