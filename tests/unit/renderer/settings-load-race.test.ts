import { describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';

/** Replies to settings:get and settings:update, released by the test in the order it chooses. */
const replies: { get: ((value: unknown) => void)[]; update: ((value: unknown) => void)[] } = { get: [], update: [] };
const deferred = (queue: ((value: unknown) => void)[]) => new Promise((resolve) => queue.push(resolve));
const applied: string[] = [];

vi.mock('../../../src/renderer/src/api', () => ({
  api: {
    settings: { get: () => deferred(replies.get), update: () => deferred(replies.update) },
    models: { list: async () => ({ ok: true, value: { models: [] } }) },
    secrets: { status: async () => ({ ok: true, value: { hasKey: false } }) },
  },
}));
vi.mock('../../../src/renderer/src/i18n', () => ({ applyLanguage: async (language: string) => void applied.push(language) }));
vi.mock('../../../src/renderer/src/theme', () => ({ applyTheme: () => undefined }));

const { createSettingsSlice } = await import('../../../src/renderer/src/store/settings-slice');
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('settings read while a setting is being changed', () => {
  it('a read that started before a change does not undo it (Settings reloads on every visit)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the settings slice is under test
    const store = create<any>()((set, get, api) => createSettingsSlice(set, get, api));
    store.setState({ settings: { language: 'system' } });
    const loading = store.getState().loadSettings();
    const changing = store.getState().setLanguage('ru');
    await flush();
    replies.update.shift()!({ ok: true, value: { language: 'ru' } });
    await changing;
    // The read answers last, with what was stored before the change.
    replies.get.shift()!({ ok: true, value: { language: 'system' } });
    await loading;
    expect(store.getState().settings).toEqual({ language: 'ru' });
    expect(applied.at(-1)).toBe('ru');
  });

  it('a read with no change under way is taken as it is', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the settings slice is under test
    const store = create<any>()((set, get, api) => createSettingsSlice(set, get, api));
    const loading = store.getState().loadSettings();
    await flush();
    replies.get.shift()!({ ok: true, value: { language: 'en' } });
    await loading;
    expect(store.getState().settings).toEqual({ language: 'en' });
    expect(applied.at(-1)).toBe('en');
  });
});
