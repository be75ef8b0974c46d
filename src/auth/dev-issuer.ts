import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSigner } from 'fast-jwt';

/**
 * The local development issuer: lets people try the register without an identity provider. Its key pair lives
 * under DATA_DIR, so tokens minted by `npm run token` are accepted by the running service. It may vouch for any
 * organisation, which is exactly why it never exists when NODE_ENV=production.
 */

export const DEV_ISSUER = 'urn:maatwerkregister:ontwikkeling';
export const DEV_AUDIENCE = 'maatwerkregister';
const ALGORITHM = 'ES256';

export interface DevKeys {
  privateKeyPem: string;
  publicKeyPem: string;
  kid: string;
}

export async function loadOrCreateDevKeys(dataDir: string): Promise<DevKeys> {
  const dir = path.join(dataDir, 'dev-issuer');
  const privatePath = path.join(dir, 'private.pem');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    // `wx`: the first process to get here wins; a concurrent one reads the winner's key below.
    await writeFile(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const privateKeyPem = await readFile(privatePath, 'utf8');
  const publicKey = createPublicKey(privateKeyPem);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKeyPem, publicKeyPem, kid: `dev-${String(jwk.x).slice(0, 12)}` };
}

export interface DevTokenClaims {
  sub: string;
  organisatie: string;
  naam?: string | undefined;
  email?: string | undefined;
}

/** `ttl` like `1h`, `30m`, `7d`, or seconds. */
export function parseTtl(ttl: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(ttl.trim());
  if (!match) throw new Error(`invalid ttl "${ttl}" (use e.g. 30m, 1h, 7d)`);
  const factor = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * factor;
}

export function signDevToken(keys: DevKeys, claims: DevTokenClaims, ttlSeconds = 3600): string {
  const sign = createSigner({
    key: keys.privateKeyPem,
    algorithm: ALGORITHM,
    iss: DEV_ISSUER,
    aud: DEV_AUDIENCE,
    kid: keys.kid,
    expiresIn: ttlSeconds * 1000,
    jti: randomUUID(),
  });
  const payload: Record<string, string> = { sub: claims.sub, organisatie: claims.organisatie };
  if (claims.naam) payload.name = claims.naam;
  if (claims.email) payload.email = claims.email;
  return sign(payload);
}
