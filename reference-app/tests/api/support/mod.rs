//! What the tests stand on: [`TestApp`] (the application on the per-test database, built with
//! [`TestApp::builder`]), one request builder (`app.get(path)` and co. give a [`call::Call`],
//! answering an [`call::Answer`] checked against the OpenAPI document), the journey's steps,
//! tokens, database transactions, fake third parties, and PDF documents read back as text.
//!
//! Only this module names the server's internals, and only through `server.rs`.

mod app;
mod call;
mod db;
mod documented;
mod fakes;
mod pdf;
mod server;
mod steps;
mod stripe;
mod tokens;

pub use app::{Tenant, TestApp};
pub use call::Answer;
pub use db::{error_answer, error_code, first_id, sqlstate};
pub use documented::{document, document_text, verify};
pub use fakes::{FakeSmsMode, FakeSmtp};
pub use pdf::{pdf_images, pdf_text};
pub use steps::{booking_body, today};
pub use stripe::StripeAdapter;
pub use tokens::{TEST_PUBLIC_KEY, claims, sign_with_a_foreign_key};
