import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { NieuweOrganisatie, OrganisatieType } from '../../db/schema/index.js';
import '../i18n/zod-nl.js';

/**
 * Reads the two export formats of the register of government organisations that the seed data comes in
 * (`gemeenten.csv`, `rijk-provincies-waterschappen.csv`) into organisation rows. Pure: no database.
 */

export type ExportKind = 'gemeenten' | 'rijk';

/** The organisation types each export covers; an import only deactivates organisations of those types. */
export const typesPerExport: Record<ExportKind, OrganisatieType[]> = {
  gemeenten: ['gemeente'],
  rijk: ['ministerie', 'agentschap', 'zbo', 'inspectie', 'provincie', 'waterschap'],
};

const gemeenteColumns = ['cbs_code', 'gemeentecode', 'naam', 'officiele_naam', 'provincie', 'tooi_uri', 'oin', 'kvk', 'roo_id'];
const rijkColumns = ['type', 'polder_id', 'naam', 'afkorting', 'tooi_uri', 'oin', 'kvk', 'roo_id', 'ministerie', 'ministerie_tooi', 'parent_id', 'actief'];

const text = z.string().trim();
const optionalText = text.transform((value) => (value === '' ? null : value));
const tooiUri = z.union([z.literal('').transform(() => null), z.url({ protocol: /^https$/ })]);
const oin = z.union([z.literal('').transform(() => null), z.string().regex(/^[0-9A-Z]{20}$/, 'een OIN heeft 20 tekens (cijfers of hoofdletters)')]);

const gemeenteRow = z.object({
  cbs_code: text.regex(/^GM\d{4}$/, 'verwacht GMnnnn'),
  naam: text.min(1),
  officiele_naam: text.min(1),
  provincie: text.min(1),
  tooi_uri: tooiUri,
  oin,
  kvk: optionalText,
  roo_id: optionalText,
});

const rijkRow = z.object({
  type: z.enum(['ministerie', 'agentschap', 'zbo', 'inspectie', 'provincie', 'waterschap']),
  polder_id: text.regex(/^org:[a-z0-9-]+$/, 'verwacht org:<slug>'),
  naam: text.min(1),
  afkorting: optionalText,
  tooi_uri: tooiUri,
  oin,
  kvk: optionalText,
  roo_id: optionalText,
  ministerie_tooi: tooiUri,
  parent_id: optionalText,
  actief: z.enum(['True', 'False']).transform((value) => value === 'True'),
});

export interface ExportRowError {
  regel: number;
  veld: string;
  melding: string;
}

export interface ParsedExport {
  kind: ExportKind;
  organisaties: NieuweOrganisatie[];
  fouten: ExportRowError[];
}

/** `https://identifier.overheid.nl/tooi/id/gemeente/gm0363` → `gm0363`. */
export function tooiLocalId(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
}

/** `org:zbo-uwv` → `zbo-uwv`: the code for organisations without a TOOI identifier. */
export function registerSlug(polderId: string): string {
  return polderId.replace(/^org:/, '');
}

export function parseRegisterExport(csv: string): ParsedExport {
  const records: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true, bom: true, trim: true });
  const header = Object.keys(records[0] ?? {});
  const kind: ExportKind | undefined = gemeenteColumns.every((c) => header.includes(c))
    ? 'gemeenten'
    : rijkColumns.every((c) => header.includes(c))
      ? 'rijk'
      : undefined;
  if (!kind) {
    return {
      kind: 'rijk',
      organisaties: [],
      fouten: [{ regel: 1, veld: '(kopregel)', melding: `onbekend formaat; verwacht de kolommen van gemeenten.csv (${gemeenteColumns.join(',')}) of van rijk-provincies-waterschappen.csv (${rijkColumns.join(',')})` }],
    };
  }
  const fouten: ExportRowError[] = [];
  const organisaties: NieuweOrganisatie[] = [];
  const lines: number[] = []; // CSV line of each organisation, for messages
  // Parent references name a register id (`org:min-fin`); resolve them after all rows are read.
  const codeByRegisterId = new Map<string, string>();
  const pendingParents: { organisatie: NieuweOrganisatie; parentId: string | null; ministerieTooi: string | null }[] = [];

  records.forEach((record, index) => {
    const regel = index + 2; // 1-based, after the header row
    const parsed = (kind === 'gemeenten' ? gemeenteRow : rijkRow).safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fouten.push({ regel, veld: String(issue.path[0] ?? ''), melding: issue.message });
      return;
    }
    if (kind === 'gemeenten') {
      const row = parsed.data as z.infer<typeof gemeenteRow>;
      lines.push(regel);
      organisaties.push({
        code: row.tooi_uri ? tooiLocalId(row.tooi_uri) : row.cbs_code.toLowerCase(),
        naam: row.naam,
        officieleNaam: row.officiele_naam,
        afkorting: null,
        type: 'gemeente',
        tooiUri: row.tooi_uri,
        oin: row.oin,
        kvk: row.kvk,
        registerId: row.roo_id,
        provincie: row.provincie,
        ministerieCode: null,
        actief: true,
        bron: 'register',
      });
      return;
    }
    const row = parsed.data as z.infer<typeof rijkRow>;
    const organisatie: NieuweOrganisatie = {
      code: row.tooi_uri ? tooiLocalId(row.tooi_uri) : registerSlug(row.polder_id),
      naam: row.naam,
      officieleNaam: row.type === 'ministerie' ? `Ministerie van ${row.naam}` : row.naam,
      afkorting: row.afkorting,
      type: row.type,
      tooiUri: row.tooi_uri,
      oin: row.oin,
      kvk: row.kvk,
      registerId: row.roo_id,
      provincie: row.type === 'provincie' ? row.naam.replace(/^Provincie\s+/i, '') : null,
      ministerieCode: null,
      actief: row.actief,
      bron: 'register',
    };
    codeByRegisterId.set(row.polder_id, organisatie.code);
    lines.push(regel);
    organisaties.push(organisatie);
    pendingParents.push({ organisatie, parentId: row.parent_id, ministerieTooi: row.ministerie_tooi });
  });

  const codes = new Set(organisaties.map((o) => o.code));
  for (const { organisatie, parentId, ministerieTooi } of pendingParents) {
    const parent = (parentId && codeByRegisterId.get(parentId)) || (ministerieTooi && tooiLocalId(ministerieTooi)) || null;
    organisatie.ministerieCode = parent && codes.has(parent) && parent !== organisatie.code ? parent : null;
  }

  const seen = new Map<string, number>();
  organisaties.forEach((o, index) => {
    const regel = lines[index]!;
    if (seen.has(o.code)) fouten.push({ regel, veld: 'tooi_uri', melding: `code ${o.code} komt al voor op regel ${seen.get(o.code)}` });
    else seen.set(o.code, regel);
  });
  fouten.sort((a, b) => a.regel - b.regel);
  return { kind, organisaties, fouten };
}
