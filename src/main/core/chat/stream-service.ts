import type { MessageMetadata, SendResultDto, StreamStartDto } from '../../../shared/domain/dto';
import { DEFAULT_MODEL } from '../../../shared/domain/models';
import { AppError } from '../../../shared/domain/errors';
import type { ClaudeRequest } from '../ai/claude-client';
import { newId, type Clock } from '../clock';
import type { EmitEvent } from '../core-types';
import { toChatDto, type ChatRepository } from '../db/chat-repository';
import type { Executor } from '../db/connection';
import type { DraftRepository } from '../db/draft-repository';
import { toMessageDto, type MessageRepository, type MessageRow, type NewMessageRow } from '../db/message-repository';
import type { ChatsTable } from '../db/schema';
import type { ContextService } from '../context/context-service';
import type { SecretsService } from '../secrets/secrets-service';
import type { SettingsService } from '../settings/settings-service';
import type { PolicyService } from '../context/policy-service';
import type { ChatService } from './chat-service';
import type { RateLimiter } from './rate-limiter';
import { buildRequest } from './request-builder';
import type { RunOptions, RunningStream, StreamRunner } from './stream-runner';
import type { TitleService } from './title-service';
import { firstWordsTitle } from './title-rules';

/** Sent as a user turn after a cut-off answer: works on every model, unlike an assistant prefill. */
export const CONTINUE_PROMPT =
  'Your previous answer was cut off. Continue it exactly where it stopped, without repeating anything and without any preamble.';

export interface StreamServiceDeps {
  db: Executor;
  chats: ChatService;
  chatRepo: ChatRepository;
  messages: MessageRepository;
  drafts: DraftRepository;
  context: ContextService;
  settings: SettingsService;
  secrets: SecretsService;
  titles: TitleService;
  runner: StreamRunner;
  policy: PolicyService;
  limiter: RateLimiter;
  emit: EmitEvent;
  clock: Clock;
  envModel?: string | undefined;
}

interface Prepared {
  chat: ChatsTable;
  apiKey: string;
  model: string;
  release: () => void;
}

/**
 * Starts, stops and replaces answers. The main process, not the renderer, decides what is saved:
 * every message is written before its stream starts, and the runner finishes it whatever happens.
 */
export class StreamService {
  private readonly active = new Map<string, RunningStream & { done: Promise<void> }>();
  /** Chats with an answer starting or streaming: a second one is refused with `stream_busy`. */
  private readonly busyChats = new Set<string>();

  constructor(private readonly deps: StreamServiceDeps) {}

  /** The chat's model, else Settings, else the policy's default, else CLAUDE_MODEL, else the newest Sonnet — then held to the policy's allowed list. */
  async resolveModel(chat?: Pick<ChatsTable, 'model'>): Promise<string> {
    const { model } = await this.deps.settings.get();
    const policyDefault = (await this.deps.policy.current()).defaultModel;
    return this.deps.policy.allowedModel(chat?.model ?? model ?? policyDefault ?? this.deps.envModel ?? DEFAULT_MODEL);
  }

  async send(chatId: string, content: string): Promise<SendResultDto> {
    const { db, chatRepo, messages, drafts, clock } = this.deps;
    const prepared = await this.prepare(chatId);
    try {
      const { chat, model } = prepared;
      const now = clock.now();
      const userRow = messageRow(chatId, 'user', content, 'complete', null, now);
      const assistantRow = messageRow(chatId, 'assistant', '', 'streaming', { model }, now);
      const firstTitle = chat.title_source === 'default' ? firstWordsTitle(content) : null;
      await db.transaction().execute(async (tx) => {
        await messages.insert(userRow, tx);
        await messages.insert(assistantRow, tx);
        await chatRepo.update(
          chatId,
          {
            updated_at: now,
            ...(chat.model ? {} : { model }),
            ...(firstTitle ? { title: firstTitle, title_source: 'first_message' as const } : {}),
          },
          tx,
        );
        await drafts.delete(chatId, tx);
      });
      if (firstTitle) {
        await this.announceChat(chatId);
        this.deps.titles.generate(chatId, content, prepared.apiKey);
      }
      const streamId = await this.launch(prepared, assistantRow.id, await this.requestFor(chatId, model));
      return { streamId, userMessage: await this.dto(userRow.id), assistantMessage: await this.dto(assistantRow.id) };
    } catch (error) {
      prepared.release();
      throw error;
    }
  }

