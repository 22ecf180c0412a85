import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chatMessage } from './markdown-corpus';
import { createRng } from './prng';

/** The harness's database file (src/main/core/app.ts DB_FILE_NAME). */
export const DB_FILE_NAME = 'parley.sqlite';

export interface SeededChat {
  id: string;
  title: string;
  messageCount: number;
  /** The newest message: opening a chat shows the end of it, so this is on the first screen. */
  lastMessageId: string;
  totalCharacters: number;
}

/**
 * Writes chats straight into a database the harness already created and migrated (so the schema is the
 * real one), in one transaction: 10,000 messages through the app's API would take minutes and measure
 * the API, not the renderer. The harness must be stopped while this runs.
 */
export function seedChats(dataDir: string, chats: readonly { title: string; messages: number }[], seed = 7): SeededChat[] {
  const db = new Database(join(dataDir, DB_FILE_NAME));
  try {
    db.pragma('foreign_keys = ON');
    const rng = createRng(seed);
    const insertChat = db.prepare(
      `INSERT INTO chats (id, title, provider, model, is_archived, created_at, updated_at, title_source)
       VALUES (?, ?, 'anthropic', NULL, 0, ?, ?, 'user')`,
    );
    const insertMessage = db.prepare(
      `INSERT INTO messages (id, chat_id, role, content, status, metadata, created_at) VALUES (?, ?, ?, ?, 'complete', ?, ?)`,
    );
    const seeded: SeededChat[] = [];
    const start = Date.UTC(2025, 0, 1);
    db.transaction(() => {
      chats.forEach((spec, chatIndex) => {
        const id = randomUUID();
        const created = start + chatIndex * 1000;
        const lastAt = created + spec.messages * 30_000;
        // The chat row first (messages reference it); updated_at is its last message's time, as the app keeps it.
        insertChat.run(id, spec.title, new Date(created).toISOString(), new Date(lastAt).toISOString());
        let lastMessageId = '';
        let totalCharacters = 0;
        for (let i = 0; i < spec.messages; i++) {
          const role = i % 2 === 0 ? 'user' : 'assistant';
          const content = chatMessage(rng, role);
          const metadata =
            role === 'assistant'
              ? JSON.stringify({ model: 'claude-sonnet-5-5', inputTokens: 1200, outputTokens: Math.ceil(content.length / 4), stopReason: 'end_turn' })
              : null;
          lastMessageId = randomUUID();
          insertMessage.run(lastMessageId, id, role, content, metadata, new Date(created + (i + 1) * 30_000).toISOString());
          totalCharacters += content.length;
        }
        seeded.push({ id, title: spec.title, messageCount: spec.messages, lastMessageId, totalCharacters });
      });
    })();
    return seeded;
  } finally {
    db.close();
  }
}
