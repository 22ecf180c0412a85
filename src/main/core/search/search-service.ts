import type { SearchResultDto } from '../../../shared/domain/dto';
import type { Logger } from '../logger';
import type { SearchFilters, SearchRepository } from '../db/search-repository';
import { toFtsQuery } from './search-query';

export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly logger: Logger,
  ) {}

  async search(input: { query: string; order: 'recent' | 'relevance'; limit: number } & SearchFilters): Promise<SearchResultDto> {
    const started = performance.now();
    const fts = toFtsQuery(input.query);
    if (!fts) return { hits: [], tookMs: 0 };
    let rows;
    try {
      rows = await this.repo.search(fts, input, input.order, input.limit);
    } catch (error) {
      // toFtsQuery quotes every word, so this should not happen; if it does, plain words still work.
      this.logger.warn('search query failed, retrying as plain words', { error: String(error) });
      const plain = toFtsQuery(input.query.replace(/["*]/gu, ' '));
      rows = plain ? await this.repo.search(plain, input, input.order, input.limit) : [];
    }
    return {
      hits: rows.map((row) => ({
        messageId: row.message_id,
        chatId: row.chat_id,
        chatTitle: row.chat_title,
        chatArchived: row.chat_archived === 1,
        role: row.role,
        createdAt: row.created_at,
        snippet: row.snippet,
      })),
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}
