//! The steps of the booking journey that tests repeat: search, hold, pay, move, read the
//! mailbox.

use axum::http::{Method, StatusCode};
use chrono::{Duration, NaiveDate};
use serde_json::{Value, json};

use super::app::TestApp;
use super::call::{Answer, Call};
use super::server;

/// Today, as the engine counts days.
pub fn today() -> NaiveDate {
    server::today()
}

/// The body of `POST /api/v1/rdv` holding `slot` for Jean Dupont, reachable at `email`, and
/// his Renault Clio `plate` (VP, technical inspection).
pub fn booking_body(slot: &str, plate: &str, email: &str) -> Value {
    json!({
        "disponibilite_id": slot, "first_name": "Jean", "last_name": "Dupont", "email": email,
        "phone": "06 12 34 56 78", "immatriculation": plate, "vehicle_type": "VP",
        "marque": "Renault", "modele": "Clio", "annee": 2018, "control_type": "CT",
    })
}

impl TestApp {
    /// A search for 5 slots in each of the first 5 centres near `place`, from `days` days
    /// ahead (`POST /api/v1/disponibilites/search`).
    pub fn search(&self, place: &str, days: i64) -> Call<'_> {
        self.post("/api/v1/disponibilites/search").json(json!({
            "place": place, "date_from": today() + Duration::days(days),
            "slots_per_centre": 5, "limit": 5,
        }))
    }

    /// The slots a guest's [`search`](Self::search) finds, centre after centre.
    pub async fn slots(&self, place: &str, days: i64) -> Vec<Value> {
        self.search(place, days).slots().await
    }

    /// Whether a guest's [`search`](Self::search) still offers the slot `id`.
    pub async fn offered(&self, place: &str, days: i64, id: &str) -> bool {
        self.slots(place, days)
            .await
            .iter()
            .any(|s| s["disponibilite_id"] == id)
    }

    /// Whether the slot `id` stops being [`offered`](Self::offered) within 5 seconds.
    pub async fn withdrawn(&self, place: &str, days: i64, id: &str) -> bool {
        for _ in 0..100 {
            if !self.offered(place, days, id).await {
                return true;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        false
    }

    /// Holding `slot` for a vehicle and a contact ([`booking_body`], `POST /api/v1/rdv`).
    pub fn hold(&self, slot: &str, plate: &str, email: &str) -> Call<'_> {
        self.post("/api/v1/rdv")
            .json(booking_body(slot, plate, email))
    }

    /// A request `method` on booking `id` (`/api/v1/rdv/{id}`).
    pub fn rdv(&self, method: Method, id: &str) -> Call<'_> {
        self.request(method, &format!("/api/v1/rdv/{id}"))
    }

    /// Moving booking `id` to `slot` with its guest token (`PUT /api/v1/rdv/{id}`).
    pub fn move_to(&self, id: &str, token: &str, slot: &str) -> Call<'_> {
        self.rdv(Method::PUT, id)
            .guest(token)
            .json(json!({ "disponibilite_id": slot }))
    }

    /// Pays the held booking `rdv` (the answer of a hold) with its guest token and the sandbox
    /// card `number`, under the idempotency key `key` (`POST /api/v1/payment/process`).
    pub async fn pay(&self, rdv: &Value, number: &str, key: &str) -> Answer {
        let token = self.card(number).await;
        self.post("/api/v1/payment/process")
            .idempotency_key(key)
            .guest(rdv["guest_token"].as_str().unwrap())
            .json(json!({ "rdv_id": rdv["id"], "card_token": token }))
            .send()
            .await
    }

    /// A sandbox token for the card `number` (`POST /api/v1/payment/tokenize`).
    async fn card(&self, number: &str) -> String {
        let answer = self
            .post("/api/v1/payment/tokenize")
            .json(json!({ "card_number": number, "exp_month": 12, "exp_year": 2030, "cvc": "123" }))
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.json);
        answer.json["token"].as_str().unwrap().to_owned()
    }

    /// The messages of the dev mailbox to `recipient` (URL-encoded).
    pub async fn mailbox(&self, recipient: &str) -> Value {
        self.get(&format!("/api/v1/dev/mailbox?recipient={recipient}"))
            .send()
            .await
            .json
    }
}

impl Call<'_> {
    /// Sends a [`search`](TestApp::search) and answers its slots, centre after centre; panics
    /// unless it answers 200.
    pub async fn slots(self) -> Vec<Value> {
        let answer = self.send().await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.json);
        answer.json["results"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["slots"].as_array().unwrap().clone())
            .collect()
    }
}
