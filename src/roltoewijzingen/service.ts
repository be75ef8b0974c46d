import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { organisaties, roltoewijzingen, type Rol, type Roltoewijzing } from '../../db/schema/index.js';
import { isBeheerder, isCoordinatorOf, type Principal } from '../auth/principal.js';
import { recordAudit, type AuditContext } from '../audit/service.js';
import type { Db, DbOrTx } from '../database/connection.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors.js';

export interface RolInput {
  issuer: string;
  subject: string;
  rol: Rol;
  organisatie?: string | null | undefined;
}

/** A coordinator coordinates one organisation; beheerder and pmm are register-wide. */
async function validate(db: Db, input: RolInput): Promise<string | null> {
  if (input.rol === 'coordinator') {
    if (!input.organisatie) throw new InvalidInputError([{ name: 'organisatie', code: 'required', reason: 'Een coördinator hoort bij een organisatie.' }]);
    const [organisatie] = await db.select({ actief: organisaties.actief }).from(organisaties).where(eq(organisaties.code, input.organisatie));
    if (!organisatie) throw new InvalidInputError([{ name: 'organisatie', code: 'unknown', reason: `Organisatie "${input.organisatie}" bestaat niet.` }]);
    return input.organisatie;
  }
  if (input.organisatie) {
    throw new InvalidInputError([{ name: 'organisatie', code: 'not_allowed', reason: `De rol ${input.rol} geldt voor het hele register, niet voor één organisatie.` }]);
  }
  return null;
}

/** Beheerders assign any role; a coordinator may appoint (and remove) coordinators of their own organisation. */
export function mayAssign(principal: Principal, rol: Rol, organisatie: string | null | undefined): boolean {
  if (isBeheerder(principal)) return true;
  return rol === 'coordinator' && !!organisatie && isCoordinatorOf(principal, organisatie);
}

function assertMayAssign(principal: Principal | null, rol: Rol, organisatie: string | null | undefined) {
  // No principal: an operator on the command line.
  if (principal && !mayAssign(principal, rol, organisatie)) {
    throw new ForbiddenError('Rollen kent een beheerder toe; een coördinator alleen de rol coördinator voor zijn eigen organisatie.');
  }
}

const actor = (audit: AuditContext) => (audit.actor ? `${audit.actor.subject}` : audit.herkomst);

/** Idempotent: granting a role someone already has changes nothing. */
export async function grantRole(db: Db, input: RolInput, audit: AuditContext, principal: Principal | null = null): Promise<{ toewijzing: Roltoewijzing; nieuw: boolean }> {
  assertMayAssign(principal, input.rol, input.organisatie);
  const organisatieCode = await validate(db, input);
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(roltoewijzingen)
      .values({ issuer: input.issuer, subject: input.subject, rol: input.rol, organisatieCode, toegekendDoor: actor(audit) })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      await recordAudit(tx, audit, { actie: 'rol.toegekend', objectType: 'roltoewijzing', objectId: inserted.id, details: { rol: input.rol, organisatie: organisatieCode } });
      return { toewijzing: inserted, nieuw: true };
    }
    const [existing] = await tx.select().from(roltoewijzingen).where(sameAssignment(input, organisatieCode));
    return { toewijzing: existing!, nieuw: false };
  });
}

const sameAssignment = (input: RolInput, organisatieCode: string | null) =>
  and(
    eq(roltoewijzingen.issuer, input.issuer),
    eq(roltoewijzingen.subject, input.subject),
    eq(roltoewijzingen.rol, input.rol),
    organisatieCode ? eq(roltoewijzingen.organisatieCode, organisatieCode) : isNull(roltoewijzingen.organisatieCode),
  );

const LAST_BEHEERDER_LOCK = 7242004;

/**
 * Everything a person holds, revoked inside the caller's transaction: when their organisation reports that they left
 * (SCIM `active: false` or a deletion). The register's last beheerder is kept, and the refusal audited, because a
 * register without a beheerder cannot be managed at all; an operator then appoints another one and revokes by hand.
 */
