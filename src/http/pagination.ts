import { z } from 'zod';

/** `pagina`/`paginaGrootte` as the API Design Rules name them; at most 100 per page. */
export const paginationQuery = {
  pagina: z.coerce.number().int().min(1).max(100_000).default(1).describe('Paginanummer, vanaf 1.'),
  paginaGrootte: z.coerce.number().int().min(1).max(100).default(20).describe('Aantal resultaten per pagina (1–100).'),
};

/** A query parameter that may be repeated (`?type=a&type=b`): OR within the key. */
export function repeatable<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item).max(50).optional());
}

/**
 * RFC 8288 `Link` header with first/prev/next/last, keeping every other query parameter of the request.
 */
export function paginationLinks(requestUrl: URL, pagina: number, paginaGrootte: number, totaal: number): string {
  const last = Math.max(1, Math.ceil(totaal / paginaGrootte));
  const link = (page: number, rel: string) => {
    const url = new URL(requestUrl);
    url.searchParams.set('pagina', String(page));
    url.searchParams.set('paginaGrootte', String(paginaGrootte));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (pagina > 1) links.push(link(Math.min(pagina - 1, last), 'prev'));
  if (pagina < last) links.push(link(pagina + 1, 'next'));
  links.push(link(last, 'last'));
  return links.join(', ');
}

/** In @fastify/swagger's form (a JSON schema per header), for `config.openapiResponseHeaders`. */
export const paginationHeaders = {
  Link: { type: 'string', description: 'Links naar de eerste, vorige, volgende en laatste pagina (RFC 8288).' },
};
