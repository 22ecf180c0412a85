import type { ErrorCode } from './errors';

export type MessageRole = 'user' | 'assistant' | 'system' | 'tool';
export type MessageStatus = 'complete' | 'streaming' | 'stopped' | 'interrupted' | 'error';
export type ContextType = 'primary' | 'personal';
export type SecretSource = 'environment' | 'keychain' | 'safeStorage' | 'memory';
export type Language = 'system' | 'en' | 'ru';
export type Theme = 'system' | 'light' | 'dark';

export interface ChatDto {
  id: string;
  title: string;
  provider: string;
  model: string | null;
  isArchived: boolean;
  createdAt: string;
  updatedAt: string;
  /** Sampling for this chat; null: the model's default. */
  temperature: number | null;
  topP: number | null;
  /** Longest answer for this chat; null: Parley's default (8,192, or the model's cap if lower). */
  maxTokens: number | null;
}

export interface MessageMetadata {
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  cacheCreationInputTokens?: number;
  cacheReadInputTokens?: number;
  stopReason?: string | null;
  error?: { code: ErrorCode; detail: string; retryAfterSeconds?: number };
  /** Estimated cost in US dollars of every request behind this answer. */
  costUsd?: number;
  /** What the request behind this answer left out to fit the model's context window. */
  context?: { fromMessageId: string | null; omittedMessages: number; summarized: boolean };
}

export interface MessageDto {
  id: string;
  chatId: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  metadata: MessageMetadata | null;
  createdAt: string;
}

export interface MessagePage {
  /** Oldest first, so a page can be prepended as is. */
  messages: MessageDto[];
  /** Older messages exist before this page. */
  hasMore: boolean;
  /** Newer messages exist after this page (only for `around`; the latest page has none). */
  hasNewer?: boolean;
}

export type BackupKind = 'daily' | 'manual' | 'pre-migration' | 'pre-restore';

export interface BackupDto {
  name: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
  /** null: not a readable database. A number above the app's own means a newer Parley made it. */
  schemaVersion: number | null;
}

export interface RecoveryStatusDto {
  /** True when the data file failed its integrity check at start-up: only recovery works then. */
  damaged: boolean;
  detail: string | null;
  latestBackup: BackupDto | null;
}

export interface ExportResultDto {
  /** null when the person cancelled the save dialog. */
  path: string | null;
  chats: number;
  messages: number;
}

export interface ImportReportDto {
  /** null when the person cancelled the open dialog. */
  path: string | null;
  chatsImported: number;
  messagesImported: number;
  /** Chats already present (same id) are not imported twice. */
  chatsAlreadyPresent: number;
  skipped: { what: 'chat' | 'message' | 'file'; id: string | null; reason: string }[];
  cancelled: boolean;
}

export interface SearchHitDto {
  messageId: string;
  chatId: string;
  chatTitle: string;
  chatArchived: boolean;
  role: MessageRole;
  createdAt: string;
  /** Text around the match; each matched word sits between U+E000 and U+E001 (never HTML). */
  snippet: string;
}

export interface SearchResultDto {
  hits: SearchHitDto[];
  tookMs: number;
}

export interface SettingsDto {
  /** null: use CLAUDE_MODEL or the built-in default. */
  model: string | null;
  maxChats: number;
  language: Language;
  theme: Theme;
  /** Client-side request limits (an admin policy overrides them; see PolicyDto.effectiveRateLimits). */
  requestsPerMinute: number;
  concurrentStreams: number;
  /** Replace turns that no longer fit the context window with a summary the model writes once. */
  summarizeOmitted: boolean;
}

export interface UsageTotals {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  /** Estimated from the price table in src/shared/domain/prices.ts. */
  costUsd: number;
}

export interface UsageSummaryDto {
  days: number;
  since: string;
  totals: UsageTotals;
  /** One entry per day (UTC), zeros included, oldest first. */
  byDay: (UsageTotals & { date: string })[];
  /** Most expensive first. */
  byModel: (UsageTotals & { model: string })[];
}

export interface TokenEstimateDto {
  /** Estimated input tokens of the next request (system + kept history + the draft). */
  inputTokens: number;
  contextWindow: number;
  /** What fits once the answer's room and a margin are set aside. */
  budget: number;
  /** Earlier messages that would be left out. */
  omittedMessages: number;
  model: string;
}

export interface OutboxEntryDto {
  messageId: string;
  chatId: string;
  queuedAt: string;
}

export interface NetworkStatusDto {
  /** null: not known yet (nothing has been tried). */
  online: boolean | null;
  checkedAt: string | null;
}

export interface ModelsDto {
  models: { id: string; label: string; maxInputTokens: number; maxOutputTokens: number }[];
  /** Where the list came from: the API (cached) or the built-in list. */
  source: 'api' | 'built_in';
  fetchedAt: string | null;
  /** What a request uses when the `model` setting is null. */
  defaultModel: string;
  /** What a request uses right now. */
  effectiveModel: string;
}

