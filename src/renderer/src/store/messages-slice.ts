import type { AppEvent, MessageDto, MessageMetadata, SendResultDto, StreamEvent, StreamStartDto } from '../../../shared/domain/dto';
import type { AppErrorData, ErrorCode, Result } from '../../../shared/domain/errors';
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
  /** The last failed Regenerate / Retry / Continue, shown by the composer until the next action. */
  actionError: AppErrorData | null;
  /** Newer messages exist after the loaded ones: the chat was opened at a message, not at its live end. */
  hasNewer: boolean;
  loadingNewer: boolean;
  /** Bumped whenever the loaded messages are replaced (opened at a message, back to the latest): the list starts afresh. */
  window: number;
  /** A message to bring into view and highlight once (a search hit); the list clears it when shown. */
  target: string | null;
}

/** Main is trying an answer again: `inSeconds` counts from `at` (Date.now() when the event came). */
export interface RetryingState {
  attempt: number;
  inSeconds: number;
  /** Why: `overloaded`, `rate_limited`, `offline`, `provider_error`, `context_too_long` (shrinking). */
  code?: ErrorCode;
  at?: number;
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
  /** Questions waiting in main's outbox (sent offline), by user message id. */
  queued: Record<string, true>;
  /** Answers main is trying again after a provider failure, by assistant message id. */
  retrying: Record<string, RetryingState>;
  /**
   * The text of answers streaming right now, by assistant message id, while their message in
   * `conversations` keeps the text it had when the stream started. Deltas change only this record, so a
   * frame of streamed text re-renders the one message showing it, not the conversation, the list or the
   * composer. `message_end` / `error` put the final text into the message and drop the entry.
   */
  liveText: Record<string, string>;
  /** Loads the latest page the first time a chat is opened (or after a failed load). */
  openConversation: (chatId: string) => Promise<void>;
  loadEarlier: (chatId: string) => Promise<void>;
  /** Opens a chat at one message (a search hit): the messages around it, ready to scroll both ways. */
  openConversationAt: (chatId: string, messageId: string) => Promise<void>;
  /** The page after the newest loaded message, while the chat is not at its live end. */
  loadNewer: (chatId: string) => Promise<void>;
  /** Back to the live end: the latest page replaces a window opened at a message. */
  showLatest: (chatId: string) => Promise<void>;
  clearTarget: (chatId: string) => void;
  /** Sends, and on success inserts both new messages and tracks the stream. The caller shows errors. */
  sendMessage: (chatId: string, content: string) => Promise<Result<SendResultDto>>;
  /** A new answer to the last question, replacing the last answer (also "Retry" after an error). */
  regenerate: (chatId: string) => Promise<Result<StreamStartDto>>;
  /** Rewrites a question: everything after it is removed and answered anew. The caller shows errors. */
  editMessage: (chatId: string, messageId: string, content: string) => Promise<Result<StreamStartDto>>;
  /** Resumes a stopped or interrupted answer; the same message grows. */
  continueAnswer: (chatId: string, messageId: string) => Promise<Result<StreamStartDto>>;
  clearActionError: (chatId: string) => void;
  /** Takes a queued question back: it leaves the transcript and its text returns to the composer. */
  cancelQueued: (chatId: string, messageId: string) => Promise<AppErrorData | null>;
  /** Outbox news from main (`app:event`): a question queued, or a queued question now being answered. */
  applyAppEvent: (event: AppEvent) => void;
  stopStream: (streamId: string) => Promise<AppErrorData | null>;
  /** Appends buffered text; called at most once per animation frame by the stream pump. */
  applyDeltas: (batch: DeltaBatch) => void;
  applyStreamEvent: (event: LifecycleEvent) => void;
}

/** A chat nothing has been loaded for yet. */
export const emptyConversation: Conversation = {
  messages: [],
  hasMore: false,
  status: 'idle',
  error: null,
  loadingEarlier: false,
  earlierError: null,
  actionError: null,
  hasNewer: false,
  loadingNewer: false,
  window: 0,
  target: null,
};

