import type { MessagePage } from '../../../shared/domain/dto';
import { AppError } from '../../../shared/domain/errors';
import type { ChatService } from './chat-service';
import { MessageRepository, toMessageDto } from '../db/message-repository';

export class MessageService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly chats: ChatService,
  ) {}

  /** Cursor pagination by message id: the page before `before`, oldest first. */
  async page(chatId: string, limit: number, before?: string): Promise<MessagePage> {
    await this.chats.require(chatId);
    let beforeSeq: number | undefined;
    if (before !== undefined) {
      const cursor = await this.messages.findById(before);
      if (!cursor || cursor.chat_id !== chatId) throw new AppError('not_found', 'Message not found', { id: before });
      beforeSeq = cursor.seq;
    }
    const rows = await this.messages.page(chatId, limit, beforeSeq);
    const oldest = rows[0];
    const hasMore = oldest ? await this.messages.hasBefore(chatId, oldest.seq) : false;
    return { messages: rows.map(toMessageDto), hasMore };
  }
}
