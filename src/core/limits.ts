/**
 * The JSON contract's limits, enforced before anything renders: text long enough to freeze a page's
 * layout (a megabyte-long Thai headline is line-broken by dictionary) or lists long enough to build
 * thousands of nodes never reach the DOM. String lengths count UTF-16 code units (JavaScript's
 * `length`). The JSON Schemas state the same numbers as `maxLength` / `maxItems`.
 */
export const LIMITS = {
  title: 500,
  summary: 2000,
  alt: 1000,
  caption: 2000,
  credit: 300,
  /** `category.name`, `author.name`, `source.name`. */
  name: 200,
  /** A related section's `title`. */
  sectionTitle: 200,
  /** `id` and `thread`. */
  id: 256,
  url: 2048,
  srcset: 8192,
  /** Articles per related section: the first ones are kept. */
  items: 100,
  /** Sections per related feed: the first ones are kept. */
  sections: 10,
  /** Bytes of one JSON response body a widget reads; a larger answer is refused. */
  responseBytes: 1_048_576,
} as const;

/**
 * `value` cut to at most `max` code units, ending with "…", never between the two halves of a
 * surrogate pair (which would render as a broken character).
 */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return value.slice(0, end) + '…';
}
