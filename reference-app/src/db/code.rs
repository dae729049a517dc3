//! [`Code`]: a pti-core code enum stored in a text column, decoded when read (writes bind
//! `value.code()`), so statuses, categories and fuels are enums from the repository boundary on.

use std::fmt;
use std::str::FromStr;

use sqlx::error::BoxDynError;
use sqlx::postgres::{PgTypeInfo, PgValueRef};
use sqlx::{Decode, Postgres, Type};

/// A code enum of pti-core in a text column (`status AS "status: Code<BookingStatus>"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Code<T>(pub T);

impl<T: pti_core::Code> Type<Postgres> for Code<T> {
    fn type_info() -> PgTypeInfo {
        <&str as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <&str as Type<Postgres>>::compatible(ty)
    }
}

impl<'r, T: pti_core::Code> Decode<'r, Postgres> for Code<T>
where
    <T as FromStr>::Err: fmt::Display,
{
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<Postgres>>::decode(value)?;
        text.parse()
            .map(Code)
            .map_err(|e: <T as FromStr>::Err| e.to_string().into())
    }
}
