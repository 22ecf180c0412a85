import type { Generated } from 'kysely';

/** Kysely's view of the tables in migrations/; keep in step with every migration. */
export interface ChatsTable {
  id: string;
  title: string;
  provider: string;
  model: string | null;
  is_archived: number;
  created_at: string;
  updated_at: string;
  /** 0002: default → first_message → generated; 'user' once the person renames. */
  title_source: TitleSource;
  /** 0005: per-chat sampling; null means the model's default. */
  temperature?: number | null;
  top_p?: number | null;
  max_tokens?: number | null;
}

export type TitleSource = 'default' | 'first_message' | 'generated' | 'user';

export interface DraftsTable {
  chat_id: string;
  content: string;
  updated_at: string;
}

export interface MessagesTable {
  seq: Generated<number>;
  id: string;
  chat_id: string;
  role: 'user' | 'assistant' | 'system' | 'tool';
  content: string;
  status: 'complete' | 'streaming' | 'stopped' | 'interrupted' | 'error';
  metadata: string | null;
  tool_calls: string | null;
  tool_call_id: string | null;
  created_at: string;
}

export interface ContextFilesTable {
  id: string;
  type: 'primary' | 'personal';
  content: string;
  version: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  /** 0003: set when the primary context came from a sync endpoint. */
  source_url?: string | null;
  etag?: string | null;
  key_id?: string | null;
  fetched_at?: string | null;
  verified?: number | null;
  policy?: string | null;
}

export interface ContextSyncStateTable {
  id: number;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
}

export interface UsageRecordsTable {
  id: string;
  chat_id: string | null;
  message_id: string | null;
  provider: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  created_at: string;
  /** 0005 */
  cost_usd?: number;
}

export interface ModelCacheTable {
  id: string;
  display_name: string;
  max_input_tokens: number | null;
  max_tokens: number | null;
  created_at: string | null;
  fetched_at: string;
}

export interface ChatSummariesTable {
  chat_id: string;
  up_to_seq: number;
  content: string;
  model: string;
  created_at: string;
}

export interface OutboxTable {
  message_id: string;
  chat_id: string;
  queued_at: string;
  attempts: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface DB {
  chats: ChatsTable;
  messages: MessagesTable;
  context_files: ContextFilesTable;
  usage_records: UsageRecordsTable;
  settings: SettingsTable;
  drafts: DraftsTable;
  context_sync_state: ContextSyncStateTable;
  model_cache: ModelCacheTable;
  chat_summaries: ChatSummariesTable;
  outbox: OutboxTable;
}
