//! Where the money of a booking stands ([`PaymentStatus`], on the booking) and how one charge
//! ended ([`ChargeStatus`], on the payment).

use std::str::FromStr;

use pti_core::UnknownCode;

macro_rules! status_enum {
    ($(#[$doc:meta])* $name:ident: $kind:literal { $($(#[$vdoc:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $code)] $variant),+
        }

        impl $name {
            /// Every value.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code, as stored and answered.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;

            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                Self::ALL.iter().copied().find(|v| v.code() == s).ok_or_else(|| UnknownCode {
                    kind: $kind,
                    text: s.to_owned(),
                })
            }
        }

        impl pti_core::Code for $name {
            const ALL: &'static [Self] = Self::ALL;

            fn code(self) -> &'static str {
                $name::code(self)
            }
        }
    };
}

status_enum!(
    /// Where the money of a booking stands.
    PaymentStatus: "payment status" {
        /// Nothing paid yet (a hold, or a booking to pay on site).
        Unpaid = "unpaid",
        /// A payment is under way.
        Pending = "pending",
        /// Paid in full.
        Paid = "paid",
        /// The last attempt failed; the hold stays until it expires.
        Failed = "failed",
        /// Paid, then refunded in full.
        Refunded = "refunded",
        /// Paid, then refunded in part.
        PartiallyRefunded = "partially_refunded",
        /// To be paid at the centre.
        OnSite = "on_site",
    }
);

status_enum!(
    /// How one charge ended.
    ChargeStatus: "charge status" {
        /// Sent to the provider, no answer yet.
        Pending = "pending",
        /// Charged.
        Succeeded = "succeeded",
        /// Refused by the provider.
        Failed = "failed",
        /// Refunded in full.
        Refunded = "refunded",
        /// Refunded in part.
        PartiallyRefunded = "partially_refunded",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_their_codes() {
        for s in PaymentStatus::ALL {
            assert_eq!(s.code().parse::<PaymentStatus>(), Ok(*s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.code());
        }
        for s in ChargeStatus::ALL {
            assert_eq!(s.code().parse::<ChargeStatus>(), Ok(*s));
        }
        assert!("lost".parse::<PaymentStatus>().is_err());
    }
}
