import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Moderation } from '../domain/moderation.js';
import { dataFile } from '../store/sqlite/database.js';
import { openStore } from '../store/open.js';
import { SqliteStore } from '../store/sqlite/store.js';
import { StartupError, type Status, type Store } from '../store/store.js';

const USAGE = `Usage: npm run moderate -- [--db FILE] <command>

Commands:
  list [--status pending|published|rejected] [--thread ID] [--limit N] [--json]
  approve ID     publish a pending (or rejected) comment
  reject ID      hide a comment for good; it is never listed or counted

The database is --db FILE, else $DATABASE_URL (PostgreSQL), else $BYLINE_DATA_DIR/byline.sqlite
(default ./data/byline.sqlite).`;

const STATUSES = ['pending', 'published', 'rejected'];

function exit(code: number, message: string): never {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

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

const file = values.db ? resolve(values.db) : dataFile(resolve(process.env.BYLINE_DATA_DIR || 'data'));
let store: Store;
try {
  // mustExist: a typo in the path must not create an empty database next to the real one.
  store = values.db || !process.env.DATABASE_URL ? new SqliteStore({ file, mustExist: true }) : await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
} catch (error) {
  exit(1, error instanceof StartupError ? error.message : String(error));
}
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
