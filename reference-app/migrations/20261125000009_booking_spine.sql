-- The booking spine: guest access to a booking, re-inspection facts, and the narrow
-- cross-tenant lookups of public booking (no tenant context exists before the booking's own
-- tenant is known).

ALTER TABLE rdv
    -- SHA-256 of the secret a guest received when booking (the raw token is never stored).
    ADD COLUMN guest_token_hash text,
    -- For a re-inspection: the day of the failed periodic inspection the customer declared.
    ADD COLUMN failed_inspection_date date,
    -- Verdict of a completed periodic inspection: A favourable, S major, R critical defects.
    ADD COLUMN inspection_result text CHECK (inspection_result IN ('A', 'S', 'R'));

-- The active networks with their booking policy: what the engine loads at start, and what the
-- background workers walk tenant by tenant.
CREATE FUNCTION active_tenants()
    RETURNS TABLE (id uuid, slug text, name text, booking_policy jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$
        SELECT t.id, t.slug, t.name, coalesce(t.settings -> 'booking_policy', '{}')
        FROM public.tenants t
        WHERE t.status IN ('active', 'trial')
        ORDER BY t.slug
    $$;

-- The tenant of a booking, from its (unguessable) id: lets a guest's request open the
-- booking's tenant context; the guest token is then checked under row-level security.
CREATE FUNCTION rdv_tenant(booking uuid)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
    AS $$ SELECT r.tenant_id FROM public.rdv r WHERE r.id = booking $$;

REVOKE ALL ON FUNCTION active_tenants(), rdv_tenant(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION active_tenants(), rdv_tenant(uuid) TO pti_app;

-- Engine sync: every committed change of what the engine holds notifies `pti_engine` with the
-- tenant and centre, so each server instance reloads that centre.
CREATE FUNCTION notify_engine() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    DECLARE
        row_data record;
        centre uuid;
    BEGIN
        IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
        IF TG_TABLE_NAME = 'cts' THEN
            centre := row_data.id;
        ELSIF TG_TABLE_NAME = 'controleur_leaves' THEN
            SELECT c.centre_id INTO centre FROM controleurs c WHERE c.id = row_data.inspector_id;
        ELSE
            centre := row_data.centre_id;
        END IF;
        PERFORM pg_notify('pti_engine', json_build_object(
            'tenant_id', row_data.tenant_id, 'centre_id', centre, 'table', TG_TABLE_NAME)::text);
        RETURN NULL;
    END
    $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cts', 'cts_closures', 'offers', 'controleurs', 'controleur_leaves',
                             'planning_shifts', 'planning_blocks', 'rdv']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION notify_engine()', t || '_notify_engine', t);
    END LOOP;
END
$$;
