import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/**
 * Static assets under versioned URLs: `/static/<content hash>/<name>`. A versioned URL never changes its content,
 * so browsers may keep it for a year without asking again (`immutable`); a new release changes the hash, and so the
 * URL, of every file it changes. The unversioned `/static/<name>` stays for anything that links to it, cached
 * briefly. Every file of `static/` is included, plus the NL Design System (Utrecht) stylesheet from its package.
 */

const require = createRequire(import.meta.url);
const staticDir = fileURLToPath(new URL('./static', import.meta.url));

const types: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
};

interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

function load(): Map<string, Asset> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(staticDir, { withFileTypes: true })) if (entry.isFile()) files.set(entry.name, readFileSync(`${staticDir}/${entry.name}`));
  files.set('utrecht.css', readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css')));
  const assets = new Map<string, Asset>();
  for (const [name, body] of files) {
    const type = types[name.split('.').pop() ?? ''];
    if (!type) continue;
    assets.set(name, { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) });
  }
  return assets;
}

const assets = load();

const YEAR = 365 * 24 * 3600;

/** The versioned URL of a static file, e.g. `/static/3f2a9c01b7d4/site.css`; unknown names are left as they are. */
export function assetUrl(pathOrName: string): string {
  const name = pathOrName.replace(/^\/static\//, '');
  const asset = assets.get(name);
  return asset ? `/static/${asset.hash}/${name}` : pathOrName;
}

export function registerAssets(app: FastifyInstance) {
  app.get('/static/:versie/:naam', { config: { rateLimit: false } }, (request, reply) => {
    const { versie, naam } = request.params as { versie: string; naam: string };
    const asset = assets.get(naam);
    if (!asset) return reply.callNotFound();
    // An old page during a release may ask for an old hash: it gets today's file, but not to keep.
    const cache = versie === asset.hash ? `public, max-age=${YEAR}, immutable` : 'no-cache';
    return reply.type(asset.type).header('Cache-Control', cache).send(asset.body);
  });
  app.get('/static/:naam', { config: { rateLimit: false } }, (request, reply) => {
    const asset = assets.get((request.params as { naam: string }).naam);
    if (!asset) return reply.callNotFound();
    return reply.type(asset.type).header('Cache-Control', 'public, max-age=3600').send(asset.body);
  });
  // Browsers ask for /favicon.ico on their own; the SVG serves them all.
  app.get('/favicon.ico', { config: { rateLimit: false } }, (_request, reply) => {
    const icon = assets.get('favicon.svg')!;
    return reply.type(icon.type).header('Cache-Control', 'public, max-age=86400').send(icon.body);
  });
}
