import type { MessageDto, MessageMetadata, SendResultDto, StreamEvent } from '../../../shared/domain/dto';
import type { AppErrorData, Result } from '../../../shared/domain/errors';
import { api } from '../api';
import type { AppState, LoadStatus, SliceCreator } from './types';

/** Page size for the conversation view (the contract's default, spelled out so it is visible). */
export const MESSAGE_PAGE_SIZE = 50;

/** What the renderer holds for one chat: the loaded tail of its transcript. */
export interface Conversation {
  /** Oldest first, exactly as `messages:list` returns pages, so older pages are prepended. */
  messages: MessageDto[];
  /** More, older messages exist on disk than are loaded. */
  hasMore: boolean;
  status: LoadStatus;
  error: AppErrorData | null;
  loadingEarlier: boolean;
  earlierError: AppErrorData | null;
}

/** A reply being streamed right now. */
export interface ActiveStream {
  streamId: string;
  chatId: string;
  messageId: string;
}

/** `offset` is where `text` starts in the answer (from main), so text loaded from disk mid-stream lines up. */
export type DeltaBatch = ReadonlyArray<{ chatId: string; messageId: string; text: string; offset: number }>;
export type LifecycleEvent = Exclude<StreamEvent, { type: 'content_delta' }>;

export interface MessagesSlice {
  /** By chat id. A chat is absent until it is first opened. */
  conversations: Record<string, Conversation>;
  /** By stream id. At most one per chat (main answers `stream_busy` otherwise). */
  streams: Record<string, ActiveStream>;
  /** Seconds to wait before retrying, by assistant message id, when main said so (rate limits). */
  retryAfter: Record<string, number>;
  /** Loads the latest page the first time a chat is opened (or after a failed load). */
  openConversation: (chatId: string) => Promise<void>;
  loadEarlier: (chatId: string) => Promise<void>;
  /** Sends, and on success inserts both new messages and tracks the stream. The caller shows errors. */
  sendMessage: (chatId: string, content: string) => Promise<Result<SendResultDto>>;
  stopStream: (streamId: string) => Promise<AppErrorData | null>;
  /** Appends buffered text; called at most once per animation frame by the stream pump. */
  applyDeltas: (batch: DeltaBatch) => void;
  applyStreamEvent: (event: LifecycleEvent) => void;
}

const emptyConversation: Conversation = {
  messages: [],
  hasMore: false,
  status: 'idle',
  error: null,
  loadingEarlier: false,
  earlierError: null,
};

/**
 * Stream events can beat the `chat:send` reply (main may emit `message_start`, even deltas, before the
 * invoke resolves). What arrives for a message we do not hold yet waits here until `sendMessage` claims it.
 */
interface EarlyStreamData {
  content: string;
  end?: { status: MessageDto['status']; metadata: MessageMetadata | null; content: string };
}

/** Places streamed text at its offset: text already held (loaded from disk) is not appended twice. */
function placeText(current: string, text: string, offset: number): string {
  if (offset + text.length <= current.length) return current;
  // A gap (offset past what we hold) cannot be filled here; message_end brings the full text.
  return offset <= current.length ? current.slice(0, offset) + text : current + text;
}

export function selectStreamForChat(state: AppState, chatId: string): ActiveStream | undefined {
  for (const stream of Object.values(state.streams)) if (stream.chatId === chatId) return stream;
  return undefined;
}

