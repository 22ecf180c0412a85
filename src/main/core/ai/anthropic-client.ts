// The only file that imports @anthropic-ai/sdk (lint enforces it): swapping or upgrading the SDK touches one place.
import Anthropic from '@anthropic-ai/sdk';
import { AbortedError, ChatError, OfflineError, classifyApiFailure } from './chat-errors';
import type { ClaudeClient, ClaudeClientOptions, ClaudeCompletion, ClaudeRequest, ClaudeStreamEvent } from './claude-client';

export function createAnthropicClient(options: ClaudeClientOptions): ClaudeClient {
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? null,
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeoutMs ?? 10 * 60 * 1000,
  });

  return {
    async *stream(request: ClaudeRequest, signal: AbortSignal): AsyncGenerator<ClaudeStreamEvent> {
      let stopReason: string | null = null;
      let sawStop = false;
      try {
        const stream = client.messages.stream(
          {
            model: request.model,
            max_tokens: request.maxTokens,
            system: request.system,
            messages: request.messages,
          },
          { signal },
        );
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
        const message = await client.messages.create(
          { model: request.model, max_tokens: request.maxTokens, system: request.system, messages: request.messages },
          { signal },
        );
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
  };
}

function toChatError(error: unknown, signal: AbortSignal): Error {
  if (signal.aborted || error instanceof Anthropic.APIUserAbortError) return new AbortedError();
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return new OfflineError('The request to Anthropic timed out');
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return new OfflineError('Could not reach Anthropic. Check the network connection.');
  }
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
