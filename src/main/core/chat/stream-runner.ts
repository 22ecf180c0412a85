import type { MessageMetadata, StreamEndMetadata, StreamEvent } from '../../../shared/domain/dto';
import { estimateCostUsd } from '../../../shared/domain/prices';
import { AbortedError, ChatError } from '../ai/chat-errors';
import type { ClaudeClientFactory, ClaudeRequest } from '../ai/claude-client';
import { newId, type Clock } from '../clock';
import type { EmitEvent } from '../core-types';
import type { ChatRepository } from '../db/chat-repository';
import type { Executor } from '../db/connection';
import type { MessageRepository } from '../db/message-repository';
import type { UsageRepository } from '../db/usage-repository';
import type { Logger } from '../logger';
import type { NetworkMonitor } from '../network/network-monitor';
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
  network: NetworkMonitor;
  baseURL?: string | undefined;
  maxRetries?: number | undefined;
  deltaFlushMs: number;
  persistEveryMs: number;
  /** Pauses before retrying a dropped or overloaded stream (default 1 s, 3 s, 9 s). */
  midStreamBackoffMs?: readonly number[];
  /** Learns from the API's token count how far off the local estimate was. */
  onMeasured?: (estimatedRawTokens: number, actualTokens: number) => void;
}

export interface RunningStream {
  streamId: string;
  chatId: string;
  messageId: string;
  controller: AbortController;
  /** Why it was aborted: the person pressed Stop, or the app is shutting down. */
  reason: 'stop' | 'shutdown' | null;
}

export interface RunPlan {
  apiKey: string;
  request: ClaudeRequest;
  estimatedRawTokens: number;
  /** Written into the answer's metadata (what the request left out of the history). */
  context?: MessageMetadata['context'];
  /** A smaller request, after the API said the prompt is too long (tried once). */
  shrink?: () => Promise<{ request: ClaudeRequest; estimatedRawTokens: number; context?: MessageMetadata['context'] }>;
  /** The request that picks up from `partial` after a dropped or overloaded stream. */
  continueWith: (partial: string) => Promise<ClaudeRequest>;
  /** Offline before any text: save the question for later instead of failing (send, regenerate, edit). */
  queueOnOffline?: { userMessageId: string };
  /** Text the message already has (Continue): new text is appended, offsets continue from its length. */
  initialContent?: string;
  /** Token counts of the earlier part of a continued answer, added to this request's. */
  previous?: MessageMetadata | null;
}

interface Attempt {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  billed: boolean;
}

type FinalStatus = 'complete' | 'stopped' | 'interrupted' | 'error';
const DEFAULT_MID_STREAM_BACKOFF = [1_000, 3_000, 9_000];

/**
 * Streams one answer into one message: events out, text on disk, retries where they can help, and the
 * final state, usage and cost written together. Whatever happens, the text that arrived is kept.
 */
export class StreamRunner {
  constructor(private readonly deps: StreamRunnerDeps) {}

