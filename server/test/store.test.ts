/**
 * The Store contract on the store under test (SQLite, or PostgreSQL with npm run test:server:postgres):
 * migrations, kept totals under racing writers, idempotency and rate-limit counters shared by two
 * connections (as two server processes would have).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Bans } from '../domain/bans.js';
import { Comments } from '../domain/comments.js';
import { Cursors } from '../domain/cursor.js';
import { RuleError } from '../domain/errors.js';
import type { Reader } from '../domain/identity.js';
import { Moderation } from '../domain/moderation.js';
import { SqliteStore } from '../store/sqlite/store.js';
import { StartupError, type Store } from '../store/store.js';
import { STORE_KIND, testDatabase } from './helpers.js';

const MIGRATION_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const READER: Reader = { roles: [], address: 'addr:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };

/** The domain services over one store, as a server process builds them. */
function services(store: Store) {
  const cursors = new Cursors('test-cursor-secret');
  return {
    comments: new Comments(store, cursors, new Bans(store), { auth: 'anonymous', editWindowS: 900 }),
    moderation: new Moderation(store, cursors),
  };
}

async function withStores<T>(count: number, work: (stores: Store[], db: Awaited<ReturnType<typeof testDatabase>>) => Promise<T>): Promise<T> {
  const db = await testDatabase();
  const stores: Store[] = [];
  try {
    for (let i = 0; i < count; i++) stores.push(await db.open());
    return await work(stores, db);
  } finally {
    for (const s of stores) await s.close();
  }
}

