import { eq, sql, type SQL } from 'drizzle-orm';
import { professionalExpertisegebieden } from '../../db/schema/index.js';
import type { DbOrTx } from '../database/connection.js';
import type { EntryFacts, Termijnen } from './rules.js';
import { confirmationExpiry, isFindable, verificationExpiry, verificationStatus } from './rules.js';
import { confirmedSince } from './termijnen.js';
import type { ProfessionalView } from './schemas.js';

/** An entry as read for display and for the rules: its columns, its organisation and its expertise. */
export interface EntryRecord extends EntryFacts {
  id: string;
  soort: 'persoon' | 'team';
  naam: string;
  functie: string;
  afdeling: string | null;
  organisatieNaam: string;
  organisatieType: ProfessionalView['organisatie']['type'];
  rolniveau: ProfessionalView['rolniveau'];
  expertisegebieden: { code: string; naam: string }[];
  trefwoorden: string[];
  werkgebied: string[];
  email: string;
  telefoon: string | null;
  bereikbaarheid: string | null;
  overMij: string | null;
  escalatiecontact: boolean;
  afwezigTot: string | null;
  /** SCIM userName and externalId of a provisioned entry (scim/); empty otherwise. */
  gebruikersnaam: string | null;
  externId: string | null;
  versie: number;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
}

const selectEntries = sql`
  SELECT p.id, p.soort, p.naam, p.functie, p.afdeling, p.organisatie_code AS "organisatieCode",
         o.naam AS "organisatieNaam", o.type AS "organisatieType", p.rolniveau, p.trefwoorden, p.werkgebied,
         p.email, p.telefoon, p.bereikbaarheid, p.over_mij AS "overMij", p.zichtbaarheid, p.escalatiecontact,
         p.afwezig_tot AS "afwezigTot", p.status, p.geverifieerd_op AS "geverifieerdOp", p.bevestigd_op AS "bevestigdOp",
         p.eigenaar_issuer AS "eigenaarIssuer", p.eigenaar_subject AS "eigenaarSubject", p.gebruikersnaam, p.extern_id AS "externId", p.versie,
         p.aangemaakt_op AS "aangemaaktOp", p.gewijzigd_op AS "gewijzigdOp",
         COALESCE((SELECT json_agg(json_build_object('code', e.code, 'naam', e.naam) ORDER BY pe.volgorde)
                   FROM professional_expertisegebieden pe JOIN expertisegebieden e ON e.code = pe.expertisegebied_code
                   WHERE pe.professional_id = p.id), '[]'::json) AS expertisegebieden
  FROM professionals p JOIN organisaties o ON o.code = p.organisatie_code`;

type RawEntry = Omit<EntryRecord, 'bevestigdOp' | 'geverifieerdOp' | 'aangemaaktOp' | 'gewijzigdOp'> & {
  bevestigdOp: Date | string;
  geverifieerdOp: Date | string | null;
  aangemaaktOp: Date | string;
  gewijzigdOp: Date | string;
};

// Raw queries return timestamps as the driver parses them; normalise to Date.
const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

function normalise(row: RawEntry): EntryRecord {
  return {
    ...row,
    bevestigdOp: toDate(row.bevestigdOp),
    geverifieerdOp: row.geverifieerdOp === null ? null : toDate(row.geverifieerdOp),
    aangemaaktOp: toDate(row.aangemaaktOp),
    gewijzigdOp: toDate(row.gewijzigdOp),
  };
}

export async function findEntries(db: DbOrTx, where: SQL, suffix: SQL = sql``): Promise<EntryRecord[]> {
  const rows = await db.execute<RawEntry & Record<string, unknown>>(sql`${selectEntries} WHERE ${where} ${suffix}`);
  return rows.map((row) => normalise(row));
}

export async function findEntry(db: DbOrTx, id: string): Promise<EntryRecord | undefined> {
  const [entry] = await findEntries(db, sql`p.id = ${id}`);
  return entry;
}

export async function replaceExpertise(db: DbOrTx, professionalId: string, codes: string[]): Promise<void> {
  await db.delete(professionalExpertisegebieden).where(eq(professionalExpertisegebieden.professionalId, professionalId));
  if (codes.length > 0) {
    await db.insert(professionalExpertisegebieden).values(codes.map((code, volgorde) => ({ professionalId, expertisegebiedCode: code, volgorde })));
  }
}

export function toView(entry: EntryRecord, termijnen: Termijnen, now: Date): ProfessionalView {
  const verificationEnd = verificationExpiry(entry, termijnen);
  const confirmationEnd = confirmationExpiry(entry, termijnen);
  return {
    id: entry.id,
    soort: entry.soort,
    naam: entry.naam,
    functie: entry.functie,
    afdeling: entry.afdeling,
    organisatie: { code: entry.organisatieCode, naam: entry.organisatieNaam, type: entry.organisatieType },
    rolniveau: entry.rolniveau,
    expertisegebieden: entry.expertisegebieden,
    trefwoorden: entry.trefwoorden,
    werkgebied: entry.werkgebied,
    email: entry.email,
    telefoon: entry.telefoon,
    bereikbaarheid: entry.bereikbaarheid,
    overMij: entry.overMij,
    zichtbaarheid: entry.zichtbaarheid,
    escalatiecontact: entry.escalatiecontact,
    afwezigTot: entry.afwezigTot,
    status: entry.status,
    verificatie: {
      status: verificationStatus(entry, termijnen, now),
      geverifieerdOp: entry.geverifieerdOp?.toISOString() ?? null,
      verlooptOp: verificationEnd?.toISOString() ?? null,
    },
    bevestiging: {
      status: entry.bevestigdOp > confirmedSince(termijnen, now) ? 'actueel' : 'verlopen',
      bevestigdOp: entry.bevestigdOp.toISOString(),
      verlooptOp: confirmationEnd.toISOString(),
    },
    vindbaar: isFindable(entry, termijnen, now),
    geclaimd: entry.eigenaarSubject !== null,
    versie: entry.versie,
    aangemaaktOp: entry.aangemaaktOp.toISOString(),
    gewijzigdOp: entry.gewijzigdOp.toISOString(),
  };
}
