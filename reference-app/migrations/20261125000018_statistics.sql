-- The figures of a network's statistics (journey 13), kept current by the writes: the
-- bookings of each centre by local month of inspection, control type and vehicle category,
-- with the money taken and given back, so that a year of a national network reads about
-- 100,000 rows instead of grouping 7 million bookings. Counts and sums only.

-- `booked` counts the bookings holding their place (confirmed, in progress, completed,
-- no-show); `collected_cents` the price, tax included, of those paid online (refunded since
-- or not) and of those paid on site once inspected; `refunds` the bookings with money given
-- back and `refunded_cents` how much (from their payments).
CREATE TABLE rdv_stats_monthly (
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    month            date NOT NULL CHECK (extract(day FROM month) = 1),
    centre_id        uuid NOT NULL,
    control_type     text NOT NULL,
    vehicle_category text NOT NULL,
    booked           integer NOT NULL DEFAULT 0,
    completed        integer NOT NULL DEFAULT 0,
    no_show          integer NOT NULL DEFAULT 0,
    cancelled        integer NOT NULL DEFAULT 0,
    refunds          integer NOT NULL DEFAULT 0,
    collected_cents  bigint NOT NULL DEFAULT 0,
    refunded_cents   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, month, centre_id, control_type, vehicle_category)
);

ALTER TABLE rdv_stats_monthly ENABLE ROW LEVEL SECURITY;
ALTER TABLE rdv_stats_monthly FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rdv_stats_monthly FOR ALL
    USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY platform_read ON rdv_stats_monthly FOR SELECT USING (app_is_super_admin());

-- Whether a booking's price was taken.
CREATE FUNCTION rdv_collected(r rdv) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT r.payment_status IN ('paid', 'refunded', 'partially_refunded')
           OR (r.payment_status = 'on_site' AND r.status = 'completed')
$$;

-- What one booking row adds to its month's statistics: `sign` 1 adds it, -1 takes it back,
-- with what its payments gave back so far.
CREATE FUNCTION rdv_stats_add(r rdv, sign integer) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    holds    boolean := r.status IN ('confirmed', 'in_progress', 'completed', 'no_show');
    zone     text;
    refunded bigint;
BEGIN
    SELECT coalesce(sum(p.refunded_cents), 0) INTO refunded
    FROM payments p WHERE p.tenant_id = r.tenant_id AND p.booking_id = r.id;
    IF NOT (holds OR rdv_collected(r) OR r.status = 'cancelled' OR refunded > 0) THEN
        RETURN;
    END IF;
    SELECT c.time_zone INTO zone FROM cts c WHERE c.id = r.centre_id;
    INSERT INTO rdv_stats_monthly AS s (tenant_id, month, centre_id, control_type,
                                        vehicle_category, booked, completed, no_show, cancelled,
                                        refunds, collected_cents, refunded_cents)
    VALUES (r.tenant_id,
            date_trunc('month', r.start_at AT TIME ZONE coalesce(zone, 'Europe/Paris'))::date,
            r.centre_id, r.control_type, r.vehicle_category,
            sign * holds::int, sign * (r.status = 'completed')::int,
            sign * (r.status = 'no_show')::int, sign * (r.status = 'cancelled')::int,
            sign * (refunded > 0)::int,
            sign * CASE WHEN rdv_collected(r) THEN r.price_cents ELSE 0 END,
            sign * refunded)
    ON CONFLICT (tenant_id, month, centre_id, control_type, vehicle_category) DO UPDATE SET
        booked = s.booked + EXCLUDED.booked,
        completed = s.completed + EXCLUDED.completed,
        no_show = s.no_show + EXCLUDED.no_show,
        cancelled = s.cancelled + EXCLUDED.cancelled,
        refunds = s.refunds + EXCLUDED.refunds,
        collected_cents = s.collected_cents + EXCLUDED.collected_cents,
        refunded_cents = s.refunded_cents + EXCLUDED.refunded_cents;
END
$$;

CREATE FUNCTION rdv_stats_figures() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM rdv_stats_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM rdv_stats_add(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER rdv_stats_insert_delete AFTER INSERT OR DELETE ON rdv
    FOR EACH ROW EXECUTE FUNCTION rdv_stats_figures();
CREATE TRIGGER rdv_stats_update AFTER UPDATE OF status, payment_status, start_at, centre_id,
    price_cents, control_type, vehicle_category ON rdv
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          OR OLD.payment_status IS DISTINCT FROM NEW.payment_status
          OR OLD.start_at IS DISTINCT FROM NEW.start_at
          OR OLD.centre_id IS DISTINCT FROM NEW.centre_id
          OR OLD.price_cents IS DISTINCT FROM NEW.price_cents
          OR OLD.control_type IS DISTINCT FROM NEW.control_type
          OR OLD.vehicle_category IS DISTINCT FROM NEW.vehicle_category)
    EXECUTE FUNCTION rdv_stats_figures();

