import type { FastifyInstance } from 'fastify';

/** The session is an httpOnly, SameSite cookie holding the verified token. */
export const SESSION_COOKIE = 'maatwerk_sessie';

/** Cookies are `Secure` wherever the register is reached over https (and always in production). */
export const secureCookies = (app: FastifyInstance) => app.config.publicUrl.startsWith('https://') || app.config.env === 'production';

/**
 * Only local paths, so a crafted `terug` cannot send someone elsewhere; and only what a Location header can carry.
 * Whitespace and control characters (which browsers strip, so "/\t/evil" would become "//evil") make it "/";
 * other non-ASCII text ("€", "café") is percent-encoded as the browser would have sent it (issue 16, F6: it was a
 * 500 from Node's header check). A lone surrogate cannot be encoded and also gives "/".
 */
export function safeReturn(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?!\/)/.test(value) || /[\s\\\p{Cc}]/u.test(value)) return '/';
  try {
    return value.replace(/[^\x21-\x7e]+/gu, (text) => encodeURIComponent(text));
  } catch {
    return '/';
  }
}
