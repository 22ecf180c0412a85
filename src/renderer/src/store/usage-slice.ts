import type { ChatDto, ModelsDto, SettingsDto, UsageSummaryDto } from '../../../shared/domain/dto';
import type { AppErrorData } from '../../../shared/domain/errors';
import { api } from '../api';
import { writeSettings } from './settings-slice';
import type { LoadStatus, SliceCreator } from './types';

/** The ranges the Usage page offers (the contract's). */
export type UsageDays = 7 | 30 | 90;
export const USAGE_RANGES: readonly UsageDays[] = [7, 30, 90];

export interface UsageView {
  status: LoadStatus;
  summary: UsageSummaryDto | null;
  error: AppErrorData | null;
}

/** Per-chat sampling as `chats:update` takes it: null means the default. */
export type ChatSamplingPatch = Partial<Pick<ChatDto, 'model' | 'temperature' | 'topP' | 'maxTokens'>>;
export type RequestSettingsPatch = Partial<Pick<SettingsDto, 'requestsPerMinute' | 'concurrentStreams' | 'summarizeOmitted'>>;

export interface UsageSlice {
  /** Usage summaries by range; each is fetched fresh when the page asks (a reply may have added to it). */
  usage: Partial<Record<UsageDays, UsageView>>;
  loadUsage: (days: UsageDays) => Promise<void>;
  /** Asks main for a fresh model list from the API (`models:refresh`); returns null or the error. */
  refreshModels: () => Promise<AppErrorData | null>;
  /** Saves a chat's model and sampling; the chat lists get the updated chat. Returns the error as is (its details name fields). */
  updateChatSampling: (chatId: string, patch: ChatSamplingPatch) => Promise<AppErrorData | null>;
  /** Saves request limits or the summarise switch. */
  updateRequestSettings: (patch: RequestSettingsPatch) => Promise<AppErrorData | null>;
}

export const createUsageSlice: SliceCreator<UsageSlice> = (set, get) => {
  const patchView = (days: UsageDays, patch: Partial<UsageView>) =>
    set((state) => ({
      usage: { ...state.usage, [days]: { ...(state.usage[days] ?? { status: 'idle', summary: null, error: null }), ...patch } },
    }));

  return {
    usage: {},

    async loadUsage(days) {
      // A summary already on screen stays while the fresh one loads (no skeleton flash on revisits).
      patchView(days, { status: 'loading', error: null });
      const result = await api.usage.summary({ days });
      if (result.ok) patchView(days, { status: 'ready', summary: result.value, error: null });
      else patchView(days, { status: 'error', error: result.error });
    },

    async refreshModels() {
      const result = await api.models.refresh();
      if (!result.ok) return result.error;
      set({ models: result.value satisfies ModelsDto });
      return null;
    },

    async updateChatSampling(chatId, patch) {
      const result = await api.chats.update({ id: chatId, ...patch });
      if (!result.ok) return result.error;
      get().applyChatUpdate(result.value);
      return null;
    },

    async updateRequestSettings(patch) {
      const result = await writeSettings(patch);
      if (!result.ok) return result.error;
      set({ settings: result.value });
      return null;
    },
  };
};
