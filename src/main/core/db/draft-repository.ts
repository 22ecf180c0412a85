import type { Executor } from './connection';
import type { DraftsTable } from './schema';

export class DraftRepository {
  constructor(private readonly db: Executor) {}

  async find(chatId: string, tx: Executor = this.db): Promise<DraftsTable | undefined> {
    return tx.selectFrom('drafts').selectAll().where('chat_id', '=', chatId).executeTakeFirst();
  }

  async upsert(row: DraftsTable, tx: Executor = this.db): Promise<void> {
    await tx
      .insertInto('drafts')
      .values(row)
      .onConflict((oc) => oc.column('chat_id').doUpdateSet({ content: row.content, updated_at: row.updated_at }))
      .execute();
  }

  async delete(chatId: string, tx: Executor = this.db): Promise<void> {
    await tx.deleteFrom('drafts').where('chat_id', '=', chatId).execute();
  }
}
