#!/usr/bin/env node
// Bounded load test of the reference server on 127.0.0.1 (`npm run test:load`, ~25 s; `npm run
// test:load:full`, ~80 s). It starts `node --import tsx server/main.ts` on a free loopback port with a
// fresh temp data dir and the DEFAULT rate limits (5 posts and 300 reads per minute per client), with
// BYLINE_TRUST_PROXY=1 so that X-Forwarded-For names the simulated client: every request still goes to
// 127.0.0.1. Three phases, each with concurrent readers and posters (autocannon):
//   1. one thread      readers page one thread while posters post to it
//   2. many threads    readers page 200 threads and fetch counts while posters spread over them
//   3. abuse           one client posts as fast as it can beside polite clients and readers
// Polite posters post 5 times each (within the limit), so every one of their posts must be a 201.
// Afterwards the SQLite file is audited: the stored comments are exactly the acknowledged ones.
// It prints req/s, p50/p99 latency and error rates (figures, not thresholds) and exits 1 only when a
// behaviour fails: a lost or duplicated comment, an unexpected status, or the abusive client not limited.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FULL = process.argv.includes('--full');
const SECONDS = FULL ? 20 : 6;
const READERS = 20;
const POSTERS = 8;
/** Posts per polite phase: 5 per simulated client, so none of them reaches the 5/min limit. */
const POSTS = FULL ? 1500 : 400;
const ABUSIVE_POSTS = FULL ? 300 : 100;
const THREADS = 200;
const POST_LIMIT = 5; // the server's default, per client per minute

const dataDir = mkdtempSync(join(tmpdir(), 'byline-load-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: ROOT,
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BYLINE_DATA_DIR: dataDir, BYLINE_TRUST_PROXY: '1', BYLINE_ADMIN_TOKEN: 'load-test-token-0123456789', LOG_LEVEL: 'error' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
// Bounded in time whatever happens: the server is killed and the run fails after this.
const deadline = setTimeout(() => {
  console.error('load: took too long, stopping');
  server.kill('SIGKILL');
  process.exit(1);
}, (SECONDS * 3 + 60) * 1000);

let out = '';
server.stdout.setEncoding('utf8');
const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /Byline demo: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
    if (match) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

/** A distinct simulated client address (documentation-free private range), as a proxy would report it. */
const clientIp = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
let nextClient = 1;
const acked = new Map(); // Idempotency-Key → comment id, from 201 answers
const unexpected = [];
const failures = [];

/** Readers: each request from its own client, so the per-client read limit never applies to them. */
function readers(paths) {
  return autocannon({
    url: base,
    connections: READERS,
    duration: SECONDS,
    requests: paths.map((path) => ({
      method: 'GET',
      setupRequest: (req) => ({ ...req, path: path(), headers: { ...req.headers, 'x-forwarded-for': clientIp(nextClient++) } }),
      onResponse: (status) => status !== 200 && unexpected.push(`GET ${status}`),
    })),
  });
}

let serial = 0;
/** Posters: `amount` posts with fresh keys; `client(i)` picks the simulated client of post i. */
function posters({ amount, connections, thread, client, expect }) {
  return autocannon({
    url: base,
    connections,
    amount,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const i = ++serial;
          context.key = `load-key-${i}`;
          return {
            ...req,
            path: `/api/threads/${thread(i)}/comments`,
            headers: { 'content-type': 'application/json', 'idempotency-key': context.key, 'x-forwarded-for': client(i) },
            body: JSON.stringify({ author: { name: `ผู้อ่าน ${i}` }, body: `ความเห็นที่ ${i} — Bộ TT&TT — ${context.key}` }),
          };
        },
        onResponse: (status, body, context) => {
          if (status === 201) acked.set(context.key, JSON.parse(body).comment.id);
          expect(status);
        },
      },
    ],
  });
}

/** Polite clients: a fresh block of simulated clients, each posting exactly POST_LIMIT times. */
function politePosters(amount, thread) {
  const first = nextClient;
  nextClient += Math.ceil(amount / POST_LIMIT) + 1;
  return posters({
    amount,
    connections: POSTERS,
    thread,
    client: (i) => clientIp(first + Math.floor((i - 1) / POST_LIMIT)),
    expect: (status) => status !== 201 && unexpected.push(`polite POST ${status}`),
  });
}