-- Money given back moves its booking's `refunds` and `refunded_cents`: the booking's row is
-- taken back as it stood and added as it stands now.
CREATE FUNCTION payment_stats_figures() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    r       rdv;
    before  bigint;
    now_sum bigint;
    zone    text;
BEGIN
    SELECT * INTO r FROM rdv WHERE tenant_id = NEW.tenant_id AND id = NEW.booking_id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(sum(p.refunded_cents), 0) INTO now_sum
    FROM payments p WHERE p.tenant_id = r.tenant_id AND p.booking_id = r.id;
    before := now_sum - NEW.refunded_cents
              + CASE WHEN TG_OP = 'UPDATE' THEN OLD.refunded_cents ELSE 0 END;
    SELECT c.time_zone INTO zone FROM cts c WHERE c.id = r.centre_id;
    INSERT INTO rdv_stats_monthly AS s (tenant_id, month, centre_id, control_type,
                                        vehicle_category, refunds, refunded_cents)
    VALUES (r.tenant_id,
            date_trunc('month', r.start_at AT TIME ZONE coalesce(zone, 'Europe/Paris'))::date,
            r.centre_id, r.control_type, r.vehicle_category,
            (now_sum > 0)::int - (before > 0)::int, now_sum - before)
    ON CONFLICT (tenant_id, month, centre_id, control_type, vehicle_category) DO UPDATE SET
        refunds = s.refunds + EXCLUDED.refunds,
        refunded_cents = s.refunded_cents + EXCLUDED.refunded_cents;
    RETURN NULL;
END
$$;

CREATE TRIGGER payment_stats_insert AFTER INSERT ON payments
    FOR EACH ROW WHEN (NEW.refunded_cents > 0) EXECUTE FUNCTION payment_stats_figures();
CREATE TRIGGER payment_stats_update AFTER UPDATE OF refunded_cents ON payments
    FOR EACH ROW WHEN (OLD.refunded_cents IS DISTINCT FROM NEW.refunded_cents)
    EXECUTE FUNCTION payment_stats_figures();

-- Rebuilds the statistics of one network (all when NULL) from its bookings and payments, set
-- based: the backfill below, and the national seed after its load with the triggers off.
CREATE FUNCTION rdv_stats_rebuild(tenant uuid) RETURNS void
    LANGUAGE sql AS $$
    DELETE FROM rdv_stats_monthly WHERE tenant IS NULL OR tenant_id = tenant;
    WITH given_back AS (
        SELECT p.booking_id, sum(p.refunded_cents) AS cents
        FROM payments p WHERE (tenant IS NULL OR p.tenant_id = tenant) AND p.refunded_cents > 0
        GROUP BY 1)
    INSERT INTO rdv_stats_monthly (tenant_id, month, centre_id, control_type, vehicle_category,
                                   booked, completed, no_show, cancelled, refunds,
                                   collected_cents, refunded_cents)
    SELECT r.tenant_id,
           date_trunc('month', r.start_at AT TIME ZONE coalesce(c.time_zone, 'Europe/Paris'))::date,
           r.centre_id, r.control_type, r.vehicle_category,
           count(*) FILTER (WHERE r.status IN ('confirmed', 'in_progress', 'completed', 'no_show')),
           count(*) FILTER (WHERE r.status = 'completed'),
           count(*) FILTER (WHERE r.status = 'no_show'),
           count(*) FILTER (WHERE r.status = 'cancelled'),
           count(*) FILTER (WHERE g.cents > 0),
           coalesce(sum(r.price_cents) FILTER (WHERE rdv_collected(r)), 0),
           coalesce(sum(g.cents), 0)
    FROM rdv r
    LEFT JOIN cts c ON c.id = r.centre_id
    LEFT JOIN given_back g ON g.booking_id = r.id
    WHERE (tenant IS NULL OR r.tenant_id = tenant)
      AND (r.status IN ('confirmed', 'in_progress', 'completed', 'no_show', 'cancelled')
           OR rdv_collected(r) OR g.cents > 0)
    GROUP BY 1, 2, 3, 4, 5
$$;

SELECT rdv_stats_rebuild(NULL);
