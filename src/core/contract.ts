/**
 * Contract checks for the JSON contract v1 (docs/contract.md; schema/ says the same as JSON Schema).
 *
 * Hand-written on purpose: a schema library would be the biggest dependency on a partner's page, and
 * the contract is small. Unknown fields are ignored, `null` counts as absent for optional fields, a URL
 * with a disallowed scheme is dropped (the widget still renders), and anything else that breaks the
 * contract throws a {@link ContractError} naming the field path. Text over its limit in `limits.ts` is cut,
 * a URL over its limit is dropped, a list over its limit keeps its first items; each top-level check then
 * logs one warning naming every such field and its limit.
 */
import { cut, LIMITS } from './limits.js';
import { safeSrcset, safeUrl } from './url.js';

export class ContractError extends Error {
  constructor(
    /** Path of the offending field, e.g. `article.image.width`. */
    readonly field: string,
    readonly expectation: string,
  ) {
    super(`"${field}" ${expectation}`);
    this.name = 'ContractError';
  }
}

export interface ImageData {
  src?: string;
  srcset?: string;
  width?: number;
  height?: number;
  /** Empty or absent: the image is decorative. */
  alt?: string;
  caption?: string;
  credit?: string;
}

export interface LinkData {
  name: string;
  url?: string;
}

export interface Article {
  id: string;
  /** Absent when the data's URL used a disallowed scheme: the headline then renders as text. */
  url?: string;
  title: string;
  summary?: string;
  image?: ImageData;
  category?: LinkData;
  author?: LinkData;
  source?: LinkData;
  publishedAt?: string;
  updatedAt?: string;
  lang?: string;
  translatedFrom?: string;
  commentCount?: number;
  thread?: string;
}

export type RelatedKind = 'topic' | 'category' | 'author';

export interface RelatedSection {
  kind: RelatedKind;
  title?: string;
  items: Article[];
}

export interface RelatedFeed {
  sections: RelatedSection[];
}

export interface Photo {
  src?: string;
  srcset?: string;
  width?: number;
  height?: number;
  alt: string;
  caption?: string;
  credit?: string;
  number?: number;
}

/**
 * Checks `value` and returns its checked copy, or throws a ContractError naming `path` (`article`, or
 * `''` inside a container, which puts its own path in front on the way out).
 */
export type Check<T> = (value: unknown, path: string) => T;

/**
 * Runs a container's check of one child (`step`: a key, or an index in a list) with path `''` and, if
 * it fails, names the field from the container's path: a field's path (`article.image.width`) is built
 * only when it fails. Built for every field, the paths made checking an article allocate more than
 * rendering it.
 */
function checkChild<T>(check: Check<T>, value: unknown, path: string, step: string | number): T {
  const cutsBefore = cuts.length;
  try {
    const checked = check(value, '');
    for (let i = cutsBefore; i < cuts.length; i++) cuts[i].field = fieldPath(path, step, cuts[i].field);
    return checked;
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    throw new ContractError(fieldPath(path, step, error.field), error.expectation);
  }
}

function fieldPath(path: string, step: string | number, field: string): string {
  const at = typeof step === 'number' ? `${path}[${step}]` : path ? `${path}.${step}` : step;
  return !field ? at : field[0] === '[' ? at + field : `${at}.${field}`;
}

/** Fields the running check shortened (or dropped) to fit their limit, for its one warning. */
let cuts: { field: string; limit: string }[] = [];

/** `check`, then one warning naming every field it shortened to fit the limits. */
function warnOfCuts<T>(check: Check<T>): Check<T> {
  return (value, path) => {
    cuts = [];
    const checked = check(value, path);
    if (cuts.length)
      console.warn(`[byline] ${path}: shortened to the contract's limits: ${cuts.map((c) => `"${c.field}" to ${c.limit}`).join(', ')}`);
    return checked;
  };
}

/** Text over `max` code units is cut to `max` (ending with "…"). */
function limited(check: Check<string>, max: number): Check<string> {
  return (value, path) => {
    const checked = check(value, path);
    if (checked.length <= max) return checked;
    cuts.push({ field: path, limit: `${max} characters` });
    return cut(checked, max);
  };
}

