import { sql } from 'drizzle-orm';
import type { Db } from '../../src/database/connection.js';
import { insertEntries, organisationsForSynthesis } from './bulk-entries.js';
import { nationalTeamEntries } from './demo-teams.js';
import { domainOf, slug, synthesise, type OrganisationForSynthesis, type SyntheticEntry } from './synthetic.js';

/**
 * Something to find on a fresh development install: a few hundred synthetic entries (fictitious people at real
 * organisations), plus a handful of hand-written ones so that the searches people try first ("schuldhulp tilburg",
 * "Joelle CAK", "Pw bijstand rotterdam") find someone. Only when the register is empty, and never in production.
 */

type Showcase = Omit<SyntheticEntry, 'organisatie' | 'email' | 'soort' | 'werkgebied' | 'zichtbaarheid'> & { organisatie: string };

/** Fictitious people; `organisatie` is a gemeente code or the organisation's name in the register. */
const showcase: Showcase[] = [
  {
    naam: 'Joëlle Bakker',
    functie: 'Specialist wanbetalersregeling',
    afdeling: 'Maatwerkteam',
    organisatie: 'CAK',
    rolniveau: 'specialist',
    expertisegebieden: ['wanbetalersregeling', 'zorgverzekering', 'beslag-bvv'],
    trefwoorden: ['zorgpremie', 'premieachterstand', 'bestuursrechtelijke premie'],
    telefoon: '+31703388000',
    bereikbaarheid: 'ma–do 9–17 uur',
    overMij: 'Bel me als iemand door een achterstand in de zorgpremie in de bestuursrechtelijke premie terechtkomt: vaak kunnen we samen de premie terugzetten.',
    escalatiecontact: true,
  },
  {
    naam: 'Ellen Verbeek',
    functie: 'Schuldhulpverlener',
    afdeling: 'Schuldhulpverlening',
    organisatie: 'gm0855',
    rolniveau: 'uitvoering',
    expertisegebieden: ['schulden', 'wgs', 'vroegsignalering'],
    trefwoorden: ['schuldhulp', 'huurachterstand', 'betalingsregeling'],
    telefoon: '+31135428000',
    bereikbaarheid: 'ma–vr 9–17 uur',
    overMij: 'Schuldhulpverlening in Tilburg: aanmelding, stabilisatie en regelingen met schuldeisers.',
    escalatiecontact: false,
  },
  {
    naam: 'Youssef Amrani',
    functie: 'Consulent werk en inkomen',
    afdeling: 'Werk en Inkomen',
    organisatie: 'gm0599',
    rolniveau: 'uitvoering',
    expertisegebieden: ['participatiewet', 'minimaregelingen', 'bbz'],
    trefwoorden: ['bijstand', 'uitkering', 'ondernemers'],
    telefoon: '+31102671000',
    bereikbaarheid: 'di, wo en do',
    overMij: 'Ik ken de bijstand in Rotterdam van binnen en denk mee als een uitkering vastloopt op regels van een andere organisatie.',
    escalatiecontact: false,
  },
  {
    naam: 'Petra Hoogland',
    functie: 'Coördinator escalaties',
    afdeling: 'Escalaties',
    organisatie: 'Uitvoeringsinstituut Werknemersverzekeringen',
    rolniveau: 'coordinatie',
    expertisegebieden: ['ww', 'wia', 'escalatieladder', 'hardheden'],
    trefwoorden: ['terugvordering', 'maatwerk'],
    telefoon: null,
    bereikbaarheid: 'bel gerust, anders mail',
    overMij: 'Aanspreekpunt voor gemeenten als een WW- of WIA-uitkering bij meerdere organisaties vastzit.',
    escalatiecontact: true,
  },
  {
    naam: 'Dennis Kuiper',
    functie: 'Teamleider Persoonlijke Aanpak',
    afdeling: 'Persoonlijke Aanpak',
    organisatie: 'Belastingdienst',
    rolniveau: 'management',
    expertisegebieden: ['belastingen', 'kwijtscheldingsroute', 'terugvordering', 'hardheden'],
    trefwoorden: ['betalingsregeling', 'pauzeknop', 'persoonlijke aanpak'],
    telefoon: null,
    bereikbaarheid: 'ma–vr, bij voorkeur ochtend',
    overMij: null,
    escalatiecontact: true,
  },
];

function showcaseEntries(organisations: OrganisationForSynthesis[]): SyntheticEntry[] {
  const entries: SyntheticEntry[] = [];
  for (const { organisatie, ...entry } of showcase) {
    const organisation = organisations.find((o) => o.code === organisatie || o.naam === organisatie);
    if (!organisation) continue; // an organisation renamed in a newer register export: the demo does without
    entries.push({ ...entry, soort: 'persoon', organisatie: organisation.code, email: `${slug(entry.naam)}@${domainOf(organisation)}`, werkgebied: [], zichtbaarheid: 'alle-professionals' });
  }
  return entries;
}

export async function seedDemoData(db: Db, log: (message: string) => void = () => {}): Promise<number> {
  const [existing] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM professionals`);
  if ((existing?.n ?? 0) > 0) return 0;
  const organisations = await organisationsForSynthesis(db);
  // The hand-written ones first: people the first searches find, and a team at each large national organisation.
  const showcased = [...showcaseEntries(organisations), ...nationalTeamEntries(organisations)];
  const taken = new Set(showcased.map((e) => e.email));
  const entries = [...showcased, ...synthesise(600, organisations, 2026).filter((e) => !taken.has(e.email))];
  // A spread of confirmation and verification dates, so every state shows up in the pages (the showcase is current).
  const now = Date.now();
  const month = 30 * 24 * 3600 * 1000;
  const dated = entries.map((entry, index) => ({
    ...entry,
    bevestigdOp: new Date(now - (index < showcased.length ? 0 : index % 11) * month),
    geverifieerdOp: index < showcased.length ? new Date(now - month) : index % 3 === 0 ? null : new Date(now - (index % 14) * month),
  }));
  await insertEntries(db, dated);
  log(`demo data: ${entries.length} fictitious entries added (DEMO_DATA=false to skip)`);
  return entries.length;
}
