import type { BackupDto, ExportResultDto, ImportReportDto, RecoveryStatusDto } from '../../../shared/domain/dto';
import { AppError } from '../../../shared/domain/errors';
import type { FileDialogs } from '../core-types';
import type { Instance } from '../instance';
import { checkIntegrity } from '../db/integrity';
import type { Logger } from '../logger';
import type { BackupStore } from './backup-store';
import { suggestedFileName } from './export-service';

export interface DataHost {
  /** The open instance, or null while the data file is damaged. */
  instance(): Instance | null;
  damage(): { detail: string } | null;
  supportedSchema: number;
  /** Closes the instance (if any), lets `swap` change files, then opens a fresh one. */
  reopen(swap: () => void): Promise<void>;
  livePath: string;
}

const NO_DIALOGS: FileDialogs = { chooseSavePath: async () => null, chooseOpenPath: async () => null };

/** Export, import, backups and recovery: the channels that work on the data file as a whole. */
export class DataService {
  private daily: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: DataHost,
    private readonly backups: BackupStore,
    private readonly logger: Logger,
    private readonly dialogs: FileDialogs = NO_DIALOGS,
  ) {}

  async exportChat(chatId: string, format: 'markdown' | 'json'): Promise<ExportResultDto> {
    const instance = this.ready();
    const chat = await instance.services.chats.get(chatId);
    const path = await this.dialogs.chooseSavePath(suggestedFileName(chat, format === 'markdown' ? 'md' : 'json'), format);
    if (!path) return { path: null, chats: 0, messages: 0 };
    return { path, ...(await instance.exporter.exportChat(chatId, format, path)) };
  }

  async exportAll(): Promise<ExportResultDto> {
    const instance = this.ready();
    const path = await this.dialogs.chooseSavePath(`parley-archive-${new Date().toISOString().slice(0, 10)}.json`, 'json');
    if (!path) return { path: null, chats: 0, messages: 0 };
    return { path, ...(await instance.exporter.exportAll(path)) };
  }

  async import(): Promise<ImportReportDto> {
    const instance = this.ready();
    const path = await this.dialogs.chooseOpenPath('json');
    if (!path) return { path: null, chatsImported: 0, messagesImported: 0, chatsAlreadyPresent: 0, skipped: [], cancelled: true };
    return instance.importer.importFile(path);
  }

  cancelImport(): { cancelling: boolean } {
    return this.host.instance()?.importer.cancel() ?? { cancelling: false };
  }

  listBackups(): BackupDto[] {
    return this.backups.list();
  }

  async createBackup(kind: 'manual' | 'daily' | 'pre-restore' = 'manual'): Promise<BackupDto> {
    const path = this.backups.newPath(kind);
    await this.ready().snapshot(path);
    this.backups.prune();
    const made = this.backups.list().find((b) => path.endsWith(b.name));
    if (!made) throw new AppError('internal', 'The backup was not written');
    return made;
  }

  /** Takes the daily backup when the last one is a day old or more. */
  dailyIfDue(): Promise<void> {
    if (!this.host.instance() || !this.backups.dailyIsDue()) return this.daily;
    this.daily = this.createBackup('daily').then(
      () => undefined,
      (error: unknown) => this.logger.warn('daily backup failed', { error: String(error) }),
    );
    return this.daily;
  }

  /** Resolves when no automatic backup is being written (before closing the database). */
  settle(): Promise<void> {
    return this.daily;
  }

  async restore(name: string): Promise<{ restored: BackupDto; safetyBackup: BackupDto | null }> {
    const file = this.backups.fileOf(name);
    const backup = this.backups.list().find((b) => b.name === name);
    if (!file || !backup) throw new AppError('not_found', 'No such backup', { name });
    this.assertRestorable(backup);
    const integrity = await checkIntegrity(file, 30_000);
    if (integrity.status === 'damaged') throw new AppError('backup_invalid', `This backup is damaged: ${integrity.detail}`, { reason: 'damaged' });
    // The current state is kept first, so a restore can itself be undone.
    const safetyBackup = this.host.instance() ? await this.createBackup('pre-restore') : null;
    await this.host.reopen(() => {
      if (this.host.damage()) this.backups.setAside(this.host.livePath);
      this.backups.installAsLive(file, this.host.livePath);
    });
    this.logger.info('backup restored', { name });
    return { restored: backup, safetyBackup };
  }

  recoveryStatus(): RecoveryStatusDto {
    const damage = this.host.damage();
    const latest = this.backups.list().find((b) => b.schemaVersion !== null && b.schemaVersion <= this.host.supportedSchema) ?? null;
    return { damaged: damage !== null, detail: damage?.detail ?? null, latestBackup: latest };
  }

  async startFresh(): Promise<RecoveryStatusDto> {
    if (!this.host.damage()) throw new AppError('invalid_input', 'The data file is not damaged');
    await this.host.reopen(() => {
      const aside = this.backups.setAside(this.host.livePath);
      this.logger.warn('damaged data file set aside; starting empty', { aside });
    });
    return this.recoveryStatus();
  }

  private assertRestorable(backup: BackupDto): void {
    if (backup.schemaVersion === null) throw new AppError('backup_invalid', 'This backup is not a readable database', { reason: 'unreadable' });
    if (backup.schemaVersion > this.host.supportedSchema) {
      throw new AppError('backup_invalid', `This backup was made by a newer version of Parley (schema ${backup.schemaVersion})`, { reason: 'newer' });
    }
  }

  private ready(): Instance {
    const instance = this.host.instance();
    if (!instance) throw new AppError('database_damaged', 'The data file is damaged; restore a backup first');
    return instance;
  }
}
