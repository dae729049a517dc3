-- The reminders of each booking queued for sending (J-1: the day before, H-2: two hours
-- before), so that each goes out once whatever the number of workers.
CREATE TABLE rdv_reminders (
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    booking_id uuid NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('j1', 'h2')),
    queued_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, booking_id, kind),
    FOREIGN KEY (tenant_id, booking_id) REFERENCES rdv (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE rdv_reminders ENABLE ROW LEVEL SECURITY;
ALTER TABLE rdv_reminders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rdv_reminders FOR ALL
    USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY platform_read ON rdv_reminders FOR SELECT USING (app_is_super_admin());

-- The confirmed bookings of a network by start: the next day's, for their reminders.
CREATE INDEX rdv_confirmed_start_idx ON rdv (tenant_id, start_at) WHERE status = 'confirmed';
