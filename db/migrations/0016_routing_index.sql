-- Case routing ranks everyone at an organisation with a matching domain. At a large organisation (UWV, Amsterdam)
-- that is thousands of entries; this covering index lets it rank them with an index-only scan instead of reading the
-- wide documents (with their text vectors) from the heap.
UPDATE zoekdocumenten d SET escalatiecontact = p.escalatiecontact, werkgebied = p.werkgebied
  FROM professionals p WHERE p.id = d.professional_id AND (d.escalatiecontact <> p.escalatiecontact OR d.werkgebied <> p.werkgebied);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS zoekdocumenten_routering_idx ON zoekdocumenten (organisatie_code)
  INCLUDE (soort, status, zichtbaarheid, bevestigd_op, geverifieerd_op, afwezig_tot, rolniveau_rang, escalatiecontact, expertise_pad, provincies, werkgebied, professional_id);
