import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { professionals } from '../../db/schema/index.js';
import { isBeheerder } from '../auth/principal.js';
import { recordAudit, type AuditContext } from '../audit/service.js';
import type { DbOrTx } from '../database/connection.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors.js';
import { differencesFrom, EntryChangedError } from './edit-conflict.js';
import { recordSearchChanges } from '../search/changes.js';
import { nowOf, type ServiceContext } from '../service-context.js';
import { findEntry, replaceExpertise, toView, type EntryRecord } from './repository.js';
import { claimEntitles } from './claim-rule.js';
import { checkReferences, loadReferenceSets } from './references.js';
import { isOwner, managesForOrganisation, mayConfirm, mayEdit, maySee, mayVerify } from './rules.js';
import type { ProfessionalCreate, ProfessionalPatch, ProfessionalView } from './schemas.js';

const now = nowOf;
const OBJECT = 'professional';

const notFoundError = (id: string) => new NotFoundError(`Er is geen vermelding met id ${id}, of je mag haar niet zien.`);

/**
 * A refusal is itself recorded (BIO: failed attempts are logged), outside the refused change. The audit row keeps
 * the refusal's code as earlier rows carry it (403 refused, 409 conflict), so the log reads the same across versions.
 */
async function refuse(context: ServiceContext, actie: string, objectId: string | null, error: ForbiddenError | ConflictError): Promise<never> {
  const status = error instanceof ConflictError ? 409 : 403;
  await recordAudit(context.db, context.audit, { actie, objectType: OBJECT, objectId, resultaat: 'geweigerd', details: { status } });
  throw error;
}

const forbidden = (detail: string) => new ForbiddenError(detail);

/** Maps unique-constraint violations to a conflict the caller can act on. */
export function conflictFor(error: unknown): ConflictError | undefined {
  // drizzle wraps the driver's error; the PostgreSQL details are on its cause.
  const pgError = ((error as { cause?: unknown }).cause ?? error) as { code?: string; constraint_name?: string };
  const { code, constraint_name: constraint } = pgError;
  if (code !== '23505') return undefined;
  if (constraint === 'professionals_email_per_organisatie') {
    return new ConflictError('Er is al een vermelding met dit e-mailadres bij deze organisatie.', [
      { name: 'email', code: 'duplicate', reason: 'Dit e-mailadres is al in gebruik bij deze organisatie.' },
    ]);
  }
  if (constraint === 'professionals_eigenaar') return new ConflictError('Je hebt al een eigen vermelding; pas die aan in plaats van een nieuwe te maken.');
  return undefined;
}

async function withConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw conflictFor(error) ?? error;
  }
}

async function assertReferences(db: DbOrTx, input: { organisatie?: string | undefined; expertisegebieden?: string[] | undefined; werkgebied?: string[] | undefined }, kept: readonly string[] = []) {
  const checked = checkReferences(await loadReferenceSets(db), input, kept);
  if (checked.fouten.length > 0) throw new InvalidInputError(checked.fouten);
  return checked;
}

async function visibleEntry(context: ServiceContext, id: string): Promise<EntryRecord> {
  const entry = await findEntry(context.db, id);
  if (!entry || !maySee(context.principal, entry, context.termijnen, now(context))) throw notFoundError(id);
  return entry;
}

export async function getProfessional(context: ServiceContext, id: string): Promise<ProfessionalView> {
  return toView(await visibleEntry(context, id), context.termijnen, now(context));
}

/**
 * A professional creates their own person entry for the organisation their token vouches for. A coordinator (of the
 * target organisation) or beheerder creates person and team entries on the organisation's behalf; those have no owner
 * until the person claims them, unless the coordinator enters their own work e-mail.
 */
