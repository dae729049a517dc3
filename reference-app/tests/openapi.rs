//! The OpenAPI document describes routes that exist, and its references resolve.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use reference_app::http::app;
use serde_json::Value;
use sqlx::PgPool;
use tower::ServiceExt;

fn document() -> Value {
    serde_json::from_str(reference_app::http::docs::OPENAPI).expect("openapi.json parses")
}

fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "$ref" {
                    out.push(v.as_str().unwrap().to_owned());
                }
                refs(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn every_reference_resolves_and_every_operation_is_named_once() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.0.3");
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(!found.is_empty());
    for r in found {
        let name = r.strip_prefix("#/components/schemas/").unwrap();
        assert!(doc["components"]["schemas"].get(name).is_some(), "{r}");
    }
    let mut ids: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|m| m.as_object().unwrap().values())
        .map(|op| op["operationId"].as_str().unwrap())
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "operationId repeated");
}

#[sqlx::test(migrations = "./migrations")]
async fn every_documented_operation_is_routed(owner: PgPool) {
    let state = common::state(&owner).await;
    let doc = document();
    for (path, methods) in doc["paths"].as_object().unwrap() {
        let uri = path.replace("{id}", "00000000-0000-0000-0000-000000000001");
        for method in methods.as_object().unwrap().keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let request = Request::builder()
                .method(method.clone())
                .uri(&uri)
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let response = app(state.clone()).oneshot(request).await.unwrap();
            let status = response.status();
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert_ne!(body["code"], "NO_ROUTE", "{method} {path}");
        }
    }
    // And an undocumented path is not routed.
    let response = app(state.clone())
        .oneshot(Request::get("/api/v1/nope").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
