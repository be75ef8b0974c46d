import type { Rolniveau, Soort, Zichtbaarheid } from '../schema/index.js';

/**
 * Realistic synthetic entries: Dutch names, real organisations, functions and expertise that fit the kind of
 * organisation, a plausible spread of role levels. Deterministic for a given seed, so demo data, benchmarks and test
 * filler are reproducible. No real people.
 */

export interface SyntheticEntry {
  soort: Soort;
  naam: string;
  functie: string;
  afdeling: string | null;
  organisatie: string;
  rolniveau: Rolniveau;
  expertisegebieden: string[];
  trefwoorden: string[];
  werkgebied: string[];
  email: string;
  telefoon: string | null;
  bereikbaarheid: string | null;
  overMij: string | null;
  zichtbaarheid: Zichtbaarheid;
  escalatiecontact: boolean;
}

export interface OrganisationForSynthesis {
  code: string;
  naam: string;
  type: string;
  provincie: string | null;
  /** The register's abbreviation (UWV, RDW), which most agencies' mail domains are made of. */
  afkorting?: string | null;
}

/** A small, fast, seedable PRNG (mulberry32). */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(next() * (max - min + 1));
    const pool = [...items];
    const result: T[] = [];
    while (result.length < count && pool.length > 0) result.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return result;
  };
  /** A picker that draws items in proportion to their weights (built once: binary search per draw). */
  const weighted = <T>(items: readonly T[], weightOf: (item: T) => number): (() => T) => {
    const cumulative: number[] = [];
    let total = 0;
    for (const item of items) cumulative.push((total += Math.max(0, weightOf(item))));
    return () => {
      const target = next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle]! > target) high = middle;
        else low = middle + 1;
      }
      return items[low]!;
    };
  };
  return { next, pick, some, weighted, chance: (p: number) => next() < p };
}

const voornamen = [
  'Anouk', 'Bram', 'Chantal', 'Daan', 'Esther', 'Fatima', 'Gert', 'Hanneke', 'Ibrahim', 'Janneke', 'Kees', 'Lotte', 'Mohamed',
  'Noor', 'Olga', 'Pieter', 'Quinten', 'Roos', 'Sanne', 'Thijs', 'Ursula', 'Vincent', 'Wendy', 'Yusuf', 'Zoë', 'Joëlle',
  'Sem', 'Emma', 'Lucas', 'Julia', 'Mila', 'Finn', 'Tess', 'Levi', 'Sara', 'Hamza', 'Ayşe', 'Dewi', 'Ruben', 'Inge', 'Marloes',
  'Jeroen', 'Karin', 'Stefan', 'Femke', 'Bas', 'Nadia', 'Priya', 'Gijs', 'Marieke', 'René', 'Annelies', 'Koen', 'Lieke',
  'Hüseyin', 'Mirjam', 'Wouter', 'Els', 'Tom', 'Jolanda', 'Rachid', 'Saskia', 'Arjen', 'Ilse', 'Maarten', 'Naima', 'Cees',
];
const achternamen = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
  'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen',
  'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven',
  'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'El Amrani', 'Yılmaz',
  'Öztürk', 'Boukhari', 'Sewnarain', 'Tjon A Fong', 'Nguyen', 'Kramer', 'Postma', 'Zijlstra', 'Bosman', 'Groenewegen',
];

