//! How to reach and authenticate a person: e-mail, phone, password.

use crate::error::{Error, Result};

/// A trimmed, lower-cased e-mail address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Reads an address, or 422 naming `email`.
    pub fn parse(raw: &str) -> Result<Self> {
        let email = raw.trim().to_lowercase();
        let ok = email.len() <= 254
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            })
            && !email.chars().any(char::is_whitespace);
        if ok {
            Ok(Self(email))
        } else {
            Err(Error::validation("email", "not a valid e-mail address"))
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A French or international phone number, as typed (9 to 15 digits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    /// Reads a number, or 422 naming `phone`.
    pub fn parse(raw: &str) -> Result<Self> {
        let phone = raw.trim();
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let allowed = phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +.-()".contains(c));
        if allowed && (9..=15).contains(&digits) {
            Ok(Self(phone.to_owned()))
        } else {
            Err(Error::validation("phone", "not a phone number"))
        }
    }

    /// The number as typed, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: 8 to 128 characters with at least a letter and a digit.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    /// Reads a new password, or 422 naming `password`.
    pub fn parse(raw: &str) -> Result<Self> {
        let long = (8..=128).contains(&raw.chars().count());
        let letter = raw.chars().any(char::is_alphabetic);
        let digit = raw.chars().any(|c| c.is_ascii_digit());
        if long && letter && digit {
            Ok(Self(raw.to_owned()))
        } else {
            Err(Error::validation(
                "password",
                "8 to 128 characters with at least a letter and a digit",
            ))
        }
    }

    /// The password, for hashing.
    pub fn into_inner(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse(" Claire@Exemple.FR ").unwrap().as_str(),
            "claire@exemple.fr"
        );
        for bad in ["", "claire", "@x.fr", "claire@localhost", "a b@x.fr"] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_need_length_a_letter_and_a_digit() {
        assert!(Password::parse("Client123!").is_ok());
        for bad in ["short1", "onlyletters", "12345678"] {
            assert!(Password::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones_are_french_or_international_digits() {
        assert!(Phone::parse("06 12 34 56 78").is_ok());
        assert!(Phone::parse("+33 6 12 34 56 78").is_ok());
        assert!(Phone::parse("call me").is_err());
    }
}
