-- The dashboard's funnel reads, for each centre of a network (or of an agency), that centre's
-- days of a month. The primary key (tenant_id, day, subject_id) serves a day range, not one
-- subject's: each centre's lookup scanned the whole month of the network (2,000 centres × 60,000
-- entries on the national seed, 4 s a request). By subject, then day, each lookup reads its
-- 31 entries.
CREATE INDEX funnel_daily_subject_day_idx ON funnel_daily (tenant_id, subject_id, day);
