import { sql } from 'kysely';
import type { UsageSummaryDto } from '../../../shared/domain/dto';
import type { Clock } from '../clock';
import type { Executor } from '../db/connection';

/** Totals and charts for the Usage page, from the usage records every request writes. */
export class UsageService {
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
  ) {}

  async summary(days: 7 | 30 | 90): Promise<UsageSummaryDto> {
    const today = new Date(this.clock.now());
    const since = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1))).toISOString();
    const sums = sql<number>`coalesce(sum(input_tokens), 0)`;
    const base = this.db.selectFrom('usage_records').where('created_at', '>=', since);
    const columns = [
      sql<number>`count(*)`.as('requests'),
      sums.as('inputTokens'),
      sql<number>`coalesce(sum(output_tokens), 0)`.as('outputTokens'),
      sql<number>`coalesce(sum(cache_creation_input_tokens), 0)`.as('cacheCreationInputTokens'),
      sql<number>`coalesce(sum(cache_read_input_tokens), 0)`.as('cacheReadInputTokens'),
      sql<number>`coalesce(sum(cost_usd), 0)`.as('costUsd'),
    ] as const;
    const [totals, byDayRows, byModel] = await Promise.all([
      base.select(columns).executeTakeFirstOrThrow(),
      base.select([sql<string>`substr(created_at, 1, 10)`.as('date'), ...columns]).groupBy(sql`substr(created_at, 1, 10)`).execute(),
      base.select(['model', ...columns]).groupBy('model').orderBy(sql`sum(cost_usd)`, 'desc').execute(),
    ]);
    const byDate = new Map(byDayRows.map((row) => [row.date, row]));
    const byDay = Array.from({ length: days }, (_, i) => {
      const date = new Date(Date.parse(since) + i * 86_400_000).toISOString().slice(0, 10);
      const row = byDate.get(date);
      return {
        date,
        requests: row?.requests ?? 0,
        inputTokens: row?.inputTokens ?? 0,
        outputTokens: row?.outputTokens ?? 0,
        cacheCreationInputTokens: row?.cacheCreationInputTokens ?? 0,
        cacheReadInputTokens: row?.cacheReadInputTokens ?? 0,
        costUsd: round(row?.costUsd ?? 0),
      };
    });
    return { days, since, totals: { ...totals, costUsd: round(totals.costUsd) }, byDay, byModel: byModel.map((row) => ({ ...row, costUsd: round(row.costUsd) })) };
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
