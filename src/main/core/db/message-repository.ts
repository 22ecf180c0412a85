import type { MessageDto, MessageMetadata } from '../../../shared/domain/dto';
import type { Executor } from './connection';
import type { MessagesTable } from './schema';

export type MessageRow = Omit<MessagesTable, 'seq'> & { seq: number };
export type NewMessageRow = Omit<MessagesTable, 'seq'>;

export function toMessageDto(row: MessageRow): MessageDto {
  return {
    id: row.id,
    chatId: row.chat_id,
    role: row.role,
    content: row.content,
    status: row.status,
    metadata: row.metadata ? (JSON.parse(row.metadata) as MessageMetadata) : null,
    createdAt: row.created_at,
  };
}

export class MessageRepository {
  constructor(private readonly db: Executor) {}

  async insert(row: NewMessageRow, tx: Executor = this.db): Promise<void> {
    await tx.insertInto('messages').values(row).execute();
  }

  async findById(id: string, tx: Executor = this.db): Promise<MessageRow | undefined> {
    return tx.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The `limit` messages before `beforeSeq` (or the newest), returned oldest first. */
  async page(chatId: string, limit: number, beforeSeq?: number, tx: Executor = this.db): Promise<MessageRow[]> {
    let query = tx.selectFrom('messages').selectAll().where('chat_id', '=', chatId);
    if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
    const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
    return rows.reverse();
  }

  /** The `limit` messages after `afterSeq`, oldest first. */
  async pageAfter(chatId: string, limit: number, afterSeq: number, tx: Executor = this.db): Promise<MessageRow[]> {
    return tx.selectFrom('messages').selectAll().where('chat_id', '=', chatId).where('seq', '>', afterSeq).orderBy('seq', 'asc').limit(limit).execute();
  }

  async hasAfter(chatId: string, seq: number, tx: Executor = this.db): Promise<boolean> {
    const row = await tx.selectFrom('messages').select('seq').where('chat_id', '=', chatId).where('seq', '>', seq).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async hasBefore(chatId: string, seq: number, tx: Executor = this.db): Promise<boolean> {
    const row = await tx
      .selectFrom('messages')
      .select('seq')
      .where('chat_id', '=', chatId)
      .where('seq', '<', seq)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The whole conversation in order, for building a request. */
  async listForChat(chatId: string, tx: Executor = this.db): Promise<MessageRow[]> {
    return tx.selectFrom('messages').selectAll().where('chat_id', '=', chatId).orderBy('seq', 'asc').execute();
  }

  async last(chatId: string, tx: Executor = this.db): Promise<MessageRow | undefined> {
    return tx.selectFrom('messages').selectAll().where('chat_id', '=', chatId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  }

  /** Ids of every message after `seq` in the chat, oldest first. */
  async idsAfter(chatId: string, seq: number, tx: Executor = this.db): Promise<string[]> {
    const rows = await tx.selectFrom('messages').select('id').where('chat_id', '=', chatId).where('seq', '>', seq).orderBy('seq').execute();
    return rows.map((row) => row.id);
  }

  async deleteIds(ids: readonly string[], tx: Executor = this.db): Promise<void> {
    if (ids.length === 0) return;
    await tx.deleteFrom('messages').where('id', 'in', ids).execute();
  }

  async setStatus(id: string, status: MessagesTable['status'], tx: Executor = this.db): Promise<void> {
    await tx.updateTable('messages').set({ status }).where('id', '=', id).execute();
  }

  async setContent(id: string, content: string, tx: Executor = this.db): Promise<void> {
    await tx.updateTable('messages').set({ content }).where('id', '=', id).execute();
  }

  async finish(
    id: string,
    fields: { content: string; status: MessagesTable['status']; metadata: MessageMetadata | null },
    tx: Executor = this.db,
  ): Promise<void> {
    await tx
      .updateTable('messages')
      .set({
        content: fields.content,
        status: fields.status,
        metadata: fields.metadata ? JSON.stringify(fields.metadata) : null,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Answers left `streaming` by a crash or a kill: their text is kept, their state made honest. */
  async interruptLeftoverStreams(tx: Executor = this.db): Promise<number> {
    const result = await tx
      .updateTable('messages')
      .set({ status: 'interrupted' })
      .where('status', '=', 'streaming')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
