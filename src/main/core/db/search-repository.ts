import { sql } from 'kysely';
import type { Executor } from './connection';

export interface SearchFilters {
  includeArchived: boolean;
  role?: 'user' | 'assistant' | undefined;
  /** ISO-8601; inclusive lower and exclusive upper bounds on the message time. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface SearchRow {
  message_id: string;
  chat_id: string;
  chat_title: string;
  chat_archived: number;
  role: 'user' | 'assistant' | 'system' | 'tool';
  created_at: string;
  snippet: string;
}

/** Marks around each matched word in a snippet: private-use characters, so no HTML is ever involved. */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

export class SearchRepository {
  constructor(private readonly db: Executor) {}

  /** Newest first: walks the index in rowid order and stops at `limit`, so a common word costs no more than a rare one. */
  async recent(ftsQuery: string, filters: SearchFilters, limit: number): Promise<SearchRow[]> {
    const result = await sql<SearchRow>`
      SELECT m.id AS message_id, m.chat_id, c.title AS chat_title, c.is_archived AS chat_archived, m.role, m.created_at,
             snippet(messages_fts, 0, ${HIT_START}, ${HIT_END}, '…', 16) AS snippet
      FROM messages_fts
      JOIN messages m ON m.seq = messages_fts.rowid
      JOIN chats c ON c.id = m.chat_id
      WHERE ${where(ftsQuery, filters)}
      ORDER BY messages_fts.rowid DESC
      LIMIT ${limit}
    `.execute(this.db);
    return result.rows;
  }

  /**
   * Most relevant (bm25) among the newest `candidates` matches: ranking every match of a common word in a
   * million messages would take seconds, while the newest few thousand are found in milliseconds.
   * Returns the rows with their text; the caller makes the snippets.
   */
  async relevant(ftsQuery: string, filters: SearchFilters, limit: number, candidates: number): Promise<(Omit<SearchRow, 'snippet'> & { content: string })[]> {
    const result = await sql<Omit<SearchRow, 'snippet'> & { content: string }>`
      WITH ranked AS (
        SELECT messages_fts.rowid AS seq, messages_fts.rank AS rank
        FROM messages_fts
        JOIN messages m ON m.seq = messages_fts.rowid
        JOIN chats c ON c.id = m.chat_id
        WHERE ${where(ftsQuery, filters)}
        ORDER BY messages_fts.rowid DESC
        LIMIT ${candidates}
      )
      SELECT m.id AS message_id, m.chat_id, c.title AS chat_title, c.is_archived AS chat_archived, m.role, m.created_at, m.content
      FROM ranked
      JOIN messages m ON m.seq = ranked.seq
      JOIN chats c ON c.id = m.chat_id
      ORDER BY ranked.rank, ranked.seq DESC
      LIMIT ${limit}
    `.execute(this.db);
    return result.rows;
  }
}

function where(ftsQuery: string, filters: SearchFilters) {
  const parts = [sql`messages_fts MATCH ${ftsQuery}`];
  if (!filters.includeArchived) parts.push(sql`c.is_archived = 0`);
  if (filters.role) parts.push(sql`m.role = ${filters.role}`);
  if (filters.from) parts.push(sql`m.created_at >= ${filters.from}`);
  if (filters.to) parts.push(sql`m.created_at < ${filters.to}`);
  return sql.join(parts, sql` AND `);
}
