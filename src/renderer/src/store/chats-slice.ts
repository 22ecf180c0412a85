import type { ChatDto } from '../../../shared/domain/dto';
import type { AppErrorData } from '../../../shared/domain/errors';
import { api } from '../api';
import type { LoadStatus, SliceCreator } from './types';

export interface ChatsSlice {
  /** Non-archived chats, newest `updatedAt` first (the order the sidebar shows). */
  chats: ChatDto[];
  chatsStatus: LoadStatus;
  chatsError: AppErrorData | null;
  /** Set when "New chat" fails (e.g. `chat_limit_reached`); cleared by the next attempt. */
  createChatError: AppErrorData | null;
  creatingChat: boolean;
  loadChats: () => Promise<void>;
  /** Resolves to the new chat, or null when creation failed (see `createChatError`). */
  createChat: () => Promise<ChatDto | null>;
  /** Moves a chat to the top after activity, without a round trip. */
  touchChat: (chatId: string, updatedAt: string) => void;
}

export function sortChats(chats: ChatDto[]): ChatDto[] {
  // ISO-8601 strings from main sort correctly as strings; id breaks ties so the order is stable.
  return [...chats].sort((a, b) =>
    a.updatedAt === b.updatedAt ? b.id.localeCompare(a.id) : b.updatedAt.localeCompare(a.updatedAt),
  );
}

export const createChatsSlice: SliceCreator<ChatsSlice> = (set, get) => ({
  chats: [],
  chatsStatus: 'idle',
  chatsError: null,
  createChatError: null,
  creatingChat: false,

  async loadChats() {
    // Only the first load shows a loading state; refreshes (after a reply, for a new title) are silent.
    if (get().chatsStatus !== 'ready') set({ chatsStatus: 'loading' });
    const result = await api.chats.list({ archived: false });
    if (result.ok) set({ chats: sortChats(result.value), chatsStatus: 'ready', chatsError: null });
    else set({ chatsStatus: get().chatsStatus === 'ready' ? 'ready' : 'error', chatsError: result.error });
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
    set((state) => ({
      creatingChat: false,
      chats: sortChats([chat, ...state.chats.filter((c) => c.id !== chat.id)]),
    }));
    return chat;
  },

  touchChat(chatId, updatedAt) {
    set((state) => ({
      chats: sortChats(state.chats.map((c) => (c.id === chatId && c.updatedAt < updatedAt ? { ...c, updatedAt } : c))),
    }));
  },
});