export async function createProfessional(context: ServiceContext, input: ProfessionalCreate): Promise<ProfessionalView> {
  const { principal } = context;
  const organisatie = input.organisatie ?? principal.organisatie;
  const onBehalf = managesForOrganisation(principal, organisatie);
  if (!onBehalf) {
    if (organisatie !== principal.organisatie) {
      await refuse(context, 'professional.aanmaken', null, forbidden('Je kunt alleen een vermelding maken voor de organisatie waarvoor je bent aangemeld.'));
    }
    if (input.soort === 'team') {
      await refuse(context, 'professional.aanmaken', null, forbidden('Alleen coördinatoren van de organisatie maken teamvermeldingen.'));
    }
  }
  const { werkgebied } = await assertReferences(context.db, { organisatie, expertisegebieden: input.expertisegebieden, werkgebied: input.werkgebied });
  const ownEntry = !onBehalf || (input.soort === 'persoon' && principal.email !== null && principal.email.toLowerCase() === input.email);

  const id = await withConflicts(() =>
    context.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(professionals)
        .values({
          soort: input.soort,
          naam: input.naam,
          functie: input.functie,
          afdeling: input.afdeling ?? null,
          organisatieCode: organisatie,
          rolniveau: input.rolniveau,
          trefwoorden: dedupe(input.trefwoorden),
          werkgebied: werkgebied ?? [],
          email: input.email,
          telefoon: input.telefoon ?? null,
          bereikbaarheid: input.bereikbaarheid ?? null,
          overMij: input.overMij ?? null,
          zichtbaarheid: input.zichtbaarheid,
          escalatiecontact: input.escalatiecontact,
          afwezigTot: input.afwezigTot ?? null,
          eigenaarIssuer: ownEntry ? principal.issuer : null,
          eigenaarSubject: ownEntry ? principal.subject : null,
          bevestigdOp: now(context),
          aangemaaktOp: now(context),
          gewijzigdOp: now(context),
        })
        .returning({ id: professionals.id });
      const newId = row!.id;
      await replaceExpertise(tx, newId, input.expertisegebieden);
      await recordSearchChanges(tx, [newId]);
      await recordAudit(tx, context.audit, {
        actie: 'professional.aangemaakt',
        objectType: OBJECT,
        objectId: newId,
        details: { organisatie, soort: input.soort, eigen: ownEntry },
      });
      return newId;
    }),
  );
  return getProfessional(context, id);
}

const dedupe = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/**
 * Optimistic concurrency: the caller sends the version it read (If-Match); a stale version is refused with 412, so
 * no update is silently lost. Field rules: only a beheerder moves an entry to another organisation; `status` and
 * `soort` are the organisation's call (coordinator, beheerder).
 */
