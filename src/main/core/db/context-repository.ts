import type { ContextType } from '../../../shared/domain/dto';
import type { Executor } from './connection';
import type { ContextFilesTable, ContextSyncStateTable } from './schema';

export class ContextRepository {
  constructor(private readonly db: Executor) {}

  async find(type: ContextType, tx: Executor = this.db): Promise<ContextFilesTable | undefined> {
    return tx.selectFrom('context_files').selectAll().where('type', '=', type).executeTakeFirst();
  }

  async insert(row: ContextFilesTable, tx: Executor = this.db): Promise<void> {
    await tx.insertInto('context_files').values(row).execute();
  }

  async update(
    type: ContextType,
    fields: Partial<Omit<ContextFilesTable, 'id' | 'type' | 'created_at'>>,
    tx: Executor = this.db,
  ): Promise<void> {
    await tx.updateTable('context_files').set(fields).where('type', '=', type).execute();
  }

  async syncState(tx: Executor = this.db): Promise<ContextSyncStateTable> {
    const row = await tx.selectFrom('context_sync_state').selectAll().where('id', '=', 1).executeTakeFirst();
    return row ?? { id: 1, last_attempt_at: null, last_success_at: null, last_error_code: null, last_error_message: null };
  }

  async saveSyncState(state: Omit<ContextSyncStateTable, 'id'>, tx: Executor = this.db): Promise<void> {
    await tx
      .insertInto('context_sync_state')
      .values({ id: 1, ...state })
      .onConflict((oc) => oc.column('id').doUpdateSet(state))
      .execute();
  }
}
