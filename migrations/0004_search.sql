-- Full-text search over message text. External content (the text lives once, in messages), kept in step
-- by triggers. unicode61 with diacritics removed matches Russian and English alike, without stemming;
-- no trigram index (it would triple the file). Answers still streaming are indexed when they finish,
-- so the index is not rewritten several times a second while text arrives.
CREATE VIRTUAL TABLE messages_fts USING fts5(
  content,
  content = 'messages',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2',
  -- No per-row length table: bm25 works out lengths when ranking (only a few thousand candidates are), and
  -- the file stays smaller.
  columnsize = 0
);

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
  INSERT INTO messages_fts (rowid, content) VALUES (new.seq, new.content);
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
END;

-- One trigger, so the old text is always taken out before the new text goes in.
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) SELECT 'delete', old.seq, old.content WHERE old.status <> 'streaming';
  INSERT INTO messages_fts (rowid, content) SELECT new.seq, new.content WHERE new.status <> 'streaming';
END;

-- Messages written before this migration.
INSERT INTO messages_fts (rowid, content) SELECT seq, content FROM messages WHERE status <> 'streaming';