/** What people at each kind of organisation typically do, and know about. */
const profiles: Record<string, { functies: string[]; afdelingen: string[]; expertise: string[]; trefwoorden: string[] }> = {
  gemeente: {
    functies: ['Schuldhulpverlener', 'Consulent werk en inkomen', 'Wmo-consulent', 'Casusregisseur', 'Jeugdconsulent', 'Klantmanager', 'Budgetcoach', 'Leerplichtambtenaar', 'Regisseur maatwerk', 'Beleidsadviseur sociaal domein', 'Teamleider sociaal wijkteam', 'Consulent inburgering'],
    afdelingen: ['Werk en Inkomen', 'Sociaal Wijkteam', 'Schuldhulpverlening', 'Zorg en Welzijn', 'Jeugd', 'Publiekszaken', 'Maatwerkteam'],
    expertise: ['schulden', 'wgs', 'beslag-bvv', 'budgetbeheer', 'participatiewet', 'minimaregelingen', 'bbz', 'wmo', 'jeugdwet', 'leerplicht', 'wonen', 'dakloosheid', 'brp-briefadres', 'inburgering', 'multiproblematiek', 'vroegsignalering', 'doorbraakmethode', 'maatwerktafel', 'huiselijk-geweld', 'lvb', 'ggz'],
    trefwoorden: ['wijkteam', 'huisbezoek', 'keukentafel', 'energietoeslag', 'noodfonds', 'huurachterstand', 'statushouders', 'jongeren', 'ouderen', 'ondernemers'],
  },
  zbo: {
    // Medical and labour-expert functions only where the work is done (UWV, in nationalFocus): not at a fund or a
    // keuringsinstantie.
    functies: ['Klantmanager', 'Specialist handhaving', 'Adviseur maatwerk', 'Teamleider klantcontact', 'Coördinator escalaties', 'Medewerker bezwaar en beroep', 'Casemanager'],
    afdelingen: ['Klantcontact', 'Uitkeren', 'Handhaving', 'Bezwaar en Beroep', 'Maatwerkteam', 'Escalaties'],
    // Generic: the benefits and schemes themselves are known at the organisations that run them (nationalFocus).
    expertise: ['terugvordering', 'hardheden', 'beslag-bvv', 'escalatieladder', 'gegevensdeling', 'mens-achter-de-casus', 'bouwsteen-samenwerken'],
    trefwoorden: ['uitkering', 'terugvordering', 'betalingsregeling', 'bezwaar', 'hersteloperatie', 'mensgericht', 'persoonlijk contact'],
  },
  agentschap: {
    functies: ['Medewerker invordering', 'Klantregisseur', 'Specialist maatwerk', 'Adviseur persoonlijke aanpak', 'Teamleider', 'Medewerker betalingsregelingen'],
    afdelingen: ['Invordering', 'Persoonlijke Aanpak', 'Klantcontact', 'Maatwerk'],
    expertise: ['terugvordering', 'kwijtscheldingsroute', 'hardheden', 'mens-achter-de-casus', 'gegevensdeling', 'een-overheid'],
    trefwoorden: ['betalingsregeling', 'kwijtschelding', 'persoonlijke aanpak', 'hersteloperatie', 'draagkracht', 'pauzeknop'],
  },
  ministerie: {
    functies: ['Beleidsmedewerker', 'Senior beleidsadviseur', 'Programmamanager maatwerk', 'Directeur', 'Coördinerend beleidsmedewerker'],
    afdelingen: ['Directie Participatie', 'Directie Toeslagen', 'Programma Herstel', 'Directie Armoede en Schulden'],
    expertise: ['hardheden', 'bouwsteen-bestuurlijk', 'bouwsteen-definities', 'bouwsteen-leren', 'bouwsteen-monitoren', 'participatiewet', 'toeslagen', 'schulden', 'een-overheid'],
    trefwoorden: ['wetgeving', 'beleid', 'hardvochtigheden', 'signalen', 'programma'],
  },
  other: {
    functies: ['Adviseur', 'Coördinator maatwerk', 'Teamleider', 'Specialist'],
    afdelingen: ['Uitvoering', 'Beleid'],
    expertise: ['multiproblematiek', 'bouwsteen-samenwerken', 'gegevensdeling', 'escalatieladder', 'maatwerkplaats'],
    trefwoorden: ['samenwerking', 'regio', 'netwerk'],
  },
};

