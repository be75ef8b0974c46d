-- The documents holding these words, always through the GIN index. The first-page catch-up asks for the few
-- documents in buckets above the walk's k-th (src/search/postgres/first-page.ts); the planner cannot know how few
-- a narrowing leaves, and a sequential scan would check the whole register row by row. A function with its own
-- setting keeps that choice away from every other query, without a transaction around the search.
CREATE FUNCTION zoekdocumenten_met(woorden tsquery) RETURNS SETOF uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  SET enable_seqscan = off
  AS $$ SELECT professional_id FROM zoekdocumenten WHERE vector @@ woorden $$;
