//! Money in integer cents of euro; prices are shown tax included with their VAT kept.

use crate::error::Coded;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of euros in integer cents. Never a float.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

/// Arithmetic that would overflow, or a negative amount where only positive ones make sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// The result does not fit in 64 bits of cents.
    #[error("amount out of range")]
    Overflow,
    /// A price or refund cannot be negative.
    #[error("amount must not be negative: {0} cents")]
    Negative(i64),
}

impl Coded for MoneyError {
    fn code(&self) -> &'static str {
        match self {
            MoneyError::Overflow => "AMOUNT_OUT_OF_RANGE",
            MoneyError::Negative(_) => "NEGATIVE_AMOUNT",
        }
    }
}

impl Money {
    /// Zero euros.
    pub const ZERO: Money = Money(0);

    /// An amount from cents.
    pub const fn from_cents(cents: i64) -> Self {
        Money(cents)
    }

    /// A non-negative amount from cents, as prices and refunds must be.
    pub fn non_negative(cents: i64) -> Result<Self, MoneyError> {
        if cents < 0 {
            Err(MoneyError::Negative(cents))
        } else {
            Ok(Money(cents))
        }
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Checked addition.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow)
    }

    /// Checked subtraction.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or(MoneyError::Overflow)
    }

    /// The share `numerator / denominator` of this amount, rounded half away from zero.
    pub fn proportion(self, numerator: i64, denominator: i64) -> Result<Money, MoneyError> {
        if denominator == 0 {
            return Err(MoneyError::Overflow);
        }
        let product = i128::from(self.0) * i128::from(numerator);
        let d = i128::from(denominator);
        let rounded = (2 * product + d.signum() * product.signum() * d.abs()) / (2 * d);
        i64::try_from(rounded)
            .map(Money)
            .map_err(|_| MoneyError::Overflow)
    }
}

impl fmt::Display for Money {
    /// French notation: `75,00 €`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{},{:02} €", abs / 100, abs % 100)
    }
}

/// A VAT rate in basis points (2000 = 20 %).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VatRate(pub u16);

impl VatRate {
    /// The French standard rate, 20 %, which applies to technical inspections.
    pub const STANDARD: VatRate = VatRate(2000);
}

impl Default for VatRate {
    fn default() -> Self {
        VatRate::STANDARD
    }
}

/// A price tax included, with the VAT it contains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Price {
    /// The amount the customer pays, tax included (TTC).
    pub gross: Money,
    /// The VAT rate included in `gross`.
    pub vat_rate: VatRate,
}

impl Price {
    /// A tax-included price at the standard VAT rate.
    pub fn ttc(cents: i64) -> Result<Self, MoneyError> {
        Ok(Price {
            gross: Money::non_negative(cents)?,
            vat_rate: VatRate::STANDARD,
        })
    }

    /// The amount before tax (HT), rounded to the cent; `net + vat == gross` always holds.
    pub fn net(&self) -> Money {
        let rate = i64::from(self.vat_rate.0);
        self.gross
            .proportion(10_000, 10_000 + rate)
            .unwrap_or(self.gross)
    }

    /// The VAT contained in the gross amount.
    pub fn vat(&self) -> Money {
        Money::from_cents(self.gross.cents() - self.net().cents())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seventy_five_euros_ttc_holds_twelve_fifty_of_vat() {
        let p = Price::ttc(7500).unwrap();
        assert_eq!(p.net(), Money::from_cents(6250));
        assert_eq!(p.vat(), Money::from_cents(1250));
    }

    #[test]
    fn net_plus_vat_is_gross_for_odd_amounts() {
        for cents in [1, 99, 1990, 6999, 7001, 123_457] {
            let p = Price::ttc(cents).unwrap();
            assert_eq!(p.net().cents() + p.vat().cents(), cents);
        }
    }

    #[test]
    fn displays_in_french_notation() {
        assert_eq!(Money::from_cents(7500).to_string(), "75,00 €");
        assert_eq!(Money::from_cents(1990).to_string(), "19,90 €");
        assert_eq!(Money::from_cents(-5).to_string(), "-0,05 €");
    }

    #[test]
    fn proportion_rounds_half_away_from_zero() {
        assert_eq!(
            Money::from_cents(5).proportion(1, 2).unwrap(),
            Money::from_cents(3)
        );
        assert_eq!(
            Money::from_cents(-5).proportion(1, 2).unwrap(),
            Money::from_cents(-3)
        );
        assert_eq!(
            Money::from_cents(7500).proportion(1, 2).unwrap(),
            Money::from_cents(3750)
        );
    }

    #[test]
    fn rejects_negative_prices_and_overflow() {
        assert_eq!(Price::ttc(-1).unwrap_err().code(), "NEGATIVE_AMOUNT");
        assert!(
            Money::from_cents(i64::MAX)
                .checked_add(Money::from_cents(1))
                .is_err()
        );
    }
}
