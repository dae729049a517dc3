-- Planning (shifts and blocks), client vehicles, bookings (rdv).

-- A recurring shift of an inspector, in the centre's local time:
-- RRULE (RFC 5545) + local start/end time, valid over a date range.
CREATE TABLE planning_shifts (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    centre_id    uuid NOT NULL,
    inspector_id uuid NOT NULL,
    rrule        text NOT NULL CHECK (rrule LIKE 'FREQ=%'),
    starts_local time NOT NULL,
    ends_local   time NOT NULL,
    valid_from   date NOT NULL,
    valid_until  date,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_local > starts_local),
    CHECK (valid_until IS NULL OR valid_until >= valid_from),
    FOREIGN KEY (tenant_id, centre_id) REFERENCES cts (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, inspector_id) REFERENCES controleurs (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX planning_shifts_tenant_centre_idx ON planning_shifts (tenant_id, centre_id);
CREATE INDEX planning_shifts_inspector_idx ON planning_shifts (inspector_id);
CREATE TRIGGER planning_shifts_touch BEFORE UPDATE ON planning_shifts FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- A blocked range (training, maintenance, ...): of one inspector, or of the whole centre when
-- inspector_id is NULL.
CREATE TABLE planning_blocks (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    centre_id    uuid NOT NULL,
    inspector_id uuid,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    kind         text NOT NULL DEFAULT 'other' CHECK (kind IN ('training', 'maintenance', 'meeting', 'other')),
    reason       text NOT NULL DEFAULT '',
    created_by   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    FOREIGN KEY (tenant_id, centre_id) REFERENCES cts (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, inspector_id) REFERENCES controleurs (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX planning_blocks_tenant_centre_idx ON planning_blocks (tenant_id, centre_id, starts_at);
CREATE INDEX planning_blocks_inspector_idx ON planning_blocks (inspector_id);

-- Vehicles a client keeps in their profile.
CREATE TABLE vehicles (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id            uuid NOT NULL,
    plate              text NOT NULL,                 -- as typed: AA-123-BB or 123 ABC 45
    plate_normalized   text NOT NULL CHECK (plate_normalized ~ '^[A-Z0-9]+$'),
    category           text NOT NULL CHECK (category IN ('VP', 'VU', 'L', 'CAMPING_CAR', 'TRAILER', 'PL')),
    fuel               text NOT NULL DEFAULT 'PETROL' CHECK (fuel IN ('PETROL', 'DIESEL', 'GAS', 'HYBRID', 'ELECTRIC', 'HYDROGEN')),
    make               text,
    model              text,
    year               smallint CHECK (year BETWEEN 1900 AND 2100),
    first_registration date,
    vin                text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, user_id, plate_normalized),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX vehicles_tenant_plate_idx ON vehicles (tenant_id, plate_normalized);
CREATE INDEX vehicles_user_idx ON vehicles (user_id);
CREATE TRIGGER vehicles_touch BEFORE UPDATE ON vehicles FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Bookings (rendez-vous). The seven statuses are pti-core's BookingStatus.
CREATE TABLE rdv (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    reference        text NOT NULL,                       -- shown to the customer
    centre_id        uuid NOT NULL,
    inspector_id     uuid,                                -- NULL for drop-off bookings
    user_id          uuid,                                -- NULL for guests
    guest_email      text,
    guest_phone      text,
    first_name       text NOT NULL DEFAULT '',
    last_name        text NOT NULL DEFAULT '',
    vehicle_id       uuid,
    plate            text NOT NULL,
    plate_normalized text NOT NULL CHECK (plate_normalized ~ '^[A-Z0-9]+$'),
    vehicle_category text NOT NULL CHECK (vehicle_category IN ('VP', 'VU', 'L', 'CAMPING_CAR', 'TRAILER', 'PL')),
    fuel             text NOT NULL DEFAULT 'PETROL' CHECK (fuel IN ('PETROL', 'DIESEL', 'GAS', 'HYBRID', 'ELECTRIC', 'HYDROGEN')),
    make             text,
    model            text,
    year             smallint CHECK (year BETWEEN 1900 AND 2100),
    control_type     text NOT NULL CHECK (control_type IN ('CT', 'CT_CONTRE_VISITE', 'CTC')),
    status           text NOT NULL DEFAULT 'pending_payment'
                     CHECK (status IN ('pending_payment', 'confirmed', 'in_progress', 'completed',
                                       'no_show', 'cancelled', 'refused')),
    payment_status   text NOT NULL DEFAULT 'unpaid'
                     CHECK (payment_status IN ('unpaid', 'pending', 'paid', 'failed', 'refunded',
                                               'partially_refunded', 'on_site')),
    price_cents      integer NOT NULL CHECK (price_cents >= 0),      -- tax included
    vat_rate_bp      integer NOT NULL DEFAULT 2000 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    vat_cents        integer NOT NULL CHECK (vat_cents >= 0 AND vat_cents <= price_cents),
    currency         text NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),
    hold_expires_at  timestamptz,
    start_at         timestamptz NOT NULL,
    end_at           timestamptz NOT NULL,
    drop_off         boolean NOT NULL DEFAULT false,
    notes            text,
    source           text NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'call_center', 'pro', 'api', 'seed')),
    created_by       uuid,
    idempotency_key  text,
    cancelled_at     timestamptz,
    cancel_reason    text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, reference),
    UNIQUE (tenant_id, idempotency_key),
    CHECK (end_at > start_at),
    CHECK (user_id IS NOT NULL OR guest_email IS NOT NULL),
    CHECK (drop_off OR inspector_id IS NOT NULL OR status NOT IN ('pending_payment', 'confirmed', 'in_progress')),
    FOREIGN KEY (tenant_id, centre_id) REFERENCES cts (tenant_id, id),
    FOREIGN KEY (tenant_id, inspector_id) REFERENCES controleurs (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (user_id),
    FOREIGN KEY (tenant_id, vehicle_id) REFERENCES vehicles (tenant_id, id) ON DELETE SET NULL (vehicle_id),
    -- Double booking is impossible: one inspector, one active booking at a time.
    CONSTRAINT rdv_no_double_booking EXCLUDE USING gist (
        inspector_id WITH =,
        tstzrange(start_at, end_at) WITH &&
    ) WHERE (status IN ('pending_payment', 'confirmed', 'in_progress'))
);
CREATE INDEX rdv_tenant_centre_start_idx ON rdv (tenant_id, centre_id, start_at);
CREATE INDEX rdv_tenant_user_idx ON rdv (tenant_id, user_id, start_at);
CREATE INDEX rdv_tenant_plate_idx ON rdv (tenant_id, plate_normalized);
CREATE INDEX rdv_tenant_guest_email_idx ON rdv (tenant_id, guest_email);
CREATE INDEX rdv_tenant_guest_phone_idx ON rdv (tenant_id, guest_phone);
CREATE INDEX rdv_inspector_idx ON rdv (inspector_id, start_at);
CREATE INDEX rdv_vehicle_idx ON rdv (vehicle_id);
CREATE INDEX rdv_hold_expiry_idx ON rdv (hold_expires_at) WHERE status = 'pending_payment';
CREATE TRIGGER rdv_touch BEFORE UPDATE ON rdv FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
