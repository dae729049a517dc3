//! availability (in progress).
