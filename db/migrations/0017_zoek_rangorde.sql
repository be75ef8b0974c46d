DROP INDEX "zoekdocumenten_vindbaar_idx";--> statement-breakpoint
CREATE INDEX "zoekdocumenten_versheid_idx" ON "zoekdocumenten" USING btree ("status","bevestigd_op" DESC NULLS FIRST,"professional_id");--> statement-breakpoint
CREATE INDEX "zoekdocumenten_geverifieerd_idx" ON "zoekdocumenten" USING btree ("geverifieerd_op");--> statement-breakpoint
-- The words of every document, each once as itself and once tagged with every field class it occurs in, instead of
-- carrying tsvector weights: 'schuld' and 'a:schuld' for a word in name or expertise (weight A), 'b:…' for B, and so
-- on. The ranking counts query words per class, and a tagged word is its own GIN key, so "schuld in name or
-- expertise" is an index lookup (src/search/postgres/ranking.ts, documents.ts).
UPDATE zoekdocumenten SET vector = coalesce((
  SELECT array_to_tsvector(array_agg(DISTINCT x.woord))
  FROM unnest(zoekdocumenten.vector) AS u, unnest(u.weights) AS w(weight),
       LATERAL (VALUES (u.lexeme), (lower(w.weight) || ':' || u.lexeme)) AS x(woord)), ''::tsvector);
