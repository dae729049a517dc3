-- Row-level security and the grants of the runtime role `pti_app`.
--
-- Every tenant table gets:
--   tenant_isolation  FOR ALL     tenant_id = app_tenant_id()          (read and write)
--   platform_read     FOR SELECT  app_is_super_admin()                  (super admin reads)
-- and the tables whose tenant_id may be NULL (users, audit_logs, refresh_tokens: rows of the
-- platform itself) also
--   platform_rows     FOR ALL     app_is_super_admin() AND tenant_id IS NULL
-- FORCE makes the policies apply to the table owner too. `pti_app` has no BYPASSRLS; nothing
-- relies on a bypass. The transaction sets the context with
--   SELECT set_config('app.tenant_id', $1, true), set_config('app.role', $2, true)
-- (see reference-app/src/db.rs); with no context, no row is visible.

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'users', 'agences', 'cts', 'cts_closures', 'offers', 'controleurs', 'controleur_leaves',
        'planning_shifts', 'planning_blocks', 'vehicles', 'rdv', 'payments', 'refunds', 'invoices',
        'outbox', 'notification_deliveries', 'mailbox', 'calls', 'audit_logs', 'api_keys',
        'refresh_tokens']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I FOR ALL '
                       'USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
        EXECUTE format('CREATE POLICY platform_read ON %I FOR SELECT USING (app_is_super_admin())', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['users', 'audit_logs', 'refresh_tokens']
    LOOP
        EXECUTE format('CREATE POLICY platform_rows ON %I FOR ALL '
                       'USING (app_is_super_admin() AND tenant_id IS NULL) '
                       'WITH CHECK (app_is_super_admin() AND tenant_id IS NULL)', t);
    END LOOP;
END
$$;

-- The tenants table is the root: its key is `id`. A tenant context sees its own row; the
-- super admin manages every tenant.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants FOR SELECT USING (id = app_tenant_id());
CREATE POLICY tenant_self_update ON tenants FOR UPDATE
    USING (id = app_tenant_id()) WITH CHECK (id = app_tenant_id());
CREATE POLICY platform_admin ON tenants FOR ALL USING (app_is_super_admin()) WITH CHECK (app_is_super_admin());

-- Cross-tenant public lookup, narrow on purpose: resolve a tenant by id, slug or domain
-- (X-Tenant-ID header, Host) before any tenant context exists. SECURITY DEFINER (owned by the
-- migration role) so it reads past RLS, but it returns only public columns of active tenants.
CREATE FUNCTION resolve_tenant(key text)
    RETURNS TABLE (id uuid, slug text, name text, domain text, plan text, branding jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$
        SELECT t.id, t.slug, t.name, t.domain, t.plan, coalesce(t.settings -> 'branding', '{}')
        FROM public.tenants t
        WHERE t.status IN ('active', 'trial')
          AND (t.slug = lower(key) OR t.domain = lower(key) OR t.id::text = lower(key))
        LIMIT 1
    $$;
REVOKE ALL ON FUNCTION resolve_tenant(text) FROM PUBLIC;

-- Grants of the runtime role.
GRANT USAGE ON SCHEMA public TO pti_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO pti_app;
REVOKE ALL ON TABLE _sqlx_migrations FROM pti_app;
REVOKE UPDATE, DELETE ON TABLE audit_logs FROM pti_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO pti_app;
GRANT EXECUTE ON FUNCTION app_tenant_id(), app_is_super_admin(), resolve_tenant(text) TO pti_app;
