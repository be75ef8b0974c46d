import type { Segment } from '../../search/highlight.js';

/** A field with its matching parts in <mark>; plain text when nothing matched. Escaped by the renderer. */
export function Highlighted({ text, segments }: { text: string; segments?: Segment[] | undefined }) {
  if (!segments) return <>{text}</>;
  return <>{segments.map((s) => (s.treffer ? <mark>{s.tekst}</mark> : s.tekst))}</>;
}
