import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileDialogs } from '../../src/main/core/core-types';
import { seedMessages } from './seed';
import { startTestCore, tempDir, type TestCore } from './core-harness';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

/** Dialogs that answer with paths the test chose, as a person would in a save / open dialog. */
function dialogs(dir: string, openName = 'import.json'): FileDialogs & { saved: string[] } {
  const saved: string[] = [];
  return {
    saved,
    chooseSavePath: async (name) => {
      const path = join(dir, name);
      saved.push(path);
      return path;
    },
    chooseOpenPath: async () => join(dir, openName),
  };
}

async function core(dir: string, openName?: string) {
  const d = dialogs(dir, openName);
  const t = await startTestCore({ dialogs: d });
  cores.push(t);
  return { t, d };
}

const withoutTime = (json: string) => JSON.stringify({ ...JSON.parse(json), exportedAt: 'x' });

async function populated(t: TestCore) {
  const trip = await t.call('chats:create', { title: 'Trip: "Lisbon" / March' });
  const old = await t.call('chats:create', { title: 'Archived one' });
  await t.call('chats:update', { id: old.id, isArchived: true });
  seedMessages(t.core.dbPath, trip.id, [
    { role: 'user', content: 'Pack for Lisbon?', createdAt: '2026-03-01T10:00:00.000Z' },
    { role: 'assistant', content: '| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = "é";\n```', createdAt: '2026-03-01T10:00:05.000Z' },
    { role: 'assistant', content: 'Half an answ', status: 'stopped', createdAt: '2026-03-01T10:01:00.000Z' },
  ]);
  seedMessages(t.core.dbPath, old.id, [{ role: 'user', content: 'Привет', createdAt: '2026-01-01T00:00:00.000Z' }]);
  return { trip, old };
}

