-- Byte order ("C"), so that the primary key also answers "lexeme LIKE 'schuld%'" (a prefix's completions).
CREATE TABLE "zoeklexemen" (
	"lexeme" text COLLATE "C" PRIMARY KEY NOT NULL,
	"aantal" integer NOT NULL
);
--> statement-breakpoint
-- Keeps zoeklexemen (untagged lexeme → number of live documents holding it) in step with zoekdocumenten, per
-- statement, like persoonlijke_zoekwoorden (0014). Updates that leave the words alone (verification, confirmation)
-- cost nothing here.
CREATE FUNCTION zoeklexemen_bijwerken() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH delta AS (
      SELECT l AS lexeme, count(*)::int AS delta
      FROM nieuw n, unnest(tsvector_to_array(n.vector)) AS l WHERE position(':' IN l) = 0 GROUP BY l)
    INSERT INTO zoeklexemen AS z (lexeme, aantal) SELECT lexeme, delta FROM delta ORDER BY lexeme
    ON CONFLICT (lexeme) DO UPDATE SET aantal = z.aantal + excluded.aantal;
  ELSIF TG_OP = 'DELETE' THEN
    WITH delta AS (
      SELECT l AS lexeme, -count(*)::int AS delta
      FROM oud o, unnest(tsvector_to_array(o.vector)) AS l WHERE position(':' IN l) = 0 GROUP BY l)
    INSERT INTO zoeklexemen AS z (lexeme, aantal) SELECT lexeme, delta FROM delta ORDER BY lexeme
    ON CONFLICT (lexeme) DO UPDATE SET aantal = z.aantal + excluded.aantal;
  ELSE
    WITH changed AS (
      SELECT o.vector AS oud, n.vector AS nieuw FROM oud o JOIN nieuw n USING (professional_id) WHERE o.vector IS DISTINCT FROM n.vector),
    delta AS (
      SELECT lexeme, sum(delta)::int AS delta FROM (
        SELECT l AS lexeme, 1 AS delta FROM changed c, unnest(tsvector_to_array(c.nieuw)) AS l WHERE position(':' IN l) = 0
        UNION ALL
        SELECT l, -1 FROM changed c, unnest(tsvector_to_array(c.oud)) AS l WHERE position(':' IN l) = 0) AS changes
      GROUP BY lexeme HAVING sum(delta) <> 0)
    INSERT INTO zoeklexemen AS z (lexeme, aantal) SELECT lexeme, delta FROM delta ORDER BY lexeme
    ON CONFLICT (lexeme) DO UPDATE SET aantal = z.aantal + excluded.aantal;
  END IF;
  DELETE FROM zoeklexemen WHERE aantal <= 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE INDEX zoeklexemen_vervallen_idx ON zoeklexemen (lexeme) WHERE aantal <= 0;
--> statement-breakpoint
CREATE TRIGGER zoeklexemen_na_insert AFTER INSERT ON zoekdocumenten
  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION zoeklexemen_bijwerken();
--> statement-breakpoint
CREATE TRIGGER zoeklexemen_na_update AFTER UPDATE ON zoekdocumenten
  REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION zoeklexemen_bijwerken();
--> statement-breakpoint
CREATE TRIGGER zoeklexemen_na_delete AFTER DELETE ON zoekdocumenten
  REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION zoeklexemen_bijwerken();
--> statement-breakpoint
INSERT INTO zoeklexemen (lexeme, aantal)
  SELECT l, count(*) FROM zoekdocumenten d, unnest(tsvector_to_array(d.vector)) AS l WHERE position(':' IN l) = 0 GROUP BY l;
