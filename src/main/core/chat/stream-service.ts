import type { MessageMetadata, OutboxEntryDto, SendResultDto, StreamStartDto, TokenEstimateDto } from '../../../shared/domain/dto';
import { DEFAULT_MODEL } from '../../../shared/domain/models';
import { AppError } from '../../../shared/domain/errors';
import { newId, type Clock } from '../clock';
import type { EmitEvent } from '../core-types';
import { toChatDto, type ChatRepository } from '../db/chat-repository';
import type { Executor } from '../db/connection';
import type { DraftRepository } from '../db/draft-repository';
import { toMessageDto, type MessageRepository, type MessageRow, type NewMessageRow } from '../db/message-repository';
import type { ChatsTable } from '../db/schema';
import type { PolicyService } from '../context/policy-service';
import type { Logger } from '../logger';
import type { NetworkMonitor } from '../network/network-monitor';
import type { SecretsService } from '../secrets/secrets-service';
import type { SettingsService } from '../settings/settings-service';
import type { ChatService } from './chat-service';
import type { RateLimiter } from './rate-limiter';
import type { RequestPlanner } from './request-planner';
import type { RunPlan, RunningStream, StreamRunner } from './stream-runner';
import type { TitleService } from './title-service';
import { firstWordsTitle } from './title-rules';

export { CONTINUE_PROMPT } from './request-planner';

export interface StreamServiceDeps {
  db: Executor;
  chats: ChatService;
  chatRepo: ChatRepository;
  messages: MessageRepository;
  drafts: DraftRepository;
  settings: SettingsService;
  secrets: SecretsService;
  titles: TitleService;
  runner: StreamRunner;
  planner: RequestPlanner;
  policy: PolicyService;
  limiter: RateLimiter;
  network: NetworkMonitor;
  emit: EmitEvent;
  clock: Clock;
  logger: Logger;
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
    const chat = await this.deps.chats.require(chatId);
    const now = clock.now();
    const userRow = messageRow(chatId, 'user', content, 'complete', null, now);
    const firstTitle = chat.title_source === 'default' ? firstWordsTitle(content) : null;
    const writeQuestion = async (tx: Executor) => {
      await messages.insert(userRow, tx);
      await chatRepo.update(chatId, { updated_at: now, ...(firstTitle ? { title: firstTitle, title_source: 'first_message' as const } : {}) }, tx);
      await drafts.delete(chatId, tx);
    };

    // Known to be offline: the question is saved and waits; nothing typed is lost.
    if (this.deps.network.status().online === false && (await this.deps.secrets.getApiKey())) {
      if (this.busyChats.has(chatId)) throw new AppError('stream_busy', 'This chat is still answering');
      await db.transaction().execute(async (tx) => {
        await writeQuestion(tx);
        await tx.insertInto('outbox').values({ message_id: userRow.id, chat_id: chatId, queued_at: now, attempts: 0 }).execute();
      });
      if (firstTitle) await this.announceChat(chatId);
      this.deps.emit('app:event', { type: 'queued', entry: { messageId: userRow.id, chatId, queuedAt: now } });
      return { streamId: null, userMessage: await this.dto(userRow.id), assistantMessage: null, queued: true };
    }