describe('export', () => {
  it('writes a readable Markdown file and a lossless JSON file for one chat', async () => {
    const dir = tempDir();
    const { t } = await core(dir);
    const { trip } = await populated(t);
    const md = await t.call('data:exportChat', { chatId: trip.id, format: 'markdown' });
    expect(md).toMatchObject({ chats: 1, messages: 3, path: join(dir, 'Trip  Lisbon March.md'.replace('  ', ' ')) });
    const text = readFileSync(md.path!, 'utf8');
    expect(text).toMatch(/^# Trip: "Lisbon" \/ March\n/);
    expect(text).toContain('## You · 2026-03-01T10:00:00.000Z\n\nPack for Lisbon?');
    expect(text).toContain('## Claude · 2026-03-01T10:01:00.000Z — stopped');
    const json = await t.call('data:exportChat', { chatId: trip.id, format: 'json' });
    const parsed = JSON.parse(readFileSync(json.path!, 'utf8'));
    expect(parsed).toMatchObject({ format: 'parley-chat', version: 1, chat: { id: trip.id, titleSource: 'user' } });
    expect(parsed.messages.map((m: { status: string }) => m.status)).toEqual(['complete', 'complete', 'stopped']);
    if (process.platform !== 'win32') expect(statSync(json.path!).mode & 0o777).toBe(0o600);
  });

  it('round-trips: export all → import into an empty profile → export gives the same content', async () => {
    const dir = tempDir();
    const { t } = await core(dir);
    await populated(t);
    const first = await t.call('data:exportAll', {});
    expect(first).toMatchObject({ chats: 2, messages: 4 });
    writeFileSync(join(dir, 'import.json'), readFileSync(first.path!));

    const { t: fresh } = await core(dir);
    const report = await fresh.call('data:import', {});
    expect(report).toMatchObject({ chatsImported: 2, messagesImported: 4, chatsAlreadyPresent: 0, skipped: [], cancelled: false });
    const second = await fresh.call('data:exportAll', {});
    expect(withoutTime(readFileSync(second.path!, 'utf8'))).toBe(withoutTime(readFileSync(first.path!, 'utf8')));
    expect((await fresh.call('search:messages', { query: 'Lisbon' })).hits).toHaveLength(1);

    const again = await fresh.call('data:import', {});
    expect(again).toMatchObject({ chatsImported: 0, chatsAlreadyPresent: 2 });
    expect((await fresh.call('chats:list', {})).length + (await fresh.call('chats:list', { archived: true })).length).toBe(2);
  });

  it('returns nothing written when the person cancels the save dialog', async () => {
    const t = await startTestCore();
    cores.push(t);
    const chat = await t.call('chats:create', {});
    expect(await t.call('data:exportChat', { chatId: chat.id, format: 'json' })).toEqual({ path: null, chats: 0, messages: 0 });
  });
});

describe('import of malformed or hostile files', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const chat = (n: number, extra: Record<string, unknown> = {}) => ({
    id: uuid(n),
    title: `Chat ${n}`,
    titleSource: 'user',
    provider: 'anthropic',
    model: null,
    isArchived: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  });
  const message = (n: number, extra: Record<string, unknown> = {}) => ({
    id: uuid(1000 + n),
    role: 'user',
    content: `m${n}`,
    status: 'complete',
    metadata: null,
    toolCalls: null,
    toolCallId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  });
  const archive = (chats: unknown[]) => JSON.stringify({ format: 'parley-archive', version: 1, exportedAt: 'x', chats });

  it('imports what is valid and reports exactly what was skipped and why', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'import.json'),
      archive([
        { chat: chat(1), messages: [message(1), message(2, { role: 'robot' }), message(3, { id: '../../etc/passwd' }), message(4, { content: 42 }), message(1)] },
        { chat: chat(2, { id: '../evil' }), messages: [] },
        { chat: chat(3, { title: '' }), messages: [] },
        { chat: chat(4, { isArchived: 'yes' }), messages: [] },
        { chat: chat(5), messages: [message(5, { createdAt: 'yesterday' })], extra: true },
        'not an object',
        { chat: chat(6), messages: [message(6, { status: 'streaming' })] },
      ]),
    );
    const { t } = await core(dir);
    const report = await t.call('data:import', {});
    expect(report).toMatchObject({ chatsImported: 2, messagesImported: 1 });
    expect(report.skipped.map((s) => [s.what, s.reason.replace(/:.*$/, '')])).toEqual([
      ['message', '“Chat 1”, message 2'],
      ['message', '“Chat 1”, message 3'],
      ['message', '“Chat 1”, message 4'],
      ['message', 'The same message id appears twice'],
      ['chat', 'Chat 2'],
      ['chat', 'Chat 3'],
      ['chat', 'Chat 4'],
      ['chat', 'Chat 5'],
      ['chat', 'Chat 6'],
      ['message', '“Chat 6”, message 1'],
    ]);
    expect(report.skipped[1]!.reason).toMatch(/id/);
  });

  it.each([
    ['not JSON at all', 'hello world', /not a Parley export/],
    ['another app’s JSON', JSON.stringify({ conversations: [] }), /not a Parley export/],
    ['a future format version', JSON.stringify({ format: 'parley-archive', version: 2, chats: [] }), /not a Parley export/],
    ['truncated archive', archive([{ chat: chat(1), messages: [] }]).slice(0, 120), /could not be read to the end/],
    ['a gigantic string', `{"format":"parley-archive","version":1,"chats":[{"chat":{"id":"${'x'.repeat(5 * 1024 * 1024)}"}}]}`, /far too large/],
  ])('refuses %s with a clear reason', async (_name, content, reason) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'import.json'), content);
    const { t } = await core(dir);
    const report = await t.call('data:import', {});
    expect(report.chatsImported).toBe(0);
    expect(report.skipped.at(-1)!.reason).toMatch(reason);
  });

  it('imports a large archive with progress, and a cancel keeps whole chats only', async () => {
    const dir = tempDir();
    const chats = Array.from({ length: 40 }, (_, c) => ({
      chat: chat(c + 1),
      messages: Array.from({ length: 250 }, (_, m) => message(c * 1000 + m, { id: uuid(100_000 + c * 1000 + m), content: `chat ${c} message ${m} ${'lorem ipsum '.repeat(20)}` })),
    }));
    writeFileSync(join(dir, 'import.json'), archive(chats));
    const { t } = await core(dir);
    const pending = t.call('data:import', {});
    await expect.poll(() => t.appEvents.filter((e) => e.type === 'import_progress').length, { timeout: 10_000 }).toBeGreaterThan(3);
    expect(await t.call('data:cancelImport', {})).toEqual({ cancelling: true });
    const report = await pending;
    expect(report.cancelled).toBe(true);
    expect(report.chatsImported).toBeGreaterThan(0);
    expect(report.chatsImported).toBeLessThan(40);
    expect(report.messagesImported).toBe(report.chatsImported * 250);
    const progress = t.appEvents.filter((e) => e.type === 'import_progress');
    expect(progress.at(-1)).toMatchObject({ totalBytes: statSync(join(dir, 'import.json')).size });
    // Every imported chat is complete: no half chat was left behind.
    for (const listed of await t.call('chats:list', {})) {
      expect((await t.call('messages:list', { chatId: listed.id, limit: 200 })).hasMore).toBe(true);
    }
  });
});
