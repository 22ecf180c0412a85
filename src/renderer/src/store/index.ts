import { create } from 'zustand';
import { createChatsSlice } from './chats-slice';
import { createContextSlice } from './context-slice';
import { createDataSlice } from './data-slice';
import { createMessagesSlice } from './messages-slice';
import { createNetworkSlice } from './network-slice';
import { createSearchSlice } from './search-slice';
import { createSettingsSlice } from './settings-slice';
import { createUiSlice } from './ui-slice';
import { createUsageSlice } from './usage-slice';
import type { AppState } from './types';

/** The one renderer store. Components read it through selectors: `useAppStore((s) => s.chats)`. */
export const useAppStore = create<AppState>()((...args) => ({
  ...createChatsSlice(...args),
  ...createContextSlice(...args),
  ...createMessagesSlice(...args),
  ...createSettingsSlice(...args),
  ...createUiSlice(...args),
  ...createNetworkSlice(...args),
  ...createUsageSlice(...args),
  ...createSearchSlice(...args),
  ...createDataSlice(...args),
}));

export type { AppState } from './types';
