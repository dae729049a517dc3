//! Constraint violations turned into API errors in one place: a query names the constraint
//! it expects to be violated and the error that violation means
//! (`.on_constraint("vehicles_tenant_id_user_id_plate_normalized_key", || ...)`); any other
//! database error passes through unchanged.

use crate::error::Error;

/// Maps a violation of a named constraint to an API error.
pub trait OnConstraint<T> {
    /// `Err(error())` when the query violated `constraint`; any other result as it was.
    fn on_constraint(self, constraint: &str, error: impl FnOnce() -> Error) -> Result<T, Error>;
}

impl<T> OnConstraint<T> for Result<T, sqlx::Error> {
    fn on_constraint(self, constraint: &str, error: impl FnOnce() -> Error) -> Result<T, Error> {
        self.map_err(|e| match &e {
            sqlx::Error::Database(db) if db.constraint() == Some(constraint) => error(),
            _ => e.into(),
        })
    }
}

impl<T> OnConstraint<T> for Result<T, Error> {
    fn on_constraint(self, constraint: &str, error: impl FnOnce() -> Error) -> Result<T, Error> {
        self.map_err(|e| match &e {
            Error::Database(sqlx::Error::Database(db)) if db.constraint() == Some(constraint) => {
                error()
            }
            _ => e,
        })
    }
}
