import type { DraftDto } from '../../../shared/domain/dto';
import type { Clock } from '../clock';
import type { DraftRepository } from '../db/draft-repository';
import type { ChatService } from './chat-service';

/** The composer's unsent text per chat, kept by main so a restart or a crash does not lose it. */
export class DraftService {
  constructor(
    private readonly drafts: DraftRepository,
    private readonly chats: ChatService,
    private readonly clock: Clock,
  ) {}

  async get(chatId: string): Promise<DraftDto> {
    await this.chats.require(chatId);
    const row = await this.drafts.find(chatId);
    return { chatId, content: row?.content ?? '', updatedAt: row?.updated_at ?? null };
  }

  async set(chatId: string, content: string): Promise<DraftDto> {
    await this.chats.require(chatId);
    if (content.trim() === '') {
      await this.drafts.delete(chatId);
      return { chatId, content: '', updatedAt: null };
    }
    const updatedAt = this.clock.now();
    await this.drafts.upsert({ chat_id: chatId, content, updated_at: updatedAt });
    return { chatId, content, updatedAt };
  }
}
