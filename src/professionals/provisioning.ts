import { and, eq, sql, type SQL } from 'drizzle-orm';
import { professionals } from '../../db/schema/index.js';
import { recordAudit } from '../audit/service.js';
import { ConflictError, NotFoundError, StaleVersionError } from '../domain-errors.js';
import { revokeAllRolesOf } from '../roltoewijzingen/service.js';
import { recordSearchChanges } from '../search/changes.js';
import { nowOf, type ServiceContext } from '../service-context.js';
import { findEntries, findEntry, type EntryRecord } from './repository.js';
import { conflictFor, eraseEntry } from './service.js';

/**
 * Entries as an organisation's HR or identity system provisions them (SCIM, `src/scim`). The organisation owns
 * the work contact fields it sends (work e-mail, name, function, department, work telephone, whether the person still
 * works there); what the person wrote themselves (expertise, overMij, trefwoorden, zichtbaarheid, bereikbaarheid,
 * werkgebied, rolniveau) is never touched here. Every function is scoped to one organisation: an entry of another
 * organisation, or a team entry, does not exist for the caller.
 */

/** The fields a provisioning client owns. */
export interface ProvisionedFields {
  gebruikersnaam: string;
  email: string;
  naam: string;
  functie: string;
  afdeling: string | null;
  telefoon: string | null;
  externId: string | null;
  actief: boolean;
}

export interface ProvisionedEntry extends ProvisionedFields {
  id: string;
  versie: number;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
}

/** What an entry that was never provisioned answers: its e-mail stands in for the userName. */
function toProvisioned(entry: EntryRecord): ProvisionedEntry {
  return {
    id: entry.id,
    gebruikersnaam: entry.gebruikersnaam ?? entry.email,
    email: entry.email,
    naam: entry.naam,
    functie: entry.functie,
    afdeling: entry.afdeling,
    telefoon: entry.telefoon,
    externId: entry.externId,
    actief: entry.status === 'actief',
    versie: entry.versie,
    aangemaaktOp: entry.aangemaaktOp,
    gewijzigdOp: entry.gewijzigdOp,
  };
}

