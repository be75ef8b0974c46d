import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The web sign-in's OpenID Connect client, after Logius' NLGov profile: client authentication by `private_key_jwt`
 * (or a client secret), the authentication level (`acr`) and methods (`amr`) a sign-in must reach. Kept apart from
 * `config.ts` like the operator settings; `config.ts` merges `oidcEnvShape` into its one schema and calls
 * `readOidcConfig`. Nothing here reads `process.env`.
 */

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().min(1).optional());
/** Space- or comma-separated values, as `acr_values` is written in OpenID Connect. */
const valueList = z.preprocess(emptyAsUndefined, z.string().optional()).transform((raw) => (raw ?? '').split(/[\s,]+/).filter(Boolean));

export const oidcEnvShape = {
  OIDC_ISSUER_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  /** The client's private key for `private_key_jwt`: PEM (PKCS#8 or PKCS#1/SEC1) or a JWK, inline or as a file path. */
  OIDC_PRIVATE_KEY: optionalString,
  /** The `kid` of that key as registered with the provider (a JWK's own `kid` is used when this is not set). */
  OIDC_PRIVATE_KEY_ID: optionalString,
  OIDC_PRIVATE_KEY_ALG: z.preprocess(emptyAsUndefined, z.enum(['RS256', 'PS256', 'ES256']).optional()),
  /** Default: `private_key_jwt` with a key, else `client_secret_basic` with a secret, else `none` (public client). */
  OIDC_CLIENT_AUTH: z.preprocess(emptyAsUndefined, z.enum(['private_key_jwt', 'client_secret_basic', 'client_secret_post', 'none']).optional()),
  OIDC_SCOPE: z.string().min(1).default('openid profile email'),
  OIDC_REDIRECT_URI: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  /** Accepted `acr` values (the required level and every higher one); asked for as `acr_values`. */
  OIDC_ACR_VALUES: valueList,
  /** When set, the ID token's `amr` must hold at least one of these (e.g. `mfa otp hwk` for a second factor). */
  OIDC_AMR_VALUES: valueList,
};

type OidcEnv = z.infer<z.ZodObject<typeof oidcEnvShape>>;

export type ClientSigningAlg = 'RS256' | 'PS256' | 'ES256';

export type OidcClientAuthentication =
  | { method: 'private_key_jwt'; privateKey: { pkcs8: string; alg: ClientSigningAlg; kid: string } }
  | { method: 'client_secret_basic' | 'client_secret_post'; secret: string }
  | { method: 'none' };

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientAuthentication: OidcClientAuthentication;
  scope: string;
  redirectUri: string;
  /** Empty: any level the provider gives is accepted. */
  acrValues: string[];
  /** Empty: no particular method is required. */
  amrValues: string[];
}

/** Inline PEM or JWK, else the path of a file holding one. */
function readKeyText(raw: string, problems: string[]): string | undefined {
  const text = raw.trim();
  if (text.startsWith('-----BEGIN') || text.startsWith('{')) return text.replace(/\\n/g, '\n');
  if (!existsSync(text)) {
    problems.push('OIDC_PRIVATE_KEY: not a PEM key or a JWK, and no file at that path');
    return undefined;
  }
  return readFileSync(text, 'utf8').trim();
}

function parsePrivateKey(text: string, problems: string[]): { key: KeyObject; jwk?: { kid?: string; alg?: string } } | undefined {
  try {
    if (text.startsWith('{')) {
      const jwk = JSON.parse(text) as { kid?: string; alg?: string; d?: string };
      if (!jwk.d) {
        problems.push('OIDC_PRIVATE_KEY: the JWK is a public key; the private key is needed to sign client assertions');
        return undefined;
      }
      return { key: createPrivateKey({ key: jwk as never, format: 'jwk' }), jwk };
    }
    return { key: createPrivateKey(text) };
  } catch (error) {
    // The message of crypto names the format problem, never the key material.
    problems.push(`OIDC_PRIVATE_KEY: not a usable private key (${(error as Error).message})`);
    return undefined;
  }
}

/** The signing algorithm: as configured, else the JWK's, else the usual one for the key type. */
function algorithmFor(key: KeyObject, configured: string | undefined, problems: string[]): ClientSigningAlg | undefined {
  const type = key.asymmetricKeyType;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const alg = (configured ?? (type === 'ec' ? 'ES256' : 'RS256')) as ClientSigningAlg;
  const fits = alg === 'ES256' ? type === 'ec' && curve === 'prime256v1' : type === 'rsa' || (alg === 'PS256' && type === 'rsa-pss');
  if (!fits) {
    problems.push(`OIDC_PRIVATE_KEY_ALG: ${alg} does not fit a ${type}${curve ? ` (${curve})` : ''} key; use RS256 or PS256 with RSA, ES256 with EC P-256`);
    return undefined;
  }
  if ((type === 'rsa' || type === 'rsa-pss') && (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    problems.push('OIDC_PRIVATE_KEY: an RSA key needs at least 2048 bits');
    return undefined;
  }
  return alg;
}

function clientAuthentication(e: OidcEnv, problems: string[]): OidcClientAuthentication | undefined {
  const method = e.OIDC_CLIENT_AUTH ?? (e.OIDC_PRIVATE_KEY ? 'private_key_jwt' : e.OIDC_CLIENT_SECRET ? 'client_secret_basic' : 'none');
  if (method === 'none') return { method };
  if (method !== 'private_key_jwt') {
    if (!e.OIDC_CLIENT_SECRET) {
      problems.push(`OIDC_CLIENT_SECRET: required with OIDC_CLIENT_AUTH=${method}`);
      return undefined;
    }
    return { method, secret: e.OIDC_CLIENT_SECRET };
  }
  if (!e.OIDC_PRIVATE_KEY) {
    problems.push('OIDC_PRIVATE_KEY: required with OIDC_CLIENT_AUTH=private_key_jwt');
    return undefined;
  }
  const text = readKeyText(e.OIDC_PRIVATE_KEY, problems);
  const parsed = text ? parsePrivateKey(text, problems) : undefined;
  if (!parsed) return undefined;
  const alg = algorithmFor(parsed.key, e.OIDC_PRIVATE_KEY_ALG ?? parsed.jwk?.alg, problems);
  const kid = e.OIDC_PRIVATE_KEY_ID ?? parsed.jwk?.kid;
  // The provider picks the key of the assertion by `kid` from the client's JWKS; without it, key rollover breaks.
  if (!kid) problems.push('OIDC_PRIVATE_KEY_ID: required with a PEM key (the `kid` the provider knows the key by)');
  if (!alg || !kid) return undefined;
  return { method, privateKey: { pkcs8: parsed.key.export({ type: 'pkcs8', format: 'pem' }) as string, alg, kid } };
}

export function readOidcConfig(e: OidcEnv, context: { publicUrl: string }, problems: string[]): OidcConfig | null {
  if (!e.OIDC_ISSUER_URL) return null;
  if (!e.OIDC_CLIENT_ID) {
    problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER_URL');
    return null;
  }
  const authentication = clientAuthentication(e, problems);
  if (!authentication) return null;
  return {
    issuerUrl: e.OIDC_ISSUER_URL,
    clientId: e.OIDC_CLIENT_ID,
    clientAuthentication: authentication,
    scope: e.OIDC_SCOPE,
    redirectUri: e.OIDC_REDIRECT_URI ?? `${context.publicUrl}/inloggen/terug`,
    acrValues: e.OIDC_ACR_VALUES,
    amrValues: e.OIDC_AMR_VALUES,
  };
}
