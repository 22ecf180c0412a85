import { estimateCostUsd } from '../../../shared/domain/prices';
import { newId } from '../clock';
import type { Executor } from './connection';
import type { UsageRecordsTable } from './schema';

/** The usage record of a background request (a title, a summary): no message, no cache, cost estimated. */
export function backgroundUsage(
  chatId: string,
  reply: { model: string; inputTokens: number; outputTokens: number },
  createdAt: string,
): UsageRecordsTable {
  return {
    id: newId(),
    chat_id: chatId,
    message_id: null,
    provider: 'anthropic',
    model: reply.model,
    input_tokens: reply.inputTokens,
    output_tokens: reply.outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cost_usd: estimateCostUsd(reply.model, reply),
    created_at: createdAt,
  };
}

export class UsageRepository {
  constructor(private readonly db: Executor) {}

  async insert(row: UsageRecordsTable, tx: Executor = this.db): Promise<void> {
    await tx.insertInto('usage_records').values(row).execute();
  }

  async forChat(chatId: string, tx: Executor = this.db): Promise<UsageRecordsTable[]> {
    return tx.selectFrom('usage_records').selectAll().where('chat_id', '=', chatId).orderBy('created_at').execute();
  }
}