const figures = (name, result) => {
  const total = result.requests.total;
  const bad = result.errors + result.timeouts;
  return {
    load: name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    requests: total,
    statuses: Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => `${code}×${count}`).join(' '),
    'errors+timeouts': `${bad} (${((bad / Math.max(1, total)) * 100).toFixed(2)}%)`,
  };
};
const rows = [];
const startPolite = () => { serial = Math.ceil(serial / POST_LIMIT) * POST_LIMIT; };

// Phase 1: one thread.
startPolite();
let [read, write] = await Promise.all([
  readers([() => '/api/threads/load-one/comments?limit=20']),
  politePosters(POSTS, () => 'load-one'),
]);
rows.push(figures('one thread: readers', read), figures('one thread: posters', write));

// Phase 2: many threads, lists and batched counts.
startPolite();
const randomThread = () => `load-${Math.floor(Math.random() * THREADS)}`;
[read, write] = await Promise.all([
  readers([
    () => `/api/threads/${randomThread()}/comments?limit=20&sort=oldest`,
    () => `/api/counts?${Array.from({ length: 20 }, () => `thread=${randomThread()}`).join('&')}`,
  ]),
  politePosters(POSTS, (i) => `load-${i % THREADS}`),
]);
rows.push(figures(`${THREADS} threads: readers`, read), figures(`${THREADS} threads: posters`, write));

// Phase 3: an abusive client beside polite ones.
startPolite();
const abusive = { 201: 0, 429: 0, other: 0 };
const [abuseRead, abuseWrite, politeWrite] = await Promise.all([
  readers([() => '/api/threads/load-one/comments?limit=20']),
  posters({
    amount: ABUSIVE_POSTS,
    connections: 4,
    thread: () => 'load-abuse',
    client: () => '10.255.255.66',
    expect: (status) => (status === 201 || status === 429 ? abusive[status]++ : abusive.other++),
  }),
  politePosters(POSTS / 4, () => 'load-abuse'),
]);
rows.push(figures('abuse: readers', abuseRead), figures('abuse: abusive client', abuseWrite), figures('abuse: polite posters', politeWrite));

server.kill('SIGTERM');
await once(server, 'exit');
clearTimeout(deadline);

// Audit the SQLite file: stored comments are exactly the acknowledged ones.
const db = new Database(join(dataDir, 'byline.sqlite'), { readonly: true });
const storedKeys = new Map(db.prepare('SELECT key, comment_id FROM idempotency_keys').all().map((r) => [r.key, r.comment_id]));
const storedIds = db.prepare('SELECT id FROM comments').all().map((r) => r.id);
db.close();
rmSync(dataDir, { recursive: true, force: true });

const lost = [...acked].filter(([key, id]) => storedKeys.get(key) !== id);
const extra = [...storedKeys.keys()].filter((key) => !acked.has(key));
const duplicated = storedIds.length - new Set(storedIds).size + (storedIds.length - storedKeys.size);
if (lost.length || extra.length || duplicated) failures.push(`audit: ${lost.length} lost, ${extra.length} unacknowledged stored, ${duplicated} duplicated`);
if (unexpected.length) failures.push(`unexpected statuses: ${[...new Set(unexpected)].join(', ')} (${unexpected.length})`);
if (abusive[201] !== POST_LIMIT || abusive[429] !== ABUSIVE_POSTS - POST_LIMIT || abusive.other)
  failures.push(`abusive client: expected ${POST_LIMIT}×201 and ${ABUSIVE_POSTS - POST_LIMIT}×429, got ${JSON.stringify(abusive)}`);

console.log(`\nLOAD (${FULL ? 'full' : 'quick'}): reference server on 127.0.0.1, ${READERS} reader + ${POSTERS} poster connections, ${SECONDS} s of reads per phase, default rate limits`);
console.table(rows);
console.log(`abusive client: ${abusive[201]}×201 then ${abusive[429]}×429; polite clients in the same phase: ${politeWrite.statusCodeStats?.[201]?.count ?? 0}×201`);
console.log(`audit: ${acked.size} acknowledged, ${storedIds.length} stored, ${lost.length} lost, ${duplicated} duplicated, ${extra.length} stored without a 201`);
if (failures.length) {
  console.error(`FAILED\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('load: all behaviours held');
