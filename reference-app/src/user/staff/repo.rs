//! SQL of staff user management: the list of a network's accounts (filtered, sorted, paged by
//! keyset), one account as an admin edits it, invitations and their tokens. Row-level security
//! limits every query to the transaction's tenant; the list's queries also name the tenant, so
//! that its `(tenant_id, key, id)` indexes serve them (see the `staff_users` migration), except
//! `auth_find_invitation` (SECURITY DEFINER, the ids behind a token hash).

use chrono::{DateTime, Utc};
use pti_core::policy::Role;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::list::Sort;
use crate::db::Code;
use crate::domain::{AccountStatus, SortOrder};

/// An account as staff management reads it (never its password hash).
#[derive(Clone, Debug)]
pub struct StaffRow {
    /// Id.
    pub id: Uuid,
    /// E-mail, lower case.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Phone.
    pub phone: Option<String>,
    /// Role.
    pub role: Code<Role>,
    /// Agency.
    pub agency_id: Option<Uuid>,
    /// Centre.
    pub centre_id: Option<Uuid>,
    /// Status.
    pub status: Code<AccountStatus>,
    /// Whether a password was ever chosen.
    pub has_password: bool,
    /// Last sign-in.
    pub last_login_at: Option<DateTime<Utc>>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// The name order's key (last name, first name, folded).
    pub sort_name: String,
    /// The login order's key (`last_login_at`, 1970 when never signed in).
    pub sort_login: DateTime<Utc>,
}

/// Which accounts a query sees, and the list's filters (`None`: no filter).
#[derive(Clone, Debug, Default)]
pub struct Filter<'a> {
    /// The tenant.
    pub tenant_id: Uuid,
    /// Every staff account.
    pub staff_all: bool,
    /// Staff accounts of this agency.
    pub staff_agency: Option<Uuid>,
    /// Staff accounts of this centre.
    pub staff_centre: Option<Uuid>,
    /// This staff account.
    pub staff_own: Option<Uuid>,
    /// Client accounts.
    pub clients: bool,
    /// A `LIKE` pattern for the folded names and e-mail (wildcards of the search escaped).
    pub pattern: Option<String>,
    /// Role code.
    pub role: Option<&'a str>,
    /// Agency.
    pub agency_id: Option<Uuid>,
    /// Centre.
    pub centre_id: Option<Uuid>,
    /// Status code.
    pub status: Option<&'a str>,
}

/// A count.
struct Total {
    total: i64,
}

/// `query_as!` over the accounts `u` that `$f` (a [`Filter`], parameters `$1` to `$11`) lets
/// through: `$select`, the filter, then `$tail` with parameters from `$12`.
macro_rules! staff_query {
    ($out:ident, $select:tt, $tail:tt, $f:expr $(, $arg:expr)* $(,)?) => {
        sqlx::query_as!(
            $out,
            $select
                + " FROM users u WHERE u.tenant_id = $1 AND u.deleted_at IS NULL
                AND ((u.role <> 'CLIENT' AND ($2 OR u.agency_id = $3 OR u.centre_id = $4
                      OR u.id = $5)) OR (u.role = 'CLIENT' AND $6))
                AND ($7::text IS NULL OR (u.sort_name || ' '
                     || fold_text(u.first_name || ' ' || u.last_name || ' ' || u.email))
                     LIKE '%' || fold_text($7) || '%')
                AND ($8::text IS NULL OR u.role = $8) AND ($9::uuid IS NULL OR u.agency_id = $9)
                AND ($10::uuid IS NULL OR u.centre_id = $10)
                AND ($11::text IS NULL OR u.status = $11) "
                + $tail,
            $f.tenant_id,
            $f.staff_all,
            $f.staff_agency,
            $f.staff_centre,
            $f.staff_own,
            $f.clients,
            $f.pattern.as_deref(),
            $f.role,
            $f.agency_id,
            $f.centre_id,
            $f.status
            $(, $arg)*
        )
    };
}

/// `staff_query!` of [`StaffRow`]s.
macro_rules! staff_rows {
    ($tail:tt, $f:expr $(, $arg:expr)* $(,)?) => {
        staff_query!(
            StaffRow,
            r#"SELECT u.id, u.email, u.first_name, u.last_name, u.phone,
               u.role AS "role: Code<Role>", u.agency_id, u.centre_id,
               u.status AS "status: Code<AccountStatus>",
               u.password_hash IS NOT NULL AS "has_password!", u.last_login_at, u.created_at,
               u.sort_name, u.sort_login"#,
            $tail,
            $f
            $(, $arg)*
        )
    };
}

