-- Parley's first schema. Timestamps are ISO-8601 UTC text; ids are uuids as text.

CREATE TABLE chats (
  id          TEXT PRIMARY KEY NOT NULL,
  title       TEXT NOT NULL DEFAULT 'New Chat' CHECK (length(title) BETWEEN 1 AND 255),
  provider    TEXT NOT NULL DEFAULT 'anthropic',
  model       TEXT,
  is_archived INTEGER NOT NULL DEFAULT 0 CHECK (is_archived IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX chats_archived_updated ON chats (is_archived, updated_at);

-- seq is the stable order for cursor pagination (and a rowid for a future FTS index):
-- it only grows, unlike created_at, which can tie within a millisecond.
CREATE TABLE messages (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  id           TEXT NOT NULL UNIQUE,
  chat_id      TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  role         TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
  content      TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'complete'
               CHECK (status IN ('complete', 'streaming', 'stopped', 'interrupted', 'error')),
  metadata     TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
  tool_calls   TEXT CHECK (tool_calls IS NULL OR json_valid(tool_calls)),
  tool_call_id TEXT,
  created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX messages_chat_seq ON messages (chat_id, seq);
CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

CREATE TABLE context_files (
  id         TEXT PRIMARY KEY NOT NULL,
  type       TEXT NOT NULL UNIQUE CHECK (type IN ('primary', 'personal')),
  content    TEXT NOT NULL DEFAULT '',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE usage_records (
  id                          TEXT PRIMARY KEY NOT NULL,
  chat_id                     TEXT REFERENCES chats (id) ON DELETE SET NULL,
  message_id                  TEXT,
  provider                    TEXT NOT NULL,
  model                       TEXT NOT NULL,
  input_tokens                INTEGER NOT NULL DEFAULT 0,
  output_tokens               INTEGER NOT NULL DEFAULT 0,
  cache_creation_input_tokens INTEGER NOT NULL DEFAULT 0,
  cache_read_input_tokens     INTEGER NOT NULL DEFAULT 0,
  created_at                  TEXT NOT NULL
) STRICT;

CREATE INDEX usage_records_chat ON usage_records (chat_id);
CREATE INDEX usage_records_created ON usage_records (created_at);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
