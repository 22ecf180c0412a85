/**
 * Built-in model choices, used before the API's own list has been fetched (and offline). The default
 * is the newest Sonnet in the SDK's `Model` union (@anthropic-ai/sdk 1.x); CLAUDE_MODEL and the `model`
 * setting override it.
 */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

/** Small and fast: used in the background for chat titles and summaries. */
export const TITLE_MODEL = 'claude-haiku-5-5';

export interface ModelOption {
  id: string;
  label: string;
  /** Context window (input tokens). */
  maxInputTokens: number;
  /** Largest answer the model can write. */
  maxOutputTokens: number;
}

export const FALLBACK_CONTEXT_WINDOW = 200_000;
export const FALLBACK_MAX_OUTPUT = 32_000;

export const BUILT_IN_MODELS: readonly ModelOption[] = [
  { id: 'claude-sonnet-5-5', label: 'Claude Sonnet 5.5', maxInputTokens: 200_000, maxOutputTokens: 64_000 },
  { id: 'claude-opus-5-5', label: 'Claude Opus 5.5', maxInputTokens: 200_000, maxOutputTokens: 64_000 },
  { id: 'claude-haiku-5-5', label: 'Claude Haiku 5.5', maxInputTokens: 200_000, maxOutputTokens: 64_000 },
  { id: 'claude-sonnet-5', label: 'Claude Sonnet 5', maxInputTokens: 200_000, maxOutputTokens: 64_000 },
  { id: 'claude-opus-5', label: 'Claude Opus 5', maxInputTokens: 200_000, maxOutputTokens: 32_000 },
  { id: 'claude-sonnet-4-6', label: 'Claude Sonnet 4.6', maxInputTokens: 200_000, maxOutputTokens: 64_000 },
  { id: 'claude-haiku-4-5', label: 'Claude Haiku 4.5', maxInputTokens: 200_000, maxOutputTokens: 64_000 },
];

/** Default answer length for a chat that has not set one: long enough for code, short of the model's cap. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 8_192;
