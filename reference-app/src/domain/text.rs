//! Free texts with bounds: person names, notes, makes and models.

use crate::error::{Error, Result};

/// A person's first or last name: 1 to 100 characters, trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    /// Reads a name, or 422 naming `field`.
    pub fn parse(field: &str, raw: &str) -> Result<Self> {
        bounded(field, raw, 100).map(Self)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A trimmed text of 1 to `max` characters, or 422 naming `field`.
fn bounded(field: &str, raw: &str, max: usize) -> Result<String> {
    let value = raw.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(Error::validation(field, format!("1 to {max} characters")));
    }
    Ok(value.to_owned())
}

/// An optional text: absent or blank is `None`, otherwise at most `max` characters.
pub fn optional_text(field: &str, raw: Option<&str>, max: usize) -> Result<Option<String>> {
    match raw.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => bounded(field, v, max).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            PersonName::parse("first_name", " Léa ").unwrap().as_str(),
            "Léa"
        );
        assert!(PersonName::parse("first_name", "  ").is_err());
        assert!(PersonName::parse("first_name", &"x".repeat(101)).is_err());
    }

    #[test]
    fn blank_optional_texts_are_none() {
        assert_eq!(optional_text("notes", Some("  "), 10).unwrap(), None);
        assert_eq!(optional_text("notes", None, 10).unwrap(), None);
        assert!(optional_text("notes", Some("0123456789a"), 10).is_err());
    }
}
