/**
 * A client's text (a path, an id, a tenant) as an answer may echo it back: printable ASCII only,
 * and short, so that no answer carries control characters or a client's megabytes.
 */
export function echoed(text: string, max = 100): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, max);
}
