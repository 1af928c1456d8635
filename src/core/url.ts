/**
 * URL policy: only `https:`, `http:` and relative URLs ever reach `href`, `src` or `srcset`.
 * Everything else (`javascript:`, `data:`, `vbscript:`, `blob:`, ...) is dropped.
 */

// Browsers strip ASCII tab/newline anywhere and leading C0 controls/spaces before parsing a URL
// ("java\tscript:" is "javascript:"), so the scheme is read the same way they read it.
const IGNORED_IN_URL = /[\t\n\r]/g;
const LEADING_JUNK = /^[\u0000-\u0020]+/;
// A scheme (RFC 3986: a letter, then letters, digits, "+", "-" or ".") other than http or https.
const OTHER_SCHEME = /^(?!https?:)[a-z][a-z\d+.-]*:/i;

/** Returns the URL when it is http(s) or relative, else undefined. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(IGNORED_IN_URL, '').replace(LEADING_JUNK, '').trim();
  // A backslash or "//" prefix is still an http(s) URL relative to the page's scheme; anything with a
  // colon before the first slash that is not a scheme (e.g. "&#106;avascript:") stays relative text,
  // which the browser resolves against the page and cannot execute. test(), not exec(): every article
  // has several URLs, and a match array for each would be garbage.
  return cleaned === '' || OTHER_SCHEME.test(cleaned) ? undefined : cleaned;
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
