import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../database/connection.js';
import type { Termijnen } from '../professionals/rules.js';
import { expiringWithin, verifiedSince } from '../professionals/termijnen.js';

/**
 * What a coordinator's digest lists for one organisation: entries whose confirmation expires soon, whose confirmation
 * expired, whose verification expired or is missing, and person entries nobody has claimed. Inactive entries are left
 * out (the organisation switched them off on purpose). The same month arithmetic as the coordination list's filters.
 */

export interface DigestEntry {
  id: string;
  naam: string;
  soort: 'persoon' | 'team';
  /** When the confirmation expires (or expired). */
  bevestigingTot: Date;
}

export interface Digest {
  organisatieCode: string;
  organisatieNaam: string;
  verlooptBinnenkort: DigestEntry[];
  bevestigingVerlopen: DigestEntry[];
  verificatieVerlopen: DigestEntry[];
  verificatieOntbreekt: DigestEntry[];
  ongeclaimd: DigestEntry[];
}

export const digestSections = ['verlooptBinnenkort', 'bevestigingVerlopen', 'verificatieVerlopen', 'verificatieOntbreekt', 'ongeclaimd'] as const;
export type DigestSection = (typeof digestSections)[number];

export const digestSize = (digest: Digest) => digestSections.reduce((sum, section) => sum + digest[section].length, 0);

export async function digestFor(
  db: DbOrTx,
  organisatieCode: string,
  rules: { termijnen: Termijnen; binnenkortDagen: number },
  now: Date,
): Promise<Digest | null> {
  // The same bounds as the coordination page's filters (termijnen.ts), so a digest's link lists what it counted.
  const soon = expiringWithin(rules.termijnen, now, rules.binnenkortDagen);
  const confirmationEnd = sql`p.bevestigd_op + make_interval(months => ${rules.termijnen.bevestigingMaanden}::int)`;
  const rows = await db.execute<{
    id: string;
    naam: string;
    soort: 'persoon' | 'team';
    organisatie_naam: string;
    bevestiging_tot: Date | string;
    binnenkort: boolean;
    bevestiging_verlopen: boolean;
    verificatie_verlopen: boolean;
    verificatie_ontbreekt: boolean;
    ongeclaimd: boolean;
  }>(sql`
    SELECT p.id, p.naam, p.soort, o.naam AS organisatie_naam, ${confirmationEnd} AS bevestiging_tot,
           (p.bevestigd_op > ${soon.after.toISOString()}::timestamptz AND p.bevestigd_op <= ${soon.atMost.toISOString()}::timestamptz) AS binnenkort,
           (p.bevestigd_op <= ${soon.after.toISOString()}::timestamptz) AS bevestiging_verlopen,
           (p.geverifieerd_op IS NOT NULL AND p.geverifieerd_op <= ${verifiedSince(rules.termijnen, now).toISOString()}::timestamptz) AS verificatie_verlopen,
           (p.geverifieerd_op IS NULL) AS verificatie_ontbreekt,
           (p.soort = 'persoon' AND p.eigenaar_subject IS NULL) AS ongeclaimd
    FROM organisaties o LEFT JOIN professionals p ON p.organisatie_code = o.code AND p.status = 'actief'
    WHERE o.code = ${organisatieCode}
    ORDER BY p.naam, p.id`);
  const first = rows[0];
  if (!first) return null;
  const digest: Digest = {
    organisatieCode,
    organisatieNaam: first.organisatie_naam,
    verlooptBinnenkort: [],
    bevestigingVerlopen: [],
    verificatieVerlopen: [],
    verificatieOntbreekt: [],
    ongeclaimd: [],
  };
  for (const row of rows) {
    if (row.id === null) continue;
    const entry: DigestEntry = { id: row.id, naam: row.naam, soort: row.soort, bevestigingTot: new Date(row.bevestiging_tot) };
    if (row.binnenkort) digest.verlooptBinnenkort.push(entry);
    if (row.bevestiging_verlopen) digest.bevestigingVerlopen.push(entry);
    if (row.verificatie_verlopen) digest.verificatieVerlopen.push(entry);
    if (row.verificatie_ontbreekt) digest.verificatieOntbreekt.push(entry);
    if (row.ongeclaimd) digest.ongeclaimd.push(entry);
  }
  return digest;
}
