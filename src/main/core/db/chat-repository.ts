import type { ChatDto } from '../../../shared/domain/dto';
import type { Executor } from './connection';
import type { ChatsTable } from './schema';

export function toChatDto(row: ChatsTable): ChatDto {
  return {
    id: row.id,
    title: row.title,
    provider: row.provider,
    model: row.model,
    isArchived: row.is_archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    temperature: row.temperature ?? null,
    topP: row.top_p ?? null,
    maxTokens: row.max_tokens ?? null,
  };
}

export class ChatRepository {
  constructor(private readonly db: Executor) {}

  async insert(row: ChatsTable, tx: Executor = this.db): Promise<void> {
    await tx.insertInto('chats').values(row).execute();
  }

  async findById(id: string, tx: Executor = this.db): Promise<ChatsTable | undefined> {
    return tx.selectFrom('chats').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Newest activity first; id breaks ties so the order never flickers. */
  async list(archived: boolean, tx: Executor = this.db): Promise<ChatsTable[]> {
    return tx
      .selectFrom('chats')
      .selectAll()
      .where('is_archived', '=', archived ? 1 : 0)
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  async countActive(tx: Executor = this.db): Promise<number> {
    const row = await tx
      .selectFrom('chats')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_archived', '=', 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(
    id: string,
    patch: Partial<Pick<ChatsTable, 'title' | 'title_source' | 'is_archived' | 'model' | 'updated_at' | 'temperature' | 'top_p' | 'max_tokens'>>,
    tx: Executor = this.db,
  ): Promise<void> {
    await tx.updateTable('chats').set(patch).where('id', '=', id).execute();
  }

  /** Sets an automatic title only while the title is still automatic (`from`); false when the person renamed meanwhile. */
  async setAutomaticTitle(id: string, from: ChatsTable['title_source'], title: string, to: ChatsTable['title_source'], tx: Executor = this.db): Promise<boolean> {
    const result = await tx
      .updateTable('chats')
      .set({ title, title_source: to })
      .where('id', '=', id)
      .where('title_source', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: string, tx: Executor = this.db): Promise<number> {
    const result = await tx.deleteFrom('chats').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
