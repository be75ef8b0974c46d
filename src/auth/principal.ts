import { sql } from 'drizzle-orm';
import type { Rol } from '../../db/schema/index.js';
import type { Db } from '../database/connection.js';

/** Who is making the request: what the verified token says, plus the roles the register assigns to them. */
export interface Principal {
  issuer: string;
  subject: string;
  /** The organisation the token vouches for (its code). */
  organisatie: string;
  naam: string | null;
  email: string | null;
  rollen: { rol: Rol; organisatie: string | null }[];
}

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  organisatie: string;
  naam: string | null;
  email: string | null;
}

export type PrincipalLookup =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'onbekende-organisatie' | 'inactieve-organisatie' };

/** One round trip: the organisation must exist and be active, and the person's role assignments come along. */
export async function loadPrincipal(db: Db, identity: VerifiedIdentity): Promise<PrincipalLookup> {
  const rows = await db.execute<{ actief: boolean; rollen: { rol: Rol; organisatie: string | null }[] }>(sql`
    SELECT o.actief,
      COALESCE((SELECT json_agg(json_build_object('rol', r.rol, 'organisatie', r.organisatie_code) ORDER BY r.rol, r.organisatie_code)
                FROM roltoewijzingen r WHERE r.issuer = ${identity.issuer} AND r.subject = ${identity.subject}), '[]'::json) AS rollen
    FROM organisaties o WHERE o.code = ${identity.organisatie}`);
  const row = rows[0];
  if (!row) return { ok: false, reason: 'onbekende-organisatie' };
  if (!row.actief) return { ok: false, reason: 'inactieve-organisatie' };
  return { ok: true, principal: { ...identity, rollen: row.rollen } };
}

export const hasRole = (principal: Principal, rol: Rol) => principal.rollen.some((r) => r.rol === rol);
export const isBeheerder = (principal: Principal) => hasRole(principal, 'beheerder');
export const isPmm = (principal: Principal) => hasRole(principal, 'pmm');
export const isCoordinatorOf = (principal: Principal, organisatie: string) =>
  principal.rollen.some((r) => r.rol === 'coordinator' && r.organisatie === organisatie);
