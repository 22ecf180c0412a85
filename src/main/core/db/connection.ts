import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Logger } from '../logger';
import type { DB } from './schema';

export const SLOW_QUERY_MS = 40;

export function openSqlite(file: string): Database.Database {
  const sqlite = new Database(file);
  // Only takes effect while the file is still empty: 16 KiB pages waste less space around ~1 kB messages.
  sqlite.pragma('page_size = 16384');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // WAL + NORMAL keeps every committed transaction across an app crash; only an OS crash can lose the last one.
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

export function createKysely(sqlite: Database.Database, logger: Logger): Kysely<DB> {
  return new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    log(event) {
      if (event.level === 'error') {
        logger.error('query failed', { sql: event.query.sql, error: String(event.error) });
      } else if (event.queryDurationMillis > SLOW_QUERY_MS) {
        logger.warn('slow query', { sql: event.query.sql, ms: Math.round(event.queryDurationMillis) });
      }
    },
  });
}

export type Executor = Kysely<DB>;

/**
 * Reads `user_version` without changing the file (no WAL switch, no write), so a database from a
 * newer Parley can be refused untouched. 0 for a file that does not exist yet.
 */
export function readSchemaVersion(file: string): number {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return 0;
  }
  try {
    return Number(sqlite.pragma('user_version', { simple: true }));
  } finally {
    sqlite.close();
  }
}
