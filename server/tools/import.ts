/**
 * npm run import -- --from disqus|wordpress FILE [--thread-by id|url] [--map MAP.json] [--db FILE]
 *
 * Imports another system's comments into the store the server uses. Idempotent: each comment is
 * stored under the Idempotency-Key `import:<from>:<source id>`, so a second run stores nothing new.
 * Replies keep their parent (a reply to a reply hangs under its top-level comment, as in Byline);
 * totals are kept as for posted comments.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { newId } from '../domain/ids.js';
import { NAME_MAX } from '../domain/limits.js';
import { readDisqus, readWordPress, type ImportedComment, type ParsedExport, type ThreadMapping } from './import-formats.js';
import { DATABASE_HELP, exit, toolStore } from './tool-store.js';

const USAGE = `Usage: npm run import -- --from disqus|wordpress FILE [--thread-by id|url] [--map MAP.json] [--db FILE]

  --from disqus      a Disqus XML export (Admin → Moderate → Export)
  --from wordpress   a WordPress export (Tools → Export, WXR)
  --thread-by id     thread = the article's id there (Disqus thread <id>, WordPress post id) [default]
  --thread-by url    thread = the article URL's path (https://x/th/article/1 → th-article-1)
  --map MAP.json     {"<source id or article URL>": "<Byline thread>", …}, checked first

Spam, deleted comments, pingbacks and trackbacks are left out; e-mail and IP addresses are never
read. Running it again stores nothing twice. ${DATABASE_HELP}`;

const READERS: Record<string, (xml: string, mapping: ThreadMapping) => ParsedExport> = { disqus: readDisqus, wordpress: readWordPress };

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      'thread-by': { type: 'string', default: 'id' },
      map: { type: 'string' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  exit(2, `${(error as Error).message}\n\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) exit(0, USAGE);
const read = READERS[values.from ?? ''];
const by = values['thread-by'];
if (!read || positionals.length !== 1 || (by !== 'id' && by !== 'url')) exit(2, USAGE);

let result: ParsedExport;
try {
  const map = values.map ? (JSON.parse(readFileSync(values.map, 'utf8')) as Record<string, string>) : undefined;
  result = read(readFileSync(positionals[0], 'utf8'), { by, map });
} catch (error) {
  exit(1, `Cannot read ${positionals[0]}: ${(error as Error).message}`);
}

/** Parents before their replies: by time, then any reply whose parent came later. */
function inParentOrder(comments: ImportedComment[]): ImportedComment[] {
  const byTime = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const known = new Set(comments.map((c) => c.sourceId));
  const done = new Set<string>();
  const ordered: ImportedComment[] = [];
  while (ordered.length < byTime.length) {
    const before = ordered.length;
    for (const c of byTime) {
      if (done.has(c.sourceId)) continue;
      if (c.parentSourceId && known.has(c.parentSourceId) && !done.has(c.parentSourceId)) continue;
      ordered.push(c);
      done.add(c.sourceId);
    }
    if (ordered.length === before) break; // a cycle in the source: leave the rest out
  }
  return ordered;
}

const store = await toolStore(values.db);
const stored = new Map<string, string>(); // source id → Byline id
const tally = { imported: 0, already: 0, changed: 0 };
const skipped = { ...result.skipped };
try {
  for (const c of inParentOrder(result.comments)) {
    const at = new Date(c.createdAt);
    if (Number.isNaN(at.getTime())) {
      skipped['bad date'] = (skipped['bad date'] ?? 0) + 1;
      continue;
    }
    if (!c.body) {
      skipped.empty = (skipped.empty ?? 0) + 1;
      continue;
    }
    const name = [...(c.authorName.trim() || 'Anonymous')].slice(0, NAME_MAX).join('');
    const parentId = c.parentSourceId ? (stored.get(c.parentSourceId) ?? null) : null;
    const requestHash = createHash('sha256').update(JSON.stringify([name, c.body, c.parentSourceId ?? null])).digest('hex');
    const answer = await store.post({
      comment: {
        id: newId(at.getTime()), thread: c.thread, authorName: name, authorId: null, authorPicture: null, authorAddress: null,
        body: c.body, createdAt: at.toISOString(), status: c.status, editedAt: null, deletedAt: null,
      },
      parentId,
      key: `import:${values.from}:${c.sourceId}`,
      requestHash,
      // The parent was imported into the same thread just before; hang the reply under its top-level comment.
      placeReply: (parent, top) => (parent?.parentId ? top?.id : parent?.id),
    });
    if (answer.outcome === 'invalid_parent') throw new Error(`parent of ${c.sourceId} vanished during the import`);
    stored.set(c.sourceId, answer.comment.id);
    if (answer.outcome === 'created') tally.imported++;
    else if (answer.requestHash === requestHash) tally.already++;
    else tally.changed++;
  }
} finally {
  await store.close();
}
const left = Object.entries(skipped).map(([reason, n]) => `${n} ${reason}`).join(', ') || 'none';
console.log(`Imported ${tally.imported} comments from ${values.from} into ${store.location}; ${tally.already} were already there${tally.changed ? `, ${tally.changed} changed at the source since (kept as stored)` : ''}. Left out: ${left}.`);
