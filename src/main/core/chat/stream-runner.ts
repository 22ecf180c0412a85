import type { MessageMetadata, StreamEndMetadata, StreamEvent } from '../../../shared/domain/dto';
import { AbortedError, ChatError } from '../ai/chat-errors';
import type { ClaudeClientFactory, ClaudeRequest } from '../ai/claude-client';
import { newId, type Clock } from '../clock';
import type { EmitEvent } from '../core-types';
import type { ChatRepository } from '../db/chat-repository';
import type { Executor } from '../db/connection';
import type { MessageRepository } from '../db/message-repository';
import type { UsageRepository } from '../db/usage-repository';
import type { Logger } from '../logger';
import { StreamWriter } from './stream-writer';

export interface StreamRunnerDeps {
  db: Executor;
  chatRepo: ChatRepository;
  messages: MessageRepository;
  usage: UsageRepository;
  createClient: ClaudeClientFactory;
  emit: EmitEvent;
  logger: Logger;
  clock: Clock;
  baseURL?: string | undefined;
  maxRetries?: number | undefined;
  deltaFlushMs: number;
  persistEveryMs: number;
}

export interface RunningStream {
  streamId: string;
  chatId: string;
  messageId: string;
  controller: AbortController;
  /** Why it was aborted: the person pressed Stop, or the app is shutting down. */
  reason: 'stop' | 'shutdown' | null;
}

export interface RunOptions {
  /** Text the message already has (Continue): new text is appended, offsets continue from its length. */
  initialContent?: string;
  /** Token counts of the earlier part of a continued answer, added to this request's. */
  previous?: MessageMetadata | null;
}

type FinalStatus = 'complete' | 'stopped' | 'interrupted' | 'error';

/** Streams one answer into one message: events out, text on disk, final state and usage written together. */
export class StreamRunner {
  constructor(private readonly deps: StreamRunnerDeps) {}

  async run(stream: RunningStream, request: ClaudeRequest, apiKey: string, options: RunOptions = {}): Promise<void> {
    const { deps } = this;
    const base = { streamId: stream.streamId, chatId: stream.chatId, messageId: stream.messageId };
    const writer = new StreamWriter({
      messageId: stream.messageId,
      messages: deps.messages,
      initialContent: options.initialContent ?? '',
      emitDelta: (delta, offset) => this.emit({ ...base, type: 'content_delta', delta, offset }),
      deltaFlushMs: deps.deltaFlushMs,
      persistEveryMs: deps.persistEveryMs,
      logger: deps.logger,
    });
    const usage = { model: request.model, inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, billed: false };
    let stopReason: string | null = null;
    const totals = (): StreamEndMetadata => ({
      model: usage.model,
      inputTokens: usage.inputTokens + (options.previous?.inputTokens ?? 0),
      outputTokens: usage.outputTokens + (options.previous?.outputTokens ?? 0),
      stopReason,
      cacheCreationInputTokens: usage.cacheCreationInputTokens,
      cacheReadInputTokens: usage.cacheReadInputTokens,
    });

    this.emit({ ...base, type: 'message_start' });
    try {
      const client = deps.createClient({ apiKey, baseURL: deps.baseURL, ...(deps.maxRetries !== undefined ? { maxRetries: deps.maxRetries } : {}) });
      for await (const event of client.stream(request, stream.controller.signal)) {
        if (event.type === 'text') writer.append(event.text);
        else if (event.type === 'start') {
          usage.model = event.model;
          usage.inputTokens = event.inputTokens;
          usage.cacheCreationInputTokens = event.cacheCreationInputTokens;
          usage.cacheReadInputTokens = event.cacheReadInputTokens;
          usage.billed = true;
        } else if (event.type === 'usage') {
          usage.outputTokens = event.outputTokens;
          if (event.inputTokens !== undefined) usage.inputTokens = event.inputTokens;
        } else if (event.type === 'end') stopReason = event.stopReason;
      }
      const metadata = totals();
      const content = await this.finish(stream, writer, 'complete', metadata, usage);
      this.emit({ ...base, type: 'message_end', status: 'complete', metadata, content });
    } catch (error) {
      if (error instanceof AbortedError || stream.controller.signal.aborted) {
        const status = stream.reason === 'shutdown' ? 'interrupted' : 'stopped';
        stopReason = null;
        const metadata = totals();
        const content = await this.finish(stream, writer, status, metadata, usage);
        this.emit({ ...base, type: 'message_end', status, metadata, content });
        return;
      }
      const failure = error instanceof ChatError ? error : new ChatError('internal', 'The answer failed inside Parley', false);
      if (!(error instanceof ChatError)) deps.logger.error('stream failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      const retryAfter = failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {};
      const metadata: MessageMetadata = { ...totals(), stopReason: null, error: { code: failure.code, detail: failure.detail, ...retryAfter } };
      const content = await this.finish(stream, writer, 'error', metadata, usage);
      this.emit({ ...base, type: 'error', code: failure.code, detail: failure.detail, retryable: failure.retryable, ...retryAfter, content });
    }
  }

  /** Final text, status, metadata, the request's usage and the chat's activity time, in one transaction. */
  private async finish(
    stream: RunningStream,
    writer: StreamWriter,
    status: FinalStatus,
    metadata: MessageMetadata,
    usage: { model: string; inputTokens: number; outputTokens: number; cacheCreationInputTokens: number; cacheReadInputTokens: number; billed: boolean },
  ): Promise<string> {
    const { db, messages, chatRepo, clock, logger } = this.deps;
    const content = await writer.close();
    const now = clock.now();
    try {
      await db.transaction().execute(async (tx) => {
        await messages.finish(stream.messageId, { content, status, metadata }, tx);
        if (usage.billed) {
          await this.deps.usage.insert(
            {
              id: newId(),
              chat_id: stream.chatId,
              message_id: stream.messageId,
              provider: 'anthropic',
              model: usage.model,
              input_tokens: usage.inputTokens,
              output_tokens: usage.outputTokens,
              cache_creation_input_tokens: usage.cacheCreationInputTokens,
              cache_read_input_tokens: usage.cacheReadInputTokens,
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
      this.deps.emit('chat:event', event);
    } catch (error) {
      this.deps.logger.warn('stream event not delivered', { type: event.type, error: String(error) });
    }
  }
}
