import { webcrypto } from 'node:crypto';
import * as client from 'openid-client';
import { signInShortfall, type SignInShortfall } from '../auth/sign-in-level.js';
import type { ClientSigningAlg, OidcClientAuthentication, OidcConfig } from '../config-oidc.js';

/**
 * OpenID Connect sign-in with the `openid-client` library, as Logius' NLGov profile asks of a relying party: the
 * authorization code flow with PKCE (S256), `state` and `nonce`; the client authenticates at the token endpoint with
 * `private_key_jwt` (a client secret still works); the sign-in must reach the configured `acr` (and `amr`). The ID
 * token it returns becomes the session, and is verified on every request by the same trusted-issuer checks as API
 * tokens.
 */
export interface OidcLogin {
  verifier: string;
  state: string;
  nonce: string;
  terug: string;
}

/** The sign-in worked, but below the level the register requires; the route shows why. */
export class SignInBelowLevel extends Error {
  constructor(readonly shortfall: SignInShortfall) {
    super(`sign-in below the required level (${shortfall.kind})`);
    this.name = 'SignInBelowLevel';
  }
}

const WEB_CRYPTO_PARAMS: Record<ClientSigningAlg, RsaHashedImportParams | EcKeyImportParams> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  PS256: { name: 'RSA-PSS', hash: 'SHA-256' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
};

/** openid-client signs with a WebCrypto key; it takes the algorithm from the key, so import it for that one. */
async function signingKey(privateKey: { pkcs8: string; alg: ClientSigningAlg; kid: string }): Promise<client.PrivateKey> {
  const der = Buffer.from(privateKey.pkcs8.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const key = await webcrypto.subtle.importKey('pkcs8', der, WEB_CRYPTO_PARAMS[privateKey.alg], false, ['sign']);
  return { key, kid: privateKey.kid };
}

async function clientAuth(authentication: OidcClientAuthentication): Promise<client.ClientAuth> {
  switch (authentication.method) {
    case 'private_key_jwt':
      return client.PrivateKeyJwt(await signingKey(authentication.privateKey));
    case 'client_secret_basic':
      return client.ClientSecretBasic(authentication.secret);
    case 'client_secret_post':
      return client.ClientSecretPost(authentication.secret);
    case 'none':
      return client.None();
  }
}

export function oidcClient(settings: OidcConfig) {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    const issuer = new URL(settings.issuerUrl);
    discovered ??= clientAuth(settings.clientAuthentication)
      .then((auth) => client.discovery(issuer, settings.clientId, undefined, auth, issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined))
      .catch((error: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw error;
      });
    return discovered;
  };
  return {
    /**
     * Where to send the browser, and what to remember (in a short-lived cookie) for the way back. `again` asks the
     * provider to authenticate anew (`prompt=login`), so that a person refused for a too low level can step up
     * instead of being handed the same sign-in from the provider's session.
     */
    async start(terug: string, options: { again?: boolean } = {}): Promise<{ url: URL; login: OidcLogin }> {
      const verifier = client.randomPKCECodeVerifier();
      const login: OidcLogin = { verifier, state: client.randomState(), nonce: client.randomNonce(), terug };
      const parameters: Record<string, string> = {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: login.state,
        nonce: login.nonce,
      };
      if (settings.acrValues.length > 0) parameters.acr_values = settings.acrValues.join(' ');
      if (options.again) parameters.prompt = 'login';
      return { url: client.buildAuthorizationUrl(await configuration(), parameters), login };
    },
    /**
     * Exchanges the code for tokens, checking state, nonce and the PKCE verifier, then the level; returns the ID
     * token, or throws SignInBelowLevel.
     */
    async finish(callbackPathAndQuery: string, login: OidcLogin): Promise<{ idToken: string; expiresAt: number }> {
      const tokens = await client.authorizationCodeGrant(await configuration(), new URL(callbackPathAndQuery, settings.redirectUri), {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!tokens.id_token || !claims) throw new Error('no ID token');
      const shortfall = signInShortfall(claims as Record<string, unknown>, settings);
      if (shortfall) throw new SignInBelowLevel(shortfall);
      return { idToken: tokens.id_token, expiresAt: claims.exp };
    },
  };
}
