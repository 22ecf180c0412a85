-- Provenance of a primary context that came from an organisation's sync endpoint, and its policy.
ALTER TABLE context_files ADD COLUMN source_url TEXT;
ALTER TABLE context_files ADD COLUMN etag TEXT;
ALTER TABLE context_files ADD COLUMN key_id TEXT;
ALTER TABLE context_files ADD COLUMN fetched_at TEXT;
ALTER TABLE context_files ADD COLUMN verified INTEGER CHECK (verified IS NULL OR verified IN (0, 1));
ALTER TABLE context_files ADD COLUMN policy TEXT CHECK (policy IS NULL OR json_valid(policy));

-- One row: how the last sync attempts went, so the status survives a restart.
CREATE TABLE context_sync_state (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  last_attempt_at    TEXT,
  last_success_at    TEXT,
  last_error_code    TEXT,
  last_error_message TEXT
) STRICT;
