import { readFile } from 'node:fs/promises';
import { importRegisterExport } from '../src/organisaties/import-register.js';
import { parseRegisterExport } from '../src/organisaties/register-export.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';

/**
 * Refreshes the organisations from a newer export of the register (same columns as db/seed/organisaties/*.csv):
 * updates in place, marks organisations that disappeared as inactive, never deletes. All or nothing.
 */
const usage = 'npm run organisaties:import -- <export.csv> [--proefrun]';

await runCommand({ usage }, async ({ database, log, out }) => {
  const { values, positionals } = parseCommandArgs({ proefrun: { type: 'boolean', default: false } });
  const file = positionals[0];
  if (!file) throw new UsageError('name the CSV file to import');
  let csv: string;
  try {
    csv = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseRegisterExport(csv);
  if (parsed.fouten.length > 0) {
    log(`${file}: ${parsed.fouten.length} error(s), nothing imported:`);
    for (const fout of parsed.fouten.slice(0, 50)) log(`  line ${fout.regel}, ${fout.veld}: ${fout.melding}`);
    if (parsed.fouten.length > 50) log(`  … and ${parsed.fouten.length - 50} more`);
    return 1;
  }
  log(`${file}: ${parsed.organisaties.length} organisations (${parsed.kind} export)`);
  const result = await importRegisterExport(database.db, parsed, { dryRun: values.proefrun });
  out(JSON.stringify(result));
  const summary = `${result.aangemaakt} added, ${result.bijgewerkt} updated, ${result.ongewijzigd} unchanged, ${result.gedeactiveerd} marked inactive`;
  log(values.proefrun ? `dry run (--proefrun), nothing was changed; the import would give: ${summary}` : summary);
});
