import type { Language, ModelsDto, SecretStatusDto, SettingsDto, Theme } from '../../../shared/domain/dto';
import type { AppErrorData } from '../../../shared/domain/errors';
import { api } from '../api';
import { applyLanguage } from '../i18n';
import { applyTheme } from '../theme';
import type { SliceCreator } from './types';

export interface SettingsSlice {
  settings: SettingsDto | null;
  models: ModelsDto | null;
  /** What the renderer may know about the API key: never the key itself. */
  secretStatus: SecretStatusDto | null;
  /** The first failure while loading settings, models or key status (the page shows it). */
  settingsError: AppErrorData | null;
  loadSettings: () => Promise<void>;
  /** Each returns null on success or the error to show next to the control that caused it. */
  setModel: (model: string | null) => Promise<AppErrorData | null>;
  setLanguage: (language: Language) => Promise<AppErrorData | null>;
  setTheme: (theme: Theme) => Promise<AppErrorData | null>;
  setMaxChats: (maxChats: number) => Promise<AppErrorData | null>;
  saveApiKey: (apiKey: string) => Promise<AppErrorData | null>;
  clearApiKey: () => Promise<AppErrorData | null>;
}

/** One empty list for "not loaded yet": a selector must not return a new array each call. */
const NO_MODELS: ModelsDto['models'] = [];

/**
 * The models this Parley can use, or an empty list until they are loaded. A fresh `[]` from a selector
 * is a new value on every render, which React takes as a store change: an endless re-render (React
 * error #185) for any page that rendered before the models arrived.
 */
export function selectModelList(state: { models: ModelsDto | null }): ModelsDto['models'] {
  return state.models?.models ?? NO_MODELS;
}

/** Settings writes started so far: a read that began before one of them must not undo it. */
let settingsWrites = 0;

/** Every change to settings goes through here (see loadSettings). */
export function writeSettings(patch: Parameters<typeof api.settings.update>[0]): ReturnType<typeof api.settings.update> {
  settingsWrites++;
  return api.settings.update(patch);
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  settings: null,
  models: null,
  secretStatus: null,
  settingsError: null,

  async loadSettings() {
    const writesBefore = settingsWrites;
    const [settings, models, secrets] = await Promise.all([
      api.settings.get(),
      api.models.list(),
      api.secrets.status(),
    ]);
    // A change made while this read was under way (a language picked as Settings opens) is newer than
    // what the read returned: keep it, and do not switch the UI back.
    const stale = settingsWrites !== writesBefore;
    set({
      ...(stale ? {} : { settings: settings.ok ? settings.value : null }),
      models: models.ok ? models.value : null,
      secretStatus: secrets.ok ? secrets.value : null,
      settingsError: [settings, models, secrets].find((r) => !r.ok)?.error ?? null,
    });
    if (settings.ok && !stale) {
      applyTheme(settings.value.theme ?? 'system');
      await applyLanguage(settings.value.language);
    }
  },

  async setModel(model) {
    const result = await writeSettings({ model });
    if (!result.ok) return result.error;
    set({ settings: result.value });
    // effectiveModel depends on the setting; ask main rather than re-deriving its rules here.
    const models = await api.models.list();
    if (models.ok) set({ models: models.value });
    return null;
  },

  async setLanguage(language) {
    // Switch the UI at once (it is what the user asked for) and persist behind it.
    const previous = get().settings?.language ?? 'system';
    await applyLanguage(language);
    const result = await writeSettings({ language });
    if (!result.ok) {
      await applyLanguage(previous); // not saved: do not leave the UI in a language that will not stick
      return result.error;
    }
    set({ settings: result.value });
    return null;
  },

  async setTheme(theme) {
    // Like the language: repaint at once, persist behind it, and go back if it did not stick.
    const previous = get().settings?.theme ?? 'system';
    applyTheme(theme);
    const result = await writeSettings({ theme });
    if (!result.ok) {
      applyTheme(previous);
      return result.error;
    }
    set({ settings: result.value });
    return null;
  },

  async setMaxChats(maxChats) {
    const result = await writeSettings({ maxChats });
    if (!result.ok) return result.error;
    // A higher limit may have lifted the one an earlier "New chat" ran into.
    set({ settings: result.value, createChatError: null });
    return null;
  },

  async saveApiKey(apiKey) {
    const result = await api.secrets.setApiKey({ apiKey });
    if (!result.ok) return result.error;
    set({ secretStatus: result.value });
    return null;
  },

  async clearApiKey() {
    const result = await api.secrets.clearApiKey();
    if (!result.ok) return result.error;
    set({ secretStatus: result.value });
    return null;
  },
});
