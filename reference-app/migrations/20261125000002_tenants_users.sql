-- Tenants (inspection networks) and users of every role.

CREATE TABLE tenants (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text NOT NULL,
    domain      text UNIQUE,
    plan        text NOT NULL DEFAULT 'starter' CHECK (plan IN ('starter', 'business', 'enterprise')),
    status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'trial', 'suspended', 'archived')),
    max_users   integer CHECK (max_users > 0),
    max_agences integer CHECK (max_agences > 0),
    -- {"branding": {...}, "payment": {...}, "notification": {...}, "booking_policy": {...}}
    settings    jsonb NOT NULL DEFAULT '{"branding": {}, "payment": {}, "notification": {}, "booking_policy": {}}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (jsonb_typeof(settings) = 'object')
);
CREATE INDEX tenants_status_idx ON tenants (status);
CREATE TRIGGER tenants_touch BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- tenant_id is NULL only for the platform's super admins (a CHECK ties it to the role).
CREATE TABLE users (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid REFERENCES tenants (id) ON DELETE CASCADE,
    email              text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
    phone              text,
    password_hash      text,              -- argon2id PHC string; NULL for accounts without a password
    first_name         text NOT NULL DEFAULT '',
    last_name          text NOT NULL DEFAULT '',
    role               text NOT NULL CHECK (role IN ('SUPER_ADMIN', 'ADMIN_TENANT', 'ADMIN_AGENCE',
                                                     'ADMIN_CT', 'CONTROLEUR', 'CALL_CENTER', 'CLIENT')),
    agency_id          uuid,
    centre_id          uuid,
    inspector_id       uuid,
    notification_prefs jsonb NOT NULL DEFAULT '{"email": true, "sms": true, "reminder_j1": true, "reminder_h2": false}',
    status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'invited', 'disabled', 'erased')),
    email_verified_at  timestamptz,
    last_login_at      timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    CHECK ((role = 'SUPER_ADMIN') = (tenant_id IS NULL)),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant_id, email) NULLS NOT DISTINCT;
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX users_tenant_phone_idx ON users (tenant_id, phone);
CREATE INDEX users_tenant_role_idx ON users (tenant_id, role);
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
