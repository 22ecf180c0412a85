-- Per-chat sampling parameters (NULL: the model's default).
ALTER TABLE chats ADD COLUMN temperature REAL CHECK (temperature IS NULL OR (temperature >= 0 AND temperature <= 1));
ALTER TABLE chats ADD COLUMN top_p REAL CHECK (top_p IS NULL OR (top_p > 0 AND top_p <= 1));
ALTER TABLE chats ADD COLUMN max_tokens INTEGER CHECK (max_tokens IS NULL OR max_tokens >= 1);

-- Estimated cost of each request in US dollars, from the price table at the time it was made.
ALTER TABLE usage_records ADD COLUMN cost_usd REAL NOT NULL DEFAULT 0;

-- The models the API offered last time it was asked (the built-in list is used before that).
CREATE TABLE model_cache (
  id               TEXT PRIMARY KEY NOT NULL,
  display_name     TEXT NOT NULL,
  max_input_tokens INTEGER,
  max_tokens       INTEGER,
  created_at       TEXT,
  fetched_at       TEXT NOT NULL
) STRICT;

-- A summary of the oldest turns of a chat, written once by the model when they no longer fit, then reused.
CREATE TABLE chat_summaries (
  chat_id    TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  up_to_seq  INTEGER NOT NULL,
  content    TEXT NOT NULL,
  model      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (chat_id, up_to_seq)
) STRICT;

-- Questions sent while offline: saved, and answered when the network returns (or cancelled).
CREATE TABLE outbox (
  message_id TEXT PRIMARY KEY NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  chat_id    TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  queued_at  TEXT NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX outbox_chat ON outbox (chat_id);
