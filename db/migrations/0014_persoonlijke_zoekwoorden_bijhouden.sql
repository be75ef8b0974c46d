-- Keeps persoonlijke_zoekwoorden (word → number of live documents holding it) in step with zoekdocumenten, per
-- statement (transition tables), so a 10,000-row import adjusts each word once. A word whose count reaches zero is
-- deleted: nothing personal outlives the entries that hold it (AVG).
CREATE FUNCTION persoonlijke_zoekwoorden_bijwerken() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- Per word: documents that now hold it minus documents that held it. Words in sorted order, so concurrent
  -- writers lock rows in the same order.
  IF TG_OP = 'INSERT' THEN
    WITH delta AS (
      SELECT w AS woord, count(DISTINCT n.professional_id)::int AS delta
      FROM nieuw n, regexp_split_to_table(n.persoonlijke_tekst, ' ') AS w WHERE length(w) >= 3 GROUP BY w)
    INSERT INTO persoonlijke_zoekwoorden AS p (woord, aantal) SELECT woord, delta FROM delta ORDER BY woord
    ON CONFLICT (woord) DO UPDATE SET aantal = p.aantal + excluded.aantal;
  ELSIF TG_OP = 'DELETE' THEN
    WITH delta AS (
      SELECT w AS woord, -count(DISTINCT o.professional_id)::int AS delta
      FROM oud o, regexp_split_to_table(o.persoonlijke_tekst, ' ') AS w WHERE length(w) >= 3 GROUP BY w)
    INSERT INTO persoonlijke_zoekwoorden AS p (woord, aantal) SELECT woord, delta FROM delta ORDER BY woord
    ON CONFLICT (woord) DO UPDATE SET aantal = p.aantal + excluded.aantal;
  ELSE
    WITH delta AS (
      SELECT woord, sum(delta)::int AS delta FROM (
        SELECT w AS woord, count(DISTINCT n.professional_id) AS delta
        FROM nieuw n, regexp_split_to_table(n.persoonlijke_tekst, ' ') AS w WHERE length(w) >= 3 GROUP BY w
        UNION ALL
        SELECT w, -count(DISTINCT o.professional_id)
        FROM oud o, regexp_split_to_table(o.persoonlijke_tekst, ' ') AS w WHERE length(w) >= 3 GROUP BY w) AS changes
      GROUP BY woord HAVING sum(delta) <> 0)
    INSERT INTO persoonlijke_zoekwoorden AS p (woord, aantal) SELECT woord, delta FROM delta ORDER BY woord
    ON CONFLICT (woord) DO UPDATE SET aantal = p.aantal + excluded.aantal;
  END IF;
  -- Words no live document holds any more (found through the partial index below, normally empty).
  DELETE FROM persoonlijke_zoekwoorden WHERE aantal <= 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE INDEX persoonlijke_zoekwoorden_vervallen_idx ON persoonlijke_zoekwoorden (woord) WHERE aantal <= 0;
--> statement-breakpoint
CREATE TRIGGER persoonlijke_zoekwoorden_na_insert AFTER INSERT ON zoekdocumenten
  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION persoonlijke_zoekwoorden_bijwerken();
--> statement-breakpoint
CREATE TRIGGER persoonlijke_zoekwoorden_na_update AFTER UPDATE ON zoekdocumenten
  REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION persoonlijke_zoekwoorden_bijwerken();
--> statement-breakpoint
CREATE TRIGGER persoonlijke_zoekwoorden_na_delete AFTER DELETE ON zoekdocumenten
  REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION persoonlijke_zoekwoorden_bijwerken();
--> statement-breakpoint
INSERT INTO persoonlijke_zoekwoorden (woord, aantal)
  SELECT w, count(DISTINCT d.professional_id) FROM zoekdocumenten d, regexp_split_to_table(d.persoonlijke_tekst, ' ') AS w
  WHERE length(w) >= 3 GROUP BY w;
--> statement-breakpoint
-- Candidates for what people wrote about themselves now come from that word list instead of scanning documents.
CREATE OR REPLACE FUNCTION zoekwoord_kandidaten(terms text[])
  RETURNS TABLE (term text, woord text)
  LANGUAGE sql STABLE
  SET pg_trgm.similarity_threshold = 0.3
  AS $$
    SELECT t.term, c.woord
    FROM unnest(terms) AS t(term)
    CROSS JOIN LATERAL (
      (SELECT z.woord FROM zoekwoorden z
        WHERE length(t.term) >= 5 AND z.woord % t.term AND z.woord <> t.term
        ORDER BY similarity(z.woord, t.term) DESC LIMIT 25)
      UNION
      (SELECT z.woord FROM zoekwoorden z
        WHERE length(t.term) >= 4 AND z.woord LIKE '%' || t.term || '%' AND z.woord <> t.term
        ORDER BY length(z.woord) LIMIT 40)
      UNION
      (SELECT p.woord FROM persoonlijke_zoekwoorden p
        WHERE length(t.term) >= 5 AND p.woord % t.term AND p.woord <> t.term
        ORDER BY similarity(p.woord, t.term) DESC LIMIT 25)
      UNION
      (SELECT p.woord FROM persoonlijke_zoekwoorden p
        WHERE length(t.term) >= 4 AND p.woord LIKE '%' || t.term || '%' AND p.woord <> t.term
        ORDER BY p.aantal DESC, length(p.woord) LIMIT 40)
    ) AS c
  $$;
