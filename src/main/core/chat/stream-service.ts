import type { MessageMetadata, SendResultDto, StreamEndMetadata, StreamEvent } from '../../../shared/domain/dto';
import { DEFAULT_MODEL } from '../../../shared/domain/models';
import { AppError } from '../../../shared/domain/errors';
import { AbortedError, ProviderError } from '../ai/provider-error';
import type { ClaudeClientFactory, ClaudeRequest } from '../ai/claude-client';
import { newId, type Clock } from '../clock';
import type { Executor } from '../db/connection';
import type { ChatRepository } from '../db/chat-repository';
import { toMessageDto, type MessageRepository, type MessageRow, type NewMessageRow } from '../db/message-repository';
import type { ChatsTable } from '../db/schema';
import type { UsageRepository } from '../db/usage-repository';
import type { ContextService } from '../context/context-service';
import type { Logger } from '../logger';
import type { SecretsService } from '../secrets/secrets-service';
import type { SettingsService } from '../settings/settings-service';
import type { ChatService } from './chat-service';
import { buildRequest } from './request-builder';
import { StreamWriter } from './stream-writer';

export interface StreamServiceDeps {
  db: Executor;
  chats: ChatService;
  chatRepo: ChatRepository;
  messages: MessageRepository;
  usage: UsageRepository;
  context: ContextService;
  settings: SettingsService;
  secrets: SecretsService;
  createClient: ClaudeClientFactory;
  emit: (event: StreamEvent) => void;
  logger: Logger;
  clock: Clock;
  baseURL?: string | undefined;
  envModel?: string | undefined;
  maxRetries?: number | undefined;
  deltaFlushMs: number;
  persistEveryMs: number;
}

type EndReason = 'stop' | 'shutdown';

interface ActiveStream {
  streamId: string;
  chatId: string;
  messageId: string;
  controller: AbortController;
  reason: EndReason | null;
  done: Promise<void>;
}

/** Owns every answer in flight: the main process, not the renderer, decides what is saved. */
export class StreamService {
  private readonly active = new Map<string, ActiveStream>();

  constructor(private readonly deps: StreamServiceDeps) {}

  async resolveModel(chat?: Pick<ChatsTable, 'model'>): Promise<string> {
    if (chat?.model) return chat.model;
    const { model } = await this.deps.settings.get();
    return model ?? this.deps.envModel ?? DEFAULT_MODEL;
  }

  async send(chatId: string, content: string): Promise<SendResultDto> {
    const { db, chats, chatRepo, messages, clock } = this.deps;
    const chat = await chats.require(chatId);
    for (const stream of this.active.values()) {
      if (stream.chatId === chatId) throw new AppError('stream_busy', 'This chat is still answering', { streamId: stream.streamId });
    }
    const apiKey = await this.deps.secrets.getApiKey();
    if (!apiKey) throw new AppError('no_api_key', 'Add an Anthropic API key in Settings first');

    const model = await this.resolveModel(chat);
    const now = clock.now();
    const userRow: NewMessageRow = message(chatId, 'user', content, 'complete', null, now);
    const assistantRow: NewMessageRow = message(chatId, 'assistant', '', 'streaming', { model }, now);
    await db.transaction().execute(async (tx) => {
      await messages.insert(userRow, tx);
      await messages.insert(assistantRow, tx);
      await chatRepo.update(chatId, { updated_at: now, ...(chat.model ? {} : { model }) }, tx);
    });

    const history = await messages.listForChat(chatId);
    const request = buildRequest({ model, system: await this.deps.context.systemBlocks(), history });
    const stream: ActiveStream = {
      streamId: newId(),
      chatId,
      messageId: assistantRow.id,
      controller: new AbortController(),
      reason: null,
      done: Promise.resolve(),
    };
    this.active.set(stream.streamId, stream);
    // Started on the next turn so the renderer has the reply (and the message ids) before the first event.
    stream.done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(stream, request, apiKey))
      .finally(() => this.active.delete(stream.streamId));