export async function updateProfessional(context: ServiceContext, id: string, expectedVersion: number, patch: ProfessionalPatch): Promise<ProfessionalView> {
  const { principal } = context;
  const current = await visibleEntry(context, id);
  if (!mayEdit(principal, current)) await refuse(context, 'professional.wijzigen', id, forbidden('Je mag deze vermelding niet wijzigen: alleen de eigenaar en de coördinatoren van de organisatie.'));
  if (patch.organisatie !== undefined && patch.organisatie !== current.organisatieCode && !isBeheerder(principal)) {
    await refuse(context, 'professional.wijzigen', id, forbidden('Alleen een beheerder verplaatst een vermelding naar een andere organisatie.'));
  }
  const organisationCall = (patch.status !== undefined && patch.status !== current.status) || (patch.soort !== undefined && patch.soort !== current.soort);
  if (organisationCall && !managesForOrganisation(principal, current.organisatieCode)) {
    await refuse(context, 'professional.wijzigen', id, forbidden('Status en soort van een vermelding wijzigt de coördinator van de organisatie.'));
  }
  const { werkgebied } = await assertReferences(context.db, {
    organisatie: patch.organisatie,
    expertisegebieden: patch.expertisegebieden,
    werkgebied: patch.werkgebied,
  }, current.werkgebied);

  const changes: Partial<typeof professionals.$inferInsert> = {};
  const assign = <K extends keyof typeof changes>(key: K, value: (typeof changes)[K] | undefined) => {
    if (value !== undefined) changes[key] = value;
  };
  assign('soort', patch.soort);
  assign('naam', patch.naam);
  assign('functie', patch.functie);
  assign('afdeling', patch.afdeling);
  assign('organisatieCode', patch.organisatie);
  assign('rolniveau', patch.rolniveau);
  assign('trefwoorden', patch.trefwoorden && dedupe(patch.trefwoorden));
  assign('werkgebied', werkgebied);
  assign('email', patch.email);
  assign('telefoon', patch.telefoon);
  assign('bereikbaarheid', patch.bereikbaarheid);
  assign('overMij', patch.overMij);
  assign('zichtbaarheid', patch.zichtbaarheid);
  assign('escalatiecontact', patch.escalatiecontact);
  assign('afwezigTot', patch.afwezigTot);
  assign('status', patch.status);
  const changedFields = Object.keys(patch).sort();
  // An owner who edits their entry has just looked at it: that counts as "still current".
  const confirms = isOwner(principal, current);

  const applied = await withConflicts(() =>
    context.db.transaction(async (tx) => {
      const updated = await tx
        .update(professionals)
        .set({
          ...changes,
          versie: sql`${professionals.versie} + 1`,
          gewijzigdOp: now(context),
          ...(confirms ? { bevestigdOp: now(context) } : {}),
        })
        .where(and(eq(professionals.id, id), eq(professionals.versie, expectedVersion)))
        .returning({ id: professionals.id });
      if (updated.length === 0) return false;
      if (patch.expertisegebieden) await replaceExpertise(tx, id, patch.expertisegebieden);
      await recordSearchChanges(tx, [id]);
      await recordAudit(tx, context.audit, { actie: 'professional.gewijzigd', objectType: OBJECT, objectId: id, details: { velden: changedFields, versie: expectedVersion + 1 } });
      return true;
    }),
  );
  if (!applied) throw await entryChanged(context, id, expectedVersion, { ...patch, ...(changes.trefwoorden ? { trefwoorden: changes.trefwoorden } : {}), ...(werkgebied ? { werkgebied } : {}) });
  return getProfessional(context, id);
}

/**
 * A stale version: the entry as it is now (as this person may see it) and what the edit would change in it, so a
 * form can show the difference and a second save is a choice made after seeing it (edit-conflict.ts). The detail
 * names the versions for API clients; pages say it in their own words.
 */
async function entryChanged(context: ServiceContext, id: string, expectedVersion: number, patch: ProfessionalPatch): Promise<EntryChangedError> {
  const huidige = await getProfessional(context, id);
  return new EntryChangedError(
    `De vermelding is intussen gewijzigd (je stuurde versie ${expectedVersion}, de huidige is versie ${huidige.versie}). Haal haar opnieuw op en probeer het nog eens.`,
    huidige,
    differencesFrom(huidige, patch, now(context)),
  );
}

/** Deletion is real (AVG): the entry leaves the database and the search index; the audit keeps only identifiers. */
export async function deleteProfessional(context: ServiceContext, id: string): Promise<void> {
  const current = await visibleEntry(context, id);
  if (!mayEdit(context.principal, current)) await refuse(context, 'professional.verwijderen', id, forbidden('Je mag deze vermelding niet verwijderen.'));
  const door = isOwner(context.principal, current) ? 'eigenaar' : 'organisatie';
  await context.db.transaction((tx) => eraseEntry(tx, context.audit, current, { door }));
}

/**
 * The erasure itself, inside the caller's transaction: the row (its expertise cascades), a search change so the
 * index drops it, and the audit row. Every path that deletes an entry (owner, coordinator, SCIM) goes through here.
 */
export async function eraseEntry(tx: DbOrTx, audit: AuditContext, entry: Pick<EntryRecord, 'id' | 'organisatieCode'>, details: Record<string, unknown>): Promise<void> {
  await tx.delete(professionals).where(eq(professionals.id, entry.id));
  await recordSearchChanges(tx, [entry.id]);
  await recordAudit(tx, audit, { actie: 'professional.verwijderd', objectType: OBJECT, objectId: entry.id, details: { organisatie: entry.organisatieCode, ...details } });
}

