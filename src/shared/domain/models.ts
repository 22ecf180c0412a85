/**
 * Built-in model choices. The default is the newest Sonnet in the SDK's `Model` union
 * (@anthropic-ai/sdk 1.x); CLAUDE_MODEL and the `model` setting override it.
 */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

/** Small and fast: used in the background for chat titles. */
export const TITLE_MODEL = 'claude-haiku-5-5';

export interface ModelOption {
  id: string;
  label: string;
}

export const BUILT_IN_MODELS: readonly ModelOption[] = [
  { id: 'claude-sonnet-5-5', label: 'Claude Sonnet 5.5' },
  { id: 'claude-opus-5-5', label: 'Claude Opus 5.5' },
  { id: 'claude-haiku-5-5', label: 'Claude Haiku 5.5' },
  { id: 'claude-sonnet-5', label: 'Claude Sonnet 5' },
  { id: 'claude-opus-5', label: 'Claude Opus 5' },
  { id: 'claude-sonnet-4-6', label: 'Claude Sonnet 4.6' },
  { id: 'claude-haiku-4-5', label: 'Claude Haiku 4.5' },
];
