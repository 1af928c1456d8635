/** Input limits of the comments contract, shared by the HTTP schemas and the posting rules. */
/** Dot-only ids (`.`, `..`) are refused: they look like path segments to proxies, caches and logs. */
export const THREAD_PATTERN = '^(?!\\.+$)[A-Za-z0-9._:-]{1,128}$';
export const NAME_MAX = 80;
export const BODY_MAX = 2000;
export const PAGE_MAX = 100;
export const ADMIN_PAGE_MAX = 500;

/**
 * "1 to `max` code points once white space is trimmed" as a JSON Schema `pattern` (ECMA-262 with the
 * `u` flag, where `[\s\S]` is one code point and `\s` is what `String.prototype.trim` removes). The
 * shipped schemas state the name and body limits with it; checkText applies the same rule.
 */
export const trimmedLengthPattern = (max: number) => `^\\s*(?:\\S|\\S[\\s\\S]{0,${max - 2}}\\S)\\s*$`;

/** Code points, not UTF-16 units: an emoji or a Thai mark counts once per code point. */
export const codePoints = (s: string) => [...s].length;

/** A lone surrogate cannot be stored as UTF-8; it would come back as U+FFFD. */
export const LONE_SURROGATE = /\p{Cs}/u;
