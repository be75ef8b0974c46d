-- Candidate words for typo tolerance and compound parts, for a list of normalised query terms:
--  * similar words (trigram similarity; the caller keeps those within the allowed edit distance), for terms of 5+ characters
--  * words that contain the term (parts of Dutch compounds: "hulpverlening" in "schuldhulpverlening"), for terms of 4+
-- The similarity threshold is a function-level setting, so it holds whatever the connection's settings are.
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
    ) AS c
  $$;
