function hasControlCharacter(text: string): boolean {
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A path of this origin to send a browser back to, or the fallback. Only single-slash relative
 * paths pass: `//host`, `/\host`, schemes, control characters and encoded variants of them do not,
 * so no parameter can turn the mock into an open redirect.
 */
export function safeLocalPath(candidate: unknown, fallback: string): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 2048) return fallback;
  let decoded = candidate;
  for (let i = 0; i < 3; i += 1) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      return fallback;
    }
  }
  for (const text of [candidate, decoded]) {
    if (!text.startsWith('/') || text.startsWith('//') || text.includes('\\') || hasControlCharacter(text))
      return fallback;
  }
  const parsed = new URL(candidate, 'http://mock.invalid');
  if (parsed.origin !== 'http://mock.invalid') return fallback;
  return parsed.pathname + parsed.search + parsed.hash;
}
