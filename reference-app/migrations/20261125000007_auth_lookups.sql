-- Narrow cross-tenant lookups needed before a tenant context exists (SECURITY DEFINER, owned
-- by the migration role, returning only what authentication needs).

-- Login: the account(s) with this e-mail, restricted to one tenant (plus platform accounts)
-- when the request names one.
CREATE FUNCTION auth_find_login(login_email text, login_tenant uuid)
    RETURNS TABLE (id uuid, tenant_id uuid, role text, password_hash text, status text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$
        SELECT u.id, u.tenant_id, u.role, u.password_hash, u.status
        FROM public.users u
        WHERE u.email = lower(login_email)
          AND u.deleted_at IS NULL
          AND (login_tenant IS NULL OR u.tenant_id = login_tenant OR u.tenant_id IS NULL)
        LIMIT 2
    $$;

-- Refresh: the token with this hash (the raw token never reaches the database).
CREATE FUNCTION auth_find_refresh(hash text)
    RETURNS TABLE (id uuid, tenant_id uuid, user_id uuid, family_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$
        SELECT r.id, r.tenant_id, r.user_id, r.family_id
        FROM public.refresh_tokens r
        WHERE r.token_hash = hash
    $$;

REVOKE ALL ON FUNCTION auth_find_login(text, uuid), auth_find_refresh(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_login(text, uuid), auth_find_refresh(text) TO pti_app;
