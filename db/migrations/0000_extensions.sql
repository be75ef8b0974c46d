-- Extensions used by search (accent-insensitive matching, typo tolerance) and an IMMUTABLE wrapper around
-- unaccent so it can be used in index expressions (unaccent itself is only STABLE because its dictionary could change).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION immutable_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;
