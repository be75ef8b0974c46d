import t from 'tap';
import { startupRefusals } from '../../src/config-operations.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { buildTestApp } from '../helpers/app.js';
import { runScript } from '../helpers/processes.js';

const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
const securityTxt = {
  SECURITY_TXT_CONTACT: 'mailto:security@maatwerkregister.example.nl, https://maatwerkregister.example.nl/melden',
  SECURITY_TXT_EXPIRES: inAYear,
  SECURITY_TXT_POLICY: 'https://maatwerkregister.example.nl/beleid',
  PUBLIC_URL: 'https://maatwerkregister.example.nl',
};

/** RFC 9116 §2.3–2.5: `Field: value` lines (comments start with #); returns the fields in order. */
function parseSecurityTxt(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([A-Za-z-]+): (.+)$/.exec(line);
      if (!match) throw new Error(`not a security.txt field line: ${JSON.stringify(line)}`);
      return [match[1]!, match[2]!] as [string, string];
    });
}

t.test('security.txt is served as RFC 9116 asks, from the configuration', async (t) => {
  const { app } = await buildTestApp(t, securityTxt);
  const response = await app.inject({ method: 'GET', url: '/.well-known/security.txt' });
  t.equal(response.statusCode, 200, 'public: no token needed');
  t.match(response.headers['content-type'], /^text\/plain; charset=utf-8/, 'RFC 9116 §3: text/plain with charset=utf-8');
  const fields = parseSecurityTxt(response.body);
  const values = (name: string) => fields.filter(([field]) => field === name).map(([, value]) => value);
  t.same(values('Contact'), ['mailto:security@maatwerkregister.example.nl', 'https://maatwerkregister.example.nl/melden'], 'every contact, in order');
  t.same(values('Expires'), [new Date(inAYear).toISOString()], 'exactly one Expires (§2.5.5)');
  t.ok(new Date(values('Expires')[0]!) > new Date(), 'not expired');
  t.same(values('Preferred-Languages'), ['nl, en']);
  t.same(values('Policy'), ['https://maatwerkregister.example.nl/beleid']);
  t.same(values('Canonical'), ['https://maatwerkregister.example.nl/.well-known/security.txt'], 'canonical at the public address');
  t.ok(response.body.endsWith('\n'), 'ends with a line break');
});

t.test('without configuration outside production there is no security.txt, rather than a made-up one', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ method: 'GET', url: '/.well-known/security.txt' });
  t.equal(response.statusCode, 404);
});

t.test('invalid security.txt settings stop the configuration, naming the variable', async (t) => {
  for (const [env, pattern] of [
    [{ SECURITY_TXT_CONTACT: 'security@example.nl', SECURITY_TXT_EXPIRES: inAYear }, /SECURITY_TXT_CONTACT: "security@example.nl" is not a mailto:/],
    [{ SECURITY_TXT_CONTACT: 'mailto:a@example.nl', SECURITY_TXT_EXPIRES: '2027-06-30' }, /SECURITY_TXT_EXPIRES: "2027-06-30" is not an RFC 3339 date-time/],
    [{ SECURITY_TXT_CONTACT: 'mailto:a@example.nl' }, /SECURITY_TXT_EXPIRES: required with SECURITY_TXT_CONTACT/],
    [{ SECURITY_TXT_EXPIRES: inAYear }, /SECURITY_TXT_CONTACT: required with SECURITY_TXT_EXPIRES/],
    [{ SECURITY_TXT_CONTACT: 'mailto:a@example.nl', SECURITY_TXT_EXPIRES: inAYear, SECURITY_TXT_POLICY: 'ftp://x' }, /SECURITY_TXT_POLICY/],
  ] as const) {
    const error = t.throws(() => loadConfig(env)) as unknown as ConfigError;
    t.ok(error instanceof ConfigError);
    t.match(error.message, pattern);
  }
});

t.test('in production the service refuses to start without a current security.txt', async (t) => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db.invalid:5432/register' };
  t.match(startupRefusals(loadConfig(production)), [/SECURITY_TXT_CONTACT and SECURITY_TXT_EXPIRES: required when NODE_ENV=production/]);
  const expired = loadConfig({ ...production, ...securityTxt, SECURITY_TXT_EXPIRES: '2020-01-01T00:00:00Z' });
  t.match(startupRefusals(expired), [/SECURITY_TXT_EXPIRES: 2020-01-01T00:00:00.000Z has passed/]);
  t.same(startupRefusals(loadConfig({ ...production, ...securityTxt })), [], 'a current one is enough');
  t.same(startupRefusals(loadConfig({ ...securityTxt, SECURITY_TXT_EXPIRES: '2020-01-01T00:00:00Z' })), [], 'outside production: no refusal');
  // Commands (backups, migrations) must keep working when only the date has passed: the refusal is the server's.
  t.doesNotThrow(() => loadConfig({ ...production, ...securityTxt, SECURITY_TXT_EXPIRES: '2020-01-01T00:00:00Z' }));

  // The real entry point: it stops before it touches the (unreachable) database, with EX_CONFIG.
  const run = await runScript('src/server.ts', [], { ...production, ...securityTxt, SECURITY_TXT_EXPIRES: '2020-01-01T00:00:00Z' });
  t.equal(run.code, 78, 'exit code EX_CONFIG');
  t.match(run.stderr, /Refusing to start:[\s\S]*SECURITY_TXT_EXPIRES: 2020-01-01T00:00:00.000Z has passed/);
});
