-- The members' announcement (migration 0066) in PL/pgSQL, not SQL: PostgreSQL 15 plans a SQL
-- function's query afresh at every call, so each filing planned it again (~0.17 ms of the database's
-- time a filing, measured with pgbench; decision 0071). PL/pgSQL keeps the plan for the session.
-- Same name, arguments and effect.
CREATE OR REPLACE FUNCTION announce_enterprise_members(enterprise uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('yingshang_changes', 'u:' || m.user_id)
  FROM enterprise_members m
  WHERE m.enterprise_id = enterprise;
END
$$;
