-- Typo and compound candidates now come from two places:
--  * the shared reference vocabulary (zoekwoorden: taxonomy and organisation names), as before;
--  * the words people wrote about themselves (name, function, department, keywords), read from the live documents,
--    so that nothing personal lingers in a word list after an entry is deleted (AVG).
CREATE OR REPLACE FUNCTION zoekwoord_kandidaten(terms text[])
  RETURNS TABLE (term text, woord text)
  LANGUAGE sql STABLE
  SET pg_trgm.similarity_threshold = 0.3
  SET pg_trgm.word_similarity_threshold = 0.5
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
      (SELECT DISTINCT w.woord FROM (
          SELECT d.persoonlijke_tekst FROM zoekdocumenten d
          WHERE length(t.term) >= 4 AND (d.persoonlijke_tekst %> t.term OR d.persoonlijke_tekst LIKE '%' || t.term || '%')
          LIMIT 200) AS docs
        CROSS JOIN LATERAL regexp_split_to_table(docs.persoonlijke_tekst, '[^[:alnum:]]+') AS w(woord)
        WHERE w.woord <> t.term AND length(w.woord) >= 3
          AND (w.woord LIKE '%' || t.term || '%' OR (length(t.term) >= 5 AND similarity(w.woord, t.term) >= 0.3))
        LIMIT 40)
    ) AS c
  $$;
