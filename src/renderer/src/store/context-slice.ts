import type { ContextPolicy } from '../../../shared/context/context-document';
import type {
  ContextAdminStatusDto,
  ContextFileDto,
  ContextSyncStatusDto,
  ContextType,
  ExportedContextDocumentDto,
  PolicyDto,
  PublishResultDto,
} from '../../../shared/domain/dto';
import type { AppErrorData, Result } from '../../../shared/domain/errors';
import { api } from '../api';
import type { LoadStatus, SliceCreator } from './types';

export interface ContextEntry {
  file: ContextFileDto | null;
  status: LoadStatus;
  error: AppErrorData | null;
}

export interface SyncConfigInput {
  /** null turns sync off. */
  url: string | null;
  publicKey: string | null;
  intervalMinutes: number;
}

export interface PublishInput {
  content: string;
  updatedBy: string;
  policy?: ContextPolicy;
}

export interface ContextSlice {
  /** The saved context files, by type (the editors keep unsaved text themselves). */
  contexts: Partial<Record<ContextType, ContextEntry>>;
  loadContext: (type: ContextType) => Promise<void>;
  /** Resolves to null on success or the error to show next to the Save button. */
  saveContext: (type: ContextType, content: string) => Promise<AppErrorData | null>;

  /** Where the primary context is synced from, and how the last attempt went (null until loaded). */
  syncStatus: ContextSyncStatusDto | null;
  syncStatusError: AppErrorData | null;
  loadSyncStatus: () => Promise<void>;
  /** Saves the sync settings (and syncs at once when an address is set); null on success. */
  configureSync: (input: SyncConfigInput) => Promise<AppErrorData | null>;
  syncNow: () => Promise<AppErrorData | null>;
  /** A status from main (an event, or the answer to configure / sync now): the primary context and policy follow. */
  applySyncStatus: (status: ContextSyncStatusDto) => void;
  /** Listens for `context_sync` events while a page that shows the status is open; returns the unsubscribe. */
  watchContextSync: () => () => void;

  /** What the organisation's document imposes (null until loaded). */
  policy: PolicyDto | null;
  loadPolicy: () => Promise<void>;

  /** Publishing, for admins: signing key and publish target (never the private key or the token). */
  contextAdmin: ContextAdminStatusDto | null;
  contextAdminError: AppErrorData | null;
  loadContextAdmin: () => Promise<void>;
  generateSigningKey: () => Promise<AppErrorData | null>;
  /** token undefined keeps the saved one. */
  setPublishTarget: (url: string | null, token?: string) => Promise<AppErrorData | null>;
  exportContextDocument: (input: PublishInput & { version: number }) => Promise<Result<ExportedContextDocumentDto>>;
  publishContext: (input: PublishInput) => Promise<Result<PublishResultDto>>;
}

export const createContextSlice: SliceCreator<ContextSlice> = (set, get) => {
  const patch = (type: ContextType, entry: Partial<ContextEntry>) =>
    set((state) => ({
      contexts: {
        ...state.contexts,
        [type]: { file: null, status: 'idle', error: null, ...state.contexts[type], ...entry },
      },
    }));

  /** After a sync changed something: the primary text, its provenance and the policy are fetched again. */
  const refreshAfterSync = () => {
    if (get().contexts.primary) void get().loadContext('primary');
    if (get().policy) void get().loadPolicy();
  };

  return {
    contexts: {},

    async loadContext(type) {
      // Fresh on every visit (another window, or the context issue's sync, may have changed it),
      // but only the first load shows a skeleton.
      if (get().contexts[type]?.status !== 'ready') patch(type, { status: 'loading', error: null });
      const result = await api.context.get({ type });
      if (result.ok) patch(type, { file: result.value, status: 'ready', error: null });
      else patch(type, { status: get().contexts[type]?.status === 'ready' ? 'ready' : 'error', error: result.error });
    },

    async saveContext(type, content) {
      const result = await api.context.update({ type, content });
      if (!result.ok) return result.error;
      patch(type, { file: result.value, status: 'ready', error: null });
      return null;
    },

    syncStatus: null,
    syncStatusError: null,

    async loadSyncStatus() {
      const result = await api.contextSync.status();
      if (result.ok) set({ syncStatus: result.value, syncStatusError: null });
      else set({ syncStatusError: result.error });
    },

    async configureSync(input) {
      const result = await api.contextSync.configure(input);
      if (!result.ok) return result.error;
      get().applySyncStatus(result.value);
      return null;
    },

    async syncNow() {
      const current = get().syncStatus;
      // Said at once: the attempt can take up to the time-out.
      if (current) set({ syncStatus: { ...current, state: 'syncing' } });
      const result = await api.contextSync.syncNow();
      if (!result.ok) {
        if (current) set({ syncStatus: current });
        return result.error;
      }
      get().applySyncStatus(result.value);
      return null;
    },

    applySyncStatus(status) {
      set({ syncStatus: status, syncStatusError: null });
      if (status.state !== 'syncing') refreshAfterSync();
    },

    watchContextSync() {
      return api.events.onApp((event) => {
        if (event.type === 'context_sync') get().applySyncStatus(event.status);
      });
    },

    policy: null,

    async loadPolicy() {
      const result = await api.policy.get();
      if (result.ok) set({ policy: result.value });
    },

    contextAdmin: null,
    contextAdminError: null,

    async loadContextAdmin() {
      const result = await api.contextAdmin.status();
      if (result.ok) set({ contextAdmin: result.value, contextAdminError: null });
      else set({ contextAdminError: result.error });
    },

    async generateSigningKey() {
      const result = await api.contextAdmin.generateKey();
      if (!result.ok) return result.error;
      set({ contextAdmin: result.value });
      return null;
    },

    async setPublishTarget(url, token) {
      const result = await api.contextAdmin.setPublishTarget(token === undefined ? { url } : { url, token });
      if (!result.ok) return result.error;
      set({ contextAdmin: result.value });
      return null;
    },

    exportContextDocument(input) {
      return api.contextAdmin.exportDocument(input);
    },

    publishContext(input) {
      return api.contextAdmin.publish(input);
    },
  };
};