/// How many accounts `filter` lets through: from the counts the writes keep by role, scope
/// and status (`user_counts`) unless a text search or a single account narrows it.
pub async fn count(conn: &mut PgConnection, filter: &Filter<'_>) -> sqlx::Result<i64> {
    if filter.pattern.is_some() || filter.staff_own.is_some() {
        return staff_query!(Total, r#"SELECT count(*) AS "total!""#, "", filter)
            .fetch_one(conn)
            .await
            .map(|t| t.total);
    }
    // An account without an agency or centre is counted under the nil id, which no filter names.
    sqlx::query_scalar!(
        r#"SELECT coalesce(sum(c.accounts), 0)::bigint AS "total!" FROM user_counts c
           WHERE c.tenant_id = $1
             AND ((c.role <> 'CLIENT' AND ($2 OR c.agency_id = $3 OR c.centre_id = $4))
                  OR (c.role = 'CLIENT' AND $5))
             AND ($6::text IS NULL OR c.role = $6)
             AND ($7::uuid IS NULL OR c.agency_id = $7)
             AND ($8::uuid IS NULL OR c.centre_id = $8)
             AND ($9::text IS NULL OR c.status = $9)"#,
        filter.tenant_id,
        filter.staff_all,
        filter.staff_agency,
        filter.staff_centre,
        filter.clients,
        filter.role,
        filter.agency_id,
        filter.centre_id,
        filter.status
    )
    .fetch_one(conn)
    .await
}

/// Where a page starts: after the row with these keys (`None`: at the start).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct After {
    /// The text key of the order (name, e-mail, or role).
    pub text: Option<String>,
    /// The second text key (the name, in the role order).
    pub name: Option<String>,
    /// The time key of the order (creation, last sign-in).
    pub time: Option<DateTime<Utc>>,
    /// The row's id; `None` for the first page.
    pub id: Option<Uuid>,
}

