import Database from 'better-sqlite3';
import { newId as randomUUID } from '../../src/main/core/clock';
import { join } from 'node:path';
import type { Core } from '../../src/main/core/core-types';
import { chatText, prng } from './text';

/** A chat of `messages` realistic messages written straight into the database (triggers and index included). */
export async function seedChat(core: Core, dataDir: string, messages: number, seed: number): Promise<string> {
  const created = await core.handle('chats:create', { title: `Bench chat of ${messages}` });
  if (!created.ok) throw new Error(created.error.message);
  const chatId = (created.value as { id: string }).id;
  const random = prng(seed);
  const db = new Database(join(dataDir, 'parley.sqlite'));
  const insert = db.prepare('insert into messages (id, chat_id, role, content, status, created_at) values (?, ?, ?, ?, ?, ?)');
  const start = Date.parse('2025-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < messages; i++) {
      insert.run(randomUUID(), chatId, i % 2 ? 'assistant' : 'user', chatText(random, 300 + Math.floor(random() * 800)), 'complete', new Date(start + i * 60_000).toISOString());
    }
  })();
  db.close();
  return chatId;
}
