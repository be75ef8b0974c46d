-- The documents holding every one of these word sets, always through the GIN index, each set its own index
-- condition. The first-page catch-up's narrowing is mostly a conjunction ("a name word of schuld… AND a function
-- word of schuld… AND …"): as one tsquery, GIN must check every document of its rarest required words against the
-- whole expression; as separate conditions it intersects their results (sc at a million: 322 → 110 ms).
CREATE FUNCTION zoekdocumenten_met_alle(woorden tsquery[]) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET enable_seqscan = off
  AS $$
BEGIN
  RETURN QUERY EXECUTE 'SELECT professional_id FROM zoekdocumenten WHERE '
    || (SELECT string_agg(format('vector @@ $1[%s]', i), ' AND ') FROM generate_subscripts(woorden, 1) AS i)
    USING woorden;
END
$$;
