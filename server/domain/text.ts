/**
 * Characters that must never reach a reader's page, a moderator's terminal or a log as anything but
 * inert text: C0/C1 controls and DEL (terminal escape sequences), and the bidi embeddings, overrides and
 * isolates that make text display in another order than it is stored ("gnp.exe").
 */
const BIDI_CONTROLS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
/** Names: no controls at all, not even tab or new line, and no bidi controls. */
export const UNSAFE_IN_NAME = new RegExp(`[\\p{Cc}${BIDI_CONTROLS}]`, 'u');
/** Bodies keep their line breaks and tabs; every other control is refused. Bidi marks are legitimate in RTL prose. */
export const UNSAFE_IN_BODY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

const ESCAPED = new RegExp(`[\\p{Cc}${BIDI_CONTROLS}\\u2028\\u2029]`, 'gu');

/** Shows controls as `\u{1b}` so text printed in a terminal or a log line cannot act on it. */
export function escapeControls(text: string): string {
  return text.replace(ESCAPED, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

const ESCAPED_IN_JSON = new RegExp(`[\\u007F-\\u009F${BIDI_CONTROLS}\\u2028\\u2029]`, 'gu');

/** The same for JSON text (JSON.stringify already escapes C0): `\u202e`, so the output stays valid JSON. */
export function escapeControlsInJson(json: string): string {
  return json.replace(ESCAPED_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Invisible format characters (zero-width space and joiners, soft hyphen, bidi controls) split a link without showing. */
const INVISIBLE = /[\p{Cf}\u00AD]/gu;
/** Any scheme (`https://`, `ftp://`, `hxxps://`), `www.`, or a bare host followed by a path. */
const SCHEME_OR_WWW = /\b[a-z][a-z0-9+.-]*:\/\/|\bwww\d{0,3}\./i;
const HOST_WITH_PATH = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,63}\//i;
/** Bare hosts without a path count only with a top-level domain people use for links (`evil.com`, `bit.ly`). */
const HOST_WITH_COMMON_TLD =
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|ly|me|to|gg|tk|ml|ga|cf|gq|xyz|top|site|online|club|shop|app|dev|link|click|live|ru|cn|su|pw|cc|ws|tv|vn|th|uk|de|fr|us|in|jp|kr|br|au|ca|eu|nl|pl|es|it|id|ph|my|sg)\b/i;

/**
 * True when the text holds something a reader could follow as a link. Checked after NFKC (full-width
 * `ｈｔｔｐｓ：／／` becomes `https://`) and without invisible characters, so disguises count too.
 */
export function containsLink(text: string): boolean {
  const plain = text.normalize('NFKC').replace(INVISIBLE, '');
  return SCHEME_OR_WWW.test(plain) || HOST_WITH_PATH.test(plain) || HOST_WITH_COMMON_TLD.test(plain);
}
