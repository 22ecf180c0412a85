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

  /**
   * Newest first walks the index in rowid order and stops at `limit`, so a common word costs no more
   * than a rare one; relevance ranks every match with bm25.
   */
  async search(ftsQuery: string, filters: SearchFilters, order: 'recent' | 'relevance', limit: number): Promise<SearchRow[]> {
    const where = [sql`messages_fts MATCH ${ftsQuery}`];
    if (!filters.includeArchived) where.push(sql`c.is_archived = 0`);
    if (filters.role) where.push(sql`m.role = ${filters.role}`);
    if (filters.from) where.push(sql`m.created_at >= ${filters.from}`);
    if (filters.to) where.push(sql`m.created_at < ${filters.to}`);
    const orderBy = order === 'recent' ? sql`messages_fts.rowid DESC` : sql`bm25(messages_fts), messages_fts.rowid DESC`;
    const result = await sql<SearchRow>`
      SELECT m.id AS message_id, m.chat_id, c.title AS chat_title, c.is_archived AS chat_archived, m.role, m.created_at,
             snippet(messages_fts, 0, ${HIT_START}, ${HIT_END}, '…', 16) AS snippet
      FROM messages_fts
      JOIN messages m ON m.seq = messages_fts.rowid
      JOIN chats c ON c.id = m.chat_id
      WHERE ${sql.join(where, sql` AND `)}
      ORDER BY ${orderBy}
      LIMIT ${limit}
    `.execute(this.db);
    return result.rows;
  }
}