/** A chat known to have no messages (just made, or nothing loaded yet where a message goes in): shown as loaded. */
export const loadedEmptyConversation: Conversation = { ...emptyConversation, status: 'ready' };

/** Stream ids that ended, remembered briefly so a reply that arrives after its stream's end adds no stream. */
const ENDED_MEMORY = 64;

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

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _gone, ...rest } = record;
  return rest;
}

/**
 * The text each shown message will have once `batch` is applied (applyDeltas, without applying it): the
 * stream pump has it parsed ahead, off the main thread, before the store changes.
 */
export function textsAfter(state: AppState, batch: DeltaBatch): { messageId: string; text: string }[] {
  const texts = new Map<string, string>();
  for (const { chatId, messageId, text, offset } of batch) {
    const message = selectMessage(state, chatId, messageId);
    if (!message) continue;
    texts.set(messageId, placeText(texts.get(messageId) ?? state.liveText[messageId] ?? message.content, text, offset));
  }
  return [...texts].map(([messageId, text]) => ({ messageId, text }));
}

/** Each loaded message list by id, built once per list (lists are replaced, never changed in place). */
const messagesById = new WeakMap<MessageDto[], Map<string, MessageDto>>();

/** One loaded message, found in constant time: every shown message looks itself up on each store update. */
export function selectMessage(state: AppState, chatId: string, messageId: string): MessageDto | undefined {
  const messages = state.conversations[chatId]?.messages;
  if (!messages) return undefined;
  let byId = messagesById.get(messages);
  if (!byId) {
    byId = new Map(messages.map((m) => [m.id, m]));
    messagesById.set(messages, byId);
  }
  return byId.get(messageId);
}

export function selectStreamForChat(state: AppState, chatId: string): ActiveStream | undefined {
  for (const stream of Object.values(state.streams)) if (stream.chatId === chatId) return stream;
  return undefined;
}

