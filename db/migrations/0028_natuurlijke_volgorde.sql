-- Natural order for lists people read ("Consulent 2" before "Consulent 10"): ICU's Dutch rules with numeric
-- ordering of digit runs. Used by the coordinator's overview when sorting by name or function.
CREATE COLLATION IF NOT EXISTS natuurlijk (provider = icu, locale = 'nl-u-kn-true');
