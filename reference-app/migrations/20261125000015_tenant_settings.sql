-- A network's settings edited by its admin: its logo (served publicly to its portal), and
-- every change of a network's settings or status reaching each server's engine.

CREATE TABLE tenant_logos (
    tenant_id    uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
    bytes        bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 262144),
    sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE tenant_logos ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_logos FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_logos FOR ALL
    USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY platform_read ON tenant_logos FOR SELECT USING (app_is_super_admin());

-- The logo of an active network, for its public portal (no tenant context exists yet).
CREATE FUNCTION tenant_logo(tenant uuid)
    RETURNS TABLE (content_type text, bytes bytea, sha256 text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$
        SELECT l.content_type, l.bytes, l.sha256
        FROM public.tenant_logos l JOIN public.tenants t ON t.id = l.tenant_id
        WHERE l.tenant_id = tenant AND t.status IN ('active', 'trial')
    $$;
REVOKE ALL ON FUNCTION tenant_logo(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_logo(uuid) TO pti_app;

-- A network's booking policy or status changed: every server reloads that network.
CREATE FUNCTION notify_engine_tenant() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        PERFORM pg_notify('pti_engine', json_build_object(
            'tenant_id', NEW.id, 'centre_id', NULL, 'table', TG_TABLE_NAME,
            'origin', NULLIF(current_setting('app.origin', true), ''))::text);
        RETURN NULL;
    END
    $$;
CREATE TRIGGER tenants_notify_engine AFTER UPDATE OF settings, status, name ON tenants
    FOR EACH ROW WHEN (OLD.settings IS DISTINCT FROM NEW.settings OR OLD.status IS DISTINCT FROM NEW.status
                       OR OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION notify_engine_tenant();
