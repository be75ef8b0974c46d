import type { FastifyPluginAsync } from 'fastify';
import type { SecurityTxtConfig } from '../config-operations.js';

/**
 * `/.well-known/security.txt` (RFC 9116, on the Forum Standaardisatie "pas toe of leg uit" list): where to report a
 * vulnerability. Built from the configuration; the server refuses to start in production without a current one
 * (`startupRefusals`). Public, like the OpenAPI document: a reporter has no account.
 */

export function renderSecurityTxt(s: SecurityTxtConfig): string {
  const lines = ['# Maatwerkregister: meld kwetsbaarheden bij het contact hieronder (coordinated vulnerability disclosure).'];
  for (const contact of s.contact) lines.push(`Contact: ${contact}`);
  lines.push(`Expires: ${s.expires.toISOString()}`);
  if (s.encryption) lines.push(`Encryption: ${s.encryption}`);
  if (s.acknowledgments) lines.push(`Acknowledgments: ${s.acknowledgments}`);
  lines.push(`Preferred-Languages: ${s.preferredLanguages}`);
  for (const canonical of s.canonical) lines.push(`Canonical: ${canonical}`);
  if (s.policy) lines.push(`Policy: ${s.policy}`);
  return `${lines.join('\n')}\n`;
}

const DAY_MS = 86_400_000;

const securityTxtRoutes: FastifyPluginAsync = async (app) => {
  const settings = app.config.securityTxt;
  // Unconfigured (development, tests): no file rather than a file with made-up contacts.
  if (!settings) return;
  const body = renderSecurityTxt(settings);
  let warnedAt = 0;
  app.get('/.well-known/security.txt', async (request, reply) => {
    // A service that outlives its Expires keeps serving the file (the contacts are still the best there are),
    // but says so in the log once a day, so the operator renews it.
    const now = Date.now();
    if (settings.expires.getTime() <= now && now - warnedAt > DAY_MS) {
      warnedAt = now;
      request.log.warn({ expires: settings.expires.toISOString() }, 'security.txt has expired: set a new SECURITY_TXT_EXPIRES');
    }
    return reply
      .type('text/plain; charset=utf-8')
      .header('Cache-Control', 'public, max-age=86400')
      .header('Access-Control-Allow-Origin', '*')
      .send(body);
  });
};

export default securityTxtRoutes;
