import { create } from 'zustand';
import { createChatsSlice } from './chats-slice';
import { createContextSlice } from './context-slice';
import { createMessagesSlice } from './messages-slice';
import { createSettingsSlice } from './settings-slice';
import { createUiSlice } from './ui-slice';
import type { AppState } from './types';

/** The one renderer store. Components read it through selectors: `useAppStore((s) => s.chats)`. */
export const useAppStore = create<AppState>()((...args) => ({
  ...createChatsSlice(...args),
  ...createContextSlice(...args),
  ...createMessagesSlice(...args),
  ...createSettingsSlice(...args),
  ...createUiSlice(...args),
}));

export type { AppState } from './types';
