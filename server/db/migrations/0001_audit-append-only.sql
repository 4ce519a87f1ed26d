-- The audit trail is append-only. The application's role owns the table, and an owner cannot be
-- denied UPDATE or DELETE by REVOKE, so a trigger refuses them for everyone.
-- (TRUNCATE, a table-level administrative act, stays possible: `db:seed --reset` uses it.)
CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
