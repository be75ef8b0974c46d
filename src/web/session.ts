import type { FastifyInstance } from 'fastify';

/** The session is an httpOnly, SameSite cookie holding the verified token. */
export const SESSION_COOKIE = 'maatwerk_sessie';

/** Cookies are `Secure` wherever the register is reached over https (and always in production). */
export const secureCookies = (app: FastifyInstance) => app.config.publicUrl.startsWith('https://') || app.config.env === 'production';

/** Only local paths, so a crafted `terug` cannot send someone elsewhere. */
export function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/';
}
