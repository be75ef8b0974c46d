/** What people type: prefixes while typing, whole words, typos, abbreviations, filters. */
export const queryMix: string[] = [
  ...['s', 'sc', 'sch', 'schu', 'schul', 'schuld', 'schuldh', 'schuldhu', 'schuldhulp'].map((q) => `zoekterm=${q}`),
  ...['p', 'pa', 'par', 'part', 'parti', 'partic', 'participatie'].map((q) => `zoekterm=${q}`),
  'zoekterm=schuldhulp%20tilburg',
  'zoekterm=zorgpremie%20achterstand',
  'zoekterm=Pw%20bijstand%20rotterdam',
  'zoekterm=Joelle%20CAK',
  'zoekterm=wmo',
  'zoekterm=uwv%20ww',
  'zoekterm=kinderbijslg',
  'zoekterm=schuldhulpverlner',
  'zoekterm=toeslagen%20terugvordering',
  'zoekterm=maatwerkplaats',
  'zoekterm=escalatie',
  'zoekterm=jeugdhulp%20utrecht',
  'zoekterm=de%20vries',
  'organisatieType=gemeente&provincie=Utrecht',
  'expertisegebied=schulden&rolniveau=specialist',
  'zoekterm=bijstand&organisatieType=gemeente&provincie=Noord-Holland',
  'zoekterm=beslag&expertisegebied=schulden',
  'organisatie=zb000117',
  '',
];

/** Single words that a large part of the register matches: where bounded work and exact ranking meet. */
export const broadQueries: string[] = ['schulden', 'uwv', 'teamleider', 'gemeente', 'consulent', 'bijstand', 'toeslagen', 'zorg', 'amsterdam', 'participatiewet', 'specialist', 'jeugd', 'beslag', 'inkomen', 'maatwerk'].map(
  (q) => `zoekterm=${q}`,
);
