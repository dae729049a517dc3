-- Tables and sequences created by later migrations (run by the same owner role) are granted to
-- pti_app automatically; each new tenant table must still enable and force RLS with its
-- policies (tests/rls.rs fails otherwise).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pti_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO pti_app;
