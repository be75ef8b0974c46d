import { eq } from 'drizzle-orm';
import { organisaties } from '../db/schema/index.js';
import { loadOrCreateDevKeys, parseTtl, signDevToken } from '../src/auth/dev-issuer.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';

/**
 * Mints a token of the local development issuer and prints only the token, so it composes:
 *   curl -H "Authorization: Bearer $(npm run -s token -- --sub jan --organisatie gm0363)" localhost:3000/api/v1/mij
 */
const usage = 'npm run -s token -- --sub SUBJECT --organisatie CODE [--naam NAAM] [--email EMAIL] [--ttl 1h]';

await runCommand({ usage }, async ({ config, database, out }) => {
  const { values } = parseCommandArgs({
    sub: { type: 'string' },
    organisatie: { type: 'string' },
    naam: { type: 'string' },
    email: { type: 'string' },
    ttl: { type: 'string', default: '1h' },
  });
  if (!config.devLogin) throw new Error('the development issuer is disabled (NODE_ENV=production or DEV_LOGIN=false); use your identity provider');
  if (!values.sub) throw new UsageError('--sub is required');
  if (!values.organisatie) throw new UsageError('--organisatie is required (an organisation code such as gm0363 or zb000117)');
  let ttl: number;
  try {
    ttl = parseTtl(values.ttl);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [organisatie] = await database.db
    .select({ naam: organisaties.officieleNaam, actief: organisaties.actief })
    .from(organisaties)
    .where(eq(organisaties.code, values.organisatie));
  if (!organisatie) throw new Error(`unknown organisation "${values.organisatie}" (see GET /api/v1/organisaties)`);
  if (!organisatie.actief) throw new Error(`organisation "${values.organisatie}" (${organisatie.naam}) is no longer active`);

  const keys = await loadOrCreateDevKeys(config.dataDir);
  out(signDevToken(keys, { sub: values.sub, organisatie: values.organisatie, naam: values.naam, email: values.email }, ttl));
});
