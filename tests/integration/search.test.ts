import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_MIGRATIONS } from '../../src/main/core/db/bundled-migrations';
import { openSqlite } from '../../src/main/core/db/connection';
import { migrate } from '../../src/main/core/db/migrations';
import { seedMessages } from './seed';
import { startTestCore, tempDir, type TestCore } from './core-harness';
import { join } from 'node:path';

let t: TestCore;
afterEach(async () => t?.close());

const search = (query: string, extra: Record<string, unknown> = {}) => t.call('search:messages', { query, ...extra } as never);
const texts = async (query: string, extra: Record<string, unknown> = {}) =>
  (await search(query, extra)).hits.map((h) => h.snippet.replace(/[\uE000\uE001]/gu, ''));

async function seeded() {
  t = await startTestCore();
  const trip = await t.call('chats:create', { title: 'Trip to Lisbon' });
  const food = await t.call('chats:create', { title: 'Борщ' });
  const ids = seedMessages(t.core.dbPath, trip.id, [
    { role: 'user', content: 'Help me pack for Lisbon in March', createdAt: '2026-03-01T10:00:00.000Z' },
    { role: 'assistant', content: 'Bring a light jacket and comfortable shoes for the steep hills.', createdAt: '2026-03-01T10:00:05.000Z' },
    { role: 'user', content: 'What about the café near Alfama? Is it "open" late?', createdAt: '2026-03-02T09:00:00.000Z' },
    { role: 'assistant', content: 'C++ and e-mail and NEAR(x) are just words; so is a*b - c.', createdAt: '2026-03-03T09:00:00.000Z' },
  ]);
  const foodIds = seedMessages(t.core.dbPath, food.id, [
    { role: 'user', content: 'Как приготовить борщ со свёклой?', createdAt: '2026-04-01T10:00:00.000Z' },
    { role: 'assistant', content: 'Для борща нужна свёкла, капуста и картофель. Jacket potatoes are different.', createdAt: '2026-04-01T10:00:05.000Z' },
  ]);
  return { trip, food, ids, foodIds };
}

