import type { ContextFileDto, ContextType } from '../../../shared/domain/dto';
import type { AppErrorData } from '../../../shared/domain/errors';
import { api } from '../api';
import type { LoadStatus, SliceCreator } from './types';

export interface ContextEntry {
  file: ContextFileDto | null;
  status: LoadStatus;
  error: AppErrorData | null;
}

export interface ContextSlice {
  /** The saved context files, by type (the editors keep unsaved text themselves). */
  contexts: Partial<Record<ContextType, ContextEntry>>;
  loadContext: (type: ContextType) => Promise<void>;
  /** Resolves to null on success or the error to show next to the Save button. */
  saveContext: (type: ContextType, content: string) => Promise<AppErrorData | null>;
}

export const createContextSlice: SliceCreator<ContextSlice> = (set, get) => {
  const patch = (type: ContextType, entry: Partial<ContextEntry>) =>
    set((state) => ({
      contexts: {
        ...state.contexts,
        [type]: { file: null, status: 'idle', error: null, ...state.contexts[type], ...entry },
      },
    }));

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
  };
};
