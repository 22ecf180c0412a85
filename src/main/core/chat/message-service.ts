import type { MessagePage } from '../../../shared/domain/dto';
import { AppError } from '../../../shared/domain/errors';
import type { ChatService } from './chat-service';
import { MessageRepository, toMessageDto, type MessageRow } from '../db/message-repository';

export class MessageService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly chats: ChatService,
  ) {}

  /**
   * Cursor pagination by message id, oldest first within a page: the latest page, the page `before` a
   * message, the page `after` one, or a window `around` one (a search hit) with room on both sides.
   */
  async page(chatId: string, limit: number, cursor: { before?: string | undefined; after?: string | undefined; around?: string | undefined } = {}): Promise<MessagePage> {
    await this.chats.require(chatId);
    let rows: MessageRow[];
    if (cursor.around) {
      const target = await this.cursor(chatId, cursor.around);
      const older = await this.messages.page(chatId, Math.ceil(limit / 2), target.seq + 1);
      const newer = await this.messages.pageAfter(chatId, limit - older.length, target.seq);
      rows = [...older, ...newer];
    } else if (cursor.after) {
      rows = await this.messages.pageAfter(chatId, limit, (await this.cursor(chatId, cursor.after)).seq);
    } else {
      rows = await this.messages.page(chatId, limit, cursor.before ? (await this.cursor(chatId, cursor.before)).seq : undefined);
    }
    const oldest = rows[0];
    const newest = rows[rows.length - 1];
    const hasMore = oldest ? await this.messages.hasBefore(chatId, oldest.seq) : false;
    const page: MessagePage = { messages: rows.map(toMessageDto), hasMore };
    if (cursor.around || cursor.after) page.hasNewer = newest ? await this.messages.hasAfter(chatId, newest.seq) : false;
    return page;
  }

  private async cursor(chatId: string, id: string): Promise<MessageRow> {
    const row = await this.messages.findById(id);
    if (!row || row.chat_id !== chatId) throw new AppError('not_found', 'Message not found', { id });
    return row;
  }
}