const isAbsent = (value: unknown): value is null | undefined => value === undefined || value === null;

export const text: Check<string> = (value, path) => {
  if (typeof value !== 'string') throw new ContractError(path, 'must be a string');
  return value;
};

// Whitespace only is empty, tested without the trimmed copy trim() would make.
const NOT_SPACE = /\S/;

export const requiredText: Check<string> = (value, path) => {
  if (isAbsent(value)) throw new ContractError(path, 'is required');
  if (!NOT_SPACE.test(text(value, path))) throw new ContractError(path, 'must not be empty');
  return value as string;
};

export const count: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new ContractError(path, 'must be a non-negative number');
  return value;
};

export const dateTime: Check<string> = (value, path) => {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    throw new ContractError(path, 'must be an ISO 8601 date-time');
  return value;
};

/**
 * Wrong type is a contract error; a disallowed scheme is silently dropped (returns undefined). A URL over
 * its limit is dropped too (a cut URL would point somewhere else), with a warning.
 */
function link<T>(safe: (value: string) => T, max: number): Check<T | undefined> {
  return (value, path) => {
    const checked = text(value, path);
    if (checked.length <= max) return safe(checked);
    cuts.push({ field: path, limit: `${max} characters (dropped)` });
    return undefined;
  };
}
const url = link(safeUrl, LIMITS.url);
const srcset = link(safeSrcset, LIMITS.srcset);

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (isAbsent(value) ? undefined : check(value, path));
}

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

export function object<T>(shape: Shape<T>): Check<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new ContractError(path, 'must be an object');
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const checked = checkChild(shape[key], source[key], path, key);
      if (checked !== undefined) out[key] = checked;
    }
    return out as T;
  };
}

/** A list; with `max`, only its first `max` items are checked and kept. */
export function list<T>(check: Check<T>, max = Infinity): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new ContractError(path, 'must be an array');
    if (value.length > max) {
      cuts.push({ field: path, limit: `${max} items` });
      value = value.slice(0, max);
    }
    return (value as unknown[]).map((item, index) => checkChild(check, item, path, index));
  };
}

export function oneOf<T extends string>(...allowed: T[]): Check<T> {
  return (value, path) => {
    if (!allowed.includes(value as T)) throw new ContractError(path, `must be one of ${allowed.join(', ')}`);
    return value as T;
  };
}

const named: Check<LinkData> = object<LinkData>({ name: limited(requiredText, LIMITS.name), url: optional(url) });

const imageShape = {
  src: optional(url),
  srcset: optional(srcset),
  width: optional(count),
  height: optional(count),
  alt: optional(limited(text, LIMITS.alt)),
  caption: optional(limited(text, LIMITS.caption)),
  credit: optional(limited(text, LIMITS.credit)),
};

const article: Check<Article> = object<Article>({
  id: limited(requiredText, LIMITS.id),
  url: (value, path) => url(isAbsent(value) ? requiredText(value, path) : value, path),
  title: limited(requiredText, LIMITS.title),
  summary: optional(limited(text, LIMITS.summary)),
  image: optional(object<ImageData>(imageShape)),
  category: optional(named),
  author: optional(named),
  source: optional(named),
  publishedAt: optional(dateTime),
  updatedAt: optional(dateTime),
  lang: optional(text),
  translatedFrom: optional(text),
  commentCount: optional(count),
  thread: optional(limited(text, LIMITS.id)),
});

export const checkArticle: Check<Article> = warnOfCuts(article);

const section: Check<RelatedSection> = object<RelatedSection>({
  kind: oneOf<RelatedKind>('topic', 'category', 'author'),
  title: optional(limited(text, LIMITS.sectionTitle)),
  items: list(article, LIMITS.items),
});

export const checkRelatedFeed: Check<RelatedFeed> = warnOfCuts(
  object<RelatedFeed>({ sections: list(section, LIMITS.sections) }),
);

export const checkPhoto: Check<Photo> = warnOfCuts(
  object<Photo>({
    ...imageShape,
    src: (value, path) => url(requiredText(value, path), path),
    alt: limited(text, LIMITS.alt),
    number: optional(count),
  }),
);
