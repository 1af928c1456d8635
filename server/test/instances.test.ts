/**
 * Several server processes on one database (PostgreSQL, or one shared SQLite file), as behind a load
 * balancer; and a graceful shutdown under load.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { startServer, STORE_KIND, testDatabase, type RunningServer } from './helpers.js';

const TOKEN = 'instances-test-token-0123456789';

async function startMany(count: number, env: Record<string, string>): Promise<RunningServer[]> {
  return Promise.all(Array.from({ length: count }, () => startServer({ BYLINE_ADMIN_TOKEN: TOKEN, ...env })));
}

async function stopAll(servers: RunningServer[]) {
  await Promise.all(servers.map(async (s) => {
    if (s.child.exitCode !== null) return;
    s.child.kill('SIGTERM');
    await once(s.child, 'exit');
  }));
}

const post = (base: string, thread: string, key: string, client: string, body = `from ${client}`) =>
  fetch(`${base}/api/threads/${thread}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-forwarded-for': client },
    body: JSON.stringify({ author: { name: 'Reader' }, body }),
  });

describe(`three server processes on one ${STORE_KIND} database`, () => {
  test('one client posting round-robin across them gets exactly the limit admitted; one key sent to all three stores one comment', async () => {
    const db = await testDatabase();
    // Proxy mode so each simulated client has its own address, as a load balancer would report it.
    const servers = await startMany(3, { ...db.env, BYLINE_TRUST_PROXY: '1', BYLINE_RATE_LIMIT_POST: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) statuses.push((await post(servers[i % 3].base, 'spread', `spread-key-${i}`, '10.1.0.1')).status);
      assert.deepEqual(statuses, [...Array(5).fill(201), ...Array(10).fill(429)], statuses.join(' '));

      // The same key, at the same moment, to every instance (three clients, so no limit applies).
      const answers = await Promise.all(
        servers.flatMap((s, i) => [0, 1].map((j) => post(s.base, 'once', 'one-key-for-all', `10.2.${i}.${j}`, 'the same comment'))),
      );
      assert.deepEqual(answers.map((a) => a.status), Array(6).fill(201));
      const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as { comment: { id: string } }).comment.id));
      assert.equal(new Set(ids).size, 1, 'every instance answers the same comment');
      const stored = await db.query<{ thread: string; n: number | string }>("SELECT thread, COUNT(*) AS n FROM comments GROUP BY thread ORDER BY thread");
      assert.deepEqual(stored.map((r) => [r.thread, Number(r.n)]), [['once', 1], ['spread', 5]]);
      const counts = await (await fetch(`${servers[2].base}/api/counts?thread=once&thread=spread`)).json();
      assert.deepEqual(counts, { counts: { once: 1, spread: 5 } });
    } finally {
      await stopAll(servers);
    }
  });
});

describe('graceful shutdown', () => {
  test('SIGTERM under a write load: in-flight posts finish, the process exits 0, every acknowledged comment is stored', async () => {
    const db = await testDatabase();
    const [server] = await startMany(1, { ...db.env, BYLINE_RATE_LIMIT_POST: '1000000', BYLINE_RATE_LIMIT_READ: '1000000' });
    const acked = new Map<string, string>();
    const other = new Map<number, number>();
    let refused = 0;
    let signalled = false;
    let ackedAfterSignal = 0;
    let serial = 0;
    const writer = async () => {
      while (server.child.exitCode === null) {
        const key = `term-key-${++serial}`;
        let status: number;
        let text: string;
        try {
          const res = await post(server.base, `term-${serial % 4}`, key, '127.0.0.1', `comment ${key}`);
          [status, text] = [res.status, await res.text()];
        } catch (error) {
          // The listener is closed: the connection is refused or reset before any answer.
          if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated')) {
            refused++;
            if (!signalled) throw error;
            await new Promise((resolve) => setImmediate(resolve));
            continue;
          }
          throw error;
        }
        if (status === 201) {
          acked.set(key, (JSON.parse(text) as { comment: { id: string } }).comment.id);
          if (signalled) ackedAfterSignal++;
        } else other.set(status, (other.get(status) ?? 0) + 1);
        if (!signalled && acked.size >= 80) {
          signalled = true;
          server.child.kill('SIGTERM');
        }
      }
    };
    const exited = once(server.child, 'exit');
    await Promise.all(Array.from({ length: 8 }, writer));
    const [code] = await exited;
    assert.equal(code, 0, server.output());
    // While closing, Fastify answers new requests 503 (never a 500); nothing else is acceptable.
    assert.deepEqual([...other.keys()].filter((s) => s !== 503), []);
    const keys = new Map((await db.query<{ key: string; comment_id: string }>('SELECT key, comment_id FROM idempotency_keys')).map((r) => [r.key, r.comment_id]));
    for (const [key, id] of acked) assert.equal(keys.get(key), id, `acknowledged ${key} is stored`);
    console.log(`SIGTERM under load (${STORE_KIND}): ${acked.size} acknowledged (${ackedAfterSignal} answered after the signal), ${other.get(503) ?? 0}×503 while closing, ${refused} refused after close, all acknowledged stored, exit 0`);
  });
});
