import fastifyJwt from '@fastify/jwt';
import type { FastifyRequest } from 'fastify';
import { createDecoder } from 'fast-jwt';
import fp from 'fastify-plugin';
import { IssuerKeysUnavailable, UnknownSigningKey, type IssuerRegistry } from '../auth/issuer-registry.js';
import { loadPrincipal, type Principal } from '../auth/principal.js';
import { ProblemError, unauthorized } from '../http/problem.js';
import { isStorableText, UNSTORABLE_TEXT_CODE, UNSTORABLE_TEXT_REASON } from '../http/storable.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler for routes that need a signed-in person; sets `request.principal`. */
    authenticate(request: FastifyRequest): Promise<void>;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

interface DecodedToken {
  header: { alg?: string; kid?: string };
  payload: Record<string, unknown>;
}

/** Verification errors (fast-jwt codes, and @fastify/jwt's wrappers of them) explained in Dutch. */
const tokenErrors: Record<string, string> = {
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: 'Het token is verlopen. Meld je opnieuw aan.',
  FAST_JWT_MISSING_SIGNATURE: 'Het token is niet ondertekend.',
  FAST_JWT_EXPIRED: 'Het token is verlopen. Meld je opnieuw aan.',
  FAST_JWT_INACTIVE: 'Het token is nog niet geldig.',
  FAST_JWT_INVALID_SIGNATURE: 'De handtekening van het token klopt niet.',
  FAST_JWT_INVALID_ALGORITHM: 'Het token is ondertekend met een algoritme dat deze uitgever niet gebruikt.',
  FAST_JWT_MISSING_REQUIRED_CLAIM: 'Het token mist een verplicht gegeven (sub, exp of aud).',
  FAST_JWT_MALFORMED: 'Het token is onleesbaar.',
  FAST_JWT_INVALID_CLAIM_VALUE: 'Het token is niet voor dit register bestemd (audience of uitgever klopt niet).',
  FAST_JWT_INVALID_KEY: 'De sleutel van de uitgever kon niet worden gebruikt.',
};

/** @fastify/jwt folds several failures into one code; its message (fast-jwt's) tells which. */
function invalidTokenReason(message: string): string {
  if (/\baud\b|\biss\b/.test(message)) return tokenErrors.FAST_JWT_INVALID_CLAIM_VALUE!;
  if (/signature/i.test(message)) return tokenErrors.FAST_JWT_INVALID_SIGNATURE!;
  if (/required claim/i.test(message)) return tokenErrors.FAST_JWT_MISSING_REQUIRED_CLAIM!;
  if (/algorithm/i.test(message)) return tokenErrors.FAST_JWT_INVALID_ALGORITHM!;
  return 'Het token is ongeldig.';
}

const MAX_CLOCK_SKEW_MS = 60_000;

export interface AuthenticationOptions {
  issuers: IssuerRegistry;
}