  /** A new answer to the last question; the old answer (or the error in its place) is deleted. Also "Retry". */
  async regenerate(chatId: string): Promise<StreamStartDto> {
    const prepared = await this.prepare(chatId);
    try {
      const rows = await this.deps.messages.listForChat(chatId);
      const lastUser = rows.findLastIndex((row) => row.role === 'user');
      if (lastUser < 0) throw new AppError('invalid_input', 'There is no question to answer again');
      const removed = rows.slice(lastUser + 1).map((row) => row.id);
      return await this.replaceAnswer(prepared, removed);
    } catch (error) {
      prepared.release();
      throw error;
    }
  }

  /** Rewrites a question; everything after it is deleted and answered anew. */
  async edit(messageId: string, content: string): Promise<StreamStartDto> {
    const target = await this.deps.messages.findById(messageId);
    if (!target) throw new AppError('not_found', 'Message not found', { id: messageId });
    if (target.role !== 'user') throw new AppError('invalid_input', 'Only your own messages can be edited');
    const prepared = await this.prepare(target.chat_id);
    try {
      const removed = await this.deps.messages.idsAfter(target.chat_id, target.seq);
      const result = await this.replaceAnswer(prepared, removed, async (tx) => this.deps.messages.setContent(target.id, content, tx));
      return { ...result, userMessage: await this.dto(target.id) };
    } catch (error) {
      prepared.release();
      throw error;
    }
  }

  /** Resumes a stopped or interrupted last answer: the same message grows. */
  async continue(messageId: string): Promise<StreamStartDto> {
    const { db, messages, chatRepo, clock } = this.deps;
    const target = await messages.findById(messageId);
    if (!target) throw new AppError('not_found', 'Message not found', { id: messageId });
    if (target.role !== 'assistant' || (target.status !== 'stopped' && target.status !== 'interrupted')) {
      throw new AppError('invalid_input', 'Only a stopped or interrupted answer can be continued');
    }
    if ((await messages.last(target.chat_id))?.id !== target.id) {
      throw new AppError('invalid_input', 'Only the last answer in a chat can be continued');
    }
    const partial = target.content.trimEnd();
    if (!partial) return this.regenerate(target.chat_id);
    const prepared = await this.prepare(target.chat_id);
    try {
      // Trailing white space would be sent back doubled after the continuation's own leading space.
      const history = (await messages.listForChat(target.chat_id)).map((row) =>
        row.id === target.id ? { ...row, content: partial, status: 'stopped' as const } : row,
      );
      const request = buildRequest({ model: prepared.model, system: await this.deps.context.systemBlocks(), history });
      request.messages.push({ role: 'user', content: CONTINUE_PROMPT });
      await db.transaction().execute(async (tx) => {
        await messages.setContent(target.id, partial, tx);
        await messages.setStatus(target.id, 'streaming', tx);
        await chatRepo.update(target.chat_id, { updated_at: clock.now() }, tx);
      });
      const previous = target.metadata ? (JSON.parse(target.metadata) as MessageMetadata) : null;
      const streamId = await this.launch(prepared, target.id, request, { initialContent: partial, previous });
      return { streamId, assistantMessage: await this.dto(target.id), removedMessageIds: [] };
    } catch (error) {
      prepared.release();
      throw error;
    }
  }

  /** Resolves once the partial answer is saved as `stopped`. */
  async stop(streamId: string): Promise<{ stopped: boolean }> {
    const stream = this.active.get(streamId);
    if (!stream) return { stopped: false };
    stream.reason = 'stop';
    stream.controller.abort();
    await stream.done;
    return { stopped: true };
  }

