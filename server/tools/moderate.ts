import { parseArgs } from 'node:util';
import { Moderation } from '../domain/moderation.js';
import type { Status } from '../store/store.js';
import { DATABASE_HELP, exit, toolStore } from './tool-store.js';

const USAGE = `Usage: npm run moderate -- [--db FILE] <command>

Commands:
  list [--status pending|published|rejected] [--thread ID] [--limit N] [--json]
  approve ID     publish a pending (or rejected) comment
  reject ID      hide a comment for good; it is never listed or counted

${DATABASE_HELP}`;

const STATUSES = ['pending', 'published', 'rejected'];


let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      status: { type: 'string', default: 'pending' },
      thread: { type: 'string' },
      limit: { type: 'string', default: '100' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  exit(2, `${(error as Error).message}\n\n${USAGE}`);
}
const { values, positionals } = parsed;
const [command, id, ...extra] = positionals;
if (values.help) exit(0, USAGE);
if (!command || extra.length || (command === 'list') !== (id === undefined) || !['list', 'approve', 'reject'].includes(command)) {
  exit(2, USAGE);
}
if (!STATUSES.includes(values.status)) exit(2, `--status must be one of ${STATUSES.join(', ')}`);
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) exit(2, '--limit must be a positive integer');

const store = await toolStore(values.db);
const moderation = new Moderation(store);

try {
  if (command === 'list') {
    const { items } = await moderation.list(values.status as Status, { thread: values.thread, limit });
    if (values.json) console.log(JSON.stringify(items, null, 2));
    else if (!items.length) console.log(`No ${values.status} comments.`);
    else {
      for (const c of items) {
        const body = c.body.replace(/\s+/g, ' ');
        console.log(`${c.id}  ${c.createdAt}  ${c.thread}${c.parentId ? ` (reply to ${c.parentId})` : ''}\n  ${c.author.name}: ${body.length > 120 ? `${body.slice(0, 119)}…` : body}`);
      }
    }
  } else {
    const comment = await moderation.decide(id, command === 'approve' ? 'approve' : 'reject');
    if (!comment) exit(1, `No comment with id ${id}.`);
    console.log(`${command === 'approve' ? 'Approved' : 'Rejected'} ${id} (thread ${comment.thread}).`);
  }
} finally {
  await store.close();
}
