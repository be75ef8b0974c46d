-- A fixed, uniformly spread number in (0, 1] per entry, derived from its id: scanning matches in this order yields a
-- random sample of them, from which large totals and facet counts are estimated without visiting every match
-- (see src/search/postgres/window.ts). Derived from the id rather than random() so results are repeatable.
CREATE FUNCTION zoek_steekproef(id uuid) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN (('x' || substr(md5(id::text), 1, 12))::bit(48)::bigint + 1)::double precision / 281474976710656.0;
