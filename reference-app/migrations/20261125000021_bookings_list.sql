-- The staff bookings list pages a network's bookings by start then id at any depth (a
-- national network holds millions): one range of this index per page.
CREATE INDEX rdv_tenant_start_id_idx ON rdv (tenant_id, start_at, id);
