/**
 * URL policy: only `https:`, `http:` and relative URLs ever reach `href`, `src` or `srcset`.
 * Everything else (`javascript:`, `data:`, `vbscript:`, `blob:`, ...) is dropped.
 */

// Browsers strip ASCII tab/newline anywhere and leading C0 controls/spaces before parsing a URL
// ("java\tscript:" is "javascript:"), so the scheme is read the same way they read it.
const IGNORED_IN_URL = /[\t\n\r]/g;
const LEADING_JUNK = /^[\u0000-\u0020]+/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** Returns the URL when it is http(s) or relative, else undefined. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(IGNORED_IN_URL, '').replace(LEADING_JUNK, '').trim();
  if (cleaned === '') return undefined;
  const scheme = SCHEME.exec(cleaned);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    return name === 'https' || name === 'http' ? cleaned : undefined;
  }
  // A backslash or "//" prefix is still an http(s) URL relative to the page's scheme; anything with a
  // colon before the first slash that did not match SCHEME (e.g. "&#106;avascript:") stays relative
  // text, which the browser resolves against the page and cannot execute.
  return cleaned;
}

/**
 * Returns the srcset when every candidate URL passes {@link safeUrl}, else undefined. A srcset is
 * all-or-nothing: a `data:` candidate contains commas, so partial filtering could keep fragments of it.
 */
export function safeSrcset(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const candidates = value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
  return candidates.every((url) => url !== '' && safeUrl(url) !== undefined) ? value : undefined;
}
