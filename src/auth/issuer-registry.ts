import buildGetJwks from 'get-jwks';
import type { TrustedIssuer } from '../config.js';
import { DEV_AUDIENCE, DEV_ISSUER, type DevKeys } from './dev-issuer.js';

/**
 * The identity providers whose tokens the register accepts, each with the key material to verify them and the
 * organisations it may vouch for. A token from any other issuer is refused before its signature is even checked.
 */

export interface IssuerEntry {
  issuer: string;
  audience: string;
  algorithms: string[];
  organisatieClaim: string;
  naamClaim: string;
  emailClaim: string;
  mayVouchFor(organisatie: string): boolean;
  keyFor(header: { kid?: string; alg?: string }): Promise<string>;
}

export type IssuerRegistry = Map<string, IssuerEntry>;

export function buildIssuerRegistry(trusted: TrustedIssuer[], devKeys?: DevKeys): IssuerRegistry {
  const registry: IssuerRegistry = new Map();
  for (const issuer of trusted) {
    const jwksUrl = new URL(issuer.jwksUrl);
    // One fetcher per issuer: keys are cached (10 minutes, stale keys refreshed on an unknown kid).
    const jwks = buildGetJwks({
      jwksPath: `${jwksUrl.pathname}${jwksUrl.search}`,
      ttl: 600_000,
      max: 50,
      // A getter, so every fetch gets a fresh 5-second deadline (get-jwks passes this object to each fetch).
      fetchOptions: {
        get signal() {
          return AbortSignal.timeout(5_000);
        },
      },
    });
    const organisaties = new Set(issuer.organisaties);
    registry.set(issuer.issuer, {
      issuer: issuer.issuer,
      audience: issuer.audience,
      algorithms: issuer.algorithms,
      organisatieClaim: issuer.organisatieClaim,
      naamClaim: issuer.naamClaim,
      emailClaim: issuer.emailClaim,
      mayVouchFor: (organisatie) => organisaties.has('*') || organisaties.has(organisatie),
      keyFor: ({ kid, alg }) => jwks.getPublicKey({ domain: jwksUrl.origin, kid: kid ?? '', alg: alg ?? '' }),
    });
  }
  if (devKeys) {
    registry.set(DEV_ISSUER, {
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      algorithms: ['ES256'],
      organisatieClaim: 'organisatie',
      naamClaim: 'name',
      emailClaim: 'email',
      mayVouchFor: () => true,
      keyFor: async () => devKeys.publicKeyPem,
    });
  }
  return registry;
}
