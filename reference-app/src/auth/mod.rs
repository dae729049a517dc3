//! Who calls: the authenticated [`Principal`] and how it is proven — RS256 access tokens
//! ([`jwt`]), argon2id password hashes ([`password`]) and opaque random tokens stored hashed
//! ([`tokens`]: refresh tokens, guest booking tokens). No SQL and no HTTP here: the request
//! extractors are in `extract`, the account use cases in `user`.

pub mod jwt;
pub mod password;
mod principal;
pub mod tokens;

pub use jwt::{Claims, Jwt};
pub use principal::Principal;
