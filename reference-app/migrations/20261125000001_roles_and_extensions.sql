-- Extensions and the runtime role.
--
-- `pti_app` is the role the server's runtime pool logs in as: no superuser, no BYPASSRLS, so
-- every query it runs goes through the row-level-security policies below. Roles are global to
-- the cluster while migrations run per database, and `#[sqlx::test]` migrates many databases
-- at once: two concurrent CREATE ROLE can fail with duplicate_object or with unique_violation
-- (on pg_authid's index), so both are caught.
CREATE EXTENSION IF NOT EXISTS btree_gist;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pti_app') THEN
        CREATE ROLE pti_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- The tenant of the current transaction, NULL when unset. `current_setting(..., true)` yields
-- NULL before the setting was ever set in the session and '' after a transaction-local value
-- went out of scope, hence NULLIF. LANGUAGE sql + STABLE: inlined into the policies.
CREATE FUNCTION app_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- True when the transaction acts for the platform's super admin (`app.role`).
CREATE FUNCTION app_is_super_admin() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(current_setting('app.role', true), '') = 'SUPER_ADMIN' $$;

-- Keeps updated_at current.
CREATE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
