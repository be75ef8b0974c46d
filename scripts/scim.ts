import { createToken, listTokens, revokeToken } from '../src/scim/tokens.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';

/**
 * Bearer tokens for SCIM clients (README, "Provisioning by SCIM"): one per organisation's HR or identity system.
 * `token` prints the new token on stdout, once; the register keeps only its hash.
 */
const usage = `npm run scim -- token --organisatie CODE [--omschrijving TEXT]
       npm run scim -- tokens
       npm run scim -- intrekken ID      (or: --intrekken ID)`;

await runCommand({ usage }, async ({ database, out, log }) => {
  const { values, positionals } = parseCommandArgs({
    organisatie: { type: 'string' },
    omschrijving: { type: 'string' },
    intrekken: { type: 'string' },
  });
  const audit = { actor: null, herkomst: 'cli' };
  const action = values.intrekken !== undefined ? 'intrekken' : positionals[0];
  if (action === 'token') {
    if (!values.organisatie) throw new UsageError('--organisatie is required');
    const { token, row } = await createToken(database.db, values.organisatie, values.omschrijving ?? null, audit);
    log(`SCIM token ${row.id} created for ${row.organisatieCode}; it is shown only now. Tenant URL: <public URL>/scim/v2`);
    out(token);
    return;
  }
  if (action === 'tokens') {
    for (const row of await listTokens(database.db)) {
      out(
        [row.id, row.organisatieCode, row.aangemaaktOp.toISOString(), row.laatstGebruiktOp?.toISOString() ?? '-', row.ingetrokkenOp ? `ingetrokken ${row.ingetrokkenOp.toISOString()}` : 'actief', row.omschrijving ?? ''].join('\t'),
      );
    }
    return;
  }
  if (action === 'intrekken') {
    const id = values.intrekken ?? positionals[1];
    if (!id) throw new UsageError('say which token to revoke: intrekken ID');
    const row = await revokeToken(database.db, id, audit);
    log(`revoked SCIM token ${row.id} of ${row.organisatieCode}`);
    return;
  }
  throw new UsageError('say what to do: token, tokens or intrekken');
});
