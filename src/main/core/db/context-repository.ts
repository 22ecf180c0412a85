import type { ContextType } from '../../../shared/domain/dto';
import type { Executor } from './connection';
import type { ContextFilesTable } from './schema';

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
    fields: Pick<ContextFilesTable, 'content' | 'version' | 'updated_by' | 'updated_at'>,
    tx: Executor = this.db,
  ): Promise<void> {
    await tx.updateTable('context_files').set(fields).where('type', '=', type).execute();
  }
}
