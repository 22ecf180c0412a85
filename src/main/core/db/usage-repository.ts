import type { Executor } from './connection';
import type { UsageRecordsTable } from './schema';

export class UsageRepository {
  constructor(private readonly db: Executor) {}

  async insert(row: UsageRecordsTable, tx: Executor = this.db): Promise<void> {
    await tx.insertInto('usage_records').values(row).execute();
  }

  async forChat(chatId: string, tx: Executor = this.db): Promise<UsageRecordsTable[]> {
    return tx.selectFrom('usage_records').selectAll().where('chat_id', '=', chatId).orderBy('created_at').execute();
  }
}
