import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupDto, BackupKind } from '../../../shared/domain/dto';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { backupSchemaVersion, privateFile } from '../db/backup';

const NAME = /^parley-(daily|manual|pre-migration|pre-restore)-(\d{8}T\d{6}\d{3}Z)\.sqlite$/;
const KEEP: Record<BackupKind, number> = { daily: 7, manual: 20, 'pre-migration': 10, 'pre-restore': 5 };
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The backups folder: naming, listing, pruning. Taking a snapshot needs the live connection (see snapshotDatabase). */
export class BackupStore {
  constructor(
    readonly folder: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** A new file name for a backup of `kind`, made now. */
  newPath(kind: BackupKind): string {
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    const stamp = this.clock.now().replace(/[-:]/g, '').replace('.', '');
    return join(this.folder, `parley-${kind}-${stamp}.sqlite`);
  }

  list(): BackupDto[] {
    if (!existsSync(this.folder)) return [];
    return readdirSync(this.folder)
      .map((name) => ({ name, match: NAME.exec(name) }))
      .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
      .map(({ name, match }) => {
        const file = join(this.folder, name);
        const s = match[2]!;
        return {
          name,
          kind: match[1] as BackupKind,
          createdAt: `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`,
          sizeBytes: statSync(file).size,
          schemaVersion: backupSchemaVersion(file),
        };
      })
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  /** The file of a listed backup; null for anything else (no paths from outside the folder). */
  fileOf(name: string): string | null {
    return NAME.test(name) && existsSync(join(this.folder, name)) ? join(this.folder, name) : null;
  }

  dailyIsDue(): boolean {
    const latest = this.list().find((b) => b.kind === 'daily');
    return !latest || Date.parse(this.clock.now()) - Date.parse(latest.createdAt) >= DAY_MS;
  }

  prune(): void {
    const byKind = new Map<BackupKind, BackupDto[]>();
    for (const backup of this.list()) byKind.set(backup.kind, [...(byKind.get(backup.kind) ?? []), backup]);
    for (const [kind, backups] of byKind) {
      for (const old of backups.slice(KEEP[kind])) {
        rmSync(join(this.folder, old.name), { force: true });
        this.logger.info('old backup removed', { name: old.name });
      }
    }
  }

  /** Replaces the live database file with a backup (the database must be closed). */
  installAsLive(backupFile: string, livePath: string): void {
    const temp = `${livePath}.restoring`;
    copyFileSync(backupFile, temp);
    privateFile(temp);
    for (const suffix of ['-wal', '-shm']) rmSync(`${livePath}${suffix}`, { force: true });
    renameSync(temp, livePath);
  }

  /** Moves a damaged database (and its WAL) aside, never deleting it. Returns where it went. */
  setAside(livePath: string): string {
    const stamp = this.clock.now().replace(/[-:]/g, '').replace('.', '');
    const aside = livePath.replace(/\.sqlite$/, `.damaged-${stamp}.sqlite`);
    renameSync(livePath, aside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(`${livePath}${suffix}`)) renameSync(`${livePath}${suffix}`, `${aside}${suffix}`);
    }
    return aside;
  }
}
