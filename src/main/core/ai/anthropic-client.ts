// The only file that imports @anthropic-ai/sdk (lint enforces it): swapping or upgrading the SDK touches one place.
import Anthropic from '@anthropic-ai/sdk';
import { AbortedError, ChatError, OfflineError, classifyApiFailure, parseRetryAfter } from './chat-errors';
import type { ClaudeClient, ClaudeClientOptions, ClaudeCompletion, ClaudeRequest, ClaudeStreamEvent, ModelInfo } from './claude-client';

const DEFAULT_RETRIES = 2;

export function createAnthropicClient(options: ClaudeClientOptions): ClaudeClient {
  const maxRetries = options.maxRetries ?? DEFAULT_RETRIES;
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? null,
    maxRetries,
    timeout: options.timeoutMs ?? 10 * 60 * 1000,
    ...(options.onRetry ? { fetch: observingFetch(maxRetries, options.onRetry) } : {}),
  });

  const params = (request: ClaudeRequest) => ({
    model: request.model,
    max_tokens: request.maxTokens,
    system: request.system,
    messages: request.messages,
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { top_p: request.topP } : {}),
  });

  return {
    async *stream(request: ClaudeRequest, signal: AbortSignal): AsyncGenerator<ClaudeStreamEvent> {
      let stopReason: string | null = null;
      let sawStop = false;
      try {
        const stream = client.messages.stream(params(request), { signal });
        for await (const event of stream) {
          switch (event.type) {
            case 'message_start':
              yield {
                type: 'start',
                model: event.message.model,
                inputTokens: event.message.usage.input_tokens,
                cacheCreationInputTokens: event.message.usage.cache_creation_input_tokens ?? 0,
                cacheReadInputTokens: event.message.usage.cache_read_input_tokens ?? 0,
              };
              break;
            case 'content_block_delta':
              if (event.delta.type === 'text_delta' && event.delta.text) yield { type: 'text', text: event.delta.text };
              break;
            case 'message_delta':
              stopReason = event.delta.stop_reason ?? stopReason;
              yield { type: 'usage', outputTokens: event.usage.output_tokens, inputTokens: event.usage.input_tokens ?? undefined };
              break;
            case 'message_stop':
              sawStop = true;
              break;
            default:
              break;
          }
        }
      } catch (error) {
        throw toChatError(error, signal);
      }
      if (signal.aborted) throw new AbortedError();
      if (!sawStop) throw new OfflineError('The connection closed before the answer finished');
      yield { type: 'end', stopReason };
    },

    async complete(request: ClaudeRequest, signal: AbortSignal): Promise<ClaudeCompletion> {
      try {
        const message = await client.messages.create(params(request), { signal });
        return {
          text: message.content.map((block) => (block.type === 'text' ? block.text : '')).join(''),
          model: message.model,
          inputTokens: message.usage.input_tokens,
          outputTokens: message.usage.output_tokens,
          stopReason: message.stop_reason ?? null,
        };
      } catch (error) {
        throw toChatError(error, signal);
      }
    },

    async listModels(signal: AbortSignal): Promise<ModelInfo[]> {
      try {
        const models: ModelInfo[] = [];
        for await (const model of client.models.list({ limit: 100 }, { signal })) {
          const extra = model as unknown as { max_input_tokens?: number | null; max_tokens?: number | null };
          models.push({
            id: model.id,
            displayName: model.display_name,
            maxInputTokens: extra.max_input_tokens ?? null,
            maxTokens: extra.max_tokens ?? null,
            createdAt: model.created_at ?? null,
          });
          if (models.length >= 500) break;
        }
        return models;
      } catch (error) {
        throw toChatError(error, signal);
      }
    },
  };
}

/**
 * A fetch that watches each attempt the SDK makes. The SDK retries 408/409/429/5xx and lost connections
 * by itself but silently; this tells the person "retrying in N s" while it waits.
 */
function observingFetch(maxRetries: number, onRetry: NonNullable<ClaudeClientOptions['onRetry']>): typeof fetch {
  let attempt = 0;
  return async (input, init) => {
    attempt++;
    const backoff = Math.min(8, 0.5 * 2 ** (attempt - 1));
    try {
      const response = await fetch(input, init);
      const retryable = response.status === 408 || response.status === 409 || response.status === 429 || response.status >= 500;
      if (retryable && attempt <= maxRetries && response.headers.get('x-should-retry') !== 'false') {
        const asked = parseRetryAfter(response.headers.get('retry-after'));
        onRetry({ attempt, status: response.status, inSeconds: asked !== undefined && asked <= 60 ? asked : Math.ceil(backoff) });
      }
      return response;
    } catch (error) {
      if (attempt <= maxRetries && !init?.signal?.aborted) onRetry({ attempt, status: 0, inSeconds: Math.ceil(backoff) });
      throw error;
    }
  };
}

function toChatError(error: unknown, signal: AbortSignal): Error {
  if (signal.aborted || error instanceof Anthropic.APIUserAbortError) return new AbortedError();
  if (error instanceof Anthropic.APIConnectionTimeoutError) return new OfflineError('The request to Anthropic timed out');
  if (error instanceof Anthropic.APIConnectionError) return new OfflineError('Could not reach Anthropic. Check the network connection.');
  if (error instanceof Anthropic.APIError) {
    return classifyApiFailure({
      status: error.status,
      type: error.type ?? errorTypeFromBody(error.error),
      message: error.apiMessage ?? error.message,
      retryAfter: error.headers?.get('retry-after'),
    });
  }
  if (error instanceof ChatError) return error;
  // The SDK surfaces a socket that dies mid-body as a plain Error (terminated / ECONNRESET).
  const message = error instanceof Error ? error.message : String(error);
  return new OfflineError(`The connection was lost: ${message}`);
}

function errorTypeFromBody(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'error' in body) {
    const inner = (body as { error?: { type?: unknown } }).error;
    if (inner && typeof inner.type === 'string') return inner.type;
  }
  return undefined;
}