    const rows = (await Promise.all([messages.findById(userRow.id), messages.findById(assistantRow.id)])) as MessageRow[];
    return { streamId: stream.streamId, userMessage: toMessageDto(rows[0]!), assistantMessage: toMessageDto(rows[1]!) };
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
  }

  private async run(stream: ActiveStream, request: ClaudeRequest, apiKey: string): Promise<void> {
    const { deps } = this;
    const writer = new StreamWriter({
      messageId: stream.messageId,
      messages: deps.messages,
      emitDelta: (delta, offset) =>
        this.emit({ streamId: stream.streamId, chatId: stream.chatId, type: 'content_delta', messageId: stream.messageId, delta, offset }),
      deltaFlushMs: deps.deltaFlushMs,
      persistEveryMs: deps.persistEveryMs,
      logger: deps.logger,
    });
    const usage = { model: request.model, inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, started: false };
    let stopReason: string | null = null;
    this.emit({ streamId: stream.streamId, chatId: stream.chatId, type: 'message_start', messageId: stream.messageId });
    try {
      const client = deps.createClient({ apiKey, baseURL: deps.baseURL, ...(deps.maxRetries !== undefined ? { maxRetries: deps.maxRetries } : {}) });
      for await (const event of client.stream(request, stream.controller.signal)) {
        if (event.type === 'text') writer.append(event.text);
        else if (event.type === 'start') {
          Object.assign(usage, { model: event.model, inputTokens: event.inputTokens, cacheCreationInputTokens: event.cacheCreationInputTokens, cacheReadInputTokens: event.cacheReadInputTokens, started: true });
        } else if (event.type === 'usage') {
          usage.outputTokens = event.outputTokens;
          if (event.inputTokens !== undefined) usage.inputTokens = event.inputTokens;
        } else if (event.type === 'end') stopReason = event.stopReason;
      }
      const metadata: StreamEndMetadata = { model: usage.model, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, stopReason, cacheCreationInputTokens: usage.cacheCreationInputTokens, cacheReadInputTokens: usage.cacheReadInputTokens };
      const content = await this.finish(stream, writer, 'complete', metadata, usage.started);
      this.emit({ streamId: stream.streamId, chatId: stream.chatId, type: 'message_end', messageId: stream.messageId, status: 'complete', metadata, content });
    } catch (error) {
      if (error instanceof AbortedError || stream.controller.signal.aborted) {
        const status = stream.reason === 'shutdown' ? 'interrupted' : 'stopped';
        const metadata: StreamEndMetadata = { model: usage.model, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, stopReason: null };
        const content = await this.finish(stream, writer, status, metadata, usage.started);
        this.emit({ streamId: stream.streamId, chatId: stream.chatId, type: 'message_end', messageId: stream.messageId, status, metadata, content });
        return;
      }
      const failure = error instanceof ProviderError ? error : new ProviderError('internal', String(error), false);
      if (!(error instanceof ProviderError)) deps.logger.error('stream failed', { error: String(error) });
      const metadata: MessageMetadata = {
        model: usage.model,
        error: {
          code: failure.code,
          detail: failure.detail,
          ...(failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
        },
      };
      const content = await this.finish(stream, writer, 'error', metadata, usage.started);
      this.emit({
        streamId: stream.streamId,
        chatId: stream.chatId,
        type: 'error',
        messageId: stream.messageId,
        code: failure.code,
        detail: failure.detail,
        retryable: failure.retryable,
        ...(failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
        content,
      });
    }
  }

  /** Final text, status, metadata, usage and the chat's activity time, written together. */
  private async finish(
    stream: ActiveStream,
    writer: StreamWriter,
    status: 'complete' | 'stopped' | 'interrupted' | 'error',
    metadata: MessageMetadata,
    billed: boolean,
  ): Promise<string> {
    const { db, messages, chatRepo, usage, clock, logger } = this.deps;
    const content = await writer.close();
    const now = clock.now();
    try {
      await db.transaction().execute(async (tx) => {
        await messages.finish(stream.messageId, { content, status, metadata }, tx);
        if (billed) {
          await usage.insert(
            {
              id: newId(),
              chat_id: stream.chatId,
              message_id: stream.messageId,
              provider: 'anthropic',
              model: metadata.model ?? 'unknown',
              input_tokens: metadata.inputTokens ?? 0,
              output_tokens: metadata.outputTokens ?? 0,
              cache_creation_input_tokens: metadata.cacheCreationInputTokens ?? 0,
              cache_read_input_tokens: metadata.cacheReadInputTokens ?? 0,
              created_at: now,
            },
            tx,
          );
        }
        await chatRepo.update(stream.chatId, { updated_at: now }, tx);
      });
    } catch (error) {
      // The chat may have been deleted mid-answer; nothing is left to save then.
      logger.warn('could not finish a streamed message', { messageId: stream.messageId, error: String(error) });
    }
    return content;
  }

  private emit(event: StreamEvent): void {
    try {
      this.deps.emit(event);
    } catch (error) {
      this.deps.logger.warn('stream event not delivered', { type: event.type, error: String(error) });
    }
  }
}

function message(
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
