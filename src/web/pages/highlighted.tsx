import type { Segment } from '../../search/highlight.js';

/** A field with its matching parts in <mark>; plain text when nothing matched. Escaped by the renderer. */
export function Highlighted({ text, segments }: { text: string; segments?: Segment[] | undefined }) {
  if (!segments) return <>{text}</>;
  return <>{segments.map((s) => (s.treffer ? <mark>{s.tekst}</mark> : s.tekst))}</>;
}

/**
 * A long field (over mij) cut to the words around its first match, so a result found through it shows why; a cut
 * is marked with an ellipsis. About `context` characters either side, cut at spaces.
 */
export function Snippet({ segments, context = 60 }: { segments: Segment[]; context?: number }) {
  let offset = 0;
  const placed = segments.map((s) => ({ ...s, from: (offset += s.tekst.length) - s.tekst.length }));
  const hit = placed.find((s) => s.treffer);
  if (!hit) return null;
  const text = segments.map((s) => s.tekst).join('');
  let from = Math.max(0, hit.from - context);
  if (from > 0) from = text.indexOf(' ', from) + 1 || hit.from;
  let to = Math.min(text.length, hit.from + hit.tekst.length + context);
  if (to < text.length) to = Math.max(hit.from + hit.tekst.length, text.lastIndexOf(' ', to));
  const shown = placed
    .map((s) => ({ treffer: s.treffer, tekst: text.slice(Math.max(from, s.from), Math.min(to, s.from + s.tekst.length)) }))
    .filter((s) => s.tekst !== '');
  return (
    <>
      {from > 0 ? '…' : ''}
      {shown.map((s) => (s.treffer ? <mark>{s.tekst}</mark> : s.tekst))}
      {to < text.length ? '…' : ''}
    </>
  );
}
