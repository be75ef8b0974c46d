-- Dutch full-text search that ignores accents: the `dutch` configuration (Snowball stemmer, Dutch stop words) with
-- `unaccent` applied before stemming, so Joëlle = Joelle and cliënt = client, in documents and queries alike.
CREATE TEXT SEARCH CONFIGURATION maatwerk_nl (COPY = pg_catalog.dutch);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION maatwerk_nl
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
  WITH unaccent, dutch_stem;
