import type { Migration } from '../store.js';

/**
 * SQLite dialect of the migrations; postgres/migrations.ts has the same numbers and names.
 * Timestamps are ISO 8601 UTC strings with milliseconds, so text order is time order.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'comments',
    sql: `
      CREATE TABLE comments (
        id          TEXT PRIMARY KEY,
        thread      TEXT NOT NULL,
        parent_id   TEXT REFERENCES comments(id),
        author_name TEXT NOT NULL,
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('published', 'pending', 'rejected')),
        moderated_at TEXT
      ) STRICT;
      -- Top-level page of a thread, in either order.
      CREATE INDEX comments_top ON comments (thread, status, created_at, id) WHERE parent_id IS NULL;
      CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
      CREATE INDEX comments_thread_status ON comments (thread, status);
      CREATE INDEX comments_status ON comments (status, created_at);`,
  },
  {
    version: 2,
    name: 'idempotency_keys',
    sql: `
      -- Written in the same transaction as the comment it answers for.
      CREATE TABLE idempotency_keys (
        thread       TEXT NOT NULL,
        key          TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        comment_id   TEXT NOT NULL REFERENCES comments(id),
        created_at   TEXT NOT NULL,
        PRIMARY KEY (thread, key)
      ) STRICT;`,
  },
  {
    version: 3,
    name: 'thread_totals',
    sql: `
      -- Published, visible comments per thread, kept in the same transaction as every change to them.
      CREATE TABLE thread_totals (
        thread TEXT PRIMARY KEY,
        total  INTEGER NOT NULL CHECK (total >= 0)
      ) STRICT;
      INSERT INTO thread_totals (thread, total)
        SELECT c.thread, COUNT(*) FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
        WHERE c.status = 'published' AND (c.parent_id IS NULL OR p.status = 'published')
        GROUP BY c.thread;`,
  },
  {
    version: 4,
    name: 'rate_limits',
    sql: `
      -- Fixed-window counters shared by every process on this database.
      CREATE TABLE rate_limits (
        key      TEXT PRIMARY KEY,
        count    INTEGER NOT NULL,
        reset_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX rate_limits_reset ON rate_limits (reset_at);`,
  },
  {
    version: 5,
    name: 'server_secrets',
    sql: `
      -- Secrets every process on this database must share (cursor MAC key, address-hash salt). Written
      -- once with INSERT ... ON CONFLICT DO NOTHING, so concurrent first starts agree on one value.
      CREATE TABLE server_secrets (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;`,
  },
  {
    version: 6,
    name: 'comment_authors',
    sql: `
      -- author_id: 'sso:<sub>' for signed-in readers. author_address: salted hash of the poster's address
      -- (bans and reports of anonymous posters; never the address itself).
      ALTER TABLE comments ADD COLUMN author_id TEXT;
      ALTER TABLE comments ADD COLUMN author_picture TEXT;
      ALTER TABLE comments ADD COLUMN author_address TEXT;
      ALTER TABLE comments ADD COLUMN edited_at TEXT;
      ALTER TABLE comments ADD COLUMN deleted_at TEXT;
      CREATE INDEX comments_author ON comments (author_id) WHERE author_id IS NOT NULL;
      CREATE INDEX comments_recent ON comments (created_at, id);`,
  },
  {
    version: 7,
    name: 'reports',
    sql: `
      -- One report per reader per comment: the primary key refuses the second.
      CREATE TABLE reports (
        comment_id  TEXT NOT NULL REFERENCES comments(id),
        reporter    TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        resolved_at TEXT,
        PRIMARY KEY (comment_id, reporter)
      ) STRICT;
      CREATE INDEX reports_open ON reports (comment_id) WHERE resolved_at IS NULL;
      CREATE INDEX reports_reporter ON reports (reporter);`,
  },
  {
    version: 8,
    name: 'bans',
    sql: `
      -- subject: 'sso:<sub>' or 'addr:<salted hash>'. until NULL: for ever.
      CREATE TABLE bans (
        subject    TEXT PRIMARY KEY,
        until      TEXT,
        reason     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;`,
  },
  {
    version: 9,
    name: 'audit_log',
    sql: `
      CREATE TABLE audit_log (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL,
        comment_id TEXT,
        subject    TEXT,
        detail     TEXT
      ) STRICT;`,
  },
];
