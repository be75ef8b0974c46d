-- The audit log is a hash chain and append-only.
-- auditlog_hash(): the one definition of a row's hash, used by the insert trigger and by `npm run audit:verify`.
CREATE OR REPLACE FUNCTION auditlog_hash(r auditlog) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
      r.volgnummer,
      to_char(r.tijdstip AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      r.actie, r.object_type, r.object_id, r.resultaat::text, r.herkomst,
      r.actor_issuer, r.actor_subject, r.details, r.vorige_hash
    )::text, 'UTF8')), 'hex')
  $$;
--> statement-breakpoint
-- Links each new row to the last one. The advisory lock (held to the end of the transaction) serialises writers,
-- so the chain cannot fork; audit writes are rare next to reads, so this costs little.
CREATE OR REPLACE FUNCTION auditlog_chain() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    previous auditlog%ROWTYPE;
  BEGIN
    PERFORM pg_advisory_xact_lock(7242003);
    SELECT * INTO previous FROM auditlog ORDER BY volgnummer DESC LIMIT 1;
    NEW.volgnummer := COALESCE(previous.volgnummer, 0) + 1;
    NEW.vorige_hash := COALESCE(previous.hash, repeat('0', 64));
    NEW.tijdstip := clock_timestamp();
    NEW.hash := auditlog_hash(NEW);
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER auditlog_chain BEFORE INSERT ON auditlog FOR EACH ROW EXECUTE FUNCTION auditlog_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auditlog_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION 'auditlog is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER auditlog_no_update_or_delete BEFORE UPDATE OR DELETE ON auditlog FOR EACH ROW EXECUTE FUNCTION auditlog_refuse_change();
--> statement-breakpoint
CREATE TRIGGER auditlog_no_truncate BEFORE TRUNCATE ON auditlog FOR EACH STATEMENT EXECUTE FUNCTION auditlog_refuse_change();