export async function revokeAllRolesOf(tx: DbOrTx, person: { issuer: string; subject: string }, audit: AuditContext, reden: string): Promise<number> {
  const rows = await tx.select().from(roltoewijzingen).where(and(eq(roltoewijzingen.issuer, person.issuer), eq(roltoewijzingen.subject, person.subject)));
  let revoked = 0;
  for (const row of rows) {
    if (row.rol === 'beheerder') {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${LAST_BEHEERDER_LOCK})`);
      const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(roltoewijzingen).where(eq(roltoewijzingen.rol, 'beheerder'));
      if ((count?.n ?? 0) <= 1) {
        await recordAudit(tx, audit, { actie: 'rol.intrekken', objectType: 'roltoewijzing', objectId: row.id, resultaat: 'geweigerd', details: { rol: row.rol, reden: 'laatste-beheerder' } });
        continue;
      }
    }
    await tx.delete(roltoewijzingen).where(eq(roltoewijzingen.id, row.id));
    await recordAudit(tx, audit, { actie: 'rol.ingetrokken', objectType: 'roltoewijzing', objectId: row.id, details: { rol: row.rol, organisatie: row.organisatieCode, reden } });
    revoked++;
  }
  return revoked;
}

async function remove(db: Db, row: Roltoewijzing, audit: AuditContext): Promise<void> {
  await db.transaction(async (tx) => {
    if (row.rol === 'beheerder') {
      // Serialise concurrent removals of beheerders, so two cannot each remove "the other" last one.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${LAST_BEHEERDER_LOCK})`);
      const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(roltoewijzingen).where(eq(roltoewijzingen.rol, 'beheerder'));
      if ((count?.n ?? 0) <= 1) throw new ConflictError('Dit is de laatste beheerder; wijs eerst een andere beheerder aan.');
    }
    await tx.delete(roltoewijzingen).where(eq(roltoewijzingen.id, row.id));
    await recordAudit(tx, audit, { actie: 'rol.ingetrokken', objectType: 'roltoewijzing', objectId: row.id, details: { rol: row.rol, organisatie: row.organisatieCode } });
  });
}

/** Returns whether a role was revoked. */
export async function revokeRole(db: Db, input: RolInput, audit: AuditContext, principal: Principal | null = null): Promise<boolean> {
  assertMayAssign(principal, input.rol, input.organisatie);
  const organisatieCode = await validate(db, input);
  const [row] = await db.select().from(roltoewijzingen).where(sameAssignment(input, organisatieCode));
  if (!row) return false;
  await remove(db, row, audit);
  return true;
}

export async function revokeRoleById(db: Db, id: string, audit: AuditContext, principal: Principal): Promise<void> {
  const [row] = await db.select().from(roltoewijzingen).where(eq(roltoewijzingen.id, id));
  if (!row || !mayView(principal, row)) throw new NotFoundError(`Er is geen roltoewijzing met id ${id}.`);
  assertMayAssign(principal, row.rol, row.organisatieCode);
  await remove(db, row, audit);
}

/** Beheerders see all assignments; coordinators those of the organisations they coordinate. */
const mayView = (principal: Principal, row: Roltoewijzing) =>
  isBeheerder(principal) || (row.organisatieCode !== null && isCoordinatorOf(principal, row.organisatieCode));

export async function getRole(db: Db, id: string, principal: Principal): Promise<Roltoewijzing> {
  const [row] = await db.select().from(roltoewijzingen).where(eq(roltoewijzingen.id, id));
  if (!row || !mayView(principal, row)) throw new NotFoundError(`Er is geen roltoewijzing met id ${id}.`);
  return row;
}

export async function listRoles(db: Db, principal: Principal | null = null, filter: { rol?: Rol | undefined; organisatie?: string | undefined } = {}) {
  if (principal && !isBeheerder(principal) && !principal.rollen.some((r) => r.rol === 'coordinator')) {
    throw new ForbiddenError('Alleen beheerders en coördinatoren zien roltoewijzingen.');
  }
  const rows = await db
    .select()
    .from(roltoewijzingen)
    .where(
      and(
        filter.rol ? eq(roltoewijzingen.rol, filter.rol) : undefined,
        filter.organisatie ? eq(roltoewijzingen.organisatieCode, filter.organisatie) : undefined,
      ),
    )
    .orderBy(asc(roltoewijzingen.rol), asc(roltoewijzingen.organisatieCode), asc(roltoewijzingen.subject));
  return principal ? rows.filter((row) => mayView(principal, row)) : rows;
}
