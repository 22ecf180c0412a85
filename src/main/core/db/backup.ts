import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * A consistent copy of the live database through SQLite's online backup API: it copies a few pages at a
 * time between turns of the event loop, so the app never pauses, and writes made meanwhile through the
 * same connection are carried into the copy.
 */
export async function snapshotDatabase(sqlite: Database.Database, destination: string): Promise<void> {
  await sqlite.backup(destination);
  privateFile(destination);
}

/** Schema version of a backup file, or null when it is not a readable SQLite database. */
export function backupSchemaVersion(file: string): number | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return Number(db.pragma('user_version', { simple: true }));
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** 0600 on Unix: conversations are nobody else's business on a shared machine. */
export function privateFile(file: string): void {
  if (process.platform === 'win32' || !existsSync(file)) return;
  try {
    chmodSync(file, 0o600);
  } catch {
    // A file we cannot chmod (another owner) is left as it is; opening it would fail first anyway.
  }
}
