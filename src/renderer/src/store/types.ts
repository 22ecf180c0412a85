import type { StateCreator } from 'zustand';
import type { ChatsSlice } from './chats-slice';
import type { ContextSlice } from './context-slice';
import type { DataSlice } from './data-slice';
import type { MessagesSlice } from './messages-slice';
import type { NetworkSlice } from './network-slice';
import type { SearchSlice } from './search-slice';
import type { SettingsSlice } from './settings-slice';
import type { UiSlice } from './ui-slice';
import type { UsageSlice } from './usage-slice';

/** The whole renderer state: one store, assembled from one slice per area. */
export type AppState = ChatsSlice & ContextSlice & MessagesSlice & SettingsSlice & UiSlice & NetworkSlice & UsageSlice & SearchSlice & DataSlice;

/** A slice sees (and may call into) the whole store, but only contributes its own part. */
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;

/** Loading lifecycle shared by everything fetched from main. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
