import { MESSAGE_MAX } from '../../../shared/domain/limits';
import { api } from '../api';
import type { SliceCreator } from './types';

/** How long typing must pause before the draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 400;

export interface UiSlice {
  /** Unsent composer text by chat id. Main keeps it too (drafts:get / drafts:set), so it survives a restart. */
  drafts: Record<string, string>;
  /** Fetches the saved draft the first time a chat is opened; text typed meanwhile wins. */
  loadDraft: (chatId: string) => Promise<void>;
  /** Updates the draft at once and saves it to main after a short pause in typing. */
  setDraft: (chatId: string, text: string) => void;
  /** Saves a pending draft now (on chat switch, unmount, or when the page is hidden). */
  flushDraft: (chatId: string) => void;
  /** After a successful send: empties the draft here and in main, cancelling any pending save. */
  clearDraft: (chatId: string) => void;
  /** Text of questions being edited, by message id: an open editor survives scrolling out of view. */
  edits: Record<string, string>;
  /** Opens or updates an editor; null closes it. */
  setEdit: (messageId: string, text: string | null) => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Chats whose saved draft has been fetched, or whose text the user changed before it arrived. */
  const known = new Set<string>();

  const save = (chatId: string) => {
    const timer = timers.get(chatId);
    if (timer === undefined) return;
    clearTimeout(timer);
    timers.delete(chatId);
    const content = (get().drafts[chatId] ?? '').slice(0, MESSAGE_MAX);
    void api.drafts.set({ chatId, content }).then((result) => {
      // A chat deleted meanwhile answers not_found: nothing to keep. Anything else is only logged; the
      // text is still on screen and the next keystroke tries again.
      if (!result.ok && result.error.code !== 'not_found') console.warn('[drafts] not saved', result.error.code);
    });
  };

  const store = (chatId: string, text: string) =>
    set((state) => {
      if (text) return { drafts: { ...state.drafts, [chatId]: text } };
      const { [chatId]: _cleared, ...rest } = state.drafts;
      return { drafts: rest };
    });

  if (typeof window !== 'undefined') {
    // Leaving or hiding the page should not lose the last 400 ms of typing.
    const flushAll = () => [...timers.keys()].forEach(save);
    window.addEventListener('pagehide', flushAll);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushAll();
    });
  }

  return {
    drafts: {},
    edits: {},

    setEdit(messageId, text) {
      set((state) => {
        if (text !== null) return { edits: { ...state.edits, [messageId]: text } };
        const { [messageId]: _closed, ...rest } = state.edits;
        return { edits: rest };
      });
    },

    async loadDraft(chatId) {
      if (known.has(chatId)) return;
      known.add(chatId);
      const before = get().drafts[chatId];
      const result = await api.drafts.get({ chatId });
      if (!result.ok) return;
      // Typed (or sent) while the request was in flight: what is on screen is newer.
      if (get().drafts[chatId] !== before || timers.has(chatId)) return;
      store(chatId, result.value.content);
    },

    setDraft(chatId, text) {
      known.add(chatId);
      store(chatId, text);
      const previous = timers.get(chatId);
      if (previous !== undefined) clearTimeout(previous);
      timers.set(
        chatId,
        setTimeout(() => save(chatId), DRAFT_SAVE_DELAY_MS),
      );
    },

    flushDraft(chatId) {
      save(chatId);
    },

    clearDraft(chatId) {
      const pending = timers.get(chatId);
      if (pending !== undefined) clearTimeout(pending);
      timers.delete(chatId);
      known.add(chatId);
      store(chatId, '');
      // Main drops the draft with the message it sends; saying so again orders it after any save in flight.
      void api.drafts.set({ chatId, content: '' });
    },
  };
};