const notFound = (id: string) => new NotFoundError(`Er is geen gebruiker met id ${id} bij deze organisatie.`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function scopedEntry(context: ServiceContext, organisatie: string, id: string): Promise<EntryRecord> {
  // A malformed id is simply not there (SCIM clients treat ids as opaque strings).
  const entry = UUID.test(id) ? await findEntry(context.db, id) : undefined;
  if (!entry || entry.organisatieCode !== organisatie || entry.soort !== 'persoon') throw notFound(id);
  return entry;
}

export async function getProvisioned(context: ServiceContext, organisatie: string, id: string): Promise<ProvisionedEntry> {
  return toProvisioned(await scopedEntry(context, organisatie, id));
}

export interface ProvisionedFilter {
  gebruikersnaam?: string | undefined;
  email?: string | undefined;
  externId?: string | undefined;
  id?: string | undefined;
}

/**
 * The organisation's person entries, oldest first, so pages stay stable while a client walks them. An entry made by
 * a coordinator or by the person, before the organisation provisioned anyone, is matched by its work e-mail: the
 * client then adopts it instead of creating a duplicate.
 */
export async function listProvisioned(context: ServiceContext, organisatie: string, filter: ProvisionedFilter, offset: number, limit: number) {
  const conditions: SQL[] = [sql`p.organisatie_code = ${organisatie}`, sql`p.soort = 'persoon'`];
  if (filter.gebruikersnaam !== undefined) conditions.push(sql`lower(coalesce(p.gebruikersnaam, p.email)) = lower(${filter.gebruikersnaam})`);
  if (filter.email !== undefined) conditions.push(sql`p.email = lower(${filter.email})`);
  if (filter.externId !== undefined) conditions.push(sql`p.extern_id = ${filter.externId}`);
  if (filter.id !== undefined) conditions.push(UUID.test(filter.id) ? sql`p.id = ${filter.id}` : sql`false`);
  const where = sql.join(conditions, sql` AND `);
  const [count] = await context.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM professionals p WHERE ${where}`);
  const entries = limit === 0 ? [] : await findEntries(context.db, where, sql`ORDER BY p.aangemaakt_op, p.id LIMIT ${limit} OFFSET ${offset}`);
  return { totaal: count?.n ?? 0, entries: entries.map(toProvisioned) };
}

/** Unique-index violations as conflicts naming the provisioned field. */
function provisioningConflict(error: unknown): ConflictError | undefined {
  const cause = ((error as { cause?: unknown }).cause ?? error) as { code?: string; constraint_name?: string };
  if (cause.code === '23505' && cause.constraint_name === 'professionals_gebruikersnaam_per_organisatie') {
    return new ConflictError('Er is al een gebruiker met deze userName bij deze organisatie.', [
      { name: 'gebruikersnaam', code: 'duplicate', reason: 'Deze userName is al in gebruik bij deze organisatie.' },
    ]);
  }
  return conflictFor(error);
}

async function withProvisioningConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw provisioningConflict(error) ?? error;
  }
}

/**
 * A new person entry, unclaimed: the person takes it over by signing in with the same work e-mail. The fields the
 * organisation does not send start at the register's defaults (level `uitvoering`, visible to all professionals,
 * no expertise yet), for the person to fill in.
 */
export async function createProvisioned(context: ServiceContext, organisatie: string, fields: ProvisionedFields): Promise<ProvisionedEntry> {
  const now = nowOf(context);
  const id = await withProvisioningConflicts(() =>
    context.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(professionals)
        .values({
          soort: 'persoon',
          naam: fields.naam,
          functie: fields.functie,
          afdeling: fields.afdeling,
          organisatieCode: organisatie,
          rolniveau: 'uitvoering',
          email: fields.email,
          telefoon: fields.telefoon,
          gebruikersnaam: fields.gebruikersnaam,
          externId: fields.externId,
          status: fields.actief ? 'actief' : 'inactief',
          bevestigdOp: now,
          aangemaaktOp: now,
          gewijzigdOp: now,
        })
        .returning({ id: professionals.id });
      await recordSearchChanges(tx, [row!.id]);
      await recordAudit(tx, context.audit, {
        actie: 'professional.aangemaakt',
        objectType: 'professional',
        objectId: row!.id,
        details: { organisatie, soort: 'persoon', eigen: false, scim: true },
      });
      return row!.id;
    }),
  );
  return getProvisioned(context, organisatie, id);
}

const columns = {
  gebruikersnaam: 'gebruikersnaam',
  email: 'email',
  naam: 'naam',
  functie: 'functie',
  afdeling: 'afdeling',
  telefoon: 'telefoon',
  externId: 'externId',
} as const satisfies Partial<Record<keyof ProvisionedFields, keyof typeof professionals.$inferInsert>>;

/**
 * Applies the provisioned fields that differ from the entry; an update that changes nothing writes nothing (clients
 * resend the same values often). `actief: false` hides the entry and revokes the roles of its owner in the same
 * transaction; `actief: true` shows it again (roles are not given back: a beheerder grants them anew).
 */
export async function updateProvisioned(
  context: ServiceContext,
  organisatie: string,
  id: string,
  expectedVersion: number | undefined,
  fields: Partial<ProvisionedFields>,
): Promise<ProvisionedEntry> {
  const current = await scopedEntry(context, organisatie, id);
  if (expectedVersion !== undefined && expectedVersion !== current.versie) {
    throw new StaleVersionError(`De gebruiker is intussen gewijzigd (versie ${current.versie}, je stuurde ${expectedVersion}).`);
  }
  const before = toProvisioned(current);
  const changes: Partial<typeof professionals.$inferInsert> = {};
  const changed: string[] = [];
  for (const [field, column] of Object.entries(columns) as [keyof typeof columns, keyof typeof changes][]) {
    const value = fields[field];
    if (value === undefined || value === before[field]) continue;
    (changes as Record<string, unknown>)[column] = value;
    changed.push(field);
  }
  // An entry adopted by e-mail keeps answering the same userName; store it once it is provisioned.
  if (fields.gebruikersnaam !== undefined && current.gebruikersnaam === null && !changed.includes('gebruikersnaam')) {
    changes.gebruikersnaam = fields.gebruikersnaam;
    changed.push('gebruikersnaam');
  }
  const deactivates = fields.actief === false && before.actief;
  if (fields.actief !== undefined && fields.actief !== before.actief) {
    changes.status = fields.actief ? 'actief' : 'inactief';
    changed.push('status');
  }
  if (Object.keys(changes).length === 0) return before;

  await withProvisioningConflicts(() =>
    context.db.transaction(async (tx) => {
      const updated = await tx
        .update(professionals)
        .set({ ...changes, versie: sql`${professionals.versie} + 1`, gewijzigdOp: nowOf(context) })
        .where(and(eq(professionals.id, id), eq(professionals.versie, current.versie)))
        .returning({ id: professionals.id });
      if (updated.length === 0) throw new StaleVersionError('De gebruiker werd tegelijk door iemand anders gewijzigd. Probeer het opnieuw.');
      await recordSearchChanges(tx, [id]);
      await recordAudit(tx, context.audit, {
        actie: 'professional.gewijzigd',
        objectType: 'professional',
        objectId: id,
        details: { velden: changed.sort(), versie: current.versie + 1, scim: true, ...(changes.status ? { status: changes.status } : {}) },
      });
      if (deactivates && current.eigenaarIssuer && current.eigenaarSubject) {
        await revokeAllRolesOf(tx, { issuer: current.eigenaarIssuer, subject: current.eigenaarSubject }, context.audit, 'scim-gedeactiveerd');
      }
    }),
  );
  return getProvisioned(context, organisatie, id);
}

/** Real erasure, as the person's own deletion does (database and search); the owner's roles go with it. */
export async function deleteProvisioned(context: ServiceContext, organisatie: string, id: string, expectedVersion?: number): Promise<void> {
  const current = await scopedEntry(context, organisatie, id);
  if (expectedVersion !== undefined && expectedVersion !== current.versie) {
    throw new StaleVersionError(`De gebruiker is intussen gewijzigd (versie ${current.versie}, je stuurde ${expectedVersion}).`);
  }
  await context.db.transaction(async (tx) => {
    if (current.eigenaarIssuer && current.eigenaarSubject) {
      await revokeAllRolesOf(tx, { issuer: current.eigenaarIssuer, subject: current.eigenaarSubject }, context.audit, 'scim-verwijderd');
    }
    await eraseEntry(tx, context.audit, current, { door: 'organisatie', scim: true });
  });
}
