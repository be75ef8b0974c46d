import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.js';
import type { Db, DbOrTx } from '../database/connection.js';
import { recordSearchChanges } from '../search/changes.js';

/**
 * The confirmation links in reminders. A link carries 256 random bits; the register keeps only their SHA-256 hash,
 * bound to one entry, with an expiry and the moment it was used. It confirms that entry once, and only while the
 * entry has not been confirmed since the link was made (so the links sent to several coordinators of one entry stop
 * working once one of them confirmed). Opening the page changes nothing; only the POST confirms.
 */

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createLink(db: DbOrTx, input: { professionalId: string; mailId: number; now: Date; geldigDagen: number }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.execute(sql`
    INSERT INTO bevestigingslinks (token_hash, professional_id, mail_id, aangemaakt_op, verloopt_op)
    VALUES (${hashOf(token)}, ${input.professionalId}, ${input.mailId}, ${input.now.toISOString()}::timestamptz,
            ${input.now.toISOString()}::timestamptz + make_interval(days => ${input.geldigDagen}::int))`);
  return token;
}

export type LinkState =
  | { status: 'geldig'; entry: { id: string; naam: string; functie: string; organisatieNaam: string }; verlooptOp: Date }
  | { status: 'onbekend' | 'verlopen' | 'gebruikt' | 'al-bevestigd' };

type LinkRow = {
  id: string;
  professional_id: string;
  verloopt_op: Date | string;
  gebruikt_op: Date | string | null;
  aangemaakt_op: Date | string;
  bevestigd_op: Date | string;
  naam: string;
  functie: string;
  organisatie_naam: string;
};

async function readLink(db: DbOrTx, token: string, lock: boolean): Promise<LinkRow | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const [row] = await db.execute<LinkRow>(sql`
    SELECT l.id, l.professional_id, l.verloopt_op, l.gebruikt_op, l.aangemaakt_op, p.bevestigd_op, p.naam, p.functie, o.naam AS organisatie_naam
    FROM bevestigingslinks l JOIN professionals p ON p.id = l.professional_id JOIN organisaties o ON o.code = p.organisatie_code
    WHERE l.token_hash = ${hashOf(token)}
    ${lock ? sql`FOR UPDATE OF l, p` : sql``}`);
  return row;
}

function stateOf(row: LinkRow | undefined, now: Date): LinkState {
  if (!row) return { status: 'onbekend' };
  if (row.gebruikt_op !== null) return { status: 'gebruikt' };
  if (new Date(row.bevestigd_op) > new Date(row.aangemaakt_op)) return { status: 'al-bevestigd' };
  if (new Date(row.verloopt_op) <= now) return { status: 'verlopen' };
  return {
    status: 'geldig',
    entry: { id: row.professional_id, naam: row.naam, functie: row.functie, organisatieNaam: row.organisatie_naam },
    verlooptOp: new Date(row.verloopt_op),
  };
}

/** What the page shows for a link (GET): changes nothing. */
export async function inspectLink(db: Db, token: string, now = new Date()): Promise<LinkState> {
  return stateOf(await readLink(db, token, false), now);
}

/**
 * The POST: confirms the link's entry ("nog actueel") and uses the link up, in one transaction with the search
 * refresh and the audit row. Returns the state the link was in; only `geldig` confirmed anything.
 */
export async function confirmByLink(db: Db, token: string, input: { herkomst: string; now?: Date }): Promise<LinkState> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await readLink(tx, token, true);
    const state = stateOf(row, now);
    if (!row) return state;
    if (state.status !== 'geldig') {
      await recordAudit(tx, { actor: null, herkomst: input.herkomst }, {
        actie: 'professional.bevestigen',
        objectType: 'professional',
        objectId: row.professional_id,
        resultaat: 'geweigerd',
        details: { via: 'herinneringslink', link: row.id, reden: state.status },
      });
      return state;
    }
    await tx.execute(sql`UPDATE bevestigingslinks SET gebruikt_op = ${now.toISOString()}::timestamptz WHERE id = ${row.id}`);
    await tx.execute(sql`
      UPDATE professionals SET bevestigd_op = ${now.toISOString()}::timestamptz, versie = versie + 1, gewijzigd_op = ${now.toISOString()}::timestamptz
      WHERE id = ${row.professional_id}`);
    await recordSearchChanges(tx, [row.professional_id]);
    await recordAudit(tx, { actor: null, herkomst: input.herkomst }, {
      actie: 'professional.bevestigd',
      objectType: 'professional',
      objectId: row.professional_id,
      details: { via: 'herinneringslink', link: row.id },
    });
    return state;
  });
}
