-- Staff user management (journey 9): lists of a network's users searched without regard to
-- case or accents and paginated by keyset at any depth, invitations carrying a one-time
-- set-password token, and e-mails that an erased account no longer holds.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- Text folded for search and sort: lower case, accents removed. `unaccent(text)` is only
-- STABLE (it reads the default dictionary); naming the dictionary makes the result fixed, so
-- the function can be IMMUTABLE.
CREATE FUNCTION fold_text(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

-- The list's sort keys as plain columns, kept by a trigger. Under row-level security a
-- query's own conditions become index conditions only when every function in them is
-- LEAKPROOF (else they run after the policies, as filters): comparisons of plain text and
-- timestamp columns are, fold_text() and coalesce() are not. So the keyset conditions compare
-- columns: `sort_name` (last name, first name, folded) and `sort_login` (last_login_at, or
-- 1970 for an account that never signed in: first in ascending order, last in descending).
ALTER TABLE users
    ADD COLUMN sort_name text NOT NULL DEFAULT '',
    ADD COLUMN sort_login timestamptz NOT NULL DEFAULT '1970-01-01 00:00:00+00';

CREATE FUNCTION users_sort_keys() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        NEW.sort_name := fold_text(NEW.last_name || ' ' || NEW.first_name);
        NEW.sort_login := coalesce(NEW.last_login_at, '1970-01-01 00:00:00+00');
        RETURN NEW;
    END
    $$;
CREATE TRIGGER users_sort_keys BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION users_sort_keys();
UPDATE users SET sort_name = sort_name;

-- The list's orders, each `(tenant_id, key, id)` so a page after any cursor is one index range
-- scan whatever its depth (the queries name the tenant besides the policies: the policies are
-- OR-ed with the super admin's, which no index serves); `id` breaks ties, and a descending
-- page scans the same index backwards. Erased accounts are never listed, hence the partial
-- indexes. The search (`LIKE` on folded text) is not LEAKPROOF either: it filters the rows of
-- the order's index, so no trigram index would be used.
CREATE INDEX users_list_name_idx ON users (tenant_id, sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX users_list_email_idx ON users (tenant_id, email, id) WHERE deleted_at IS NULL;
CREATE INDEX users_list_role_idx ON users (tenant_id, role, sort_name, id) WHERE deleted_at IS NULL;
CREATE INDEX users_list_created_idx ON users (tenant_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX users_list_login_idx ON users (tenant_id, sort_login, id) WHERE deleted_at IS NULL;

-- An erased account (status 'erased', deleted_at set) keeps its row for the audit trail and
-- the bookings that name it, but frees its e-mail for a new account of the network.
DROP INDEX users_tenant_email_key;
CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant_id, email) NULLS NOT DISTINCT
    WHERE deleted_at IS NULL;

-- Invitations of staff accounts: the e-mail sent to a new user carries a one-time token whose
-- SHA-256 alone is stored. The notification worker draws the token when it sends the e-mail
-- (token_hash is NULL until then); the invitation lives 72 hours from its creation.
CREATE TABLE user_invitations (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL,
    created_by      uuid,
    -- The creating request's Idempotency-Key, unique per admin: a retry answers the same user.
    idempotency_key text,
    token_hash      text UNIQUE,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by),
    UNIQUE (tenant_id, created_by, idempotency_key),
    CHECK (expires_at > created_at)
);
CREATE INDEX user_invitations_tenant_user_idx ON user_invitations (tenant_id, user_id);

ALTER TABLE user_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON user_invitations FOR ALL
    USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY platform_read ON user_invitations FOR SELECT USING (app_is_super_admin());

-- Set-password: the invitation with this token hash, before any tenant context exists (the
-- raw token never reaches the database).
CREATE FUNCTION auth_find_invitation(hash text)
    RETURNS TABLE (id uuid, tenant_id uuid, user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$
        SELECT i.id, i.tenant_id, i.user_id
        FROM public.user_invitations i
        WHERE i.token_hash = hash
    $$;
REVOKE ALL ON FUNCTION auth_find_invitation(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_invitation(text) TO pti_app;
