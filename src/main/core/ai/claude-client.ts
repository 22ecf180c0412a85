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

export interface ClaudeCompletion {
  text: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  stopReason: string | null;
}

/** What the services need from a model provider; the Anthropic SDK is one implementation. */
export interface ClaudeClient {
  /** Throws a ChatError subclass (classified) or AbortedError. */
  stream(request: ClaudeRequest, signal: AbortSignal): AsyncIterable<ClaudeStreamEvent>;
  /** One answer without streaming (background work such as titles). Throws like `stream`. */
  complete(request: ClaudeRequest, signal: AbortSignal): Promise<ClaudeCompletion>;
}

export type ClaudeClientFactory = (options: ClaudeClientOptions) => ClaudeClient;