/**
 * Where maatwerk is asked for most: the big cities have many more professionals in the social domain than a
 * village. Relative weights (other gemeenten: 1), roughly following population.
 */
const gemeenteWeights: Record<string, number> = {
  gm0363: 14, gm0599: 11, gm0518: 9, gm0344: 6, // G4
  gm0855: 4, gm0772: 4, gm0014: 4, gm0034: 4, gm0758: 3, gm0268: 3, gm0153: 3, gm0392: 3, gm0193: 3, gm0200: 3,
  gm0202: 3, gm0307: 3, gm0479: 3, gm0796: 3, gm0935: 2, gm0546: 2, gm0505: 2, gm0402: 2, gm0080: 2,
};

/**
 * The national organisations that maatwerk involves most, by name as in the organisation register, with what their
 * professionals know about. Other national organisations get the generic profile of their type, and fewer entries.
 */
const nationalFocus: Record<string, { weight: number; expertise: string[]; domain: string; functies?: string[] }> = {
  'Uitvoeringsinstituut Werknemersverzekeringen': {
    weight: 6,
    domain: 'uwv.nl',
    expertise: ['ww', 'wia', 'wajong', 'ziektewet', 'tw', 'werk-sociale-zekerheid', 'terugvordering', 'hardheden', 'gegevensdeling', 'escalatieladder'],
    functies: ['Klantmanager', 'Arbeidsdeskundige', 'Verzekeringsarts', 'Werkcoach', 'Specialist handhaving', 'Teamleider klantcontact', 'Coördinator escalaties', 'Medewerker bezwaar en beroep'],
  },
  // Since 2023 the toeslagen are Dienst Toeslagen's, a service of its own; the Belastingdienst keeps taxes and collection.
  Belastingdienst: { weight: 4, domain: 'belastingdienst.nl', expertise: ['belastingen', 'kwijtscheldingsroute', 'terugvordering', 'beslag-bvv', 'hardheden', 'mens-achter-de-casus'] },
  'Dienst Toeslagen': { weight: 4, domain: 'toeslagen.nl', expertise: ['toeslagen', 'zorgtoeslag', 'huurtoeslag', 'kinderopvangtoeslag', 'kindgebonden-budget', 'terugvordering', 'hardheden', 'mens-achter-de-casus'] },
  'Sociale Verzekeringsbank': { weight: 4, domain: 'svb.nl', expertise: ['aow', 'anw', 'kinderbijslag', 'volksverzekeringen', 'terugvordering', 'hardheden', 'mens-achter-de-casus'] },
  CAK: { weight: 4, domain: 'hetcak.nl', expertise: ['zorgverzekering', 'wanbetalersregeling', 'wlz', 'wmo', 'beslag-bvv', 'zorg-ondersteuning', 'kwijtscheldingsroute'] },
  'Dienst Uitvoering Onderwijs': { weight: 3, domain: 'duo.nl', expertise: ['studiefinanciering', 'onderwijs', 'terugvordering', 'hardheden', 'beslag-bvv'] },
  'Centraal Justitieel Incassobureau': { weight: 3, domain: 'cjib.nl', expertise: ['boetes-cjib', 'justitie-inning', 'beslag-bvv', 'terugvordering', 'mens-achter-de-casus', 'escalatieladder'] },
  'Landelijk Bureau Inning Onderhoudsbijdragen': { weight: 1, domain: 'lbio.nl', expertise: ['onderhoudsbijdragen', 'justitie-inning', 'beslag-bvv', 'schulden'] },
  'Raad voor Rechtsbijstand': { weight: 1, domain: 'rvr.org', expertise: ['schulden', 'wsnp', 'hardheden', 'multiproblematiek'] },
  'Zorginstituut Nederland': { weight: 1, domain: 'zinl.nl', expertise: ['zorgverzekering', 'wanbetalersregeling', 'wlz'] },
  'Sociale Zaken en Werkgelegenheid': { weight: 1, domain: 'minszw.nl', expertise: ['participatiewet', 'schulden', 'hardheden', 'werk-sociale-zekerheid', 'bouwsteen-bestuurlijk', 'bouwsteen-leren', 'een-overheid'] },
};

