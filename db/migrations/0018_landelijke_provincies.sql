-- An entry of a national organisation (no province of its own) without a werkgebied serves the whole country, so it
-- carries every province and matches every province filter (src/search/document.ts). Documents written before
-- this change get the same here; the Meilisearch index catches up with `npm run reindex`.
WITH alle AS (SELECT coalesce(array_agg(DISTINCT provincie ORDER BY provincie), '{}') AS provincies FROM organisaties WHERE provincie IS NOT NULL)
UPDATE zoekdocumenten d SET provincies = alle.provincies
FROM alle, organisaties o
WHERE o.code = d.organisatie_code AND o.provincie IS NULL AND cardinality(d.werkgebied) = 0;
--> statement-breakpoint
UPDATE zoekdocument_weergave w SET document = jsonb_set(w.document, '{provincies}', to_jsonb(d.provincies))
FROM zoekdocumenten d
WHERE d.professional_id = w.professional_id AND w.document->'provincies' IS DISTINCT FROM to_jsonb(d.provincies);
