//! Stable machine codes shared by every error and every closed set of values of the engine.
//!
//! Each error enum of the engine implements [`Coded`]: its `code()` is a stable upper-case
//! identifier (`SLOT_TAKEN`, `NOTICE_TOO_SHORT`, ...) that the HTTP layer and every binding pass
//! through unchanged. Each value enum (vehicle category, fuel, booking status, role, ...)
//! implements [`Code`]: its `code()` is the text the API, the database and the bindings carry
//! (`VP`, `PETROL`, `confirmed`, `ADMIN_CT`, ...), the same as its serde name, and parsing
//! it back fails with [`UnknownCode`]. Codes never change once published; messages may.

/// An error with a stable machine code.
pub trait Coded {
    /// The stable machine code of this error, e.g. `"SLOT_TAKEN"`.
    fn code(&self) -> &'static str;
}

/// A closed set of values with a stable text code (the code is what the API, the database and the bindings carry).
pub trait Code: Copy + std::str::FromStr + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The stable code of this value.
    fn code(self) -> &'static str;
}

/// Text that is the code of no value of a [`Code`] enum.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} code '{text}'")]
pub struct UnknownCode {
    /// What the text should have named, e.g. `"fuel"`.
    pub kind: &'static str,
    /// The text given.
    pub text: String,
}

impl Coded for UnknownCode {
    fn code(&self) -> &'static str {
        "UNKNOWN_CODE"
    }
}

/// Implements [`Code`], an inherent `code()` and `FromStr` for a fieldless enum from its table
/// of codes, one per variant in declaration order; `also` lists other spellings `FromStr`
/// accepts. The trait's `ALL` is the enum's inherent `ALL` array (the tests check that every
/// value's code parses back to it).
macro_rules! impl_code {
    (
        $name:ident, $kind:literal { $($variant:ident = $code:literal),+ $(,)? }
        $(also { $($alias:literal = $target:ident),+ $(,)? })?
    ) => {
        impl $name {
            /// The stable code of this value, as the API, the database and the bindings spell it.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }
        }

        impl $crate::error::Code for $name {
            const ALL: &'static [Self] = &$name::ALL;

            fn code(self) -> &'static str {
                $name::code(self)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::error::UnknownCode;

            /// Parses a code (or one of its other accepted spellings).
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $($code => Ok($name::$variant),)+
                    $($($alias => Ok($name::$target),)+)?
                    _ => Err($crate::error::UnknownCode {
                        kind: $kind,
                        text: text.to_string(),
                    }),
                }
            }
        }
    };
}

pub(crate) use impl_code;
