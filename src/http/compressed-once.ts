import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * A large answer that many ask for unchanged (the coverage report, about 1 MB of JSON) is compressed once per body,
 * not per request: @fastify/compress would spend some 20 ms of CPU on each, which eight coordinators at once
 * queue behind each other on two cores. Compression runs off the event loop (zlib's thread pool); the same
 * encodings and Brotli quality as the global @fastify/compress settings (app.ts), which passes a body that already
 * carries a Content-Encoding through unchanged.
 */

type Encoding = 'br' | 'gzip';

const compressors: Record<Encoding, (body: string) => Promise<Buffer>> = {
  br: (body) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => promisify(gzip)(body),
};

/** One body at a time: the last one sent, with its compressed forms as they are asked for. */
let last: { body: string; variants: Map<Encoding, Promise<Buffer>> } = { body: '', variants: new Map() };

export async function sendCompressedOnce(request: FastifyRequest, reply: FastifyReply, body: string): Promise<FastifyReply> {
  reply.header('Vary', 'Accept-Encoding');
  const encoding = negotiate<Encoding>(request.headers['accept-encoding'] ?? '', ['br', 'gzip']);
  if (!encoding) return reply.send(body);
  if (last.body !== body) last = { body, variants: new Map() };
  const variants = last.variants;
  let variant = variants.get(encoding);
  if (!variant) {
    variant = compressors[encoding](body);
    variants.set(encoding, variant);
    variant.catch(() => variants.delete(encoding));
  }
  return reply.header('Content-Encoding', encoding).send(await variant);
}
