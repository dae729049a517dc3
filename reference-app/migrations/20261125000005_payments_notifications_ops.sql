-- Payments, refunds, invoices; notifications outbox, delivery log and local mailbox;
-- call-centre log; audit log; API keys; refresh tokens.

CREATE TABLE payments (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    booking_id       uuid NOT NULL,
    provider         text NOT NULL CHECK (provider IN ('sandbox', 'stripe', 'payzen', 'lemonway', 'on_site')),
    provider_ref     text,                                 -- e.g. Stripe PaymentIntent id
    amount_cents     integer NOT NULL CHECK (amount_cents >= 0),
    refunded_cents   integer NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0 AND refunded_cents <= amount_cents),
    currency         text NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),
    status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded', 'partially_refunded')),
    failure_code     text,
    card_brand       text,
    card_last4       text CHECK (card_last4 ~ '^[0-9]{4}$'),
    idempotency_key  text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, idempotency_key),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES rdv (tenant_id, id)
);
CREATE UNIQUE INDEX payments_provider_ref_key ON payments (provider, provider_ref) WHERE provider_ref IS NOT NULL;
CREATE INDEX payments_tenant_booking_idx ON payments (tenant_id, booking_id);
CREATE INDEX payments_booking_idx ON payments (booking_id);
CREATE TRIGGER payments_touch BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE TABLE refunds (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    payment_id      uuid NOT NULL,
    amount_cents    integer NOT NULL CHECK (amount_cents > 0),
    reason          text NOT NULL DEFAULT '',
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    provider_ref    text,
    idempotency_key text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, idempotency_key),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id)
);
CREATE INDEX refunds_tenant_payment_idx ON refunds (tenant_id, payment_id);
CREATE INDEX refunds_payment_idx ON refunds (payment_id);

CREATE TABLE invoices (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    number       text NOT NULL,
    booking_id   uuid NOT NULL,
    payment_id   uuid,
    amount_cents integer NOT NULL CHECK (amount_cents >= 0),  -- tax included
    vat_cents    integer NOT NULL CHECK (vat_cents >= 0),
    customer     jsonb NOT NULL DEFAULT '{}',                 -- snapshot, kept after RGPD erasure
    issued_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, number),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES rdv (tenant_id, id),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id)
);
CREATE INDEX invoices_booking_idx ON invoices (booking_id);
CREATE INDEX invoices_payment_idx ON invoices (payment_id);

-- Transactional outbox: written in the same transaction as the state change it announces.
CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    topic           text NOT NULL CHECK (topic IN ('rdv.events', 'planning.events', 'payment.events', 'notification.events')),
    event_type      text NOT NULL,
    aggregate_id    uuid,
    payload         jsonb NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_tenant_created_idx ON outbox (tenant_id, created_at);
CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_id);

CREATE TABLE notification_deliveries (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    outbox_id    bigint REFERENCES outbox (id) ON DELETE SET NULL,
    booking_id   uuid,
    channel      text NOT NULL CHECK (channel IN ('email', 'sms')),
    template     text NOT NULL,
    recipient    text NOT NULL,
    provider     text NOT NULL,                     -- mailbox, smtp, brevo, smsmode
    provider_ref text,
    status       text NOT NULL CHECK (status IN ('sent', 'failed', 'skipped')),
    error        text,
    attempt      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, outbox_id, channel, recipient),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES rdv (tenant_id, id) ON DELETE SET NULL (booking_id)
);
CREATE INDEX notification_deliveries_tenant_created_idx ON notification_deliveries (tenant_id, created_at);
CREATE INDEX notification_deliveries_outbox_idx ON notification_deliveries (outbox_id);
CREATE INDEX notification_deliveries_booking_idx ON notification_deliveries (booking_id);
CREATE INDEX notification_deliveries_recipient_idx ON notification_deliveries (tenant_id, recipient);

-- The local sink for email and SMS (development and tests).
CREATE TABLE mailbox (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    channel     text NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient   text NOT NULL,
    subject     text,
    body        text NOT NULL,
    attachments jsonb NOT NULL DEFAULT '[]',        -- [{"filename", "content_type", "base64"}]
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mailbox_tenant_recipient_idx ON mailbox (tenant_id, recipient, created_at);

-- Call-centre log.
CREATE TABLE calls (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    operator_id  uuid NOT NULL,
    caller_phone text,
    caller_name  text,
    client_id    uuid,
    booking_id   uuid,
    reason       text NOT NULL DEFAULT 'booking' CHECK (reason IN ('booking', 'modification', 'cancellation', 'information', 'complaint', 'other')),
    outcome      text,
    notes        text,
    started_at   timestamptz NOT NULL DEFAULT now(),
    ended_at     timestamptz,
    FOREIGN KEY (tenant_id, operator_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (client_id),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES rdv (tenant_id, id) ON DELETE SET NULL (booking_id)
);
CREATE INDEX calls_tenant_started_idx ON calls (tenant_id, started_at);
CREATE INDEX calls_tenant_phone_idx ON calls (tenant_id, caller_phone);
CREATE INDEX calls_operator_idx ON calls (operator_id);
CREATE INDEX calls_client_idx ON calls (client_id);
CREATE INDEX calls_booking_idx ON calls (booking_id);

-- Audit log. tenant_id NULL: an action of the platform itself (super admin), not of a tenant.
-- Append-only for the app role (no UPDATE/DELETE grant).
CREATE TABLE audit_logs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     uuid REFERENCES tenants (id) ON DELETE CASCADE,
    actor_id      uuid,
    actor_role    text,
    action        text NOT NULL,
    resource_type text NOT NULL,
    resource_id   text,
    ip            inet,
    user_agent    text,
    details       jsonb NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_logs_tenant_created_idx ON audit_logs (tenant_id, created_at);
CREATE INDEX audit_logs_actor_idx ON audit_logs (actor_id);
CREATE INDEX audit_logs_resource_idx ON audit_logs (resource_type, resource_id);

-- API keys for machine clients: only a hash (SHA-256 of the secret) is stored.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         text NOT NULL,
    prefix       text NOT NULL,                     -- first characters, shown in the UI
    key_hash     text NOT NULL UNIQUE,
    scopes       text[] NOT NULL DEFAULT '{}',
    created_by   uuid,
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, created_at);
CREATE INDEX api_keys_prefix_idx ON api_keys (prefix);
CREATE INDEX api_keys_created_by_idx ON api_keys (created_by);

-- Refresh tokens: rotated on every use; a token used twice revokes its whole family.
-- tenant_id NULL: a super admin's token.
CREATE TABLE refresh_tokens (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid REFERENCES tenants (id) ON DELETE CASCADE,
    user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id          uuid NOT NULL,
    parent_id          uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    token_hash         text NOT NULL UNIQUE,        -- SHA-256 of the opaque token
    issued_at          timestamptz NOT NULL DEFAULT now(),
    expires_at         timestamptz NOT NULL,
    used_at            timestamptz,                 -- set when rotated
    revoked_at         timestamptz,
    revoked_reason     text CHECK (revoked_reason IN ('logout', 'reuse_detected', 'password_changed', 'admin')),
    reuse_detected_at  timestamptz,
    user_agent         text,
    ip                 inet,
    CHECK (expires_at > issued_at)
);
CREATE INDEX refresh_tokens_tenant_user_idx ON refresh_tokens (tenant_id, user_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_parent_idx ON refresh_tokens (parent_id);
