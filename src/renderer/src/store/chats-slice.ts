import type { ChatDto } from '../../../shared/domain/dto';
import type { AppErrorData } from '../../../shared/domain/errors';
import { api } from '../api';
import { loadedEmptyConversation } from './messages-slice';
import type { AppState, LoadStatus, SliceCreator } from './types';

/** Which chats the sidebar shows. */
export type ChatListView = 'active' | 'archived';

export interface ChatsSlice {
  /** Non-archived chats, newest `updatedAt` first (the order the sidebar shows). */
  chats: ChatDto[];
  chatsStatus: LoadStatus;
  chatsError: AppErrorData | null;
  /** Archived chats, newest first; loaded the first time the sidebar shows them. */
  archivedChats: ChatDto[];
  archivedStatus: LoadStatus;
  archivedError: AppErrorData | null;
  chatListView: ChatListView;
  /** Set when "New chat" fails (e.g. `chat_limit_reached`); cleared by the next attempt. */
  createChatError: AppErrorData | null;
  creatingChat: boolean;
  loadChats: () => Promise<void>;
  loadArchivedChats: () => Promise<void>;
  setChatListView: (view: ChatListView) => void;
  /** Resolves to the new chat, or null when creation failed (see `createChatError`). */
  createChat: () => Promise<ChatDto | null>;
  clearCreateChatError: () => void;
  /** Each returns null on success or the error to show next to the control that caused it. */
  renameChat: (chatId: string, title: string) => Promise<AppErrorData | null>;
  setChatArchived: (chatId: string, archived: boolean) => Promise<AppErrorData | null>;
  deleteChat: (chatId: string) => Promise<AppErrorData | null>;
  /** Archives the `count` active chats with the oldest activity; resolves to how many were archived. */
  archiveOldestChats: (count: number) => Promise<{ archived: number; error: AppErrorData | null }>;
  /** A chat changed by main (an automatic title, activity): put it where it now belongs. */
  applyChatUpdate: (chat: ChatDto) => void;
  /** Moves a chat to the top after activity, without a round trip. */
  touchChat: (chatId: string, updatedAt: string) => void;
}

export function sortChats(chats: ChatDto[]): ChatDto[] {
  // ISO-8601 strings from main sort correctly as strings; id breaks ties so the order is stable.
  return [...chats].sort((a, b) =>
    a.updatedAt === b.updatedAt ? b.id.localeCompare(a.id) : b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** A chat by id, active or archived (a deep link may open an archived chat). */
export function selectChat(state: AppState, chatId: string): ChatDto | undefined {
  return state.chats.find((c) => c.id === chatId) ?? state.archivedChats.find((c) => c.id === chatId);
}

/** Puts `chat` into the list it belongs to and takes it out of the other one. */
function place(state: Pick<ChatsSlice, 'chats' | 'archivedChats'>, chat: ChatDto) {
  const without = (list: ChatDto[]) => list.filter((c) => c.id !== chat.id);
  return chat.isArchived
    ? { chats: without(state.chats), archivedChats: sortChats([chat, ...without(state.archivedChats)]) }
    : { chats: sortChats([chat, ...without(state.chats)]), archivedChats: without(state.archivedChats) };
}

export const createChatsSlice: SliceCreator<ChatsSlice> = (set, get) => ({
  chats: [],
  chatsStatus: 'idle',
  chatsError: null,
  archivedChats: [],
  archivedStatus: 'idle',
  archivedError: null,
  chatListView: 'active',
  createChatError: null,
  creatingChat: false,

  async loadChats() {
    // Only the first load shows a loading state; refreshes (after a reply, for a new title) are silent.
    if (get().chatsStatus !== 'ready') set({ chatsStatus: 'loading' });
    const result = await api.chats.list({ archived: false });
    if (result.ok) set({ chats: sortChats(result.value), chatsStatus: 'ready', chatsError: null });
    else set({ chatsStatus: get().chatsStatus === 'ready' ? 'ready' : 'error', chatsError: result.error });
  },

  async loadArchivedChats() {
    if (get().archivedStatus !== 'ready') set({ archivedStatus: 'loading' });
    const result = await api.chats.list({ archived: true });
    if (result.ok) set({ archivedChats: sortChats(result.value), archivedStatus: 'ready', archivedError: null });
    else set({ archivedStatus: get().archivedStatus === 'ready' ? 'ready' : 'error', archivedError: result.error });
  },

  setChatListView(view) {
    set({ chatListView: view });
    // Fresh each time: chats are archived from other places (the chat-limit offer) too.
    if (view === 'archived') void get().loadArchivedChats();
  },

  async createChat() {
    if (get().creatingChat) return null;
    set({ creatingChat: true, createChatError: null });
    const result = await api.chats.create({});
    if (!result.ok) {
      set({ creatingChat: false, createChatError: result.error });
      return null;
    }
    const chat = result.value;
    // A chat made a moment ago has no messages: its empty state shows at once, with no round trip and no
    // loading shapes flashing before it.
    set((state) => ({
      creatingChat: false,
      ...place(state, chat),
      conversations: { ...state.conversations, [chat.id]: loadedEmptyConversation },
    }));
    return chat;
  },

  clearCreateChatError() {
    set({ createChatError: null });
  },

  async renameChat(chatId, title) {
    const result = await api.chats.update({ id: chatId, title });
    if (!result.ok) return result.error;
    set((state) => place(state, result.value));
    return null;
  },

  async setChatArchived(chatId, archived) {
    const result = await api.chats.update({ id: chatId, isArchived: archived });
    if (!result.ok) return result.error;
    // Fewer active chats: a "chat limit" message from an earlier New chat no longer holds.
    set((state) => ({ ...place(state, result.value), ...(archived ? { createChatError: null } : {}) }));
    return null;
  },

  async deleteChat(chatId) {
    const result = await api.chats.delete({ id: chatId });
    // Already gone (deleted elsewhere) is what the user wanted: drop it from the lists all the same.
    if (!result.ok && result.error.code !== 'not_found') return result.error;
    set((state) => ({
      chats: state.chats.filter((c) => c.id !== chatId),
      archivedChats: state.archivedChats.filter((c) => c.id !== chatId),
      createChatError: null,
    }));
    return null;
  },

  async archiveOldestChats(count) {
    // Oldest activity last in the sorted list; take from the end.
    const oldest = get().chats.slice(-Math.max(0, count)).reverse();
    let archived = 0;
    for (const chat of oldest) {
      const error = await get().setChatArchived(chat.id, true);
      if (error) return { archived, error };
      archived++;
    }
    return { archived, error: null };
  },

  applyChatUpdate(chat) {
    set((state) => {
      const known = state.chats.some((c) => c.id === chat.id) || state.archivedChats.some((c) => c.id === chat.id);
      // An update for a chat this window has deleted (or not loaded yet) must not resurrect it.
      if (!known) return {};
      return place(state, chat);
    });
  },

  touchChat(chatId, updatedAt) {
    set((state) => ({
      chats: sortChats(state.chats.map((c) => (c.id === chatId && c.updatedAt < updatedAt ? { ...c, updatedAt } : c))),
    }));
  },
});
