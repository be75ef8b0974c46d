import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import { API_VERSION } from '../http/api-version.js';

/**
 * The security headers the NL API Design Rules ask for on every response, plus `API-Version` and the request id.
 * Responses are personal and current, so nothing is cached unless a route says otherwise.
 */
const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

export default fp(
  async (app) => {
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
    });
    app.addHook('onSend', async (request, reply, payload) => {
      reply.header('API-Version', API_VERSION);
      reply.header('X-Request-Id', request.id);
      // The register uses no camera, microphone, location or payment features; neither may anything it embeds.
      reply.header('Permissions-Policy', PERMISSIONS_POLICY);
      if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
      return payload;
    });
  },
  { name: 'security-headers' },
);
