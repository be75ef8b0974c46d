import { and, asc, eq, isNull } from 'drizzle-orm';
import { organisaties, roltoewijzingen, type Rol } from '../../db/schema/index.js';
import type { Db } from '../database/connection.js';
import { invalidInput } from '../http/problem.js';

export interface RolInput {
  issuer: string;
  subject: string;
  rol: Rol;
  organisatie?: string | null | undefined;
}

/** A coordinator coordinates one organisation; beheerder and pmm are register-wide. */
async function validate(db: Db, input: RolInput): Promise<string | null> {
  if (input.rol === 'coordinator') {
    if (!input.organisatie) throw invalidInput([{ name: 'organisatie', code: 'required', reason: 'Een coördinator hoort bij een organisatie.' }]);
    const [organisatie] = await db.select({ actief: organisaties.actief }).from(organisaties).where(eq(organisaties.code, input.organisatie));
    if (!organisatie) throw invalidInput([{ name: 'organisatie', code: 'unknown', reason: `Organisatie "${input.organisatie}" bestaat niet.` }]);
    return input.organisatie;
  }
  if (input.organisatie) {
    throw invalidInput([{ name: 'organisatie', code: 'not_allowed', reason: `De rol ${input.rol} geldt voor het hele register, niet voor één organisatie.` }]);
  }
  return null;
}

/** Idempotent: granting a role someone already has changes nothing. Returns whether a row was added. */
export async function grantRole(db: Db, input: RolInput, grantedBy: string): Promise<boolean> {
  const organisatieCode = await validate(db, input);
  const inserted = await db
    .insert(roltoewijzingen)
    .values({ issuer: input.issuer, subject: input.subject, rol: input.rol, organisatieCode, toegekendDoor: grantedBy })
    .onConflictDoNothing()
    .returning({ id: roltoewijzingen.id });
  return inserted.length > 0;
}

/** Returns whether a role was revoked. */
export async function revokeRole(db: Db, input: RolInput): Promise<boolean> {
  const organisatieCode = await validate(db, input);
  const deleted = await db
    .delete(roltoewijzingen)
    .where(
      and(
        eq(roltoewijzingen.issuer, input.issuer),
        eq(roltoewijzingen.subject, input.subject),
        eq(roltoewijzingen.rol, input.rol),
        organisatieCode ? eq(roltoewijzingen.organisatieCode, organisatieCode) : isNull(roltoewijzingen.organisatieCode),
      ),
    )
    .returning({ id: roltoewijzingen.id });
  return deleted.length > 0;
}

export async function listRoles(db: Db) {
  return db.select().from(roltoewijzingen).orderBy(asc(roltoewijzingen.rol), asc(roltoewijzingen.organisatieCode), asc(roltoewijzingen.subject));
}