  async run(stream: RunningStream, plan: RunPlan): Promise<void> {
    const { deps } = this;
    const base = { streamId: stream.streamId, chatId: stream.chatId, messageId: stream.messageId };
    const initial = plan.initialContent ?? '';
    const writer = new StreamWriter({
      messageId: stream.messageId,
      messages: deps.messages,
      initialContent: initial,
      emitDelta: (delta, offset) => this.emit({ ...base, type: 'content_delta', delta, offset }),
      deltaFlushMs: deps.deltaFlushMs,
      persistEveryMs: deps.persistEveryMs,
      logger: deps.logger,
    });
    const attempts: Attempt[] = [];
    let request = plan.request;
    let estimatedRaw = plan.estimatedRawTokens;
    let context = plan.context;
    let stopReason: string | null = null;
    let shrunk = false;
    let midStreamRetries = 0;
    const backoff = deps.midStreamBackoffMs ?? DEFAULT_MID_STREAM_BACKOFF;
    const totals = (): StreamEndMetadata => ({
      model: attempts.at(-1)?.model ?? request.model,
      inputTokens: sum(attempts, 'inputTokens') + (plan.previous?.inputTokens ?? 0),
      outputTokens: sum(attempts, 'outputTokens') + (plan.previous?.outputTokens ?? 0),
      stopReason,
      cacheCreationInputTokens: sum(attempts, 'cacheCreationInputTokens'),
      cacheReadInputTokens: sum(attempts, 'cacheReadInputTokens'),
    });
    const meta = (extra: Partial<MessageMetadata> = {}): MessageMetadata => ({
      ...totals(),
      costUsd: round((plan.previous?.costUsd ?? 0) + attempts.reduce((s, a) => s + (a.billed ? estimateCostUsd(a.model, a) : 0), 0)),
      ...(context ? { context } : {}),
      ...extra,
    });

    this.emit({ ...base, type: 'message_start' });
    for (;;) {
      const attempt: Attempt = { model: request.model, inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, billed: false };
      attempts.push(attempt);
      const textBefore = writer.text.length;
      try {
        const client = deps.createClient({
          apiKey: plan.apiKey,
          baseURL: deps.baseURL,
          ...(deps.maxRetries !== undefined ? { maxRetries: deps.maxRetries } : {}),
          onRetry: (info) => {
            if (info.status === 0) deps.network.reportUnreachable();
            this.emit({ ...base, type: 'retrying', attempt: info.attempt, inSeconds: info.inSeconds, code: retryCode(info.status) });
          },
        });
        for await (const event of client.stream(request, stream.controller.signal)) {
          if (event.type === 'text') writer.append(event.text);
          else if (event.type === 'start') {
            deps.network.reportReachable();
            Object.assign(attempt, { model: event.model, inputTokens: event.inputTokens, cacheCreationInputTokens: event.cacheCreationInputTokens, cacheReadInputTokens: event.cacheReadInputTokens, billed: true });
          } else if (event.type === 'usage') {
            attempt.outputTokens = event.outputTokens;
            if (event.inputTokens !== undefined) attempt.inputTokens = event.inputTokens;
          } else if (event.type === 'end') stopReason = event.stopReason;
        }
        if (stopReason === 'model_context_window_exceeded' && writer.text.length === initial.length && plan.shrink && !shrunk) {
          ({ request, estimatedRawTokens: estimatedRaw, context } = await this.shrink(plan, base));
          shrunk = true;
          continue;
        }
        if (attempt.billed) deps.onMeasured?.(estimatedRaw, attempt.inputTokens + attempt.cacheCreationInputTokens + attempt.cacheReadInputTokens);
        const metadata = meta();
        const content = await this.finish(stream, writer, 'complete', metadata, attempts);
        // The cost and what was left out travel with the end too, so the open chat shows them without a reload.
        const { costUsd, context: sent } = metadata;
        this.emit({ ...base, type: 'message_end', status: 'complete', metadata: { ...totals(), ...(costUsd !== undefined ? { costUsd } : {}), ...(sent ? { context: sent } : {}) }, content });
        return;
      } catch (error) {
        if (error instanceof AbortedError || stream.controller.signal.aborted) return this.stopped(stream, writer, base, attempts, meta);
        const failure = error instanceof ChatError ? error : new ChatError('internal', 'The answer failed inside Parley', false);
        if (!(error instanceof ChatError)) deps.logger.error('stream failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        if (failure.code === 'offline') deps.network.reportUnreachable();
        else if (failure.code !== 'internal') deps.network.reportReachable();
        const noTextYet = writer.text.length === initial.length;
        if (failure.code === 'context_too_long' && noTextYet && plan.shrink && !shrunk) {
          ({ request, estimatedRawTokens: estimatedRaw, context } = await this.shrink(plan, base));
          shrunk = true;
          continue;
        }
        if (failure.code === 'offline' && noTextYet && plan.queueOnOffline) {
          await this.queue(stream, writer, plan.queueOnOffline.userMessageId, attempts);
          return;
        }
        const gotText = writer.text.length > textBefore || writer.text.length > initial.length;
        if (gotText && (failure.code === 'overloaded' || failure.code === 'offline') && midStreamRetries < backoff.length) {
          const wait = backoff[midStreamRetries]!;
          midStreamRetries++;
          this.emit({ ...base, type: 'retrying', attempt: midStreamRetries, inSeconds: Math.ceil(wait / 1000), code: failure.code });
          if (!(await sleep(wait, stream.controller.signal))) return this.stopped(stream, writer, base, attempts, meta);
          request = await plan.continueWith(writer.text);
          continue;
        }
        const retryAfter = failure.retryAfterSeconds !== undefined ? { retryAfterSeconds: failure.retryAfterSeconds } : {};
        const metadata = meta({ stopReason: null, error: { code: failure.code, detail: failure.detail, ...retryAfter } });
        const content = await this.finish(stream, writer, 'error', metadata, attempts);
        this.emit({ ...base, type: 'error', code: failure.code, detail: failure.detail, retryable: failure.retryable, ...retryAfter, content });
        return;
      }
    }
  }

  private async shrink(plan: RunPlan, base: { streamId: string; chatId: string; messageId: string }) {
    this.emit({ ...base, type: 'retrying', attempt: 1, inSeconds: 0, code: 'context_too_long' });
    return plan.shrink!();
  }

  private async stopped(
    stream: RunningStream,
    writer: StreamWriter,
    base: { streamId: string; chatId: string; messageId: string },
    attempts: Attempt[],
    meta: (extra?: Partial<MessageMetadata>) => MessageMetadata,
  ): Promise<void> {
    const status = stream.reason === 'shutdown' ? 'interrupted' : 'stopped';
    const metadata = meta({ stopReason: null });
    const content = await this.finish(stream, writer, status, metadata, attempts);
    this.emit({ ...base, type: 'message_end', status, metadata: { ...metadata, model: metadata.model ?? '', inputTokens: metadata.inputTokens ?? 0, outputTokens: metadata.outputTokens ?? 0, stopReason: null }, content });
  }

  /** Offline before any text: the empty answer goes, and the question waits in the outbox. */
  private async queue(stream: RunningStream, writer: StreamWriter, userMessageId: string, attempts: Attempt[]): Promise<void> {
    const { db, messages } = this.deps;
    await writer.close();
    const queuedAt = this.deps.clock.now();
    await db.transaction().execute(async (tx) => {
      await this.insertUsage(stream, attempts, queuedAt, tx);
      await messages.deleteIds([stream.messageId], tx);
      await tx.insertInto('outbox').values({ message_id: userMessageId, chat_id: stream.chatId, queued_at: queuedAt, attempts: 0 }).onConflict((oc) => oc.doNothing()).execute();
    });
    this.emit({ streamId: stream.streamId, chatId: stream.chatId, type: 'queued', messageId: stream.messageId, userMessageId });
    try {
      this.deps.emit('app:event', { type: 'queued', entry: { messageId: userMessageId, chatId: stream.chatId, queuedAt } });
    } catch {
      // The stream event above already told the renderer.
    }
  }

  /** Final text, status, metadata, each attempt's usage and the chat's activity time, in one transaction. */
  private async finish(stream: RunningStream, writer: StreamWriter, status: FinalStatus, metadata: MessageMetadata, attempts: Attempt[]): Promise<string> {
    const { db, messages, chatRepo, clock, logger } = this.deps;
    const content = await writer.close();
    const now = clock.now();
    try {
      await db.transaction().execute(async (tx) => {
        await messages.finish(stream.messageId, { content, status, metadata }, tx);
        await this.insertUsage(stream, attempts, now, tx);
        await chatRepo.update(stream.chatId, { updated_at: now }, tx);
      });
    } catch (error) {
      // The chat may have been deleted mid-answer; nothing is left to save then.
      logger.warn('could not finish a streamed message', { messageId: stream.messageId, error: String(error) });
    }
    return content;
  }

  private async insertUsage(stream: RunningStream, attempts: Attempt[], now: string, tx: Executor): Promise<void> {
    for (const attempt of attempts.filter((a) => a.billed)) {
      await this.deps.usage.insert(
        {
          id: newId(),
          chat_id: stream.chatId,
          message_id: stream.messageId,
          provider: 'anthropic',
          model: attempt.model,
          input_tokens: attempt.inputTokens,
          output_tokens: attempt.outputTokens,
          cache_creation_input_tokens: attempt.cacheCreationInputTokens,
          cache_read_input_tokens: attempt.cacheReadInputTokens,
          cost_usd: estimateCostUsd(attempt.model, attempt),
          created_at: now,
        },
        tx,
      );
    }
  }

  private emit(event: StreamEvent): void {
    try {
      this.deps.emit('chat:event', event);
    } catch (error) {
      this.deps.logger.warn('stream event not delivered', { type: event.type, error: String(error) });
    }
  }
}

function retryCode(status: number) {
  if (status === 0) return 'offline' as const;
  if (status === 429) return 'rate_limited' as const;
  if (status === 529) return 'overloaded' as const;
  return 'provider_error' as const;
}

function sum(attempts: Attempt[], key: 'inputTokens' | 'outputTokens' | 'cacheCreationInputTokens' | 'cacheReadInputTokens'): number {
  return attempts.reduce((total, attempt) => total + attempt[key], 0);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Resolves true after `ms`, or false at once when the person stops the answer. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
