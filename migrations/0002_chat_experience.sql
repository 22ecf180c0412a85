-- Where a chat's title came from, so an automatic title never overwrites one the person chose.
ALTER TABLE chats ADD COLUMN title_source TEXT NOT NULL DEFAULT 'default'
  CHECK (title_source IN ('default', 'first_message', 'generated', 'user'));

-- Chats created with an explicit title before this migration were named by the person.
UPDATE chats SET title_source = 'user' WHERE title <> 'New Chat';

-- The unsent text of each chat's composer; kept by the main process so it survives a restart.
CREATE TABLE drafts (
  chat_id    TEXT PRIMARY KEY NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  content    TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
