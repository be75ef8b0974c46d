import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../database/connection.js';

/**
 * The record of the mails the register sent (or will send) that concern a person: to their address, or about their
 * entries. For the person's own export (AVG right of access, /mij/gegevens). A mail about their entry that went to
 * a coordinator says so without naming the coordinator's address: that is someone else's personal data.
 */
export const mailRecordSchema = z
  .object({
    soort: z.enum(['herinnering', 'overzicht']).describe('herinnering: je bevestiging verloopt; overzicht: het overzicht voor coördinatoren.'),
    ontvanger: z.string().nullable().describe('Jouw adres als de mail aan jou ging; leeg als hij aan een coördinator van je organisatie ging.'),
    ontvangerRol: z.enum(['eigenaar', 'coordinator']),
    vermelding: z.uuid().nullable().describe('De vermelding waar de mail over ging.'),
    aangemaaktOp: z.iso.datetime(),
    afgehandeldOp: z.iso.datetime().nullable(),
    uitkomst: z.enum(['verzonden', 'vervallen', 'opgegeven']).nullable().describe('Leeg: nog te verzenden.'),
  })
  .meta({ id: 'MailRegel' });

export type MailRecord = z.infer<typeof mailRecordSchema>;

export async function listMailsAbout(db: DbOrTx, about: { email: string | null; professionalIds: string[] }): Promise<MailRecord[]> {
  const email = about.email?.toLowerCase() ?? null;
  if (!email && about.professionalIds.length === 0) return [];
  const ids = about.professionalIds.length > 0 ? sql`professional_id IN (${sql.join(about.professionalIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  const rows = await db.execute<{
    soort: MailRecord['soort'];
    ontvanger: string;
    ontvanger_rol: MailRecord['ontvangerRol'];
    professional_id: string | null;
    aangemaakt_op: Date | string;
    afgehandeld_op: Date | string | null;
    uitkomst: MailRecord['uitkomst'];
  }>(sql`
    SELECT soort, ontvanger, ontvanger_rol, professional_id, aangemaakt_op, afgehandeld_op, uitkomst FROM mail_outbox
    WHERE lower(ontvanger) = ${email} OR ${ids}
    ORDER BY aangemaakt_op, id`);
  const iso = (value: Date | string) => new Date(value).toISOString();
  return rows.map((row) => ({
    soort: row.soort,
    ontvanger: row.ontvanger.toLowerCase() === email ? row.ontvanger : null,
    ontvangerRol: row.ontvanger_rol,
    vermelding: row.professional_id,
    aangemaaktOp: iso(row.aangemaakt_op),
    afgehandeldOp: row.afgehandeld_op === null ? null : iso(row.afgehandeld_op),
    uitkomst: row.uitkomst,
  }));
}
