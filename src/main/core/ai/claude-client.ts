import type { SystemBlock } from '../context/context-service';

export interface ClaudeClientOptions {
  apiKey: string;
  baseURL?: string | undefined;
  maxRetries?: number;
  timeoutMs?: number;
  /** Told before the SDK retries a failed attempt (429, 529, 5xx, no connection), so the person sees "retrying in N s". */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  attempt: number;
  /** What the failed attempt got: an HTTP status, or 0 for no connection. */
  status: number;
  /** The wait before the next attempt: the provider's retry-after, else the SDK's backoff. */
  inSeconds: number;
}

export interface ClaudeRequest {
  model: string;
  maxTokens: number;
  temperature?: number | undefined;
  topP?: number | undefined;
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
  /** The models this key can use. Throws like `stream`. */
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
}

export interface ModelInfo {
  id: string;
  displayName: string;
  maxInputTokens: number | null;
  maxTokens: number | null;
  createdAt: string | null;
}

export type ClaudeClientFactory = (options: ClaudeClientOptions) => ClaudeClient;