export const createMessagesSlice: SliceCreator<MessagesSlice> = (set, get) => {
  const early = new Map<string, EarlyStreamData>();

  const patchConversation = (chatId: string, patch: Partial<Conversation>) =>
    set((state) => ({
      conversations: {
        ...state.conversations,
        [chatId]: { ...(state.conversations[chatId] ?? emptyConversation), ...patch },
      },
    }));

  /** Updates one message if its chat is loaded; returns false when we do not hold it. */
  const updateMessage = (chatId: string, messageId: string, update: (m: MessageDto) => MessageDto): boolean => {
    const conversation = get().conversations[chatId];
    const index = conversation?.messages.findIndex((m) => m.id === messageId) ?? -1;
    if (!conversation || index < 0) return false;
    const messages = conversation.messages.slice();
    messages[index] = update(messages[index]!);
    patchConversation(chatId, { messages });
    return true;
  };

  const withoutStream = (streamId: string) => {
    const { [streamId]: _gone, ...rest } = get().streams;
    return rest;
  };

  return {
    conversations: {},
    streams: {},
    retryAfter: {},

    async openConversation(chatId) {
      const status = get().conversations[chatId]?.status;
      if (status === 'loading' || status === 'ready') return;
      patchConversation(chatId, { status: 'loading', error: null });
      const result = await api.messages.list({ chatId, limit: MESSAGE_PAGE_SIZE });
      if (result.ok) patchConversation(chatId, { ...result.value, status: 'ready', error: null });
      else patchConversation(chatId, { status: 'error', error: result.error });
    },

    async loadEarlier(chatId) {
      const conversation = get().conversations[chatId];
      const oldest = conversation?.messages[0];
      if (!conversation || !oldest || conversation.loadingEarlier || !conversation.hasMore) return;
      patchConversation(chatId, { loadingEarlier: true, earlierError: null });
      const result = await api.messages.list({ chatId, limit: MESSAGE_PAGE_SIZE, before: oldest.id });
      const current = get().conversations[chatId] ?? emptyConversation;
      if (!result.ok) {
        patchConversation(chatId, { loadingEarlier: false, earlierError: result.error });
        return;
      }
      const known = new Set(current.messages.map((m) => m.id));
      patchConversation(chatId, {
        messages: [...result.value.messages.filter((m) => !known.has(m.id)), ...current.messages],
        hasMore: result.value.hasMore,
        loadingEarlier: false,
      });
    },

    async sendMessage(chatId, content) {
      const result = await api.chat.send({ chatId, content });
      if (!result.ok) return result;
      const { streamId, userMessage } = result.value;
      let assistantMessage = result.value.assistantMessage;
      const pending = early.get(assistantMessage.id);
      early.delete(assistantMessage.id);
      if (pending) {
        assistantMessage = {
          ...assistantMessage,
          content: assistantMessage.content + pending.content,
          ...(pending.end ?? {}),
        };
      }
      const conversation = get().conversations[chatId] ?? { ...emptyConversation, status: 'ready' as const };
      const known = new Set(conversation.messages.map((m) => m.id));
      patchConversation(chatId, {
        messages: [...conversation.messages, ...[userMessage, assistantMessage].filter((m) => !known.has(m.id))],
      });
      if (!pending?.end) {
        set((state) => ({
          streams: { ...state.streams, [streamId]: { streamId, chatId, messageId: assistantMessage.id } },
        }));
      }
      get().touchChat(chatId, userMessage.createdAt);
      return result;
    },

    async stopStream(streamId) {
      // The stream's own `message_end {status: 'stopped'}` updates the message; nothing to do here on success.
      const result = await api.chat.stop({ streamId });
      return result.ok ? null : result.error;
    },

    applyDeltas(batch) {
      if (batch.length === 0) return;
      const conversations = { ...get().conversations };
      for (const { chatId, messageId, text, offset } of batch) {
        const conversation = conversations[chatId];
        const index = conversation?.messages.findIndex((m) => m.id === messageId) ?? -1;
        if (!conversation || index < 0) {
          // Not loaded at all: the transcript on disk has it when the chat is opened. Loaded but not
          // yet inserted: the send reply is still in flight, keep the text for it.
          if (conversation) early.set(messageId, { content: placeText(early.get(messageId)?.content ?? '', text, offset) });
          continue;
        }
        const messages = conversation.messages.slice();
        const message = messages[index]!;
        messages[index] = { ...message, content: placeText(message.content, text, offset) };
        conversations[chatId] = { ...conversation, messages };
      }
      set({ conversations });
    },

    applyStreamEvent(event) {
      const { chatId, messageId, streamId } = event;
      switch (event.type) {
        case 'message_start': {
          set((state) => ({ streams: { ...state.streams, [streamId]: { streamId, chatId, messageId } } }));
          updateMessage(chatId, messageId, (m) => ({ ...m, status: 'streaming' }));
          return;
        }
        case 'message_end':
        case 'error': {
          const end: NonNullable<EarlyStreamData['end']> =
            event.type === 'message_end'
              ? { status: event.status, metadata: event.metadata, content: event.content }
              : {
                  status: 'error',
                  metadata: {
                    error: {
                      code: event.code,
                      detail: event.detail,
                      ...(event.retryAfterSeconds !== undefined ? { retryAfterSeconds: event.retryAfterSeconds } : {}),
                    },
                  },
                  content: event.content,
                };
          set({ streams: withoutStream(streamId) });
          if (event.type === 'error' && event.retryAfterSeconds !== undefined) {
            set((state) => ({ retryAfter: { ...state.retryAfter, [messageId]: event.retryAfterSeconds! } }));
          }
          const applied = updateMessage(chatId, messageId, (m) => ({
            ...m,
            status: end.status,
            content: end.content,
            metadata: { ...(m.metadata ?? {}), ...(end.metadata ?? {}) },
          }));
          if (!applied && get().conversations[chatId]) {
            early.set(messageId, { content: end.content, end });
          }
          // Main may have retitled the chat or bumped its updatedAt; the list is small, refresh it.
          void get().loadChats();
          return;
        }
      }
    },
  };
};
