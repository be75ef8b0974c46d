import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';

interface TapLike {
  teardown(fn: () => unknown): void;
}

/** eIDAS levels of assurance, as NLGov providers name them in `acr`. */
export const LOA = {
  laag: 'http://eidas.europa.eu/LoA/low',
  substantieel: 'http://eidas.europa.eu/LoA/substantial',
  hoog: 'http://eidas.europa.eu/LoA/high',
} as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real OpenID provider for the sign-in tests: the certified `oidc-provider`, vouching for Utrecht (gm0344), with
 * a login screen of its own where the person picks the level of assurance (`acr`) and whether they used a second
 * factor (`amr`) — what a real provider would decide from the method used. Consent is given at once. Clients are
 * registered as given (e.g. `token_endpoint_auth_method: 'private_key_jwt'` with the client's public JWKS). It listens
 * on `port`, chosen beforehand (`freePort`), because the register must trust the issuer before it starts.
 */
export async function startOidcProvider(t: TapLike, clients: ClientMetadata[], port: number) {
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients,
    pkce: { required: () => true },
    acrValues: Object.values(LOA),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'idp-sleutel', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['testsleutel'] },
    conformIdTokenClaims: false,
    // Like most providers, this one puts `amr` in every ID token (oidc-provider otherwise only when asked by name).
    claims: { acr: null, openid: ['sub', 'amr'], profile: ['name', 'organisatie'], email: ['email'] },
    findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id, name: 'Olga van OIDC', email: 'olga@utrecht.nl', organisatie: 'gm0344' }) }),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interactie/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
  });
  /** What the token endpoint was sent, so a test can see how the client authenticated. */
  const tokenRequests: { authorization: string | undefined; body: URLSearchParams }[] = [];
  const callback = provider.callback();

  const interaction = async (request: IncomingMessage, response: ServerResponse) => {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === 'consent') {
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      return provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    }
    if (request.method === 'POST') {
      const form = await formBody(request);
      const amr = form.get('tweedeStap') === 'ja' ? ['pwd', 'otp', 'mfa'] : ['pwd'];
      return provider.interactionFinished(request, response, { login: { accountId: form.get('login') ?? 'onbekend', acr: form.get('niveau') ?? LOA.laag, amr } }, { mergeWithLastSubmission: false });
    }
    const options = Object.entries(LOA)
      .map(([name, value]) => `<p><input type="radio" name="niveau" id="niveau-${name}" value="${value}"${name === 'substantieel' ? ' checked' : ''}><label for="niveau-${name}">${name}</label></p>`)
      .join('');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="nl"><title>Identiteitsaanbieder</title><h1>Inloggen bij de gemeente</h1>` +
        `<form method="post" action="${escape(`/interactie/${details.uid}`)}"><label for="login">Gebruiker</label><input id="login" name="login">` +
        `<fieldset><legend>Niveau</legend>${options}</fieldset>` +
        `<p><input type="checkbox" id="tweedeStap" name="tweedeStap" value="ja"><label for="tweedeStap">Met tweede stap</label></p>` +
        `<button type="submit">Inloggen</button></form></html>`,
    );
  };

  const server = createServer((request, response) => {
    if (request.url?.startsWith('/interactie/')) {
      interaction(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
      return;
    }
    if (request.url?.startsWith('/token')) {
      // Read the body here and hand it on: oidc-provider reads a pre-parsed `request.body` as koa-body would.
      formBody(request).then((body) => {
        tokenRequests.push({ authorization: request.headers.authorization, body });
        (request as IncomingMessage & { body?: unknown }).body = Object.fromEntries(body);
        callback(request, response);
      }, (error: unknown) => response.writeHead(400).end(String(error)));
      return;
    }
    callback(request, response);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  t.teardown(() => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(resolve);
  }));
  return { issuer, provider, tokenRequests };
}

/** A client key pair for `private_key_jwt`: the private key as PEM (for the register), the public JWKS (for the provider). */
export function clientKeyPair(kid = 'register-sleutel-1') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' },
    jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] },
  };
}