export default fp<AuthenticationOptions>(
  async (app, { issuers }) => {
    // One @fastify/jwt namespace per trusted issuer, with that issuer's audience, algorithms and keys as its fixed
    // verify options: @fastify/jwt then reuses one verifier per key instead of building one per request.
    const verifierNames = new Map<string, string>();
    let index = 0;
    for (const entry of issuers.values()) {
      const namespace = `issuer${index++}`;
      await app.register(fastifyJwt, {
        namespace,
        decode: { complete: true },
        // cache: a token verified once is not verified again until it expires (fast-jwt keys the cache by token).
        // `aud` is required: fast-jwt checks allowedAud only when the claim is present, and a token without it could
        // have been issued for any relying party of the same identity provider.
        verify: { allowedIss: entry.issuer, allowedAud: entry.audience, algorithms: entry.algorithms as never, requiredClaims: ['sub', 'exp', 'aud'], cache: 10_000 },
        // Keep fast-jwt's reason in the error, so the refusal can say what was wrong.
        messages: { authorizationTokenInvalid: (error: Error) => error.message },
        secret: (async (_request: FastifyRequest, token: DecodedToken) => entry.keyFor(token.header)) as never,
      });
      verifierNames.set(entry.issuer, `${namespace}JwtVerify`);
    }
    const decodeOnly = createDecoder({ complete: true });

    app.decorateRequest('principal', null);

    app.decorate('authenticate', async (request: FastifyRequest) => {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (!match) throw unauthorized('Aanmelden is nodig: stuur een token mee in de Authorization-header (Bearer).');
      let decoded: DecodedToken | null = null;
      try {
        decoded = decodeOnly(match[1]!) as DecodedToken;
      } catch {
        // handled below
      }
      if (!decoded?.payload) throw unauthorized('Het token is onleesbaar.');
      const entry = issuers.get(String(decoded.payload.iss));
      if (!entry) throw unauthorized(`Tokens van uitgever "${String(decoded.payload.iss)}" worden niet vertrouwd.`);

      let payload: Record<string, unknown>;
      try {
        const verify = (request as unknown as Record<string, () => Promise<{ payload?: Record<string, unknown> } & Record<string, unknown>>>)[verifierNames.get(entry.issuer)!]!;
        const verified = await verify.call(request);
        payload = (verified.payload ?? verified);
      } catch (error) {
        if (error instanceof ProblemError) throw error;
        // Not the token's fault: the person is not signed out for it, and a retry may well succeed.
        if (error instanceof IssuerKeysUnavailable) {
          request.log.error({ err: error }, 'identity provider key set unavailable');
          throw new ProblemError(503, 'Je aanmelding kan nu niet worden gecontroleerd: de sleutels van je identiteitsaanbieder zijn niet bereikbaar. Probeer het over een minuut opnieuw.', {
            headers: { 'Retry-After': '60' },
          });
        }
        if (error instanceof UnknownSigningKey) throw unauthorized('Het token is ondertekend met een sleutel die de uitgever niet (meer) publiceert.');
        const { code = '', message = '' } = error as { code?: string; message?: string };
        request.log.info({ code, reason: message }, 'token refused');
        throw unauthorized(tokenErrors[code] ?? invalidTokenReason(message));
      }

      // fast-jwt checks exp and nbf but not iat: a token "issued" in the future was accepted, and would stay valid
      // for longer than its issuer's lifetime policy suggests. A minute of clock skew is tolerated.
      if ('iat' in payload && (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat) || payload.iat * 1000 > Date.now() + MAX_CLOCK_SKEW_MS)) {
        request.log.info({ iat: payload.iat }, 'token refused: iat in the future');
        throw unauthorized('De uitgiftetijd (iat) van het token ligt in de toekomst of is ongeldig. Controleer de klok van je identiteitsaanbieder.');
      }

      // The claims go into queries and entries: text PostgreSQL cannot store is refused by name, not a 500.
      const unstorable = ['sub', entry.organisatieClaim, entry.naamClaim, entry.emailClaim].filter(
        (claim) => typeof payload[claim] === 'string' && !isStorableText(payload[claim]),
      );
      if (unstorable.length > 0) {
        throw new ProblemError(400, `Het token bevat een gegeven dat niet kan worden opgeslagen: ${unstorable.map((c) => `token.${c}`).join(', ')}.`, {
          invalidParams: unstorable.map((claim) => ({ name: `token.${claim}`, code: UNSTORABLE_TEXT_CODE, reason: UNSTORABLE_TEXT_REASON })),
        });
      }
      const organisatie = payload[entry.organisatieClaim];
      if (typeof organisatie !== 'string' || organisatie === '') {
        throw unauthorized(`Het token noemt geen organisatie (claim "${entry.organisatieClaim}").`);
      }
      if (!entry.mayVouchFor(organisatie)) {
        throw unauthorized(`Deze uitgever mag niet instaan voor medewerkers van organisatie "${organisatie}".`);
      }
      const text = (claim: string) => (typeof payload[claim] === 'string' ? (payload[claim]) : null);
      const lookup = await loadPrincipal(app.db, {
        issuer: entry.issuer,
        subject: String(payload.sub),
        organisatie,
        naam: text(entry.naamClaim),
        email: text(entry.emailClaim),
      });
      if (!lookup.ok) {
        if (lookup.reason === 'onbekende-organisatie') throw unauthorized(`Organisatie "${organisatie}" is niet bekend in het register.`);
        throw new ProblemError(403, `Organisatie "${organisatie}" is niet meer actief in het register.`);
      }
      request.principal = lookup.principal;
    });
  },
  { name: 'authentication', dependencies: ['database'] },
);

/** For handlers behind `authenticate`: the principal is always set there. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized('Aanmelden is nodig.');
  return request.principal;
}
