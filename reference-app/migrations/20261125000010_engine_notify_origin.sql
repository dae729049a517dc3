-- Engine notifications name the server instance that made the change (`app.origin`, set with
-- the tenant context), so that instance skips reloading a booking it already placed itself.
CREATE OR REPLACE FUNCTION notify_engine() RETURNS trigger
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
            'tenant_id', row_data.tenant_id, 'centre_id', centre, 'table', TG_TABLE_NAME,
            'origin', NULLIF(current_setting('app.origin', true), ''))::text);
        RETURN NULL;
    END
    $$;