    const prepared = await this.prepare(chatId);
    try {
      const assistantRow = messageRow(chatId, 'assistant', '', 'streaming', { model: prepared.model }, now);
      await db.transaction().execute(async (tx) => {
        await writeQuestion(tx);
        await messages.insert(assistantRow, tx);
        if (!chat.model) await chatRepo.update(chatId, { model: prepared.model }, tx);
      });
      if (firstTitle) {
        await this.announceChat(chatId);
        this.deps.titles.generate(chatId, content, prepared.apiKey);
      }
      const streamId = await this.launch(prepared, assistantRow.id, await this.answerPlan(prepared, userRow.id));
      return { streamId, userMessage: await this.dto(userRow.id), assistantMessage: await this.dto(assistantRow.id), queued: false };
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
      return await this.replaceAnswer(prepared, rows[lastUser]!.id, rows.slice(lastUser + 1).map((row) => row.id));
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
      await this.deps.db.deleteFrom('outbox').where('message_id', '=', target.id).execute();
      const result = await this.replaceAnswer(prepared, target.id, removed, async (tx) => this.deps.messages.setContent(target.id, content, tx));
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
    // Trailing white space would be sent back doubled after the continuation's own leading space.
    const partial = target.content.trimEnd();
    if (!partial) return this.regenerate(target.chat_id);
    const prepared = await this.prepare(target.chat_id);
    try {
      const plan = await this.deps.planner.plan({ chat: prepared.chat, model: prepared.model, apiKey: prepared.apiKey, continueFrom: { messageId: target.id, partial } });
      await db.transaction().execute(async (tx) => {
        await messages.setContent(target.id, partial, tx);
        await messages.setStatus(target.id, 'streaming', tx);
        await chatRepo.update(target.chat_id, { updated_at: clock.now() }, tx);
      });
      const previous = target.metadata ? (JSON.parse(target.metadata) as MessageMetadata) : null;
      const streamId = await this.launch(prepared, target.id, {
        apiKey: prepared.apiKey,
        request: plan.request,
        estimatedRawTokens: plan.estimatedRawTokens,
        context: plan.context,
        continueWith: (text) => this.continueRequest(prepared, target.id, text),
        initialContent: partial,
        previous,
      });
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

  /** What the next request would send with `draft` as the question: shown near the composer while typing. */
  async estimate(chatId: string, draft: string): Promise<TokenEstimateDto> {
    const chat = await this.deps.chats.require(chatId);
    const model = await this.resolveModel(chat);
    const plan = await this.deps.planner.plan({ chat, model, apiKey: null, draft });
    return { inputTokens: plan.estimatedTokens, contextWindow: plan.contextWindow, budget: plan.budget, omittedMessages: plan.context.omittedMessages, model };
  }

  async outbox(): Promise<OutboxEntryDto[]> {
    const rows = await this.deps.db.selectFrom('outbox').selectAll().orderBy('queued_at').execute();
    return rows.map((row) => ({ messageId: row.message_id, chatId: row.chat_id, queuedAt: row.queued_at }));
  }

  /** Takes a question out of the outbox: it is deleted, and its text goes back into the chat's draft. */
  async cancelQueued(messageId: string): Promise<{ chatId: string; draft: string }> {
    const { db, messages, drafts, clock } = this.deps;
    const entry = await db.selectFrom('outbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    const message = await messages.findById(messageId);
    if (!entry || !message) throw new AppError('not_found', 'That message is not waiting to be sent', { id: messageId });
    await db.transaction().execute(async (tx) => {
      await messages.deleteIds([messageId], tx);
      await drafts.upsert({ chat_id: entry.chat_id, content: message.content, updated_at: clock.now() }, tx);
    });
    return { chatId: entry.chat_id, draft: message.content };
  }

  /**
   * Answers queued questions now that the network is back: one answer per chat, to its newest queued
   * question (the earlier ones are part of the history it sees). Nothing the person wrote is deleted.
   */
  async flushOutbox(): Promise<void> {
    const newestPerChat = new Map<string, OutboxEntryDto>();
    for (const entry of await this.outbox()) newestPerChat.set(entry.chatId, entry);
    for (const entry of newestPerChat.values()) {
      if (this.deps.network.status().online === false) return;
      try {
        const prepared = await this.prepare(entry.chatId);
        try {
          const question = await this.deps.messages.findById(entry.messageId);
          if (!question) {
            prepared.release();
            continue;
          }
          const after = await this.deps.messages.listForChat(entry.chatId);
          const removed = after.filter((row) => row.seq > question.seq && row.role === 'assistant' && row.content === '').map((row) => row.id);
          await this.deps.db.deleteFrom('outbox').where('chat_id', '=', entry.chatId).execute();
          const started = await this.replaceAnswer(prepared, entry.messageId, removed);
          this.deps.emit('app:event', { type: 'outbox_sent', chatId: entry.chatId, streamId: started.streamId, userMessageId: entry.messageId, assistantMessage: started.assistantMessage });
        } catch (error) {
          prepared.release();
          throw error;
        }
      } catch (error) {
        // Busy chat, no key, a limit: it stays queued for the next time the network returns.
        this.deps.logger.info('queued message kept for later', { messageId: entry.messageId, reason: error instanceof Error ? error.message : String(error) });
        await this.deps.db.updateTable('outbox').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('message_id', '=', entry.messageId).execute();
      }
    }
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

  /** Deletes `removed`, adds an empty answer after `questionId`, and streams it. */
  private async replaceAnswer(prepared: Prepared, questionId: string, removedMessageIds: string[], alsoInTransaction?: (tx: Executor) => Promise<void>): Promise<StreamStartDto> {
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
    const streamId = await this.launch(prepared, assistantRow.id, await this.answerPlan(prepared, questionId));
    return { streamId, assistantMessage: await this.dto(assistantRow.id), removedMessageIds };
  }

  private async answerPlan(prepared: Prepared, questionId: string): Promise<RunPlan> {
    const planFor = (shrink?: number) => this.deps.planner.plan({ chat: prepared.chat, model: prepared.model, apiKey: prepared.apiKey, ...(shrink ? { shrink } : {}) });
    const plan = await planFor();
    return {
      apiKey: prepared.apiKey,
      request: plan.request,
      estimatedRawTokens: plan.estimatedRawTokens,
      context: plan.context,
      shrink: async () => {
        const smaller = await planFor(0.6);
        return { request: smaller.request, estimatedRawTokens: smaller.estimatedRawTokens, context: smaller.context };
      },
      continueWith: (partial) => this.continueRequest(prepared, null, partial),
      queueOnOffline: { userMessageId: questionId },
    };
  }

  /** The request that picks an answer up from `partial` (the streaming message is the last one in the chat). */
  private async continueRequest(prepared: Prepared, messageId: string | null, partial: string) {
    const last = messageId ?? (await this.deps.messages.last(prepared.chat.id))?.id ?? '';
    return (await this.deps.planner.plan({ chat: prepared.chat, model: prepared.model, apiKey: prepared.apiKey, continueFrom: { messageId: last, partial } })).request;
  }

  private async launch(prepared: Prepared, messageId: string, plan: RunPlan): Promise<string> {
    const stream = { streamId: newId(), chatId: prepared.chat.id, messageId, controller: new AbortController(), reason: null, done: Promise.resolve() } as RunningStream & {
      done: Promise<void>;
    };
    this.active.set(stream.streamId, stream);
    // Started on the next turn so the renderer has the reply (and the message ids) before the first event.
    stream.done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.deps.runner.run(stream, plan))
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

function messageRow(chatId: string, role: 'user' | 'assistant', content: string, status: NewMessageRow['status'], metadata: MessageMetadata | null, createdAt: string): NewMessageRow {
  return { id: newId(), chat_id: chatId, role, content, status, metadata: metadata ? JSON.stringify(metadata) : null, tool_calls: null, tool_call_id: null, created_at: createdAt };
}
