/**
 * Readers for the comment exports of the systems a site leaves: Disqus (its XML export) and
 * WordPress (WXR). Each answers the comments in a neutral shape, with the Byline thread they belong
 * to, and counts what it leaves out (spam, deleted, trackbacks). E-mail and IP addresses are never read.
 */
import { decodeHTML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { THREAD_PATTERN } from '../domain/limits.js';

export interface ImportedComment {
  /** The id in the source system; the import is idempotent on it. */
  sourceId: string;
  thread: string;
  parentSourceId?: string;
  authorName: string;
  body: string;
  createdAt: string;
  status: 'published' | 'pending';
}

export interface ThreadMapping {
  /** `id`: the source's own article identifier (Disqus thread <id>, WordPress post id); `url`: the article URL's path. */
  by: 'id' | 'url';
  /** Explicit source id or URL → Byline thread, checked before `by`. */
  map?: Record<string, string>;
}

export interface ParsedExport {
  comments: ImportedComment[];
  /** Left out, by reason. */
  skipped: Record<string, number>;
}

const VALID_THREAD = new RegExp(THREAD_PATTERN);

/**
 * A thread id from an article URL's path: https://x/th/article/1972/ → th-article-1972. Non-ASCII
 * keeps its percent-encoding (as hex), so two different paths stay two threads.
 */
export function threadFromUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  const path = (parsed?.pathname ?? url).replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return path.slice(0, 128) || (parsed?.hostname ?? '');
}

/** Comment HTML (Disqus messages, WordPress content) to the plain text Byline stores. */
export function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, ''),
  ).trim();
}

function parse(xml: string, arrays: string[]): Record<string, unknown> {
  // Exports never declare entities; refusing a DOCTYPE rules out entity-expansion bombs.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('The file declares a DOCTYPE or entities; a Disqus or WordPress export does not.');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (_name, jpath) => arrays.includes(String(jpath)),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

type Node = Record<string, unknown>;
const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return text((value as Node)['#text']);
  return String(value);
};
const attr = (value: unknown, name: string): string => (value && typeof value === 'object' ? text((value as Node)[`@_${name}`]) : '');

function count(skipped: Record<string, number>, reason: string) {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

function resolveThread(mapping: ThreadMapping, sourceId: string, url: string): string {
  const mapped = mapping.map?.[sourceId] ?? mapping.map?.[url];
  if (mapped) return mapped;
  if (mapping.by === 'id' && sourceId) return sourceId;
  return threadFromUrl(url);
}

export function readDisqus(xml: string, mapping: ThreadMapping): ParsedExport {
  const root = parse(xml, ['disqus.thread', 'disqus.post']).disqus as Node | undefined;
  if (!root) throw new Error('Not a Disqus export: no <disqus> root element.');
  const threads = new Map<string, string>();
  for (const t of (root.thread as Node[] | undefined) ?? []) {
    const identifier = text(t.id);
    threads.set(attr(t, 'id'), resolveThread(mapping, VALID_THREAD.test(identifier) ? identifier : '', text(t.link)));
  }
  const skipped: Record<string, number> = {};
  const comments: ImportedComment[] = [];
  for (const p of (root.post as Node[] | undefined) ?? []) {
    if (text(p.isSpam) === 'true') count(skipped, 'spam');
    else if (text(p.isDeleted) === 'true') count(skipped, 'deleted');
    else {
      const thread = threads.get(attr(p.thread, 'id'));
      if (thread === undefined) count(skipped, 'unknown thread');
      else if (!VALID_THREAD.test(thread)) count(skipped, 'thread id not allowed');
      else {
        comments.push({
          sourceId: attr(p, 'id'),
          thread,
          parentSourceId: attr(p.parent, 'id') || undefined,
          authorName: text((p.author as Node | undefined)?.name),
          body: htmlToText(text(p.message)),
          createdAt: text(p.createdAt),
          status: 'published',
        });
      }
    }
  }
  return { comments, skipped };
}

const WP_STATUS: Record<string, ImportedComment['status'] | undefined> = { '1': 'published', '0': 'pending' };

export function readWordPress(xml: string, mapping: ThreadMapping): ParsedExport {
  const channel = (parse(xml, ['rss.channel.item', 'rss.channel.item.comment']).rss as Node | undefined)?.channel as Node | undefined;
  if (!channel) throw new Error('Not a WordPress export (WXR): no <rss><channel>.');
  const skipped: Record<string, number> = {};
  const comments: ImportedComment[] = [];
  for (const item of (channel.item as Node[] | undefined) ?? []) {
    const thread = resolveThread(mapping, text(item.post_id), text(item.link));
    for (const c of (item.comment as Node[] | undefined) ?? []) {
      const type = text(c.comment_type);
      const status = WP_STATUS[text(c.comment_approved)];
      if (type !== '' && type !== 'comment') count(skipped, type);
      else if (!status) count(skipped, text(c.comment_approved) || 'unapproved');
      else if (!VALID_THREAD.test(thread)) count(skipped, 'thread id not allowed');
      else {
        const parent = text(c.comment_parent);
        comments.push({
          sourceId: text(c.comment_id),
          thread,
          parentSourceId: parent && parent !== '0' ? parent : undefined,
          authorName: text(c.comment_author),
          body: htmlToText(text(c.comment_content)),
          // comment_date_gmt is UTC without a zone: "2024-12-27 09:00:00".
          createdAt: `${text(c.comment_date_gmt).replace(' ', 'T')}Z`,
          status,
        });
      }
    }
  }
  return { comments, skipped };
}
