-- The network: agencies (agences), centres (cts), offers and prices, inspectors (controleurs).
-- Child rows reference parents through (tenant_id, id) so a row can never point into another
-- tenant.

CREATE TABLE agences (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    code       text NOT NULL,
    name       text NOT NULL,
    address    text NOT NULL DEFAULT '',
    postcode   text NOT NULL DEFAULT '' CHECK (postcode = '' OR postcode ~ '^[0-9]{5}$'),
    city       text NOT NULL DEFAULT '',
    lat        double precision CHECK (lat BETWEEN -90 AND 90),
    lng        double precision CHECK (lng BETWEEN -180 AND 180),
    phone      text,
    email      text,
    status     text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, code)
);
CREATE INDEX agences_tenant_city_idx ON agences (tenant_id, city);
CREATE TRIGGER agences_touch BEFORE UPDATE ON agences FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE TABLE cts (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    agency_id           uuid NOT NULL,
    code                text NOT NULL,
    name                text NOT NULL,
    address             text NOT NULL DEFAULT '',
    postcode            text NOT NULL CHECK (postcode ~ '^[0-9]{5}$'),
    city                text NOT NULL,
    lat                 double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng                 double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
    time_zone           text NOT NULL DEFAULT 'Europe/Paris',
    phone               text,
    email               text,
    rating              numeric(2, 1) CHECK (rating BETWEEN 0 AND 5),
    rating_count        integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
    lanes               smallint NOT NULL DEFAULT 2 CHECK (lanes BETWEEN 1 AND 20),
    daily_capacity      integer NOT NULL DEFAULT 30 CHECK (daily_capacity > 0),
    grid_minutes        smallint NOT NULL DEFAULT 15 CHECK (grid_minutes BETWEEN 5 AND 120),
    buffer_minutes      smallint NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 120),
    overbooking_percent smallint NOT NULL DEFAULT 110 CHECK (overbooking_percent BETWEEN 100 AND 200),
    holiday_policy      text NOT NULL DEFAULT 'national' CHECK (holiday_policy IN ('national', 'alsace_moselle', 'open')),
    -- Opening hours as RFC 5545 periods in local time:
    -- [{"rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "start": "08:00", "end": "12:00"}, ...]
    opening_hours       jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(opening_hours) = 'array'),
    vehicle_categories  text[] NOT NULL DEFAULT '{VP,VU}',
    status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, code),
    FOREIGN KEY (tenant_id, agency_id) REFERENCES agences (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX cts_tenant_agency_idx ON cts (tenant_id, agency_id);
CREATE INDEX cts_tenant_postcode_idx ON cts (tenant_id, postcode);
CREATE INDEX cts_postcode_idx ON cts (postcode);
CREATE INDEX cts_city_idx ON cts (lower(city));
CREATE TRIGGER cts_touch BEFORE UPDATE ON cts FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Exceptional closures of a whole centre (holidays are computed, not stored).
CREATE TABLE cts_closures (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    centre_id  uuid NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    reason     text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    FOREIGN KEY (tenant_id, centre_id) REFERENCES cts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX cts_closures_tenant_centre_idx ON cts_closures (tenant_id, centre_id, starts_at);

-- Price and duration of a control type for a vehicle category. centre_id NULL: the tenant's
-- default, overridden by a row of the centre.
CREATE TABLE offers (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    centre_id        uuid,
    control_type     text NOT NULL CHECK (control_type IN ('CT', 'CT_CONTRE_VISITE', 'CTC')),
    vehicle_category text NOT NULL CHECK (vehicle_category IN ('VP', 'VU', 'L', 'CAMPING_CAR', 'TRAILER', 'PL')),
    fuel             text CHECK (fuel IN ('PETROL', 'DIESEL', 'GAS', 'HYBRID', 'ELECTRIC', 'HYDROGEN')),
    price_cents      integer NOT NULL CHECK (price_cents >= 0),
    vat_rate_bp      integer NOT NULL DEFAULT 2000 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    duration_minutes smallint CHECK (duration_minutes BETWEEN 5 AND 240),
    active           boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, centre_id) REFERENCES cts (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX offers_key ON offers (tenant_id, centre_id, control_type, vehicle_category, fuel) NULLS NOT DISTINCT;
CREATE INDEX offers_centre_idx ON offers (centre_id);
CREATE TRIGGER offers_touch BEFORE UPDATE ON offers FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE TABLE controleurs (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    centre_id        uuid NOT NULL,
    user_id          uuid,
    first_name       text NOT NULL,
    last_name        text NOT NULL,
    agreement_number text,
    -- Agreements (agréments): VL, L, GAS.
    agreements       text[] NOT NULL DEFAULT '{VL}' CHECK (agreements <@ ARRAY['VL', 'L', 'GAS']),
    status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, centre_id) REFERENCES cts (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (user_id)
);
CREATE INDEX controleurs_tenant_centre_idx ON controleurs (tenant_id, centre_id);
CREATE INDEX controleurs_user_idx ON controleurs (user_id);
CREATE TRIGGER controleurs_touch BEFORE UPDATE ON controleurs FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Now that the network exists, tie users to their agency / centre / inspector record.
ALTER TABLE users
    ADD FOREIGN KEY (tenant_id, agency_id) REFERENCES agences (tenant_id, id) ON DELETE SET NULL (agency_id),
    ADD FOREIGN KEY (tenant_id, centre_id) REFERENCES cts (tenant_id, id) ON DELETE SET NULL (centre_id),
    ADD FOREIGN KEY (tenant_id, inspector_id) REFERENCES controleurs (tenant_id, id) ON DELETE SET NULL (inspector_id);
CREATE INDEX users_agency_idx ON users (agency_id);
CREATE INDEX users_centre_idx ON users (centre_id);
CREATE INDEX users_inspector_idx ON users (inspector_id);

-- Leave of an inspector.
CREATE TABLE controleur_leaves (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    inspector_id uuid NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    kind         text NOT NULL DEFAULT 'leave' CHECK (kind IN ('leave', 'sick', 'training', 'other')),
    reason       text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    FOREIGN KEY (tenant_id, inspector_id) REFERENCES controleurs (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX controleur_leaves_tenant_inspector_idx ON controleur_leaves (tenant_id, inspector_id, starts_at);
