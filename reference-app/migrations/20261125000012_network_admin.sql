-- The network's structure edited by its admins: agencies and centres created and changed from
-- the tenant portal, with their closures and offers.

-- Staff creations made safe to retry: the Idempotency-Key of a creating request, per admin,
-- with a hash of its body and the resource it created. A retry with the same body answers that
-- resource; the same key with another body is refused.
CREATE TABLE staff_requests (
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    actor_id        uuid NOT NULL,
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    action          text NOT NULL,
    request_hash    bytea NOT NULL,
    resource_id     uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, actor_id, idempotency_key)
);
CREATE INDEX staff_requests_created_idx ON staff_requests (created_at);

ALTER TABLE staff_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON staff_requests FOR ALL
    USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY platform_read ON staff_requests FOR SELECT USING (app_is_super_admin());

-- Codes are compared upper-case: 'ag-01' and 'AG-01' are one code.
ALTER TABLE agences ADD CONSTRAINT agences_code_format CHECK (code ~ '^[A-Z0-9_-]{1,20}$') NOT VALID;
ALTER TABLE cts ADD CONSTRAINT cts_code_format CHECK (code ~ '^[A-Z0-9_-]{1,20}$') NOT VALID;

-- A closure is listed by centre and time, and an offer row of a centre is found by its key.
CREATE INDEX cts_closures_centre_ends_idx ON cts_closures (tenant_id, centre_id, ends_at);
