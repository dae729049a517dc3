-- The figures of a network's dashboard, kept current by the writes so that a month of a
-- national network reads in milliseconds (journey 8). No personal data: counts and sums only.

-- The conversion funnel, per local day. `subject_id` is a network, an agency or a centre:
-- `searches` counts the searches that showed at least one centre of the subject (one per
-- search, whatever the number of its centres shown). `slot_views`, `holds` and `paid` are
-- counted on centre rows only, and summed for an agency or the network.
CREATE TABLE funnel_daily (
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    day        date NOT NULL,
    subject_id uuid NOT NULL,
    searches   integer NOT NULL DEFAULT 0 CHECK (searches >= 0),
    slot_views integer NOT NULL DEFAULT 0 CHECK (slot_views >= 0),
    holds      integer NOT NULL DEFAULT 0 CHECK (holds >= 0),
    paid       integer NOT NULL DEFAULT 0 CHECK (paid >= 0),
    PRIMARY KEY (tenant_id, day, subject_id)
);

-- The bookings of each centre by local month of inspection (`month`: its first day):
-- `booked` counts those that hold their place (confirmed, in progress, completed, no-show);
-- `revenue_cents` the price, tax included, of those paid online and of those paid on site
-- once inspected. A month, not a day: a year of a 2,000-centre network is 24,000 rows.
CREATE TABLE rdv_monthly (
    tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    centre_id     uuid NOT NULL,
    month         date NOT NULL CHECK (extract(day FROM month) = 1),
    booked        integer NOT NULL DEFAULT 0,
    completed     integer NOT NULL DEFAULT 0,
    no_show       integer NOT NULL DEFAULT 0,
    cancelled     integer NOT NULL DEFAULT 0,
    revenue_cents bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, month, centre_id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['funnel_daily', 'rdv_monthly']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I FOR ALL '
                       'USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
        EXECUTE format('CREATE POLICY platform_read ON %I FOR SELECT USING (app_is_super_admin())', t);
    END LOOP;
END
$$;

-- What one booking row adds to its centre's month: `sign` 1 adds it, -1 takes it back.
CREATE FUNCTION rdv_monthly_add(r rdv, sign integer) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    holds   boolean := r.status IN ('confirmed', 'in_progress', 'completed', 'no_show');
    revenue boolean := r.payment_status = 'paid'
                       OR (r.payment_status = 'on_site' AND r.status = 'completed');
    zone    text;
BEGIN
    IF NOT (holds OR revenue OR r.status = 'cancelled') THEN
        RETURN;
    END IF;
    SELECT c.time_zone INTO zone FROM cts c WHERE c.id = r.centre_id;
    INSERT INTO rdv_monthly AS d (tenant_id, centre_id, month, booked, completed, no_show, cancelled,
                                revenue_cents)
    VALUES (r.tenant_id, r.centre_id,
            date_trunc('month', r.start_at AT TIME ZONE coalesce(zone, 'Europe/Paris'))::date,
            sign * holds::int, sign * (r.status = 'completed')::int,
            sign * (r.status = 'no_show')::int, sign * (r.status = 'cancelled')::int,
            sign * CASE WHEN revenue THEN r.price_cents ELSE 0 END)
    ON CONFLICT (tenant_id, month, centre_id) DO UPDATE SET
        booked = d.booked + EXCLUDED.booked,
        completed = d.completed + EXCLUDED.completed,
        no_show = d.no_show + EXCLUDED.no_show,
        cancelled = d.cancelled + EXCLUDED.cancelled,
        revenue_cents = d.revenue_cents + EXCLUDED.revenue_cents;
END
$$;

-- A hold made, or a booking paid, on the local day it happens, on its centre's funnel row.
CREATE FUNCTION funnel_add(r rdv, holds integer, paid integer) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO funnel_daily AS f (tenant_id, day, subject_id, holds, paid)
    VALUES (r.tenant_id, (now() AT TIME ZONE 'Europe/Paris')::date, r.centre_id, holds, paid)
    ON CONFLICT (tenant_id, day, subject_id) DO UPDATE SET
        holds = f.holds + EXCLUDED.holds,
        paid = f.paid + EXCLUDED.paid;
END
$$;

CREATE FUNCTION rdv_figures() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM rdv_monthly_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM rdv_monthly_add(NEW, 1);
    END IF;
    IF TG_OP = 'INSERT' AND NEW.source <> 'seed' THEN
        PERFORM funnel_add(NEW, 1, (NEW.payment_status = 'paid')::int);
    ELSIF TG_OP = 'UPDATE' AND NEW.payment_status = 'paid' AND OLD.payment_status <> 'paid' THEN
        PERFORM funnel_add(NEW, 0, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER rdv_figures_insert_delete AFTER INSERT OR DELETE ON rdv
    FOR EACH ROW EXECUTE FUNCTION rdv_figures();
CREATE TRIGGER rdv_figures_update AFTER UPDATE OF status, payment_status, start_at, centre_id,
    price_cents ON rdv
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          OR OLD.payment_status IS DISTINCT FROM NEW.payment_status
          OR OLD.start_at IS DISTINCT FROM NEW.start_at
          OR OLD.centre_id IS DISTINCT FROM NEW.centre_id
          OR OLD.price_cents IS DISTINCT FROM NEW.price_cents)
    EXECUTE FUNCTION rdv_figures();

-- The bookings already there.
INSERT INTO rdv_monthly (tenant_id, centre_id, month, booked, completed, no_show, cancelled, revenue_cents)
SELECT r.tenant_id, r.centre_id,
       date_trunc('month', r.start_at AT TIME ZONE coalesce(c.time_zone, 'Europe/Paris'))::date,
       count(*) FILTER (WHERE r.status IN ('confirmed', 'in_progress', 'completed', 'no_show')),
       count(*) FILTER (WHERE r.status = 'completed'),
       count(*) FILTER (WHERE r.status = 'no_show'),
       count(*) FILTER (WHERE r.status = 'cancelled'),
       coalesce(sum(r.price_cents) FILTER (WHERE r.payment_status = 'paid'
           OR (r.payment_status = 'on_site' AND r.status = 'completed')), 0)
FROM rdv r LEFT JOIN cts c ON c.id = r.centre_id
WHERE r.status IN ('confirmed', 'in_progress', 'completed', 'no_show', 'cancelled')
   OR r.payment_status = 'paid'
GROUP BY 1, 2, 3;

-- The latest bookings of a network, for its recent activity.
CREATE INDEX rdv_tenant_created_idx ON rdv (tenant_id, created_at DESC);
