import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredVersion {
  version: number;
  document: string;
  etag: string;
  publishedAt: string;
}

/** Every published version, kept forever in SQLite; the newest one is what clients get. */
export class VersionStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.db = new Database(join(dataDir, 'context-server.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS versions (
        version      INTEGER PRIMARY KEY,
        document     TEXT NOT NULL CHECK (json_valid(document)),
        etag         TEXT NOT NULL,
        published_at TEXT NOT NULL
      ) STRICT;
    `);
  }

  latest(): StoredVersion | null {
    const row = this.db.prepare('SELECT version, document, etag, published_at AS publishedAt FROM versions ORDER BY version DESC LIMIT 1').get() as
      | StoredVersion
      | undefined;
    return row ?? null;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM versions').get() as { n: number }).n;
  }

  /**
   * Adds a version only if the newest one is still `expectedEtag` (null: there must be none yet), in one
   * transaction, so two admins publishing at once cannot both win.
   */
  publish(version: number, document: string, expectedEtag: string | null): { ok: true; stored: StoredVersion } | { ok: false; reason: 'conflict' | 'rollback'; latest: StoredVersion | null } {
    return this.db.transaction(() => {
      const latest = this.latest();
      if ((latest?.etag ?? null) !== expectedEtag) return { ok: false as const, reason: 'conflict' as const, latest };
      if (latest && version <= latest.version) return { ok: false as const, reason: 'rollback' as const, latest };
      const stored: StoredVersion = { version, document, etag: etagOf(document), publishedAt: new Date().toISOString() };
      this.db.prepare('INSERT INTO versions (version, document, etag, published_at) VALUES (?, ?, ?, ?)').run(version, document, stored.etag, stored.publishedAt);
      return { ok: true as const, stored };
    })();
  }

  close(): void {
    this.db.close();
  }
}

/** A strong ETag from the document's bytes. */
export function etagOf(document: string): string {
  return `"${createHash('sha256').update(document).digest('base64url').slice(0, 27)}"`;
}
