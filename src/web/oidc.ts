import * as client from 'openid-client';
import type { Config } from '../config.js';

/**
 * OpenID Connect sign-in (authorization code flow with PKCE) with the `openid-client` library. The ID token it
 * returns becomes the session, and is verified on every request by the same trusted-issuer checks as API tokens.
 */
export interface OidcLogin {
  verifier: string;
  state: string;
  nonce: string;
  terug: string;
}

export function oidcClient(settings: NonNullable<Config['oidc']>) {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    const issuer = new URL(settings.issuerUrl);
    discovered ??= client
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw error;
      });
    return discovered;
  };
  return {
    /** Where to send the browser, and what to remember (in a short-lived cookie) for the way back. */
    async start(terug: string): Promise<{ url: URL; login: OidcLogin }> {
      const verifier = client.randomPKCECodeVerifier();
      const login: OidcLogin = { verifier, state: client.randomState(), nonce: client.randomNonce(), terug };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: login.state,
        nonce: login.nonce,
      });
      return { url, login };
    },
    /** Exchanges the code for tokens, checking state, nonce and the PKCE verifier; returns the ID token. */
    async finish(callbackPathAndQuery: string, login: OidcLogin): Promise<{ idToken: string; expiresAt: number }> {
      const tokens = await client.authorizationCodeGrant(await configuration(), new URL(callbackPathAndQuery, settings.redirectUri), {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!tokens.id_token || !claims) throw new Error('no ID token');
      return { idToken: tokens.id_token, expiresAt: claims.exp };
    },
  };
}
