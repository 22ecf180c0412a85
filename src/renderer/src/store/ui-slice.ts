import type { SliceCreator } from './types';

export interface UiSlice {
  /** Unsent composer text by chat id: survives switching chats and a failed send. */
  drafts: Record<string, string>;
  setDraft: (chatId: string, text: string) => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  drafts: {},
  setDraft(chatId, text) {
    set((state) => {
      if (text) return { drafts: { ...state.drafts, [chatId]: text } };
      const { [chatId]: _cleared, ...rest } = state.drafts;
      return { drafts: rest };
    });
  },
});
