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

-- Both are kept by statement triggers over the statement's rows (transition tables): a
-- statement writing many rows changes each total once, where a row trigger would update the
-- same total row once per row in one transaction.

-- What funnel day rows add to their months: `sign` 1 adds them, -1 takes them back; a
-- centre's views, holds and payments also go to its agency and its network.
CREATE FUNCTION funnel_monthly_add(rows funnel_daily[], sign bigint) RETURNS void
    LANGUAGE sql AS $$
    INSERT INTO funnel_monthly AS m (tenant_id, month, subject_id, searches, slot_views, holds, paid)
    SELECT tenant_id, month, subject_id, sign * sum(searches), sign * sum(slot_views),
           sign * sum(holds), sign * sum(paid)
    FROM (
        SELECT f.tenant_id, date_trunc('month', f.day)::date AS month, f.subject_id,
               f.searches, f.slot_views, f.holds, f.paid
        FROM unnest(rows) f
        UNION ALL
        SELECT f.tenant_id, date_trunc('month', f.day)::date, up.id, 0, f.slot_views, f.holds,
               f.paid
        FROM unnest(rows) f JOIN cts c ON c.id = f.subject_id
        CROSS JOIN LATERAL (VALUES (c.agency_id), (c.tenant_id)) AS up (id)
        WHERE (f.slot_views, f.holds, f.paid) <> (0, 0, 0)
    ) parts
    GROUP BY 1, 2, 3
    ON CONFLICT (tenant_id, subject_id, month) DO UPDATE SET
        searches = m.searches + EXCLUDED.searches,
        slot_views = m.slot_views + EXCLUDED.slot_views,
        holds = m.holds + EXCLUDED.holds,
        paid = m.paid + EXCLUDED.paid
$$;

CREATE FUNCTION funnel_monthly_figures() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM funnel_monthly_add(ARRAY(SELECT o::funnel_daily FROM old_rows o), -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM funnel_monthly_add(ARRAY(SELECT n::funnel_daily FROM new_rows n), 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER funnel_monthly_insert AFTER INSERT ON funnel_daily
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION funnel_monthly_figures();
CREATE TRIGGER funnel_monthly_update AFTER UPDATE ON funnel_daily
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION funnel_monthly_figures();
CREATE TRIGGER funnel_monthly_delete AFTER DELETE ON funnel_daily
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION funnel_monthly_figures();

-- What accounts add to their counts: `sign` 1 adds them, -1 takes them back. Deleted
-- accounts and the platform's (no network) are not counted.
CREATE FUNCTION user_counts_add(rows users[], sign bigint) RETURNS void
    LANGUAGE sql AS $$
    INSERT INTO user_counts AS c (tenant_id, role, agency_id, centre_id, status, accounts)
    SELECT u.tenant_id, u.role, coalesce(u.agency_id, '00000000-0000-0000-0000-000000000000'),
           coalesce(u.centre_id, '00000000-0000-0000-0000-000000000000'), u.status,
           sign * count(*)
    FROM unnest(rows) u
    WHERE u.tenant_id IS NOT NULL AND u.deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, role, agency_id, centre_id, status) DO UPDATE SET
        accounts = c.accounts + EXCLUDED.accounts
$$;

-- An update counts only the accounts whose counted columns changed (a sign-in changes none).
CREATE FUNCTION user_counts_figures() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM user_counts_add(ARRAY(
            SELECT o::users FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.tenant_id, o.role, o.agency_id, o.centre_id, o.status, o.deleted_at)
                  IS DISTINCT FROM
                  (n.tenant_id, n.role, n.agency_id, n.centre_id, n.status, n.deleted_at)), -1);
        PERFORM user_counts_add(ARRAY(
            SELECT n::users FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.tenant_id, o.role, o.agency_id, o.centre_id, o.status, o.deleted_at)
                  IS DISTINCT FROM
                  (n.tenant_id, n.role, n.agency_id, n.centre_id, n.status, n.deleted_at)), 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM user_counts_add(ARRAY(SELECT o::users FROM old_rows o), -1);
    ELSE
        PERFORM user_counts_add(ARRAY(SELECT n::users FROM new_rows n), 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER user_counts_insert AFTER INSERT ON users
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION user_counts_figures();
CREATE TRIGGER user_counts_update AFTER UPDATE ON users
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION user_counts_figures();
CREATE TRIGGER user_counts_delete AFTER DELETE ON users
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION user_counts_figures();

-- What is already there.
SELECT funnel_monthly_add(ARRAY(SELECT f FROM funnel_daily f), 1);
SELECT user_counts_add(ARRAY(SELECT u FROM users u), 1);
