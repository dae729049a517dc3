//! The audit trail. Every mutation of a staff endpoint calls [`record`] inside its own
//! transaction, just before committing: one `audit_logs` row per mutation, gone with the
//! change if the transaction rolls back. A row names the actor (id, role), the tenant, the
//! action (`user.create`, ...), the target (type, id), where the request came from
//! ([`Origin`]: request id, client address, user agent) and, in `details`,
//! `{before, after, request_id}` holding only the fields that changed ([`changes`]). Callers
//! pass views of the resource, never password hashes or tokens. `pti_app` may only insert and
//! read the table.

mod repo;

use std::net::IpAddr;

use pti_core::policy::{Resource, Role};
use serde_json::{Map, Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

/// Where a request came from, as the trail records it (read by the `extract` module's
/// extractor).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The `x-request-id` the middleware set (or the client sent).
    pub request_id: Option<String>,
    /// The client's address.
    pub ip: Option<IpAddr>,
    /// The client's `user-agent`.
    pub user_agent: Option<String>,
}

/// Who acted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The user.
    pub id: Uuid,
    /// The role the user acted with.
    pub role: Role,
}

/// One mutation of one resource.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// The tenant whose resource changed.
    pub tenant_id: Uuid,
    /// What was done, `<resource>.<verb>` (`user.create`, `user.disable`, ...).
    pub action: &'a str,
    /// The kind of resource.
    pub resource: Resource,
    /// The resource.
    pub resource_id: Uuid,
    /// The resource before (a JSON object), `None` when it was created.
    pub before: Option<&'a Value>,
    /// The resource after (a JSON object).
    pub after: &'a Value,
}

/// Writes the trail's row of `entry` by `actor` in the caller's transaction.
pub async fn record(
    conn: &mut PgConnection,
    actor: Actor,
    origin: &Origin,
    entry: &Entry<'_>,
) -> sqlx::Result<()> {
    let (before, after) = changes(entry.before, entry.after);
    repo::insert(
        conn,
        &repo::Row {
            tenant_id: entry.tenant_id,
            actor_id: actor.id,
            actor_role: actor.role.code(),
            action: entry.action,
            resource_type: entry.resource.code(),
            resource_id: entry.resource_id.to_string(),
            ip: origin.ip.map(|ip| ip.to_string()),
            user_agent: origin.user_agent.as_deref(),
            details: json!({
                "before": before,
                "after": after,
                "request_id": origin.request_id,
            }),
        },
    )
    .await
}

/// The fields that changed from `before` to `after` (JSON objects), as `(before, after)`: for a
/// creation (`before` is `None`) null and every field of `after`; otherwise, on each side,
/// only the keys whose values differ (a key missing on one side counts as null there).
pub fn changes(before: Option<&Value>, after: &Value) -> (Value, Value) {
    let Some(before) = before else {
        return (Value::Null, after.clone());
    };
    let empty = Map::new();
    let (old, new) = (
        before.as_object().unwrap_or(&empty),
        after.as_object().unwrap_or(&empty),
    );
    let (mut was, mut is) = (Map::new(), Map::new());
    for key in old
        .keys()
        .chain(new.keys().filter(|k| !old.contains_key(*k)))
    {
        let (a, b) = (
            old.get(key).unwrap_or(&Value::Null),
            new.get(key).unwrap_or(&Value::Null),
        );
        if a != b {
            was.insert(key.clone(), a.clone());
            is.insert(key.clone(), b.clone());
        }
    }
    (Value::Object(was), Value::Object(is))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_creation_records_every_field_after() {
        let after = json!({"email": "a@b.fr", "role": "CONTROLEUR"});
        assert_eq!(changes(None, &after), (Value::Null, after));
    }

    #[test]
    fn a_change_records_only_the_fields_that_differ() {
        let before = json!({"status": "active", "first_name": "Léa", "phone": null});
        let after = json!({"status": "disabled", "first_name": "Léa", "phone": "0612345678"});
        assert_eq!(
            changes(Some(&before), &after),
            (
                json!({"status": "active", "phone": null}),
                json!({"status": "disabled", "phone": "0612345678"})
            )
        );
    }

    #[test]
    fn a_key_on_one_side_only_is_null_on_the_other() {
        let (was, is) = changes(Some(&json!({"a": 1})), &json!({"b": 2}));
        assert_eq!(was, json!({"a": 1, "b": null}));
        assert_eq!(is, json!({"a": null, "b": 2}));
    }

    #[test]
    fn nothing_changed_records_empty_objects() {
        let same = json!({"a": 1});
        assert_eq!(changes(Some(&same), &same), (json!({}), json!({})));
    }
}
