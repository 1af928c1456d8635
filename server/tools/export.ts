/**
 * npm run export -- [--db FILE] [--out FILE]: every comment, in every status, oldest first, as JSON
 * Lines ({"id","thread","parentId","author":{"name"},"body","createdAt","status"} per line).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { toAdmin } from '../domain/comments.js';
import type { Position } from '../store/store.js';
import { DATABASE_HELP, outputArgs, toolStore } from './tool-store.js';

const USAGE = `Usage: npm run export -- [--db FILE] [--out FILE]

Writes every comment as one JSON object per line to --out (default: stdout). ${DATABASE_HELP}`;
const PAGE = 1000;

const values = outputArgs(USAGE);

const store = await toolStore(values.db);
const out = values.out ? createWriteStream(values.out, { flags: 'wx' }) : process.stdout;
let count = 0;
try {
  let after: Position | undefined;
  for (;;) {
    const page = await store.allComments({ limit: PAGE, after });
    for (const comment of page) {
      if (!out.write(`${JSON.stringify(toAdmin(comment))}\n`)) await once(out, 'drain');
    }
    count += page.length;
    if (page.length < PAGE) break;
    after = page[page.length - 1];
  }
} finally {
  await store.close();
}
if (out !== process.stdout) {
  out.end();
  await once(out, 'finish');
  console.error(`Exported ${count} comments to ${values.out}`);
}
