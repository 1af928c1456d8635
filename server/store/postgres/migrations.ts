import type { Migration } from '../store.js';

/**
 * PostgreSQL dialect of the migrations in sqlite/migrations.ts: the same numbers, names and meaning.
 * Ids and timestamps compare byte-wise (COLLATE "C") whatever the database's locale, so text order is
 * time order as in SQLite.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'comments',
    sql: `
      CREATE TABLE comments (
        id           TEXT COLLATE "C" PRIMARY KEY,
        thread       TEXT COLLATE "C" NOT NULL,
        parent_id    TEXT COLLATE "C" REFERENCES comments(id),
        author_name  TEXT NOT NULL,
        body         TEXT NOT NULL,
        created_at   TEXT COLLATE "C" NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('published', 'pending', 'rejected')),
        moderated_at TEXT
      );
      CREATE INDEX comments_top ON comments (thread, status, created_at, id) WHERE parent_id IS NULL;
      CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
      CREATE INDEX comments_thread_status ON comments (thread, status);
      CREATE INDEX comments_status ON comments (status, created_at);`,
  },
  {
    version: 2,
    name: 'idempotency_keys',
    sql: `
      -- Written first in the comment's transaction: the primary key is what makes a concurrent
      -- duplicate wait and then see the stored comment. So the comment row may follow it.
      CREATE TABLE idempotency_keys (
        thread       TEXT COLLATE "C" NOT NULL,
        key          TEXT COLLATE "C" NOT NULL,
        request_hash TEXT NOT NULL,
        comment_id   TEXT COLLATE "C" NOT NULL REFERENCES comments(id) DEFERRABLE INITIALLY DEFERRED,
        created_at   TEXT NOT NULL,
        PRIMARY KEY (thread, key)
      );`,
  },
  {
    version: 3,
    name: 'thread_totals',
    sql: `
      CREATE TABLE thread_totals (
        thread TEXT COLLATE "C" PRIMARY KEY,
        total  INTEGER NOT NULL CHECK (total >= 0)
      );
      INSERT INTO thread_totals (thread, total)
        SELECT c.thread, COUNT(*) FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
        WHERE c.status = 'published' AND (c.parent_id IS NULL OR p.status = 'published')
        GROUP BY c.thread;`,
  },
  {
    version: 4,
    name: 'rate_limits',
    sql: `
      -- UNLOGGED: no WAL write per hit; after a database crash the counters start again from zero.
      CREATE UNLOGGED TABLE rate_limits (
        key      TEXT PRIMARY KEY,
        count    INTEGER NOT NULL,
        reset_at BIGINT NOT NULL
      );
      CREATE INDEX rate_limits_reset ON rate_limits (reset_at);`,
  },
  {
    version: 5,
    name: 'server_secrets',
    sql: `
      -- Written once with INSERT ... ON CONFLICT DO NOTHING, so concurrent first starts agree on one value.
      CREATE TABLE server_secrets (
        name  TEXT COLLATE "C" PRIMARY KEY,
        value TEXT NOT NULL
      );`,
  },
  {
    version: 6,
    name: 'comment_authors',
    sql: `
      ALTER TABLE comments ADD COLUMN author_id TEXT COLLATE "C";
      ALTER TABLE comments ADD COLUMN author_picture TEXT;
      ALTER TABLE comments ADD COLUMN author_address TEXT COLLATE "C";
      ALTER TABLE comments ADD COLUMN edited_at TEXT COLLATE "C";
      ALTER TABLE comments ADD COLUMN deleted_at TEXT COLLATE "C";
      CREATE INDEX comments_author ON comments (author_id) WHERE author_id IS NOT NULL;
      CREATE INDEX comments_address ON comments (author_address) WHERE author_address IS NOT NULL;
      CREATE INDEX comments_recent ON comments (created_at, id);`,
  },
  {
    version: 7,
    name: 'reports',
    sql: `
      CREATE TABLE reports (
        comment_id  TEXT COLLATE "C" NOT NULL REFERENCES comments(id),
        reporter    TEXT COLLATE "C" NOT NULL,
        created_at  TEXT COLLATE "C" NOT NULL,
        resolved_at TEXT COLLATE "C",
        PRIMARY KEY (comment_id, reporter)
      );
      CREATE INDEX reports_open ON reports (comment_id) WHERE resolved_at IS NULL;
      CREATE INDEX reports_reporter ON reports (reporter);`,
  },
  {
    version: 8,
    name: 'bans',
    sql: `
      CREATE TABLE bans (
        subject    TEXT COLLATE "C" PRIMARY KEY,
        until      TEXT COLLATE "C",
        reason     TEXT NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        created_by TEXT NOT NULL
      );`,
  },
  {
    version: 9,
    name: 'audit_log',
    sql: `
      CREATE TABLE audit_log (
        id         INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at         TEXT COLLATE "C" NOT NULL,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL,
        comment_id TEXT COLLATE "C",
        subject    TEXT COLLATE "C",
        detail     TEXT
      );`,
  },
];
