import { rollen, type Rol } from '../db/schema/index.js';
import { DEV_ISSUER } from '../src/auth/dev-issuer.js';
import type { Config } from '../src/config.js';
import { grantRole, listRoles, revokeRole } from '../src/roltoewijzingen/service.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';

/** Manages role assignments from the command line; this is how the first beheerder is appointed. */
const usage = `npm run rol -- toekennen|intrekken --sub SUBJECT --rol ${rollen.join('|')} [--organisatie CODE] [--issuer ISSUER]
       npm run rol -- lijst`;

/** The issuer a bare --sub refers to: the development issuer locally, else the only trusted issuer. */
function defaultIssuer(config: Config): string {
  if (config.devLogin) return DEV_ISSUER;
  if (config.trustedIssuers.length === 1) return config.trustedIssuers[0]!.issuer;
  throw new UsageError(`--issuer is required: several issuers are trusted (${config.trustedIssuers.map((i) => i.issuer).join(', ')})`);
}

await runCommand({ usage }, async ({ config, database, out, log }) => {
  const { values, positionals } = parseCommandArgs({
    sub: { type: 'string' },
    rol: { type: 'string' },
    organisatie: { type: 'string' },
    issuer: { type: 'string' },
  });
  const action = positionals[0];
  if (action === 'lijst') {
    for (const row of await listRoles(database.db)) {
      out([row.rol, row.organisatieCode ?? '-', row.subject, row.issuer, row.toegekendOp.toISOString()].join('\t'));
    }
    return;
  }
  if (action !== 'toekennen' && action !== 'intrekken') throw new UsageError('say what to do: toekennen, intrekken or lijst');
  if (!values.sub) throw new UsageError('--sub is required');
  if (!values.rol || !(rollen as readonly string[]).includes(values.rol)) throw new UsageError(`--rol must be one of ${rollen.join(', ')}`);
  const input = {
    issuer: values.issuer ?? defaultIssuer(config),
    subject: values.sub,
    rol: values.rol as Rol,
    organisatie: values.organisatie ?? null,
  };
  const where = input.organisatie ? ` for ${input.organisatie}` : '';
  if (action === 'toekennen') {
    const { nieuw: added } = await grantRole(database.db, input, { actor: null, herkomst: 'cli' });
    log(added ? `granted ${input.rol}${where} to ${input.subject} (${input.issuer})` : `${input.subject} already has ${input.rol}${where}`);
  } else {
    const removed = await revokeRole(database.db, input, { actor: null, herkomst: 'cli' });
    log(removed ? `revoked ${input.rol}${where} from ${input.subject} (${input.issuer})` : `${input.subject} did not have ${input.rol}${where}`);
  }
});
