import buildGetJwks from 'get-jwks';
import { Agent } from 'undici';
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

/** The issuer's key set could not be fetched (unreachable, slow, or an error answer): nobody's fault but the network's. */
export class IssuerKeysUnavailable extends Error {
  constructor(readonly issuer: string, cause: unknown) {
    super(`the key set of ${issuer} could not be fetched`, { cause });
    this.name = 'IssuerKeysUnavailable';
  }
}

/** The key set was fetched, but holds no key with the token's kid and alg. */
export class UnknownSigningKey extends Error {
  constructor(readonly issuer: string, kid: string | undefined) {
    super(`${issuer} publishes no key with kid "${kid ?? ''}"`);
    this.name = 'UnknownSigningKey';
  }
}

export interface IssuerRegistryOptions {
  /** Deadline for connecting to, and for each answer from, an issuer's JWKS endpoint. */
  jwksTimeoutMs?: number;
}

export function buildIssuerRegistry(trusted: TrustedIssuer[], devKeys?: DevKeys, { jwksTimeoutMs = 5_000 }: IssuerRegistryOptions = {}): IssuerRegistry {
  const registry: IssuerRegistry = new Map();
  // The deadline lives in the connection pool, so it applies to every fetch. (get-jwks copies its fetch options
  // once, so an AbortSignal there would be created at start-up and abort every fetch made after the deadline.)
  const jwksPool = new Agent({ connect: { timeout: jwksTimeoutMs }, headersTimeout: jwksTimeoutMs, bodyTimeout: jwksTimeoutMs });
  for (const issuer of trusted) {
    const jwksUrl = new URL(issuer.jwksUrl);
    // One fetcher per issuer: keys are cached (10 minutes, stale keys refreshed on an unknown kid).
    const jwks = buildGetJwks({
      jwksPath: `${jwksUrl.pathname}${jwksUrl.search}`,
      ttl: 600_000,
      max: 50,
      fetchOptions: { dispatcher: jwksPool },
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
      keyFor: async ({ kid, alg }) => {
        try {
          return await jwks.getPublicKey({ domain: jwksUrl.origin, kid: kid ?? '', alg: alg ?? '' });
        } catch (error) {
          // get-jwks falls back to a stale key by itself; an error here means there is no usable key.
          if ((error as { code?: string }).code === 'JWK_NOT_FOUND') throw new UnknownSigningKey(issuer.issuer, kid);
          throw new IssuerKeysUnavailable(issuer.issuer, error);
        }
      },
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