export interface SecretStatusDto {
  hasKey: boolean;
  last4: string | null;
  /** Where the key in use comes from; null when there is none. */
  source: SecretSource | null;
  /** Where a key saved from Settings goes: the OS keychain, or the encrypted-file fallback. */
  storage: Exclude<SecretSource, 'environment'> | null;
  /** False when that storage does not really protect the key (Linux without a keyring): warn first. */
  storageSecure: boolean;
}

export interface ContextFileDto {
  type: ContextType;
  content: string;
  version: number;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Where a synced primary context came from; null for one written here. */
  provenance: ContextProvenance | null;
  /** True while a sync source manages the primary context: it cannot be edited here then. */
  managed: boolean;
}

export interface ContextProvenance {
  sourceUrl: string;
  etag: string | null;
  keyId: string | null;
  fetchedAt: string;
  /** Signed by the pinned key (false: accepted unsigned because no key is pinned). */
  verified: boolean;
}

export type ContextSyncState = 'disabled' | 'syncing' | 'ok' | 'error';

export interface ContextSyncStatusDto {
  config: { url: string | null; publicKey: string | null; keyId: string | null; intervalMinutes: number };
  /** Set by a managed configuration file an admin deployed: the UI shows it read-only. */
  locked: boolean;
  state: ContextSyncState;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: { code: string; message: string } | null;
  /** Version of the copy in use (the last good one). */
  heldVersion: number | null;
}

/** What the organisation's context document imposes; every field absent when nothing is managed. */
export interface PolicyDto {
  maxChats?: number;
  allowedModels?: string[];
  defaultModel?: string;
  rateLimits?: { requestsPerMinute?: number; concurrentStreams?: number };
  /** Effective request limits (policy, else defaults). */
  effectiveRateLimits: { requestsPerMinute: number; concurrentStreams: number };
  managed: boolean;
}

export interface ContextAdminStatusDto {
  hasSigningKey: boolean;
  publicKey: string | null;
  keyId: string | null;
  publishUrl: string | null;
  hasPublishToken: boolean;
}

export interface ExportedContextDocumentDto {
  fileName: string;
  json: string;
  version: number;
}

export interface PublishResultDto {
  version: number;
  etag: string | null;
}

export interface SendResultDto {
  /** null when the question was queued (offline): it is answered when the network returns. */
  streamId: string | null;
  userMessage: MessageDto;
  assistantMessage: MessageDto | null;
  queued: boolean;
}

/** What regenerate / retry / edit / continue return: the answer that is now streaming. */
export interface StreamStartDto {
  streamId: string;
  /** The answer being written: a new message, or (continue) the same message growing. */
  assistantMessage: MessageDto;
  /** Edit only: the user message with its new text. */
  userMessage?: MessageDto;
  /** Messages deleted from the transcript to make room (the replaced answer; after an edit, everything after it). */
  removedMessageIds: string[];
}

export interface DraftDto {
  chatId: string;
  content: string;
  updatedAt: string | null;
}

/** Pushed when main changes a chat by itself (an automatic title, activity time). */
export type AppEvent =
  | { type: 'chat_updated'; chat: ChatDto }
  | { type: 'context_sync'; status: ContextSyncStatusDto }
  | { type: 'import_progress'; chats: number; messages: number; bytesRead: number; totalBytes: number }
  | { type: 'network'; status: NetworkStatusDto }
  /** A question sent offline was saved to be answered later. */
  | { type: 'queued'; entry: OutboxEntryDto }
  /** A queued question is being answered now that the network is back. */
  | { type: 'outbox_sent'; chatId: string; streamId: string; userMessageId: string; assistantMessage: MessageDto };

export interface StreamEndMetadata {
  model: string;
  inputTokens: number;
  outputTokens: number;
  stopReason: string | null;
  cacheCreationInputTokens?: number;
  cacheReadInputTokens?: number;
  /** As in MessageMetadata: the estimated cost and what the request left out (the saved message has them too). */
  costUsd?: number;
  context?: MessageMetadata['context'];
}

/** The one stream vocabulary, shared by the Electron and harness transports. */
export type StreamEvent =
  | { streamId: string; chatId: string; type: 'message_start'; messageId: string }
  /** `offset` is where `delta` starts in the answer's text, so a page that loaded the text mid-stream can line up. */
  | { streamId: string; chatId: string; type: 'content_delta'; messageId: string; delta: string; offset: number }
  | {
      streamId: string;
      chatId: string;
      type: 'message_end';
      messageId: string;
      status: 'complete' | 'stopped' | 'interrupted';
      metadata: StreamEndMetadata | null;
      /** The final text as saved: the renderer's copy is replaced by it. */
      content: string;
    }
  /** The provider failed and Parley is trying again after `inSeconds` (attempt counts from 1). */
  | { streamId: string; chatId: string; type: 'retrying'; messageId: string; attempt: number; inSeconds: number; code: ErrorCode }
  /** Offline before any text arrived: the answer placeholder is gone and the question waits in the outbox. */
  | { streamId: string; chatId: string; type: 'queued'; messageId: string; userMessageId: string }
  | {
      streamId: string;
      chatId: string;
      type: 'error';
      messageId: string;
      code: ErrorCode;
      detail: string;
      retryable: boolean;
      retryAfterSeconds?: number;
      /** The partial text kept with the error. */
      content: string;
    };
