import type { BackupDto, ExportResultDto, ImportReportDto } from '../../../shared/domain/dto';
import type { AppErrorData, ErrorCode, Result } from '../../../shared/domain/errors';
import { api, onDatabaseDamaged } from '../api';
import type { LoadStatus, SliceCreator } from './types';

/** A short-lived message at the bottom of the window (an export from a chat's menu). */
export type DataNotice =
  | { id: number; kind: 'exported'; path: string; chats: number; messages: number }
  | { id: number; kind: 'failed'; code: ErrorCode };

export interface ImportProgress {
  chats: number;
  messages: number;
  bytesRead: number;
  totalBytes: number;
}

export interface RecoveryState {
  /** 'checking' until main has said whether the data file is sound (the app waits for that). */
  status: 'checking' | 'ok' | 'damaged';
  detail: string | null;
  latestBackup: BackupDto | null;
}

export interface RestoreOutcome {
  restored: BackupDto;
  safetyBackup: BackupDto | null;
}

export interface DataSlice {
  dataNotice: DataNotice | null;
  dismissDataNotice: () => void;
  /** Export from a chat's menu: the outcome is shown as a notice (nothing when the save dialog was cancelled). */
  exportChat: (chatId: string, format: 'markdown' | 'json') => Promise<void>;
  exportAll: () => Promise<Result<ExportResultDto>>;
  importing: boolean;
  importProgress: ImportProgress | null;
  /** The last import's report, kept until the next import (the page can be left meanwhile). */
  importReport: ImportReportDto | null;
  importError: AppErrorData | null;
  importData: () => Promise<void>;
  cancelImport: () => Promise<void>;
  clearImportReport: () => void;
  /** Newest first. */
  backups: BackupDto[];
  backupsStatus: LoadStatus;
  backupsError: AppErrorData | null;
  loadBackups: () => Promise<void>;
  createBackup: () => Promise<Result<BackupDto>>;
  /** Restores a backup (main keeps the current data as a backup first), then reloads chats and settings. */
  restoreBackup: (name: string) => Promise<Result<RestoreOutcome>>;
  recovery: RecoveryState;
  /** Asks main whether the data file is sound; resolves to true when the app can start normally. */
  checkRecovery: () => Promise<boolean>;
  /** Recovery screen: keeps the damaged file aside and starts with empty data. */
  startFresh: () => Promise<AppErrorData | null>;
  /** After the data changed under the app (restore, start fresh): forget what was loaded and load again. */
  reloadAfterDataChange: () => Promise<void>;
}

/** Newest first by creation time; the name (which holds the time) breaks ties. */
function sortBackups(backups: BackupDto[]): BackupDto[] {
  return [...backups].sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

export const createDataSlice: SliceCreator<DataSlice> = (set, get) => {
  let noticeId = 0;

  // Whichever call first meets a damaged data file, the app switches to the recovery screen.
  onDatabaseDamaged(() => {
    if (get().recovery.status === 'damaged') return;
    set((state) => ({ recovery: { ...state.recovery, status: 'damaged' } }));
    void get().checkRecovery();
  });

  return {
    dataNotice: null,
    importing: false,
    importProgress: null,
    importReport: null,
    importError: null,
    backups: [],
    backupsStatus: 'idle',
    backupsError: null,
    recovery: { status: 'checking', detail: null, latestBackup: null },

    dismissDataNotice() {
      set({ dataNotice: null });
    },

    async exportChat(chatId, format) {
      const result = await api.data.exportChat({ chatId, format });
      if (!result.ok) {
        set({ dataNotice: { id: ++noticeId, kind: 'failed', code: result.error.code } });
        return;
      }
      const { path, chats, messages } = result.value;
      if (path === null) return; // the person cancelled the save dialog
      set({ dataNotice: { id: ++noticeId, kind: 'exported', path, chats, messages } });
    },

    exportAll() {
      return api.data.exportAll();
    },

    async importData() {
      if (get().importing) return;
      set({ importing: true, importProgress: null, importReport: null, importError: null });
      const off = api.events.onApp((event) => {
        if (event.type !== 'import_progress') return;
        const { chats, messages, bytesRead, totalBytes } = event;
        set({ importProgress: { chats, messages, bytesRead, totalBytes } });
      });
      try {
        const result = await api.data.import();
        if (!result.ok) {
          set({ importError: result.error });
          return;
        }
        // The open dialog was closed without a file: nothing to report.
        if (result.value.path !== null) set({ importReport: result.value });
        if (result.value.chatsImported > 0) {
          await get().loadChats();
          if (get().archivedStatus !== 'idle') await get().loadArchivedChats();
        }
      } finally {
        off();
        set({ importing: false, importProgress: null });
      }
    },

    async cancelImport() {
      await api.data.cancelImport();
    },

    clearImportReport() {
      set({ importReport: null, importError: null });
    },

    async loadBackups() {
      if (get().backupsStatus !== 'ready') set({ backupsStatus: 'loading' });
      const result = await api.data.listBackups();
      if (result.ok) set({ backups: sortBackups(result.value), backupsStatus: 'ready', backupsError: null });
      else set({ backupsStatus: get().backupsStatus === 'ready' ? 'ready' : 'error', backupsError: result.error });
    },

    async createBackup() {
      const result = await api.data.createBackup();
      // Main may also have pruned old ones: list again rather than insert.
      if (result.ok) await get().loadBackups();
      return result;
    },

    async restoreBackup(name) {
      const result = await api.data.restoreBackup({ name });
      if (!result.ok) return result;
      await get().reloadAfterDataChange();
      return result;
    },

    async checkRecovery() {
      const result = await api.recovery.status();
      // A transport failure is not damage: start normally and let the calls themselves report.
      if (!result.ok) {
        if (get().recovery.status === 'checking') set({ recovery: { status: 'ok', detail: null, latestBackup: null } });
        return get().recovery.status === 'ok';
      }
      const { damaged, detail, latestBackup } = result.value;
      set({ recovery: { status: damaged ? 'damaged' : 'ok', detail, latestBackup } });
      return !damaged;
    },

    async startFresh() {
      const result = await api.recovery.startFresh();
      if (!result.ok) return result.error;
      await get().reloadAfterDataChange();
      return null;
    },

    async reloadAfterDataChange() {
      // Transcripts, streams and outbox marks belong to the data that was replaced.
      set({
        conversations: {},
        streams: {},
        queued: {},
        retrying: {},
        retryAfter: {},
        archivedChats: [],
        archivedStatus: 'idle',
        createChatError: null,
        searchHits: [],
        searchHitsQuery: '',
        searchStatus: 'idle',
      });
      const sound = await get().checkRecovery();
      if (!sound) return;
      await Promise.all([get().loadChats(), get().loadSettings(), get().loadBackups()]);
      if (get().chatListView === 'archived') await get().loadArchivedChats();
    },
  };
};
