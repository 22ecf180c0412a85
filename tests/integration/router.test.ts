import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from './core-harness';

let t: TestCore;
afterEach(async () => t?.close());

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of ['chats', 'messages', 'context_files', 'usage_records', 'settings']) {
      counts[table] = (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
    }
    return counts;
  } finally {
    db.close();
  }
}

const uuid = '00000000-0000-4000-8000-000000000000';
const bad: [string, unknown][] = [
  ['chats:create', { title: '' }],
  ['chats:create', { title: 42 }],
  ['chats:create', { title: 'ok', extra: true }],
  ['chats:create', 'not an object'],
  ['chats:list', { archived: 'yes' }],
  ['chats:get', { id: 'not-a-uuid' }],
  ['chats:update', { id: uuid }],
  ['chats:update', { id: uuid, isArchived: 1 }],
  ['chats:delete', {}],
  ['messages:list', { chatId: uuid, limit: 1.5 }],
  ['messages:list', { chatId: uuid, before: "'; drop table chats; --" }],
  ['chat:send', { chatId: uuid, content: '' }],
  ['chat:send', { chatId: uuid, content: '   \n\t ' }],
  ['chat:send', { chatId: uuid, content: 'x'.repeat(100_001) }],
  ['chat:send', { chatId: uuid }],
  ['chat:stop', { streamId: 7 }],
  ['settings:update', { maxChats: 0 }],
  ['settings:update', { maxChats: 'many' }],
  ['settings:update', { language: 'de' }],
  ['settings:update', { model: 'Claude Sonnet!' }],
  ['settings:update', { theme: 'sepia' }],
  ['settings:update', { fontSize: 14 }],
  ['secrets:setApiKey', { apiKey: '' }],
  ['secrets:setApiKey', { apiKey: 'has a space in it' }],
  ['secrets:setApiKey', { apiKey: 'x'.repeat(513) }],
  ['context:get', { type: 'secret' }],
  ['context:update', { type: 'primary' }],
  ['context:update', { type: 'personal', content: 'x'.repeat(1_000_001) }],
];

describe('router', () => {
  it.each(bad)('refuses %s %j with invalid_input and writes nothing', async (channel, input) => {
    t = await startTestCore();
    const before = rowCounts(t.core.dbPath);
    const error = await t.fail(channel, input);
    expect(error.code).toBe('invalid_input');
    expect(rowCounts(t.core.dbPath)).toEqual(before);
  });

  it('refuses unknown channels, including prototype names', async () => {
    t = await startTestCore();
    for (const channel of ['chats:drop', '__proto__', 'constructor', 'toString', '']) {
      expect((await t.fail(channel, {})).code).toBe('invalid_input');
    }
  });

  it('reports which field was wrong', async () => {
    t = await startTestCore();
    const error = await t.fail('chats:update', { id: uuid, title: '' });
    expect(error.details).toEqual([expect.objectContaining({ path: 'title' })]);
  });

  it('accepts a message of exactly 100,000 characters once trimmed', async () => {
    t = await startTestCore({ apiKey: null });
    const chat = await t.call('chats:create', {});
    // No key: the send is refused by the service, after validation passed.
    expect((await t.fail('chat:send', { chatId: chat.id, content: `  ${'x'.repeat(100_000)}  ` })).code).toBe('no_api_key');
  });
});

describe('settings, models and context', () => {
  it('has defaults and saves updates', async () => {
    t = await startTestCore();
    expect(await t.call('settings:get', {})).toEqual({ model: null, maxChats: 500, language: 'system', theme: 'system', requestsPerMinute: 20, concurrentStreams: 3, summarizeOmitted: true });
    expect(await t.call('settings:update', { language: 'ru', model: 'claude-opus-5-5' })).toMatchObject({ language: 'ru', model: 'claude-opus-5-5' });
    await t.restart();
    expect(await t.call('settings:get', {})).toMatchObject({ language: 'ru', model: 'claude-opus-5-5' });
    expect((await t.call('settings:update', { model: null })).model).toBeNull();
  });

  it('uses the newest Sonnet by default, CLAUDE_MODEL over that, and the setting over both', async () => {
    t = await startTestCore();
    expect(await t.call('models:list', {})).toMatchObject({ defaultModel: 'claude-sonnet-5-5', effectiveModel: 'claude-sonnet-5-5' });
    await t.close();
    t = await startTestCore({ env: { CLAUDE_MODEL: 'claude-haiku-5-5' } });
    expect(await t.call('models:list', {})).toMatchObject({ defaultModel: 'claude-haiku-5-5', effectiveModel: 'claude-haiku-5-5' });
    await t.call('settings:update', { model: 'claude-opus-5-5' });
    expect((await t.call('models:list', {})).effectiveModel).toBe('claude-opus-5-5');
  });

  it('versions context files: empty at 0, +1 per saved change, no bump for an identical save', async () => {
    t = await startTestCore();
    expect(await t.call('context:get', { type: 'primary' })).toMatchObject({ content: '', version: 0 });
    const v1 = await t.call('context:update', { type: 'primary', content: 'Be brief.' });
    expect(v1).toMatchObject({ type: 'primary', content: 'Be brief.', version: 1, updatedBy: 'local user' });
    expect((await t.call('context:update', { type: 'primary', content: 'Be brief.' })).version).toBe(1);
    expect((await t.call('context:update', { type: 'primary', content: 'Be very brief.' })).version).toBe(2);
    expect((await t.call('context:get', { type: 'personal' })).version).toBe(0);
  });
});
