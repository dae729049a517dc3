-- Totals kept by the writes so that a national network's reports read a handful of rows:
-- the conversion funnel by month (the dashboard read a month of 2,000 centres' days, 60,000
-- rows, on every request), and the accounts by role, scope and status (the users list counted
-- 206,000 accounts on every page).

-- The funnel by local month. A network's or an agency's row holds its own searches and the
-- slot views, holds and payments of its centres, summed as they are written; a centre's row
-- its own.
CREATE TABLE funnel_monthly (
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    month      date NOT NULL CHECK (extract(day FROM month) = 1),
    subject_id uuid NOT NULL,
    searches   bigint NOT NULL DEFAULT 0,
    slot_views bigint NOT NULL DEFAULT 0,
    holds      bigint NOT NULL DEFAULT 0,
    paid       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, subject_id, month)
);

-- The accounts not deleted, by role, agency, centre and status.
CREATE TABLE user_counts (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    role      text NOT NULL,
    agency_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    centre_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    status    text NOT NULL,
    accounts  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, role, agency_id, centre_id, status)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['funnel_monthly', 'user_counts']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I FOR ALL '
                       'USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
        EXECUTE format('CREATE POLICY platform_read ON %I FOR SELECT USING (app_is_super_admin())', t);
    END LOOP;
END
$$;

-- What a funnel day's row adds to its month: `sign` 1 adds it, -1 takes it back; a centre's
-- views, holds and payments also go to its agency and its network.
CREATE FUNCTION funnel_monthly_add(f funnel_daily, sign bigint) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    first  date := date_trunc('month', f.day)::date;
    agency uuid;
    up     uuid;
BEGIN
    INSERT INTO funnel_monthly AS m (tenant_id, month, subject_id, searches, slot_views, holds, paid)
    VALUES (f.tenant_id, first, f.subject_id, sign * f.searches, sign * f.slot_views,
            sign * f.holds, sign * f.paid)
    ON CONFLICT (tenant_id, subject_id, month) DO UPDATE SET
        searches = m.searches + EXCLUDED.searches,
        slot_views = m.slot_views + EXCLUDED.slot_views,
        holds = m.holds + EXCLUDED.holds,
        paid = m.paid + EXCLUDED.paid;
    SELECT c.agency_id INTO agency FROM cts c WHERE c.id = f.subject_id;
    IF NOT FOUND OR (f.slot_views, f.holds, f.paid) = (0, 0, 0) THEN
        RETURN;
    END IF;
    FOREACH up IN ARRAY ARRAY[agency, f.tenant_id]
    LOOP
        INSERT INTO funnel_monthly AS m (tenant_id, month, subject_id, slot_views, holds, paid)
        VALUES (f.tenant_id, first, up, sign * f.slot_views, sign * f.holds, sign * f.paid)
        ON CONFLICT (tenant_id, subject_id, month) DO UPDATE SET
            slot_views = m.slot_views + EXCLUDED.slot_views,
            holds = m.holds + EXCLUDED.holds,
            paid = m.paid + EXCLUDED.paid;
    END LOOP;
END
$$;

CREATE FUNCTION funnel_monthly_figures() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM funnel_monthly_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM funnel_monthly_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER funnel_monthly_figures AFTER INSERT OR UPDATE OR DELETE ON funnel_daily
    FOR EACH ROW EXECUTE FUNCTION funnel_monthly_figures();

-- What one account adds to its counts: `sign` 1 adds it, -1 takes it back.
CREATE FUNCTION user_counts_add(u users, sign bigint) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF u.tenant_id IS NULL OR u.deleted_at IS NOT NULL THEN
        RETURN;
    END IF;
    INSERT INTO user_counts AS c (tenant_id, role, agency_id, centre_id, status, accounts)
    VALUES (u.tenant_id, u.role, coalesce(u.agency_id, '00000000-0000-0000-0000-000000000000'),
            coalesce(u.centre_id, '00000000-0000-0000-0000-000000000000'), u.status, sign)
    ON CONFLICT (tenant_id, role, agency_id, centre_id, status) DO UPDATE SET
        accounts = c.accounts + EXCLUDED.accounts;
END
$$;

CREATE FUNCTION user_counts_figures() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM user_counts_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM user_counts_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER user_counts_insert_delete AFTER INSERT OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION user_counts_figures();
CREATE TRIGGER user_counts_update AFTER UPDATE OF tenant_id, role, agency_id, centre_id, status,
    deleted_at ON users
    FOR EACH ROW
    WHEN ((OLD.tenant_id, OLD.role, OLD.agency_id, OLD.centre_id, OLD.status, OLD.deleted_at)
          IS DISTINCT FROM
          (NEW.tenant_id, NEW.role, NEW.agency_id, NEW.centre_id, NEW.status, NEW.deleted_at))
    EXECUTE FUNCTION user_counts_figures();

-- What is already there.
INSERT INTO funnel_monthly (tenant_id, month, subject_id, searches, slot_views, holds, paid)
SELECT tenant_id, month, subject_id, sum(searches), sum(slot_views), sum(holds), sum(paid)
FROM (
    SELECT f.tenant_id, date_trunc('month', f.day)::date AS month, f.subject_id,
           f.searches, f.slot_views, f.holds, f.paid
    FROM funnel_daily f
    UNION ALL
    SELECT f.tenant_id, date_trunc('month', f.day)::date, up.id, 0, f.slot_views, f.holds, f.paid
    FROM funnel_daily f JOIN cts c ON c.id = f.subject_id
    CROSS JOIN LATERAL (VALUES (c.agency_id), (c.tenant_id)) AS up (id)
) parts
GROUP BY 1, 2, 3;

INSERT INTO user_counts (tenant_id, role, agency_id, centre_id, status, accounts)
SELECT tenant_id, role, coalesce(agency_id, '00000000-0000-0000-0000-000000000000'),
       coalesce(centre_id, '00000000-0000-0000-0000-000000000000'), status, count(*)
FROM users WHERE tenant_id IS NOT NULL AND deleted_at IS NULL
GROUP BY 1, 2, 3, 4, 5;
