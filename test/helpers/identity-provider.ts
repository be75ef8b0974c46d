import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSigner } from 'fast-jwt';

interface TapLike {
  teardown(fn: () => unknown): void;
}

/**
 * A real identity provider as far as the register is concerned: an HTTP server publishing a JWKS, and a signer
 * with the matching private key. Tokens are signed exactly as an organisation's IdP would sign them.
 */
export async function startIdentityProvider(t: TapLike, issuer = 'https://idp.gemeente.example') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'sleutel-1';
  let requests = 0;
  const server = createServer((request, response) => {
    requests++;
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    const jwk = (publicKey).export({ format: 'jwk' });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise((resolve) => server.close(resolve)));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;

  return {
    issuer,
    jwksUrl,
    get jwksRequests() {
      return requests;
    },
    /** Claims override the defaults; `expiresIn` in milliseconds (negative for an expired token). */
    sign(claims: Record<string, unknown> = {}, options: { expiresIn?: number; aud?: string; iss?: string; key?: KeyObject } = {}) {
      const now = Math.floor(Date.now() / 1000);
      const signer = createSigner({ key: (options.key ?? privateKey).export({ type: 'pkcs8', format: 'pem' }) as string, algorithm: 'RS256', kid });
      return signer({
        iss: options.iss ?? issuer,
        aud: options.aud ?? 'maatwerkregister',
        sub: 'medewerker-42',
        organisatie: 'gm0363',
        name: 'Sanne de Vries',
        iat: now,
        exp: now + Math.round((options.expiresIn ?? 600_000) / 1000),
        ...claims,
      });
    },
  };
}