  /** On quit: answers in flight keep their text and are marked `interrupted`. */
  async shutdown(): Promise<void> {
    const streams = [...this.active.values()];
    for (const stream of streams) {
      stream.reason = 'shutdown';
      stream.controller.abort();
    }
    await Promise.all(streams.map((stream) => stream.done));
    await this.deps.titles.settle();
  }

  private async prepare(chatId: string): Promise<Prepared> {
    const chat = await this.deps.chats.require(chatId);
    if (this.busyChats.has(chatId)) throw new AppError('stream_busy', 'This chat is still answering');
    this.busyChats.add(chatId);
    let releaseSlot = () => {};
    const release = () => {
      this.busyChats.delete(chatId);
      releaseSlot();
    };
    try {
      const apiKey = await this.deps.secrets.getApiKey();
      if (!apiKey) throw new AppError('no_api_key', 'Add an Anthropic API key in Settings first');
      const model = await this.resolveModel(chat);
      releaseSlot = this.deps.limiter.acquire((await this.deps.policy.current()).effectiveRateLimits);
      return { chat, apiKey, model, release };
    } catch (error) {
      release();
      throw error;
    }
  }

  private async replaceAnswer(
    prepared: Prepared,
    removedMessageIds: string[],
    alsoInTransaction?: (tx: Executor) => Promise<void>,
  ): Promise<StreamStartDto> {
    const { db, messages, chatRepo, clock } = this.deps;
    const chatId = prepared.chat.id;
    const now = clock.now();
    const assistantRow = messageRow(chatId, 'assistant', '', 'streaming', { model: prepared.model }, now);
    await db.transaction().execute(async (tx) => {
      await alsoInTransaction?.(tx);
      await messages.deleteIds(removedMessageIds, tx);
      await messages.insert(assistantRow, tx);
      await chatRepo.update(chatId, { updated_at: now }, tx);
    });
    const streamId = await this.launch(prepared, assistantRow.id, await this.requestFor(chatId, prepared.model));
    return { streamId, assistantMessage: await this.dto(assistantRow.id), removedMessageIds };
  }

  private async requestFor(chatId: string, model: string): Promise<ClaudeRequest> {
    const history = await this.deps.messages.listForChat(chatId);
    return buildRequest({ model, system: await this.deps.context.systemBlocks(), history });
  }

  private async launch(prepared: Prepared, messageId: string, request: ClaudeRequest, options?: RunOptions): Promise<string> {
    const stream = {
      streamId: newId(),
      chatId: prepared.chat.id,
      messageId,
      controller: new AbortController(),
      reason: null,
      done: Promise.resolve(),
    } as RunningStream & { done: Promise<void> };
    this.active.set(stream.streamId, stream);
    // Started on the next turn so the renderer has the reply (and the message ids) before the first event.
    stream.done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.deps.runner.run(stream, request, prepared.apiKey, options))
      .finally(() => {
        this.active.delete(stream.streamId);
        prepared.release();
      });
    return stream.streamId;
  }

  private async announceChat(chatId: string): Promise<void> {
    const chat = await this.deps.chatRepo.findById(chatId);
    if (chat) this.deps.emit('app:event', { type: 'chat_updated', chat: toChatDto(chat) });
  }

  private async dto(id: string) {
    return toMessageDto((await this.deps.messages.findById(id)) as MessageRow);
  }
}

function messageRow(
  chatId: string,
  role: 'user' | 'assistant',
  content: string,
  status: NewMessageRow['status'],
  metadata: MessageMetadata | null,
  createdAt: string,
): NewMessageRow {
  return {
    id: newId(),
    chat_id: chatId,
    role,
    content,
    status,
    metadata: metadata ? JSON.stringify(metadata) : null,
    tool_calls: null,
    tool_call_id: null,
    created_at: createdAt,
  };
}