/// Up to `limit` accounts of `filter` in `sort` and `order`, after `after`.
pub async fn page(
    conn: &mut PgConnection,
    filter: &Filter<'_>,
    sort: Sort,
    order: SortOrder,
    after: &After,
    limit: i64,
) -> sqlx::Result<Vec<StaffRow>> {
    let (text, time, id) = (after.text.as_deref(), after.time, after.id);
    match (sort, order) {
        (Sort::Name, SortOrder::Asc) => {
            staff_rows!(
                "AND ($13::uuid IS NULL OR (u.sort_name, u.id) > ($12::text, $13))
             ORDER BY u.sort_name, u.id LIMIT $14",
                filter,
                text,
                id,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::Name, SortOrder::Desc) => {
            staff_rows!(
                "AND ($13::uuid IS NULL OR (u.sort_name, u.id) < ($12::text, $13))
             ORDER BY u.sort_name DESC, u.id DESC LIMIT $14",
                filter,
                text,
                id,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::Email, SortOrder::Asc) => {
            staff_rows!(
                "AND ($13::uuid IS NULL OR (u.email, u.id) > ($12::text, $13))
             ORDER BY u.email, u.id LIMIT $14",
                filter,
                text,
                id,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::Email, SortOrder::Desc) => {
            staff_rows!(
                "AND ($13::uuid IS NULL OR (u.email, u.id) < ($12::text, $13))
             ORDER BY u.email DESC, u.id DESC LIMIT $14",
                filter,
                text,
                id,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::Role, SortOrder::Asc) => {
            staff_rows!(
            "AND ($14::uuid IS NULL OR (u.role, u.sort_name, u.id) > ($12::text, $13::text, $14))
             ORDER BY u.role, u.sort_name, u.id LIMIT $15",
            filter, text, after.name.as_deref(), id, limit
        )
            .fetch_all(conn)
            .await
        }
        (Sort::Role, SortOrder::Desc) => {
            staff_rows!(
            "AND ($14::uuid IS NULL OR (u.role, u.sort_name, u.id) < ($12::text, $13::text, $14))
             ORDER BY u.role DESC, u.sort_name DESC, u.id DESC LIMIT $15",
            filter, text, after.name.as_deref(), id, limit
        )
            .fetch_all(conn)
            .await
        }
        (Sort::CreatedAt, SortOrder::Asc) => {
            staff_rows!(
                "AND ($13::uuid IS NULL OR (u.created_at, u.id) > ($12::timestamptz, $13))
             ORDER BY u.created_at, u.id LIMIT $14",
                filter,
                time,
                id,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::CreatedAt, SortOrder::Desc) => {
            staff_rows!(
                "AND ($13::uuid IS NULL OR (u.created_at, u.id) < ($12::timestamptz, $13))
             ORDER BY u.created_at DESC, u.id DESC LIMIT $14",
                filter,
                time,
                id,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::LastLoginAt, SortOrder::Asc) => {
            staff_rows!(
                "AND ($13::uuid IS NULL OR (u.sort_login, u.id) > ($12::timestamptz, $13))
             ORDER BY u.sort_login, u.id LIMIT $14",
                filter,
                time,
                id,
                limit
            )
            .fetch_all(conn)
            .await
        }
        (Sort::LastLoginAt, SortOrder::Desc) => {
            staff_rows!(
                "AND ($13::uuid IS NULL OR (u.sort_login, u.id) < ($12::timestamptz, $13))
             ORDER BY u.sort_login DESC, u.id DESC LIMIT $14",
                filter,
                time,
                id,
                limit
            )
            .fetch_all(conn)
            .await
        }
    }
}

/// Account `id` if `filter` lets it through, locked until the transaction ends.
pub async fn get_for_update(
    conn: &mut PgConnection,
    filter: &Filter<'_>,
    id: Uuid,
) -> sqlx::Result<Option<StaffRow>> {
    staff_rows!("AND u.id = $12 FOR UPDATE", filter, id)
        .fetch_optional(conn)
        .await
}

/// A new account's fields.
pub struct NewStaff<'a> {
    /// Tenant.
    pub tenant_id: Uuid,
    /// E-mail, lower case.
    pub email: &'a str,
    /// First name.
    pub first_name: &'a str,
    /// Last name.
    pub last_name: &'a str,
    /// Phone.
    pub phone: Option<&'a str>,
    /// Role.
    pub role: Role,
    /// Agency.
    pub agency_id: Option<Uuid>,
    /// Centre.
    pub centre_id: Option<Uuid>,
}

/// Inserts an invited account, without a password (a taken e-mail violates
/// [`EMAIL_KEY`](crate::user::EMAIL_KEY)).
pub async fn insert(conn: &mut PgConnection, new: &NewStaff<'_>) -> sqlx::Result<StaffRow> {
    sqlx::query_as!(
        StaffRow,
        r#"INSERT INTO users (tenant_id, email, first_name, last_name, phone, role, agency_id,
           centre_id, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'invited')
           RETURNING id, email, first_name, last_name, phone, role AS "role: Code<Role>",
           agency_id, centre_id, status AS "status: Code<AccountStatus>",
           password_hash IS NOT NULL AS "has_password!", last_login_at, created_at, sort_name,
           sort_login"#,
        new.tenant_id,
        new.email,
        new.first_name,
        new.last_name,
        new.phone,
        new.role.code(),
        new.agency_id,
        new.centre_id,
    )
    .fetch_one(conn)
    .await
}

/// Every field an admin edits, as it will be.
pub struct StaffFields<'a> {
    /// First name.
    pub first_name: &'a str,
    /// Last name.
    pub last_name: &'a str,
    /// Phone.
    pub phone: Option<&'a str>,
    /// Role.
    pub role: Role,
    /// Agency.
    pub agency_id: Option<Uuid>,
    /// Centre.
    pub centre_id: Option<Uuid>,
    /// Status.
    pub status: AccountStatus,
}

/// Writes the fields of account `id`.
pub async fn update(
    conn: &mut PgConnection,
    id: Uuid,
    f: &StaffFields<'_>,
) -> sqlx::Result<StaffRow> {
    sqlx::query_as!(
        StaffRow,
        r#"UPDATE users SET first_name = $2, last_name = $3, phone = $4, role = $5,
           agency_id = $6, centre_id = $7, status = $8 WHERE id = $1
           RETURNING id, email, first_name, last_name, phone, role AS "role: Code<Role>",
           agency_id, centre_id, status AS "status: Code<AccountStatus>",
           password_hash IS NOT NULL AS "has_password!", last_login_at, created_at, sort_name,
           sort_login"#,
        id,
        f.first_name,
        f.last_name,
        f.phone,
        f.role.code(),
        f.agency_id,
        f.centre_id,
        f.status.code(),
    )
    .fetch_one(conn)
    .await
}

/// Erases account `id`: status `erased`, `deleted_at` now (its e-mail is free again).
pub async fn erase(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<StaffRow> {
    sqlx::query_as!(
        StaffRow,
        r#"UPDATE users SET status = 'erased', deleted_at = now() WHERE id = $1
           RETURNING id, email, first_name, last_name, phone, role AS "role: Code<Role>",
           agency_id, centre_id, status AS "status: Code<AccountStatus>",
           password_hash IS NOT NULL AS "has_password!", last_login_at, created_at, sort_name,
           sort_login"#,
        id,
    )
    .fetch_one(conn)
    .await
}

/// The account admin `actor` created with idempotency key `key`, if any.
pub async fn created_with_key(
    conn: &mut PgConnection,
    actor: Uuid,
    key: &str,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "SELECT user_id FROM user_invitations WHERE created_by = $1 AND idempotency_key = $2",
        actor,
        key
    )
    .fetch_optional(conn)
    .await
}

/// An invitation to store.
pub struct NewInvitation<'a> {
    /// Tenant.
    pub tenant_id: Uuid,
    /// The invited account.
    pub user_id: Uuid,
    /// The admin who invited.
    pub created_by: Uuid,
    /// The creating request's Idempotency-Key.
    pub idempotency_key: Option<&'a str>,
    /// Hours it lives.
    pub ttl_hours: i32,
}

/// Stores an invitation (its token is drawn when the e-mail is sent); its id.
pub async fn insert_invitation(
    conn: &mut PgConnection,
    new: &NewInvitation<'_>,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar!(
        "INSERT INTO user_invitations (tenant_id, user_id, created_by, idempotency_key, expires_at) \
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING id",
        new.tenant_id,
        new.user_id,
        new.created_by,
        new.idempotency_key,
        new.ttl_hours,
    )
    .fetch_one(conn)
    .await
}

/// Ends the unused invitations of account `user` (a new one replaces them); how many.
pub async fn expire_invitations(conn: &mut PgConnection, user: Uuid) -> sqlx::Result<u64> {
    sqlx::query!(
        "UPDATE user_invitations SET expires_at = greatest(created_at + interval '1 second', now()) \
         WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()",
        user
    )
    .execute(conn)
    .await
    .map(|done| done.rows_affected())
}

/// What the invitation e-mail needs.
pub struct PendingInvitation {
    /// The invited address.
    pub email: String,
    /// The invited person's first name.
    pub first_name: String,
    /// The role given.
    pub role: Code<Role>,
    /// The network's name.
    pub network: String,
    /// When the invitation ends.
    pub expires_at: DateTime<Utc>,
}

/// Invitation `id` if it can still be used (not used, not expired, the account still invited),
/// locked until the transaction ends.
pub async fn pending_invitation(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<PendingInvitation>> {
    sqlx::query_as!(
        PendingInvitation,
        r#"SELECT u.email, u.first_name, u.role AS "role: Code<Role>", t.name AS network,
           i.expires_at
           FROM user_invitations i JOIN users u ON u.id = i.user_id
           JOIN tenants t ON t.id = i.tenant_id
           WHERE i.id = $1 AND i.used_at IS NULL AND i.expires_at > now()
           AND u.status = 'invited' AND u.deleted_at IS NULL
           FOR UPDATE OF i"#,
        id
    )
    .fetch_optional(conn)
    .await
}

/// Stores the hash of invitation `id`'s token.
pub async fn set_token_hash(conn: &mut PgConnection, id: Uuid, hash: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE user_invitations SET token_hash = $2 WHERE id = $1",
        id,
        hash
    )
    .execute(conn)
    .await
    .map(drop)
}

/// The invitation a token hash names, across tenants.
pub struct InvitationRef {
    /// Invitation id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Uuid,
    /// The invited account.
    pub user_id: Uuid,
}

/// Finds the invitation with token hash `hash`, across tenants.
pub async fn find_invitation(pool: &PgPool, hash: &str) -> sqlx::Result<Option<InvitationRef>> {
    sqlx::query_as!(
        InvitationRef,
        r#"SELECT id AS "id!", tenant_id AS "tenant_id!", user_id AS "user_id!"
           FROM auth_find_invitation($1)"#,
        hash
    )
    .fetch_optional(pool)
    .await
}

/// Sets the password of invited account `id` and activates it (its e-mail is proven);
/// `None` when the account is no longer invited.
pub async fn activate(
    conn: &mut PgConnection,
    id: Uuid,
    password_hash: &str,
) -> sqlx::Result<Option<StaffRow>> {
    sqlx::query_as!(
        StaffRow,
        r#"UPDATE users SET password_hash = $2, status = 'active',
           email_verified_at = coalesce(email_verified_at, now())
           WHERE id = $1 AND status = 'invited' AND deleted_at IS NULL
           RETURNING id, email, first_name, last_name, phone, role AS "role: Code<Role>",
           agency_id, centre_id, status AS "status: Code<AccountStatus>",
           password_hash IS NOT NULL AS "has_password!", last_login_at, created_at, sort_name,
           sort_login"#,
        id,
        password_hash,
    )
    .fetch_optional(conn)
    .await
}

/// Spends invitation `id` when it is still usable (row-locked: a token works once); whether
/// it was. Every other open invitation of the account is spent with it.
pub async fn spend_invitation(
    conn: &mut PgConnection,
    id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<bool> {
    let usable = sqlx::query_scalar!(
        r#"SELECT (used_at IS NULL AND expires_at > now()) AS "usable!"
           FROM user_invitations WHERE id = $1 FOR UPDATE"#,
        id
    )
    .fetch_optional(&mut *conn)
    .await?;
    if usable != Some(true) {
        return Ok(false);
    }
    sqlx::query!(
        "UPDATE user_invitations SET used_at = now() WHERE user_id = $1 AND used_at IS NULL",
        user_id
    )
    .execute(conn)
    .await?;
    Ok(true)
}