/**
 * `onlyIf` is re-checked by the statement that writes: of concurrent callers that all passed the earlier check,
 * exactly one changes the row; the others are refused (and the refusal audited) with `detail` (issue 16, F7).
 */
async function stamp(
  context: ServiceContext,
  id: string,
  actie: string,
  set: Partial<typeof professionals.$inferInsert>,
  details: Record<string, unknown> = {},
  onlyIf?: { condition: SQL; actie: string; refusal: ConflictError },
) {
  const applied = await context.db.transaction(async (tx) => {
    const updated = await tx
      .update(professionals)
      .set({ ...set, versie: sql`${professionals.versie} + 1`, gewijzigdOp: now(context) })
      .where(and(eq(professionals.id, id), onlyIf?.condition))
      .returning({ id: professionals.id });
    if (updated.length === 0) return false;
    await recordSearchChanges(tx, [id]);
    await recordAudit(tx, context.audit, { actie, objectType: OBJECT, objectId: id, details });
    return true;
  });
  if (!applied && onlyIf) await refuse(context, onlyIf.actie, id, onlyIf.refusal);
  return getProfessional(context, id);
}

/** "Nog actueel": restarts the confirmation period. */
export async function confirmProfessional(context: ServiceContext, id: string): Promise<ProfessionalView> {
  const current = await visibleEntry(context, id);
  if (!mayConfirm(context.principal, current)) await refuse(context, 'professional.bevestigen', id, forbidden('Alleen de eigenaar bevestigt dat de vermelding actueel is (bij teamvermeldingen de coördinator).'));
  return stamp(context, id, 'professional.bevestigd', { bevestigdOp: now(context) });
}

/** A coordinator attests that the entry is right; expires after the verification period. */
export async function verifyProfessional(context: ServiceContext, id: string): Promise<ProfessionalView> {
  const current = await visibleEntry(context, id);
  if (!mayVerify(context.principal, current)) {
    const detail = isOwner(context.principal, current)
      ? 'Je kunt je eigen vermelding niet verifiëren; dat doet een andere coördinator.'
      : 'Alleen coördinatoren van de organisatie verifiëren vermeldingen.';
    await refuse(context, 'professional.verifieren', id, forbidden(detail));
  }
  return stamp(context, id, 'professional.geverifieerd', { geverifieerdOp: now(context) });
}

/**
 * A person takes ownership of the entry their coordinator made for them: same organisation, the work e-mail in their
 * token matches the entry's, the entry has no owner yet, and they have no entry of their own.
 */
export async function claimProfessional(context: ServiceContext, id: string): Promise<ProfessionalView> {
  const { principal } = context;
  const current = await findEntry(context.db, id);
  // Unclaimed entries may be invisible to their person (e.g. inactive); the matching e-mail is what entitles them.
  const entitled = current !== undefined && claimEntitles(principal, current);
  if (!current || (!entitled && !maySee(principal, current, context.termijnen, now(context)))) throw notFoundError(id);
  if (isOwner(principal, current)) return toView(current, context.termijnen, now(context));
  if (current.eigenaarSubject !== null) await refuse(context, 'professional.claimen', id, new ConflictError('Deze vermelding heeft al een eigenaar.'));
  if (current.soort !== 'persoon') await refuse(context, 'professional.claimen', id, forbidden('Een teamvermelding kan niet door één persoon worden geclaimd.'));
  if (!entitled) {
    await refuse(context, 'professional.claimen', id, forbidden('Je kunt alleen een vermelding claimen met het werk-e-mailadres uit je aanmelding, bij je eigen organisatie.'));
  }
  return withConflicts(() =>
    stamp(context, id, 'professional.geclaimd', { eigenaarIssuer: principal.issuer, eigenaarSubject: principal.subject, bevestigdOp: now(context) }, {}, {
      condition: isNull(professionals.eigenaarSubject),
      actie: 'professional.claimen',
      refusal: new ConflictError('Deze vermelding heeft al een eigenaar.'),
    }),
  );
}