export const createMessagesSlice: SliceCreator<MessagesSlice> = (set, get) => {
  const early = new Map<string, EarlyStreamData>();
  /** The message each chat is being opened at, so a repeated call (StrictMode effects) does not load twice. */
  const openingAt = new Map<string, string>();

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

  const appendMessages = (chatId: string, added: MessageDto[]) => {
    const conversation = get().conversations[chatId] ?? loadedEmptyConversation;
    const known = new Set(conversation.messages.map((m) => m.id));
    patchConversation(chatId, { messages: [...conversation.messages, ...added.filter((m) => !known.has(m.id))] });
  };

  const removeMessages = (chatId: string, ids: string[]) => {
    const conversation = get().conversations[chatId];
    if (!conversation) return;
    const gone = new Set(ids);
    patchConversation(chatId, { messages: conversation.messages.filter((m) => !gone.has(m.id)) });
  };

  /**
   * Marks the chat's questions that wait in main's outbox, when the outbox's reply comes. The messages
   * do not wait for it: waiting for both held a chat's first screen back by up to 14 ms. Marks are kept
   * by message id, so they may land before or after the messages they belong to.
   */
  const markQueuedFromOutbox = (chatId: string) =>
    void api.outbox.list().then((outbox) => {
      if (!outbox.ok) return;
      const waiting = outbox.value.filter((entry) => entry.chatId === chatId);
      if (waiting.length > 0) {
        set((state) => ({ queued: { ...state.queued, ...Object.fromEntries(waiting.map((entry) => [entry.messageId, true as const])) } }));
      }
    });

  /** Stream ids whose end or error has been applied (bounded; insertion order is age). */
  const ended = new Set<string>();
  const rememberEnded = (streamId: string) => {
    ended.add(streamId);
    if (ended.size > ENDED_MEMORY) ended.delete(ended.values().next().value!);
  };

  /**
   * Puts the result of send / regenerate / edit / continue into the conversation: removes what main
   * deleted, updates the edited question, inserts (or, for continue, refreshes) the answer, and tracks the
   * stream so Stop works. Events that beat the reply (kept in `early`) are folded in.
   */
  const claimStream = (
    chatId: string,
    start: Pick<StreamStartDto, 'streamId' | 'assistantMessage' | 'removedMessageIds'> & { userMessage?: MessageDto | undefined },
  ) => {
    const { streamId, userMessage, removedMessageIds } = start;
    let assistant = start.assistantMessage;
    const pending = early.get(assistant.id);
    early.delete(assistant.id);
    if (pending) {
      assistant = { ...assistant, content: placeText(assistant.content, pending.content, 0), ...(pending.end ?? {}) };
    }
    const streamEnded = ended.has(streamId) || pending?.end !== undefined;
    const conversation = get().conversations[chatId] ?? loadedEmptyConversation;
    const removed = new Set(removedMessageIds);
    const messages = conversation.messages.filter((m) => !removed.has(m.id));
    if (userMessage) {
      const at = messages.findIndex((m) => m.id === userMessage.id);
      if (at >= 0) messages[at] = userMessage;
      else messages.push(userMessage);
    }
    const at = messages.findIndex((m) => m.id === assistant.id);
    if (at < 0) messages.push(assistant);
    else if (!streamEnded) {
      // Continue: the same message. Text streamed in before this reply (if any) is newer than the reply's.
      const held = messages[at]!;
      const content = held.content.length > assistant.content.length && held.content.startsWith(assistant.content) ? held.content : assistant.content;
      messages[at] = { ...assistant, content };
    }
    patchConversation(chatId, { messages, actionError: null });
    if (removed.size > 0) {
      set((state) => ({ retryAfter: Object.fromEntries(Object.entries(state.retryAfter).filter(([id]) => !removed.has(id))) }));
    }
    if (!streamEnded) {
      set((state) => ({ streams: { ...state.streams, [streamId]: { streamId, chatId, messageId: assistant.id } } }));
    }
  };

  const runAction = async (
    chatId: string,
    call: () => Promise<Result<StreamStartDto>>,
    showError = true,
  ): Promise<Result<StreamStartDto>> => {
    patchConversation(chatId, { actionError: null });
    const result = await call();
    if (!result.ok) {
      if (showError) patchConversation(chatId, { actionError: result.error });
      return result;
    }
    claimStream(chatId, result.value);
    get().touchChat(chatId, result.value.assistantMessage.createdAt);
    return result;
  };

  return {
    conversations: {},
    streams: {},
    retryAfter: {},
    queued: {},
    retrying: {},
    liveText: {},

    async openConversation(chatId) {
      // Opened at a search hit earlier: opening the chat itself goes to its live end.
      if (get().conversations[chatId]?.status === 'ready' && get().conversations[chatId]?.hasNewer) return get().showLatest(chatId);
      const status = get().conversations[chatId]?.status;
      if (status === 'loading' || status === 'ready') return;
      patchConversation(chatId, { status: 'loading', error: null });
      const reply = api.messages.list({ chatId, limit: MESSAGE_PAGE_SIZE });
      markQueuedFromOutbox(chatId);
      const result = await reply;
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
      const older = result.value.messages.filter((m) => !known.has(m.id));
      patchConversation(chatId, {
        messages: [...older, ...current.messages],
        hasMore: result.value.hasMore,
        loadingEarlier: false,
      });
    },

    async openConversationAt(chatId, messageId) {
      // A hit in an archived chat: its title lives in the archived list.
      if (get().chatsStatus === 'ready' && !get().chats.some((c) => c.id === chatId) && get().archivedStatus === 'idle') void get().loadArchivedChats();
      const current = get().conversations[chatId];
      if (current?.status === 'ready' && current.messages.some((m) => m.id === messageId)) {
        patchConversation(chatId, { target: messageId, window: current.window + 1 });
        return;
      }
      if (openingAt.get(chatId) === messageId) return;
      openingAt.set(chatId, messageId);
      patchConversation(chatId, { status: 'loading', error: null });
      const reply = api.messages.list({ chatId, limit: MESSAGE_PAGE_SIZE, around: messageId });
      markQueuedFromOutbox(chatId);
      const result = await reply;
      openingAt.delete(chatId);
      if (!result.ok && result.error.code === 'not_found') {
        // The message is gone (deleted since the search): open the chat at its end instead.
        patchConversation(chatId, { status: 'idle', target: null });
        return get().openConversation(chatId);
      }
      if (!result.ok) {
        patchConversation(chatId, { status: 'error', error: result.error });
        return;
      }
      const { messages, hasMore, hasNewer } = result.value;
      patchConversation(chatId, {
        messages,
        hasMore,
        hasNewer: hasNewer ?? false,
        status: 'ready',
        error: null,
        loadingEarlier: false,
        earlierError: null,
        loadingNewer: false,
        window: (get().conversations[chatId]?.window ?? 0) + 1,
        target: messageId,
      });
    },

    async loadNewer(chatId) {
      const conversation = get().conversations[chatId];
      const newest = conversation?.messages.at(-1);
      if (!conversation || !newest || conversation.loadingNewer || !conversation.hasNewer) return;
      patchConversation(chatId, { loadingNewer: true });
      const result = await api.messages.list({ chatId, limit: MESSAGE_PAGE_SIZE, after: newest.id });
      if (!result.ok) {
        patchConversation(chatId, { loadingNewer: false });
        return;
      }
      appendMessages(chatId, result.value.messages);
      patchConversation(chatId, { loadingNewer: false, hasNewer: result.value.hasNewer ?? false });
    },

    async showLatest(chatId) {
      const conversation = get().conversations[chatId];
      if (!conversation || conversation.loadingNewer) return;
      patchConversation(chatId, { loadingNewer: true });
      const result = await api.messages.list({ chatId, limit: MESSAGE_PAGE_SIZE });
      if (!result.ok) {
        patchConversation(chatId, { loadingNewer: false });
        return;
      }
      patchConversation(chatId, {
        messages: result.value.messages,
        hasMore: result.value.hasMore,
        hasNewer: false,
        loadingNewer: false,
        loadingEarlier: false,
        earlierError: null,
        window: (get().conversations[chatId]?.window ?? 0) + 1,
        target: null,
      });
    },

    clearTarget(chatId) {
      if (get().conversations[chatId]?.target) patchConversation(chatId, { target: null });
    },

    async sendMessage(chatId, content) {
      const result = await api.chat.send({ chatId, content });
      if (!result.ok) return result;
      const { streamId, userMessage, assistantMessage } = result.value;
      if (streamId === null || assistantMessage === null) {
        // Offline: the question is saved and waits in main's outbox; it is answered when the network returns.
        appendMessages(chatId, [userMessage]);
        set((state) => ({ queued: { ...state.queued, [userMessage.id]: true } }));
      } else {
        claimStream(chatId, { streamId, userMessage, assistantMessage, removedMessageIds: [] });
      }
      get().touchChat(chatId, userMessage.createdAt);
      return result;
    },

    async cancelQueued(chatId, messageId) {
      const result = await api.outbox.cancel({ messageId });
      if (!result.ok) return result.error;
      removeMessages(chatId, [messageId]);
      set((state) => ({ queued: without(state.queued, messageId) }));
      if (result.value.draft && !(get().drafts[chatId] ?? '').trim()) get().setDraft(chatId, result.value.draft);
      return null;
    },

    applyAppEvent(event) {
      if (event.type === 'queued') {
        if (get().conversations[event.entry.chatId]) set((state) => ({ queued: { ...state.queued, [event.entry.messageId]: true } }));
        return;
      }
      if (event.type === 'outbox_sent') {
        // Main answers the newest queued question and takes all of the chat's questions out of the outbox.
        const inChat = new Set((get().conversations[event.chatId]?.messages ?? []).map((m) => m.id));
        set((state) => ({
          queued: Object.fromEntries(Object.entries(without(state.queued, event.userMessageId)).filter(([id]) => !inChat.has(id))),
        }));
        if (!get().conversations[event.chatId]) return;
        claimStream(event.chatId, { streamId: event.streamId, assistantMessage: event.assistantMessage, removedMessageIds: [] });
      }
    },

    regenerate(chatId) {
      return runAction(chatId, () => api.chat.regenerate({ chatId }));
    },

    editMessage(chatId, messageId, content) {
      // The editor shows its own errors, next to the text being edited.
      return runAction(chatId, () => api.chat.edit({ messageId, content }), false);
    },

    continueAnswer(chatId, messageId) {
      return runAction(chatId, () => api.chat.continue({ messageId }));
    },

    clearActionError(chatId) {
      if (get().conversations[chatId]?.actionError) patchConversation(chatId, { actionError: null });
    },

    async stopStream(streamId) {
      // The stream's own `message_end {status: 'stopped'}` updates the message; nothing to do here on success.
      const result = await api.chat.stop({ streamId });
      return result.ok ? null : result.error;
    },

    applyDeltas(batch) {
      if (batch.length === 0) return;
      const state = get();
      const { conversations, retrying } = state;
      for (const { chatId, messageId, text, offset } of batch) {
        // Not loaded at all: the transcript on disk has it when the chat is opened. Loaded but not
        // yet inserted: the send reply is still in flight, keep the text for it.
        if (conversations[chatId] && !selectMessage(state, chatId, messageId)) {
          early.set(messageId, { content: placeText(early.get(messageId)?.content ?? '', text, offset) });
        }
      }
      const texts = textsAfter(state, batch);
      const liveText = texts.length > 0 ? { ...state.liveText, ...Object.fromEntries(texts.map((t) => [t.messageId, t.text])) } : null;
      // Text is flowing again: whatever retry was announced has worked.
      const recovered = batch.filter((d) => d.messageId in retrying).map((d) => d.messageId);
      if (recovered.length > 0) {
        set({ ...(liveText ? { liveText } : {}), retrying: Object.fromEntries(Object.entries(retrying).filter(([id]) => !recovered.includes(id))) });
      } else if (liveText) set({ liveText });
    },


    applyStreamEvent(event) {
      const { chatId, messageId, streamId } = event;
      switch (event.type) {
        case 'retrying': {
          set((state) => ({
            retrying: { ...state.retrying, [messageId]: { attempt: event.attempt, inSeconds: event.inSeconds, code: event.code, at: Date.now() } },
          }));
          return;
        }
        case 'queued': {
          // Offline before any text: main removed the answer's placeholder and queued the question.
          removeMessages(chatId, [messageId]);
          early.delete(messageId);
          set((state) => ({
            streams: without(state.streams, streamId),
            retrying: without(state.retrying, messageId),
            liveText: without(state.liveText, messageId),
            queued: { ...state.queued, [event.userMessageId]: true },
          }));
          rememberEnded(streamId);
          return;
        }
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
          if (event.type === 'error' && event.retryAfterSeconds !== undefined) {
            set((state) => ({ retryAfter: { ...state.retryAfter, [messageId]: event.retryAfterSeconds! } }));
          }
          // The message first, then the stream: whoever sees the stream go finds the answer in its final state.
          const applied = updateMessage(chatId, messageId, (m) => ({
            ...m,
            status: end.status,
            content: end.content,
            metadata: { ...(m.metadata ?? {}), ...(end.metadata ?? {}) },
          }));
          if (!applied && get().conversations[chatId]) {
            early.set(messageId, { content: end.content, end });
          }
          set((state) => ({
            streams: without(state.streams, streamId),
            retrying: without(state.retrying, messageId),
            liveText: without(state.liveText, messageId),
          }));
          rememberEnded(streamId);
          // Main may have retitled the chat or bumped its updatedAt; the list is small, refresh it.
          void get().loadChats();
          return;
        }
      }
    },
  };
};
