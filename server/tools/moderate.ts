import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Cursors } from '../domain/cursor.js';
import { RuleError } from '../domain/errors.js';
import { isSubject, Moderation, QUEUES, type Queue } from '../domain/moderation.js';
import { escapeControls, escapeControlsInJson } from '../domain/text.js';
import { DATABASE_HELP, exit, toolStore } from './tool-store.js';

const USAGE = `Usage: npm run moderate -- [--db FILE] <command>

Commands:
  list [--status pending|reported|recent|published|rejected] [--thread ID] [--limit N] [--json]
  approve ID     publish a pending (or rejected) comment
  reject ID      hide a comment for good; it is never listed or counted
  delete ID      delete a comment (a placeholder stays while it has replies)
  ban ID [--until ISO-DATE] [--reason TEXT]
                 ban the comment's author (by id, or by address hash if anonymous); for ever without --until
  unban AUTHOR   lift the ban on an author ("sso:…" or "addr:…")
  audit [--limit N]  the audit log, newest first
  export AUTHOR  everything stored about an author, as JSON
  erase AUTHOR   erase an author's comments (bodies, names, ids), idempotency records and reports

Names and bodies are printed with control and text-direction characters escaped (\u{1b}).
Every action is written to the audit log as "cli:<user>".

${DATABASE_HELP}`;

const ONE_ARG = ['approve', 'reject', 'delete', 'ban', 'unban', 'export', 'erase'];
const NO_ARG = ['list', 'audit'];

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      status: { type: 'string', default: 'pending' },
      thread: { type: 'string' },
      limit: { type: 'string', default: '100' },
      until: { type: 'string' },
      reason: { type: 'string', default: '' },
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
if (!command || extra.length || !(NO_ARG.includes(command) ? id === undefined : ONE_ARG.includes(command) && id !== undefined)) {
  exit(2, USAGE);
}
if (!(QUEUES as string[]).includes(values.status)) exit(2, `--status must be one of ${QUEUES.join(', ')}`);
if (['unban', 'export', 'erase'].includes(command) && !isSubject(id)) exit(2, 'AUTHOR must be "sso:<id>" or "addr:<hash>", as listed by `list --json` (subject).');
if (values.until !== undefined && Number.isNaN(Date.parse(values.until))) exit(2, '--until must be a date, e.g. 2026-12-31T00:00:00Z');
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) exit(2, '--limit must be a positive integer');

const store = await toolStore(values.db);
const cursors = new Cursors(await store.sharedSecret('cursor', randomBytes(32).toString('base64url')));
const moderation = new Moderation(store, cursors);
const actor = `cli:${userInfo().username}`;
const show = (text: string) => escapeControls(text);
const PAST: Record<string, string> = { approve: 'Approved', reject: 'Rejected', delete: 'Deleted' };

try {
  if (command === 'list') {
    const { items } = await moderation.list(values.status as Queue, { thread: values.thread, limit });
    // JSON.stringify escapes C0 controls; the bidi controls are escaped too, for terminals that honour them.
    if (values.json) console.log(escapeControlsInJson(JSON.stringify(items, null, 2)));
    else if (!items.length) console.log(`No ${values.status} comments.`);
    else {
      for (const c of items) {
        const body = show(c.body.replace(/[\t\n\r ]+/g, ' '));
        const reports = c.reports ? `  ${c.reports} report(s)` : '';
        console.log(`${c.id}  ${c.createdAt}  ${c.thread}${c.parentId ? ` (reply to ${c.parentId})` : ''}${reports}\n  ${c.deleted ? '(deleted)' : show(c.author.name)}${c.author.id ? ` [${show(c.author.id)}]` : ''}: ${body.length > 120 ? `${body.slice(0, 119)}…` : body}`);
      }
    }
  } else if (command === 'approve' || command === 'reject' || command === 'delete') {
    const comment = await moderation.decide(id, command, actor);
    if (!comment) exit(1, `No comment with id ${id}.`);
    console.log(`${PAST[command]} ${id} (thread ${comment.thread}).`);
  } else if (command === 'ban') {
    const ban = await moderation.banAuthorOf(id, { until: values.until ? new Date(values.until).toISOString() : null, reason: values.reason }, actor);
    console.log(`Banned ${ban.subject} ${ban.until ? `until ${ban.until}` : 'for ever'}.`);
  } else if (command === 'unban') {
    if (!(await moderation.liftBan(id, actor))) exit(1, `No ban on ${id}.`);
    console.log(`Lifted the ban on ${id}.`);
  } else if (command === 'audit') {
    const { items } = await moderation.auditLog({ limit });
    for (const e of items) console.log([e.at, show(e.actor), e.action, e.commentId ?? '-', show(e.subject ?? '-'), show(e.detail ?? '')].join('  '));
  } else if (command === 'export') {
    console.log(escapeControlsInJson(JSON.stringify(await moderation.exportAuthor(id, actor), null, 2)));
  } else if (command === 'erase') {
    const { comments } = await moderation.eraseAuthor(id, actor);
    console.log(`Erased ${id}: ${comments} comment(s).`);
  }
} catch (error) {
  if (error instanceof RuleError) exit(1, error.message);
  throw error;
} finally {
  await store.close();
}
