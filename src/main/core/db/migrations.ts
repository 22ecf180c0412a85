import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationOutcome {
  from: number;
  to: number;
  applied: string[];
}

/** Raised before anything is written when the file was made by a newer Parley. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data was saved by a newer version of Parley (schema ${found}; this version understands up to ${supported}). ` +
        'Update Parley to open it. The data has not been changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

const FILE_NAME = /(?:^|\/)(\d{4})_([a-z0-9_]+)\.sql$/;

/** Turns `{ path: sql }` (from import.meta.glob) into an ordered list, asserting 0001, 0002, … with no gaps. */
export function parseMigrationFiles(files: Record<string, string>): Migration[] {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const match = FILE_NAME.exec(path);
    if (!match) throw new Error(`Migration file name must look like NNNN_snake_case.sql: ${path}`);
    return { version: Number(match[1]), name: `${match[1]}_${match[2]}`, sql };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered contiguously from 0001; expected ${index + 1}, found ${migration.name}`);
    }
  });
  return migrations;
}

/** Applies every pending migration in one transaction; `PRAGMA user_version` records progress. */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationOutcome {
  const from = Number(db.pragma('user_version', { simple: true }));
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest, applied: pending.map((m) => m.name) };
}
