import nodemailer from 'nodemailer';
import type { MailTransport } from './worker.js';

/**
 * The SMTP connection from `SMTP_URL` (`smtp://user:pass@host:587` upgrades with STARTTLS when the server offers it;
 * `smtps://…:465` is TLS from the start). Short timeouts, so an unreachable server fails a round quickly instead of
 * holding a claimed row.
 */
export function smtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    sendMail: (message) => transporter.sendMail(message),
    close: () => transporter.close(),
  };
}

/** Where mail goes, without the credentials (for logs and readiness). */
export function smtpEndpoint(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}
