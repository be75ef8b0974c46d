import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { organisaties, scimTokens, type ScimToken } from '../../db/schema/index.js';
import { recordAudit, type AuditContext } from '../audit/service.js';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../database/connection.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain-errors.js';

/**
 * Bearer tokens of SCIM clients. A token is 256 random bits, shown once; the register keeps only its SHA-256, so a
 * copy of the database does not give anyone a working token. Each token provisions exactly one organisation.
 */

/** The audit log's issuer for SCIM clients: their subject is the token id. */
export const SCIM_ISSUER = 'urn:maatwerkregister:scim';
const PREFIX = 'mwr_scim_';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ScimClient {
  tokenId: string;
  organisatie: string;
  omschrijving: string | null;
}

/** The client as the services see it: acting for its organisation, with no role of its own. */
export function principalOfClient(client: ScimClient): Principal {
  return { issuer: SCIM_ISSUER, subject: client.tokenId, organisatie: client.organisatie, naam: client.omschrijving, email: null, rollen: [] };
}

export async function createToken(db: Db, organisatie: string, omschrijving: string | null, audit: AuditContext): Promise<{ token: string; row: ScimToken }> {
  const [organisation] = await db.select({ actief: organisaties.actief }).from(organisaties).where(eq(organisaties.code, organisatie));
  if (!organisation) throw new InvalidInputError([{ name: 'organisatie', code: 'unknown', reason: `Organisatie "${organisatie}" bestaat niet.` }]);
  if (!organisation.actief) throw new ConflictError(`Organisatie "${organisatie}" is niet meer actief.`);
  const token = PREFIX + randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(scimTokens).values({ organisatieCode: organisatie, tokenHash: hashToken(token), omschrijving }).returning();
    await recordAudit(tx, audit, { actie: 'scim-token.aangemaakt', objectType: 'scim-token', objectId: row!.id, details: { organisatie } });
    return { token, row: row! };
  });
}

export async function listTokens(db: Db): Promise<ScimToken[]> {
  return db.select().from(scimTokens).orderBy(asc(scimTokens.organisatieCode), asc(scimTokens.aangemaaktOp));
}

/** Revoking takes effect on the next request: every request looks the token up. */
export async function revokeToken(db: Db, id: string, audit: AuditContext): Promise<ScimToken> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFoundError(`Er is geen SCIM-token met id ${id}.`);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(scimTokens).where(eq(scimTokens.id, id)).for('update');
    if (!row) throw new NotFoundError(`Er is geen SCIM-token met id ${id}.`);
    if (row.ingetrokkenOp) throw new ConflictError(`SCIM-token ${id} is al ingetrokken.`);
    const [revoked] = await tx.update(scimTokens).set({ ingetrokkenOp: new Date() }).where(eq(scimTokens.id, id)).returning();
    await recordAudit(tx, audit, { actie: 'scim-token.ingetrokken', objectType: 'scim-token', objectId: id, details: { organisatie: row.organisatieCode } });
    return revoked!;
  });
}

/**
 * The client a bearer token belongs to, if it is known, not revoked, and its organisation still active. The last
 * use is recorded at most once a minute, so a busy client does not write on every request.
 */
export async function clientOfToken(db: Db, token: string): Promise<ScimClient | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
  const [row] = await db
    .select({ id: scimTokens.id, organisatie: scimTokens.organisatieCode, omschrijving: scimTokens.omschrijving, actief: organisaties.actief })
    .from(scimTokens)
    .innerJoin(organisaties, eq(organisaties.code, scimTokens.organisatieCode))
    .where(and(eq(scimTokens.tokenHash, hashToken(token)), isNull(scimTokens.ingetrokkenOp)));
  if (!row || !row.actief) return undefined;
  await db
    .update(scimTokens)
    .set({ laatstGebruiktOp: new Date() })
    .where(and(eq(scimTokens.id, row.id), or(isNull(scimTokens.laatstGebruiktOp), lt(scimTokens.laatstGebruiktOp, sql`now() - interval '1 minute'`))));
  return { tokenId: row.id, organisatie: row.organisatie, omschrijving: row.omschrijving };
}
