import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from './core-harness';
import { seedMessages } from './seed';

let t: TestCore;
afterEach(async () => t?.close());

/** A clock that moves one second per call, so ordering by updated_at is deterministic. */
function steppingClock(start = Date.parse('2026-01-01T00:00:00Z')) {
  let now = start;
  return { now: () => new Date((now += 1000)).toISOString() };
}

describe('chats', () => {
  it('creates a chat with the default title, provider and ISO timestamps', async () => {
    t = await startTestCore();
    const chat = await t.call('chats:create', {});
    expect(chat).toMatchObject({ title: 'New Chat', provider: 'anthropic', model: null, isArchived: false });
    expect(chat.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(chat.createdAt).toISOString()).toBe(chat.createdAt);
    expect(await t.call('chats:get', { id: chat.id })).toEqual(chat);
  });

  it('lists newest activity first and filters archived chats', async () => {
    t = await startTestCore({ clock: steppingClock() });
    const a = await t.call('chats:create', { title: 'A' });
    const b = await t.call('chats:create', { title: 'B' });
    const c = await t.call('chats:create', { title: 'C' });
    expect((await t.call('chats:list', {})).map((x) => x.title)).toEqual(['C', 'B', 'A']);
    await t.call('chats:update', { id: b.id, isArchived: true });
    expect((await t.call('chats:list', {})).map((x) => x.id)).toEqual([c.id, a.id]);
    expect((await t.call('chats:list', { archived: true })).map((x) => x.id)).toEqual([b.id]);
    const back = await t.call('chats:update', { id: b.id, isArchived: false });
    expect(back.isArchived).toBe(false);
  });

  it('moves a chat to the top when a message is sent in it', async () => {
    t = await startTestCore({ clock: steppingClock(), env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } });
    const a = await t.call('chats:create', { title: 'A' });
    await t.call('chats:create', { title: 'B' });
    const before = (await t.call('chats:get', { id: a.id })).updatedAt;
    await t.call('chat:send', { chatId: a.id, content: 'hello' });
    // Nothing listens on port 9: the question is saved and queued for when the network returns.
    await t.waitFor((e) => e.type === 'queued');
    const list = await t.call('chats:list', {});
    expect(list[0]!.id).toBe(a.id);
    expect(list[0]!.updatedAt > before).toBe(true);
  });

  it('renames, trimming the title and refusing an empty or over-long one', async () => {
    t = await startTestCore();
    const chat = await t.call('chats:create', {});
    expect((await t.call('chats:update', { id: chat.id, title: '  Trip plans  ' })).title).toBe('Trip plans');
    expect((await t.fail('chats:update', { id: chat.id, title: '   ' })).code).toBe('invalid_input');
    expect((await t.fail('chats:update', { id: chat.id, title: 'x'.repeat(256) })).code).toBe('invalid_input');
    expect((await t.call('chats:update', { id: chat.id, title: 'я'.repeat(255) })).title).toHaveLength(255);
    expect((await t.call('chats:get', { id: chat.id })).title).toBe('я'.repeat(255));
  });

  it('deletes a chat and its messages, and says not_found for unknown ids', async () => {
    t = await startTestCore({ env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } });
    const chat = await t.call('chats:create', {});
    await t.call('chat:send', { chatId: chat.id, content: 'hello' });
    await t.waitFor((e) => e.type === 'queued');
    expect((await t.call('messages:list', { chatId: chat.id })).messages).toHaveLength(1);
    expect(await t.call('outbox:list', {})).toHaveLength(1);
    expect(await t.call('chats:delete', { id: chat.id })).toEqual({ id: chat.id });
    expect((await t.fail('chats:get', { id: chat.id })).code).toBe('not_found');
    expect((await t.fail('messages:list', { chatId: chat.id })).code).toBe('not_found');
    expect((await t.fail('chats:delete', { id: chat.id })).code).toBe('not_found');
    expect(await t.call('outbox:list', {})).toEqual([]);
    expect((await t.fail('chats:update', { id: chat.id, title: 'x' })).code).toBe('not_found');
  });

  it('enforces maxChats on active chats only, unarchiving included', async () => {
    t = await startTestCore();
    await t.call('settings:update', { maxChats: 2 });
    const first = await t.call('chats:create', {});
    await t.call('chats:create', {});
    const refused = await t.fail('chats:create', {});
    expect(refused).toMatchObject({ code: 'chat_limit_reached', details: { maxChats: 2, active: 2 } });
    await t.call('chats:update', { id: first.id, isArchived: true });
    await t.call('chats:create', {});
    expect((await t.fail('chats:update', { id: first.id, isArchived: false })).code).toBe('chat_limit_reached');
    expect((await t.call('chats:get', { id: first.id })).isArchived).toBe(true);
    expect(await t.call('chats:list', {})).toHaveLength(2);
  });
});

describe('messages:list pagination', () => {
  it('pages backwards by message id, oldest first within a page', async () => {
    t = await startTestCore();
    const chat = await t.call('chats:create', {});
    // 60 exchanges = 120 messages, written as if chatted over time.
    seedMessages(t.core.dbPath, chat.id, Array.from({ length: 120 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: i % 2 ? `answer ${(i - 1) / 2}` : `question ${i / 2}` }) as const));
    const first = await t.call('messages:list', { chatId: chat.id });
    expect(first.messages).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    expect(first.messages.at(-1)!.role).toBe('assistant');
    expect(first.messages.at(-2)!.content).toBe('question 59');
    const second = await t.call('messages:list', { chatId: chat.id, before: first.messages[0]!.id, limit: 50 });
    expect(second.messages).toHaveLength(50);
    const third = await t.call('messages:list', { chatId: chat.id, before: second.messages[0]!.id, limit: 200 });
    expect(third.messages).toHaveLength(20);
    expect(third.hasMore).toBe(false);
    expect(third.messages[0]!.content).toBe('question 0');
    const all = [...third.messages, ...second.messages, ...first.messages];
    expect(new Set(all.map((m) => m.id)).size).toBe(120);

    const other = await t.call('chats:create', {});
    expect((await t.fail('messages:list', { chatId: other.id, before: first.messages[0]!.id })).code).toBe('not_found');
    expect((await t.fail('messages:list', { chatId: chat.id, limit: 201 })).code).toBe('invalid_input');
    expect((await t.fail('messages:list', { chatId: chat.id, limit: 0 })).code).toBe('invalid_input');
  });
});
