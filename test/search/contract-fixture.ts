import type { SyntheticEntry } from '../../db/seed/synthetic.js';

/**
 * A small register with one entry per behaviour the search contract describes. Keys are the entries' e-mail
 * addresses' local parts.
 */
type FixtureEntry = SyntheticEntry & { bevestigdOp?: Date; geverifieerdOp?: Date | null; afwezigTot?: string | null; status?: 'actief' | 'inactief' };

const month = 30 * 24 * 3600 * 1000;
const base = {
  soort: 'persoon' as const,
  afdeling: null,
  trefwoorden: [],
  werkgebied: [],
  telefoon: '+31201234567',
  bereikbaarheid: null,
  overMij: null,
  zichtbaarheid: 'alle-professionals' as const,
  escalatiecontact: false,
};

export const contractEntries: FixtureEntry[] = [
  { ...base, naam: 'Joëlle Bakker', functie: 'Specialist wanbetalers', organisatie: 'zb000211', rolniveau: 'specialist', expertisegebieden: ['wanbetalersregeling', 'zorgverzekering'], trefwoorden: ['premieachterstand'], email: 'joelle@cak.nl' },
  { ...base, naam: 'Eva de Boer', functie: 'Schuldhulpverlener', organisatie: 'gm0855', rolniveau: 'specialist', expertisegebieden: ['schulden', 'wgs'], email: 'eva@tilburg.nl' },
  { ...base, naam: 'Pieter Jansen', functie: 'Klantmanager werk en inkomen', organisatie: 'gm0599', rolniveau: 'uitvoering', expertisegebieden: ['participatiewet'], email: 'pieter@rotterdam.nl' },
  { ...base, soort: 'team', naam: 'Maatwerkplaats Rotterdam', functie: 'Functioneel contactpunt maatwerk', organisatie: 'gm0599', rolniveau: 'coordinatie', expertisegebieden: ['multiproblematiek', 'maatwerkplaats'], escalatiecontact: true, email: 'maatwerkplaats@rotterdam.nl' },
  { ...base, naam: 'Sanne Visser', functie: 'Arbeidsdeskundige', organisatie: 'zb000117', rolniveau: 'specialist', expertisegebieden: ['ww', 'wia'], email: 'sanne@uwv.nl' },
  { ...base, naam: 'Ruud de Wit', functie: 'Wmo-consulent', organisatie: 'gm0344', rolniveau: 'uitvoering', expertisegebieden: ['wmo'], werkgebied: ['Utrecht'], email: 'ruud@utrecht.nl' },
  { ...base, naam: 'Fatima El Amrani', functie: 'Coördinator persoonlijke aanpak', organisatie: 'dienst-toeslagen', rolniveau: 'coordinatie', expertisegebieden: ['kinderopvangtoeslag'], overMij: 'Ik help bij vragen over de hersteloperatie en cliënten met hoge terugvorderingen. Voor beslag werk ik samen met Hendriks.', email: 'fatima@toeslagen.nl' },
  { ...base, naam: 'Karin Smit', functie: 'Schuldhulpverlener intern', organisatie: 'gm0363', rolniveau: 'specialist', expertisegebieden: ['schulden'], zichtbaarheid: 'eigen-organisatie', email: 'karin@amsterdam.nl' },
  { ...base, naam: 'Bas Bos', functie: 'Escalatiecontact AOW', organisatie: 'zb000143', rolniveau: 'management', expertisegebieden: ['aow'], zichtbaarheid: 'pmm', email: 'bas@svb.nl' },
  { ...base, naam: 'Gert Oud', functie: 'Schuldhulpverlener', organisatie: 'gm0855', rolniveau: 'specialist', expertisegebieden: ['schulden'], status: 'inactief', email: 'gert@tilburg.nl' },
  { ...base, naam: 'Lotte Verlopen', functie: 'Schuldhulpverlener', organisatie: 'gm0855', rolniveau: 'specialist', expertisegebieden: ['schulden'], bevestigdOp: new Date(Date.now() - 13 * month), email: 'lotte@tilburg.nl' },
  { ...base, naam: 'Thijs Geverifieerd', functie: 'Teammanager schulden', organisatie: 'gm0599', rolniveau: 'management', expertisegebieden: ['schulden'], geverifieerdOp: new Date(Date.now() - month), email: 'thijs@rotterdam.nl' },
  { ...base, naam: 'Noor Hendriks', functie: 'Specialist beslag', organisatie: 'zb000117', rolniveau: 'specialist', expertisegebieden: ['beslag-bvv'], werkgebied: ['Noord-Brabant'], email: 'noor@uwv.nl' },
  { ...base, naam: 'Wendy Afwezig', functie: 'Klantmanager', organisatie: 'gm0599', rolniveau: 'uitvoering', expertisegebieden: ['participatiewet'], afwezigTot: '2099-01-01', email: 'wendy@rotterdam.nl' },
  { ...base, naam: 'Bert <script>alert(1)</script> "Quote"', functie: 'Adviseur & "tester"', organisatie: 'gm0344', rolniveau: 'specialist', expertisegebieden: ['gegevensdeling'], email: 'bert@utrecht.nl' },
];

/** Entries no outsider may ever find. */
export const hiddenFromOutsiders = ['karin', 'bas', 'gert', 'lotte'];
export const visibleToOutsiders = contractEntries.map((e) => e.email.split('@')[0]!).filter((key) => !hiddenFromOutsiders.includes(key));
