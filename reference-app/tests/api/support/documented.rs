//! Checks real answers against the OpenAPI document generated from the code: the status must
//! be documented for the operation, and a JSON body must match the documented schema (types,
//! required fields, no undocumented field where the schema forbids them, enums).

use std::sync::OnceLock;

use axum::http::{Method, StatusCode};
use serde_json::Value;

use super::server;

/// The OpenAPI document generated from the code, as text.
pub fn document_text() -> &'static str {
    server::document()
}

/// The OpenAPI document generated from the code.
pub fn document() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| serde_json::from_str(document_text()).expect("the document parses"))
}

/// The documented operation for `method` on `uri`, if its path is documented.
fn operation(method: &Method, uri: &str) -> Option<&'static Value> {
    let path = uri.split('?').next().unwrap_or(uri);
    let paths = document()["paths"].as_object()?;
    let template = paths.keys().find(|t| matches(t, path))?;
    paths[template].get(method.as_str().to_lowercase())
}

fn matches(template: &str, path: &str) -> bool {
    let (t, p): (Vec<&str>, Vec<&str>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()))
}

/// `value` with `$ref`s to components followed.
fn resolve(value: &'static Value) -> &'static Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let mut parts = r.trim_start_matches("#/").split('/');
            let (section, kind, name) = (parts.next(), parts.next(), parts.next());
            resolve(&document()[section.unwrap()][kind.unwrap()][name.unwrap()])
        }
        None => value,
    }
}

/// Whether `status` is documented for the operation and `body` (when JSON) matches it; the
/// error says how the answer strays. Paths the document does not know (404 `NO_ROUTE` checks)
/// pass.
pub fn verify(method: &Method, uri: &str, status: StatusCode, body: &Value) -> Result<(), String> {
    let Some(op) = operation(method, uri) else {
        return Ok(());
    };
    let response = op["responses"]
        .get(status.as_str())
        .map(resolve)
        .ok_or_else(|| format!("{method} {uri}: status {status} is not documented"))?;
    let Some(schema) = response["content"]
        .get("application/json")
        .and_then(|c| c.get("schema"))
    else {
        return Ok(());
    };
    conforms(schema, body, "").map_err(|e| {
        format!("{method} {uri} → {status}: the body does not match the document: {e}\n{body}")
    })
}

fn type_matches(kind: &str, value: &Value) -> bool {
    match kind {
        "null" => value.is_null(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        other => panic!("unknown schema type {other}"),
    }
}

fn conforms(schema: &'static Value, value: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(schema);
    if let Some(kinds) = schema.get("type") {
        let kinds: Vec<&str> = match kinds {
            Value::String(k) => vec![k.as_str()],
            Value::Array(ks) => ks.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !kinds.iter().any(|k| type_matches(k, value)) {
            return Err(format!("{at}: {value} is not {kinds:?}"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !value.is_null()
        && !allowed.contains(value)
    {
        return Err(format!("{at}: {value} is not one of {allowed:?}"));
    }
    for (keyword, needed) in [("oneOf", 1), ("anyOf", 1)] {
        if let Some(options) = schema.get(keyword).and_then(Value::as_array) {
            let ok = options
                .iter()
                .filter(|o| conforms(o, value, at).is_ok())
                .count();
            if ok < needed {
                return Err(format!("{at}: {value} matches none of {keyword}"));
            }
        }
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        for part in parts {
            conforms(part, value, at)?;
        }
    }
    if let Value::Object(fields) = value {
        let properties = schema.get("properties").and_then(Value::as_object);
        for required in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = required.as_str().unwrap();
            if !fields.contains_key(name) {
                return Err(format!("{at}: required field {name} is missing"));
            }
        }
        for (name, field) in fields {
            match properties.and_then(|p| p.get(name)) {
                Some(property) => conforms(property, field, &format!("{at}/{name}"))?,
                None if schema.get("additionalProperties") == Some(&Value::Bool(false))
                    || properties.is_some() =>
                {
                    return Err(format!("{at}: field {name} is not documented"));
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(item)) = (value, schema.get("items")) {
        for (i, v) in items.iter().enumerate() {
            conforms(item, v, &format!("{at}/{i}"))?;
        }
    }
    Ok(())
}