describe('search', () => {
  it('finds words, phrases and prefixes, newest first, with the chat title and marked snippets', async () => {
    const { trip } = await seeded();
    const result = await search('jacket');
    expect(result.hits.map((h) => h.chatTitle)).toEqual(['Борщ', 'Trip to Lisbon']);
    expect(result.hits[1]).toMatchObject({ chatId: trip.id, role: 'assistant', createdAt: '2026-03-01T10:00:05.000Z' });
    expect(result.hits[1]!.snippet).toContain('\uE000jacket\uE001');
    expect(await texts('"light jacket"')).toHaveLength(1);
    expect(await texts('"jacket light"')).toHaveLength(0);
    expect(await texts('comfort*')).toHaveLength(1);
    expect(await texts('Lisb*')).toHaveLength(1);
  });

  it('matches Russian word forms only as typed or by prefix (no stemming), ignoring case and Latin diacritics', async () => {
    await seeded();
    expect(await texts('БОРЩ')).toHaveLength(1);
    expect(await texts('борща')).toHaveLength(1);
    expect(await texts('борщ*')).toHaveLength(2);
    expect(await texts('свёкл*')).toHaveLength(2);
    expect(await texts('cafe')).toHaveLength(1);
    expect(await texts('CAFÉ')).toHaveLength(1);
  });

  it.each(['"', '"open', 'open"', '*', '-', 'NEAR', 'NEAR(x)', 'AND', 'a*b - c', 'C++', 'e-mail', '(((', 'col:umn', "'; DROP TABLE messages; --"])(
    'never fails on %j',
    async (query) => {
      await seeded();
      await expect(search(query)).resolves.toHaveProperty('hits');
    },
  );

  it('treats operators as words', async () => {
    await seeded();
    expect(await texts('NEAR')).toHaveLength(2); // "near Alfama" and "NEAR(x)"
    expect(await texts('e-mail')).toHaveLength(1);
    expect(await search('"open')).toMatchObject({ hits: [expect.objectContaining({ role: 'user' })] });
  });

  it('orders by relevance on request and filters by role, dates and archive', async () => {
    const { food } = await seeded();
    expect((await search('jacket', { order: 'relevance' })).hits).toHaveLength(2);
    expect(await texts('jacket', { role: 'user' })).toHaveLength(0);
    expect(await texts('jacket', { from: '2026-04-01T00:00:00.000Z' })).toHaveLength(1);
    expect(await texts('jacket', { to: '2026-04-01T00:00:00.000Z' })).toHaveLength(1);
    await t.call('chats:update', { id: food.id, isArchived: true });
    expect(await texts('jacket')).toHaveLength(1);
    expect((await search('jacket', { includeArchived: true })).hits.map((h) => h.chatArchived)).toEqual([true, false]);
  });

  it('keeps the index in step through edits, deletes and chat deletion', async () => {
    const { trip, food, ids } = await seeded();
    const db = new Database(t.core.dbPath);
    db.prepare('update messages set content = ? where id = ?').run('Pack a raincoat instead', ids[1]);
    db.close();
    expect(await texts('jacket')).toHaveLength(1);
    expect(await texts('raincoat')).toHaveLength(1);
    await t.call('chats:delete', { id: food.id });
    expect(await texts('jacket')).toHaveLength(0);
    expect(await texts('борщ')).toHaveLength(0);
    await t.call('chats:delete', { id: trip.id });
    expect(await texts('raincoat')).toHaveLength(0);
    const check = new Database(t.core.dbPath);
    expect(() => check.prepare("insert into messages_fts(messages_fts, rank) values ('integrity-check', 1)").run()).not.toThrow();
    check.close();
  });

  it('indexes a streamed answer when it finishes, not while it streams', async () => {
    const { trip } = await seeded();
    const [id] = seedMessages(t.core.dbPath, trip.id, [{ role: 'assistant', content: 'partial zebra', status: 'streaming' }]);
    expect(await texts('zebra')).toHaveLength(0);
    const db = new Database(t.core.dbPath);
    db.prepare("update messages set content = 'partial zebra crossing', status = 'complete' where id = ?").run(id);
    db.close();
    expect(await texts('crossing')).toHaveLength(1);
    const integrity = new Database(t.core.dbPath);
    expect(() => integrity.prepare("insert into messages_fts(messages_fts, rank) values ('integrity-check', 1)").run()).not.toThrow();
    integrity.close();
  });

  it('opens a hit: a window around the message with room before and after', async () => {
    t = await startTestCore();
    const chat = await t.call('chats:create', {});
    const ids = seedMessages(t.core.dbPath, chat.id, Array.from({ length: 300 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `message ${i}` }) as const));
    const page = await t.call('messages:list', { chatId: chat.id, around: ids[100], limit: 50 });
    expect(page.messages.map((m) => m.content)).toEqual(Array.from({ length: 50 }, (_, i) => `message ${76 + i}`));
    expect(page).toMatchObject({ hasMore: true, hasNewer: true });
    const next = await t.call('messages:list', { chatId: chat.id, after: page.messages.at(-1)!.id, limit: 200 });
    expect(next.messages[0]!.content).toBe('message 126');
    expect(next.messages).toHaveLength(174);
    expect(next.hasNewer).toBe(false);
    expect((await t.fail('messages:list', { chatId: chat.id, around: ids[1], before: ids[2] })).code).toBe('invalid_input');
  });
});

describe('migration 0004', () => {
  it('builds the index for messages that existed before it', () => {
    const dir = tempDir();
    const db = openSqlite(join(dir, 'p.sqlite'));
    migrate(db, BUNDLED_MIGRATIONS.slice(0, 3));
    const now = new Date().toISOString();
    db.prepare("insert into chats (id, title, created_at, updated_at) values ('c', 'x', ?, ?)").run(now, now);
    db.prepare("insert into messages (id, chat_id, role, content, status, created_at) values ('m1', 'c', 'user', 'older words here', 'complete', ?)").run(now);
    db.prepare("insert into messages (id, chat_id, role, content, status, created_at) values ('m2', 'c', 'assistant', 'half streamed words', 'streaming', ?)").run(now);
    migrate(db, BUNDLED_MIGRATIONS.slice(0, 4));
    expect(db.prepare("select rowid from messages_fts where messages_fts match 'words'").all()).toEqual([{ rowid: 1 }]);
    db.close();
  });
});
