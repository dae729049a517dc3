//! Stable machine codes shared by every error of the engine.
//!
//! Each error enum of the engine implements [`Coded`]: its `code()` is a stable upper-case
//! identifier (`SLOT_TAKEN`, `NOTICE_TOO_SHORT`, ...) that the HTTP layer and every binding pass
//! through unchanged. Codes never change once published; messages may.

/// An error with a stable machine code.
pub trait Coded {
    /// The stable machine code of this error, e.g. `"SLOT_TAKEN"`.
    fn code(&self) -> &'static str;
}