/**
 * Mail domains of organisations outside the focus list whose abbreviation does not make their domain: the register
 * gives CIZ's full name as its abbreviation.
 */
const otherDomains: Record<string, string> = {
  CIZ: 'ciz.nl',
};

/**
 * The levels at which a function is held: a teamleider manages, a consulent carries out, an arts is a specialist.
 * Drawn from in proportion (a list may repeat a level). Nobody generated is at `bestuur`: boards do not take cases.
 */
export function levelsOf(functie: string): readonly Rolniveau[] {
  if (/^(Teamleider|Directeur|Programmamanager|Manager|Afdelingshoofd)/.test(functie)) return ['management'];
  if (/^(Coördinator|Coördinerend|Casusregisseur|Regisseur|Klantregisseur)/.test(functie)) return ['coordinatie', 'coordinatie', 'specialist'];
  if (/^(Specialist|Senior|Arbeidsdeskundige|Verzekeringsarts|Adviseur|Beleidsadviseur)/.test(functie)) return ['specialist'];
  if (/^Functioneel contactpunt/.test(functie)) return ['coordinatie'];
  return ['uitvoering', 'uitvoering', 'specialist'];
}

const bereikbaarheden = ['ma–vr 9–17 uur', 'ma–do 8.30–16.30', 'di, wo en do', 'ma–vr, bij voorkeur ochtend', 'bel gerust, anders mail', null];
const overMijTeksten = [
  'Ik denk graag mee als regels van verschillende organisaties elkaar in de weg zitten.',
  'Bel me bij vastgelopen situaties rond schulden en inkomen; ik ken de weg binnen mijn organisatie.',
  'Aanspreekpunt voor collega’s van gemeenten bij complexe casuïstiek.',
  'Ervaring met de doorbraakaanpak en maatwerktafels in de regio.',
  'Ik help bij het vinden van de juiste route voor maatwerk en escalatie.',
  null,
  null,
];

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** A name as a mail domain label: "Den Haag" → denhaag, "'s-Hertogenbosch" → s-hertogenbosch, "Bergen (NH)" → bergen-nh. */
function label(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\(/g, '-')
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/^-+|-+$/g, '');
}

/** The organisation's own mail domain, as its people's addresses have it (tilburg.nl, uwv.nl, minbzk.nl). */
export function domainOf(organisation: OrganisationForSynthesis): string {
  const known = nationalFocus[organisation.naam]?.domain ?? otherDomains[organisation.naam];
  if (known) return known;
  const afkorting = organisation.afkorting ? label(organisation.afkorting) : '';
  if (organisation.type === 'ministerie' && afkorting) return `min${afkorting}.nl`;
  if (organisation.type !== 'gemeente' && organisation.type !== 'provincie' && afkorting) return `${afkorting}.nl`;
  return `${label(organisation.naam).slice(0, 40) || organisation.code}.nl`;
}

