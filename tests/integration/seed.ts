import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

export interface SeedMessage {
  role: 'user' | 'assistant';
  content: string;
  status?: 'complete' | 'streaming' | 'stopped' | 'interrupted' | 'error';
  createdAt?: string;
}

/** Writes messages straight into the file (triggers included), as if they had been chatted over time. */
export function seedMessages(dbPath: string, chatId: string, messages: SeedMessage[]): string[] {
  const db = new Database(dbPath);
  const insert = db.prepare('insert into messages (id, chat_id, role, content, status, created_at) values (?, ?, ?, ?, ?, ?)');
  const ids: string[] = [];
  db.transaction(() => {
    for (const message of messages) {
      const id = randomUUID();
      insert.run(id, chatId, message.role, message.content, message.status ?? 'complete', message.createdAt ?? new Date().toISOString());
      ids.push(id);
    }
  })();
  db.close();
  return ids;
}
