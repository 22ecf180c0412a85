import type { SystemBlock } from '../context/context-service';

export interface ClaudeClientOptions {
  apiKey: string;
  baseURL?: string | undefined;
  maxRetries?: number;
  timeoutMs?: number;
}

export interface ClaudeRequest {
  model: string;
  maxTokens: number;
  system: (SystemBlock & { cache_control?: { type: 'ephemeral' } })[];
  messages: { role: 'user' | 'assistant'; content: string }[];
}

export type ClaudeStreamEvent =
  | { type: 'start'; model: string; inputTokens: number; cacheCreationInputTokens: number; cacheReadInputTokens: number }
  | { type: 'text'; text: string }
  | { type: 'usage'; outputTokens: number; inputTokens?: number | undefined }
  | { type: 'end'; stopReason: string | null };

/** What the streaming service needs from a model provider; the Anthropic SDK is one implementation. */
export interface ClaudeClient {
  /** Throws ProviderError (classified) or AbortedError. */
  stream(request: ClaudeRequest, signal: AbortSignal): AsyncIterable<ClaudeStreamEvent>;
}

export type ClaudeClientFactory = (options: ClaudeClientOptions) => ClaudeClient;
