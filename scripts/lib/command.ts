import { parseArgs, type ParseArgsConfig } from 'node:util';
import { seedReferenceData } from '../../db/seed/index.js';
import { ConfigError, loadConfig, type Config } from '../../src/config.js';
import { ConflictError, DomainError, InvalidInputError } from '../../src/domain-errors.js';
import { openDatabase, type Database } from '../../src/database/connection.js';
import { runMigrations } from '../../src/database/migrate.js';

/**
 * The frame every command in scripts/ runs in: validated configuration, the same database as the service
 * (the embedded cluster is attached to when the service runs, started and stopped again when it does not),
 * schema and reference data brought up to date, messages on stderr so stdout carries only the result,
 * and a non-zero exit code on any failure.
 */

export class UsageError extends Error {}

export interface CommandContext {
  config: Config;
  database: Database;
  /** Progress and diagnostics: stderr. */
  log: (message: string) => void;
  /** The command's result: stdout. */
  out: (text: string) => void;
}

export interface CommandOptions {
  /** Apply migrations and reference data first (default true). */
  prepare?: boolean;
  usage: string;
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(options: T, args = process.argv.slice(2)) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

export async function runCommand(options: CommandOptions, body: (context: CommandContext) => Promise<number | void>): Promise<never> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const out = (text: string) => process.stdout.write(`${text}\n`);
  let database: Database | undefined;
  let code: number;
  try {
    const config = loadConfig();
    database = await openDatabase(config, log);
    if (options.prepare ?? true) {
      await runMigrations(database.db, database.sql);
      await seedReferenceData(database.db, log);
    }
    code = (await body({ config, database, log, out })) ?? 0;
  } catch (error) {
    code = 1;
    if (error instanceof UsageError) {
      log(`error: ${error.message}\n\nusage: ${options.usage}`);
      code = 64; // EX_USAGE
    } else if (error instanceof ConfigError) {
      log(error.message);
      code = 78; // EX_CONFIG
    } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      log(`error: ${(error as Error).message}\n\nusage: ${options.usage}`);
      code = 64;
    } else if (error instanceof DomainError) {
      const fields = error instanceof InvalidInputError || error instanceof ConflictError ? error.fields : [];
      log(`error: ${error.detail}${fields.map((p) => `\n  - ${p.name}: ${p.reason}`).join('')}`);
    } else {
      log(`error: ${(error as Error).message ?? String(error)}`);
    }
  } finally {
    await database?.close().catch((error: unknown) => log(`error while closing the database: ${String(error)}`));
  }
  process.exit(code);
}