export function synthesise(count: number, organisations: OrganisationForSynthesis[], seed = 42): SyntheticEntry[] {
  const rnd = random(seed);
  const gemeenten = organisations.filter((o) => o.type === 'gemeente');
  const national = organisations.filter((o) => o.type !== 'gemeente');
  const focus = national.filter((o) => nationalFocus[o.naam]);
  const pickGemeente = rnd.weighted(gemeenten, (o) => gemeenteWeights[o.code] ?? 1);
  const pickFocus = rnd.weighted(focus, (o) => nationalFocus[o.naam]!.weight);
  const pickNational = () => (focus.length > 0 && rnd.chance(0.75) ? pickFocus() : rnd.pick(national));
  const provinces = [...new Set(organisations.map((o) => o.provincie).filter((p): p is string => !!p))];
  const used = new Set<string>();
  const entries: SyntheticEntry[] = [];
  for (let i = 0; i < count; i++) {
    // Roughly two in three entries at a gemeente, the rest at national organisations, mostly the focus ones.
    const organisation = (rnd.chance(0.65) && gemeenten.length > 0) || national.length === 0 ? pickGemeente() : pickNational();
    const generic = profiles[organisation.type] ?? profiles.other!;
    const known = nationalFocus[organisation.naam];
    const profile = known ? { ...generic, expertise: known.expertise, functies: known.functies ?? generic.functies } : generic;
    const team = rnd.chance(0.06);
    const voornaam = rnd.pick(voornamen);
    const achternaam = rnd.pick(achternamen);
    const naam = team ? `${rnd.pick(['Maatwerkteam', 'Escalatieloket', 'Maatwerkplaats', 'Doorbraakteam'])} ${organisation.naam}` : `${voornaam} ${achternaam}`;
    const local = team ? slug(naam.split(' ')[0]!) : `${slug(voornaam)}.${slug(achternaam)}`;
    let email = `${local}@${domainOf(organisation)}`;
    for (let n = 2; used.has(email); n++) email = `${local}${n}@${domainOf(organisation)}`;
    used.add(email);
    const werkgebied =
      organisation.type === 'gemeente'
        ? rnd.chance(0.3) ? [organisation.code] : []
        : rnd.chance(0.35) ? rnd.some(provinces, 1, 2) : [];
    const functie = team ? 'Functioneel contactpunt maatwerk' : rnd.pick(profile.functies);
    const afdeling = rnd.chance(0.7) ? rnd.pick(profile.afdelingen) : null;
    entries.push({
      soort: team ? 'team' : 'persoon',
      naam,
      functie,
      afdeling,
      organisatie: organisation.code,
      rolniveau: team ? 'coordinatie' : rnd.pick(levelsOf(functie)),
      expertisegebieden: rnd.some(profile.expertise, 1, 4),
      trefwoorden: rnd.some(profile.trefwoorden, 0, 3),
      werkgebied,
      email,
      telefoon: rnd.chance(0.8) ? `+31${rnd.pick(['20', '10', '70', '30', '40', '50', '61', '62', '65'])}${String(Math.floor(rnd.next() * 1e7)).padStart(7, '0')}` : null,
      bereikbaarheid: rnd.pick(bereikbaarheden),
      overMij: rnd.pick(overMijTeksten),
      zichtbaarheid: rnd.chance(0.9) ? 'alle-professionals' : rnd.chance(0.5) ? 'eigen-organisatie' : 'pmm',
      escalatiecontact: team || rnd.chance(0.05),
    });
  }
  return entries;
}

export interface Lifecycle {
  bevestigdOp: Date;
  geverifieerdOp: Date | null;
  afwezigTot: string | null;
}

/**
 * A realistic spread of the properties search ranks on, for generated registers: confirmed some time in the past
 * year, verified by a coordinator for a little over half (some of those verifications expired), a few absent for
 * the coming weeks. Separate from `synthesise` (its own random stream), so entries keep their content for a seed.
 */
export function lifecycles(count: number, seed: number, now = Date.now()): Lifecycle[] {
  const rnd = random(seed ^ 0x51f3c0de);
  const day = 24 * 3600 * 1000;
  return Array.from({ length: count }, () => ({
    bevestigdOp: new Date(now - Math.floor(rnd.next() * 350 * day) - Math.floor(rnd.next() * day)),
    geverifieerdOp: rnd.chance(0.55) ? new Date(now - Math.floor(rnd.next() * 15 * 30 * day)) : null,
    afwezigTot: rnd.chance(0.03) ? new Date(now + Math.ceil(rnd.next() * 30) * day).toISOString().slice(0, 10) : null,
  }));
}
