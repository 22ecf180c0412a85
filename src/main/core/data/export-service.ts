import { AppError } from '../../../shared/domain/errors';
import type { ChatRepository } from '../db/chat-repository';
import type { Executor } from '../db/connection';
import type { MessageRepository } from '../db/message-repository';
import type { Clock } from '../clock';
import { ARCHIVE_FORMAT, CHAT_FORMAT, FORMAT_VERSION, exportChatRow, exportMessageRow, type ExportedChat, type ExportedMessage } from './archive-format';
import { writeAtomically } from './atomic-file';

const BATCH = 1000;

/** Chats out of Parley in open formats: Markdown to read, JSON to keep or bring back (lossless). */
export class ExportService {
  constructor(
    private readonly deps: { db: Executor; chats: ChatRepository; messages: MessageRepository; clock: Clock },
  ) {}

  async exportChat(chatId: string, format: 'markdown' | 'json', path: string): Promise<{ chats: number; messages: number }> {
    const row = await this.deps.chats.findById(chatId);
    if (!row) throw new AppError('not_found', 'Chat not found', { id: chatId });
    const chat = exportChatRow(row);
    let count = 0;
    await writeAtomically(path, async (out) => {
      if (format === 'markdown') {
        await out.write(`# ${chat.title}\n\n_Exported from Parley on ${this.deps.clock.now()}_\n`);
        for await (const message of this.messagesOf(chatId)) {
          await out.write(markdownOf(message));
          count++;
        }
        return;
      }
      await out.write(`{"format":${JSON.stringify(CHAT_FORMAT)},"version":${FORMAT_VERSION},"exportedAt":${JSON.stringify(this.deps.clock.now())},\n"chat":${JSON.stringify(chat)},\n"messages":[`);
      for await (const message of this.messagesOf(chatId)) {
        await out.write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(message)}`);
        count++;
      }
      await out.write('\n]}\n');
    });
    return { chats: 1, messages: count };
  }

  /** Every chat, archived ones included, streamed to disk a batch at a time. */
  async exportAll(path: string): Promise<{ chats: number; messages: number }> {
    const rows = [...(await this.deps.chats.list(false)), ...(await this.deps.chats.list(true))].sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
    let messages = 0;
    await writeAtomically(path, async (out) => {
      await out.write(`{"format":${JSON.stringify(ARCHIVE_FORMAT)},"version":${FORMAT_VERSION},"exportedAt":${JSON.stringify(this.deps.clock.now())},"chats":[`);
      for (const [index, row] of rows.entries()) {
        await out.write(`${index === 0 ? '\n' : ',\n'}{"chat":${JSON.stringify(exportChatRow(row))},"messages":[`);
        let first = true;
        for await (const message of this.messagesOf(row.id)) {
          await out.write(`${first ? '' : ','}\n${JSON.stringify(message)}`);
          first = false;
          messages++;
        }
        await out.write(']}');
      }
      await out.write('\n]}\n');
    });
    return { chats: rows.length, messages };
  }

  private async *messagesOf(chatId: string): AsyncGenerator<ExportedMessage> {
    let after = 0;
    for (;;) {
      const batch = await this.deps.messages.pageAfter(chatId, BATCH, after);
      for (const row of batch) yield exportMessageRow(row);
      if (batch.length < BATCH) return;
      after = batch[batch.length - 1]!.seq;
    }
  }
}

export function markdownOf(message: ExportedMessage): string {
  const who = message.role === 'user' ? 'You' : message.role === 'assistant' ? `Claude${message.metadata?.model ? ` (${message.metadata.model})` : ''}` : message.role;
  const state = message.status === 'complete' ? '' : ` — ${message.status}`;
  return `\n## ${who} · ${message.createdAt}${state}\n\n${message.content}\n`;
}

export function suggestedFileName(chat: Pick<ExportedChat, 'title'>, extension: string): string {
  // Characters file systems refuse, and control characters (code points below 32).
  const safe = [...chat.title].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('').replace(/\s+/gu, ' ').trim().slice(0, 80) || 'chat';
  return `${safe}.${extension}`;
}
