import type { SearchHitDto, SearchResultDto } from '../../../shared/domain/dto';
import type { SearchFilters, SearchRepository } from '../db/search-repository';
import type { Logger } from '../logger';
import { parseQuery, toFtsQuery } from './search-query';
import { makeSnippet } from './snippet';

/** How many of the newest matches are ranked when ordering by relevance. */
export const RELEVANCE_CANDIDATES = 2_000;

export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly logger: Logger,
  ) {}

  async search(input: { query: string; order: 'recent' | 'relevance'; limit: number } & SearchFilters): Promise<SearchResultDto> {
    const started = performance.now();
    const fts = toFtsQuery(input.query);
    if (!fts) return { hits: [], tookMs: 0 };
    let hits: SearchHitDto[];
    try {
      hits = await this.run(fts, input);
    } catch (error) {
      // Every word is quoted, so this should not happen; if it does, plain words still work.
      this.logger.warn('search query failed, retrying as plain words', { error: String(error) });
      const plain = toFtsQuery(input.query.replace(/["*]/gu, ' '));
      hits = plain ? await this.run(plain, { ...input, query: input.query.replace(/["*]/gu, ' ') }) : [];
    }
    return { hits, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  private async run(fts: string, input: { query: string; order: 'recent' | 'relevance'; limit: number } & SearchFilters): Promise<SearchHitDto[]> {
    if (input.order === 'recent') {
      return (await this.repo.recent(fts, input, input.limit)).map((row) => hit(row, row.snippet));
    }
    const terms = parseQuery(input.query);
    return (await this.repo.relevant(fts, input, input.limit, RELEVANCE_CANDIDATES)).map((row) => hit(row, makeSnippet(row.content, terms)));
  }
}

function hit(row: { message_id: string; chat_id: string; chat_title: string; chat_archived: number; role: SearchHitDto['role']; created_at: string }, snippet: string): SearchHitDto {
  return {
    messageId: row.message_id,
    chatId: row.chat_id,
    chatTitle: row.chat_title,
    chatArchived: row.chat_archived === 1,
    role: row.role,
    createdAt: row.created_at,
    snippet,
  };
}