describe(`Store (${STORE_KIND})`, () => {
  test('a new database gets every migration once; reopening applies nothing twice and keeps the data', async () => {
    const db = await testDatabase();
    const first = await db.open();
    await services(first).comments.post('t', { author: { name: 'A' }, body: 'kept' }, 'key-00000001', READER);
    await first.close();
    const second = await db.open();
    try {
      await second.ready();
      const versions = (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
      assert.deepEqual(versions, MIGRATION_VERSIONS);
      assert.equal((await second.totals(['t'])).t, 1);
    } finally {
      await second.close();
    }
  });

  test('a database from a newer server is refused at open, not downgraded', async () => {
    const db = await testDatabase();
    await (await db.open()).close();
    const raw = await db.open();
    // Behind the store's back, as a newer Byline would have left it.
    if (raw instanceof SqliteStore) {
      const { default: Database } = await import('better-sqlite3');
      const file = new Database(db.dbPath);
      file.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00.000Z')").run();
      file.close();
    } else {
      const { default: pg } = await import('pg');
      const client = new pg.Client(db.databaseUrl);
      await client.connect();
      await client.query("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00.000Z')");
      await client.end();
    }
    await assert.rejects(raw.ready(), /schema version 999/);
    await raw.close();
    await assert.rejects(db.open(), (e) => e instanceof StartupError && /newer than this server understands/.test(e.message));
  });

  test('totals stay equal to a recount while posts, replies, approvals, rejections, edits and deletions race on two connections', async () => {
    await withStores(2, async (stores) => {
      const perStore = stores.map(services);
      const threads = ['race-a', 'race-b'];
      const ids: string[] = [];
      let serial = 0;
      const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
      // Seed: some published and some held (a link) top-level comments in each thread.
      for (const thread of threads) {
        for (let i = 0; i < 6; i++) {
          const body = i % 3 === 0 ? `held www.example.com/${i}` : `seed ${i}`;
          ids.push((await perStore[0].comments.post(thread, { author: { name: 'S' }, body }, `seed-${thread}-${i}`, READER)).comment.id);
        }
      }
      const threadOf = new Map<string, string>();
      for (const thread of threads) for (const c of (await stores[0].byStatus('published', { thread, limit: 100 })).concat(await stores[0].byStatus('pending', { thread, limit: 100 }))) threadOf.set(c.id, thread);
      const worker = async (w: number) => {
        const { comments, moderation } = perStore[w % 2];
        for (let step = 0; step < 48; step++) {
          const action = (step + w) % 6;
          const target = pick(ids);
          try {
            if (action === 0) {
              const held = step % 5 === 0;
              const { comment } = await comments.post(pick(threads), { author: { name: 'W' }, body: held ? `http://held/${w}/${step}` : `new ${w}/${step}` }, `race-${w}-${++serial}`, READER);
              ids.push(comment.id);
            } else if (action === 1) {
              const { comment } = await comments.post(threadOf.get(target) ?? 'race-a', { author: { name: 'R' }, body: `reply ${w}/${step}`, parentId: target }, `race-${w}-${++serial}`, READER);
              ids.push(comment.id);
            } else if (action === 4) {
              await moderation.decide(target, 'delete', 'race');
            } else if (action === 5) {
              // An edit that adds a link sends the comment back to review.
              await stores[w % 2].editComment(target, { body: `edited www.example.com/${w}/${step}`, status: 'pending', editedAt: new Date().toISOString() });
            } else {
              await moderation.decide(target, action === 2 ? 'approve' : 'reject', 'race');
            }
          } catch (error) {
            // A reply to a comment that is not (or no longer) published is refused: part of the race.
            if (!(error instanceof RuleError && error.code === 'invalid_parent')) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
      for (const thread of threads) {
        const kept = (await stores[1].totals([thread]))[thread];
        assert.equal(kept, await stores[1].recount(thread), `kept total of ${thread}`);
      }
      const kept = await stores[0].totals(threads);
      console.log(`totals after the race (${STORE_KIND}): ${JSON.stringify(kept)}, equal to a recount`);
    });
  });

  test('two authors who replied to each other are erased at once through two connections: both erasures finish, totals stay exact', async () => {
    await withStores(2, async (stores) => {
      const [first, second] = stores.map(services);
      const readers: Reader[] = ['A', 'B'].map((c) => ({ roles: [], address: `addr:${c.repeat(32)}` }));
      let serial = 0;
      const post = (reader: Reader, body: string, parentId?: string) =>
        first.comments.post('erase', { author: { name: 'N' }, body, parentId }, `erase-${++serial}`, reader).then((p) => p.comment.id);
      for (let i = 0; i < 6; i++) {
        const [a, b] = [await post(readers[0], `a${i}`), await post(readers[1], `b${i}`)];
        await post(readers[1], `re a${i}`, a);
        await post(readers[0], `re b${i}`, b);
      }
      const erased = await Promise.all([
        first.moderation.eraseAuthor(readers[0].address, 'test'),
        second.moderation.eraseAuthor(readers[1].address, 'test'),
      ]);
      assert.deepEqual(erased, [{ comments: 12 }, { comments: 12 }]);
      assert.equal((await stores[0].totals(['erase'])).erase, await stores[0].recount('erase'));
      assert.equal(await stores[0].recount('erase'), 0);
      for (const reader of readers) assert.deepEqual((await stores[1].authorData(reader.address)).comments, []);
    });
  });

  test('the same Idempotency-Key posted at once through two connections stores one comment', async () => {
    await withStores(2, async (stores, db) => {
      const posts = await Promise.all(
        Array.from({ length: 10 }, (_, i) => services(stores[i % 2]).comments.post('idem', { author: { name: 'A' }, body: 'once' }, 'same-key-123', READER)),
      );
      assert.equal(new Set(posts.map((p) => p.comment.id)).size, 1);
      assert.equal(posts.filter((p) => p.created).length, 1);
      const [row] = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM comments');
      assert.equal(Number(row.n), 1);
      assert.equal((await stores[0].totals(['idem'])).idem, 1);
    });
  });

  test('rate-limit counters are shared by two connections and start again after the window', async () => {
    await withStores(2, async ([a, b]) => {
      const at = 1_000_000;
      const counts = [];
      for (let i = 0; i < 6; i++) counts.push((await (i % 2 ? b : a).hitRateLimit('client-1', 60_000, at + i)).count);
      assert.deepEqual(counts, [1, 2, 3, 4, 5, 6]);
      assert.equal((await a.hitRateLimit('client-2', 60_000, at)).count, 1, 'another key counts apart');
      const after = await b.hitRateLimit('client-1', 60_000, at + 60_000);
      assert.deepEqual(after, { count: 1, resetAt: at + 120_000 });
    });
  });
});
