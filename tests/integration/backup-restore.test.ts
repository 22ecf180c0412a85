import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_MIGRATIONS } from '../../src/main/core/db/bundled-migrations';
import { openSqlite } from '../../src/main/core/db/connection';
import { migrate } from '../../src/main/core/db/migrations';
import { fakeAnthropicForFile } from './fake-anthropic-for-file';
import { startTestCore, tempDir, type TestCore } from './core-harness';

let t: TestCore | null = null;
const fake = fakeAnthropicForFile();
afterEach(async () => {
  await t?.close();
  t = null;
});

function steppingDays(start = Date.parse('2026-05-01T08:00:00Z')) {
  const clock = { day: 0, now: () => new Date(start + clock.day * 86_400_000).toISOString() };
  return clock;
}

const titles = async (core: TestCore) => (await core.call('chats:list', {})).map((c) => c.title).sort();

describe('backups', () => {
  it('takes a daily backup at start, keeps the last seven, and lists them newest first', async () => {
    const dataDir = tempDir();
    const clock = steppingDays();
    for (let day = 0; day < 9; day++) {
      clock.day = day;
      t = await startTestCore({ dataDir, clock });
      const today = clock.now().slice(0, 10);
      await expect.poll(async () => (await t!.call('data:listBackups', {})).find((b) => b.kind === 'daily')?.createdAt.slice(0, 10)).toBe(today);
      expect((await t.call('data:listBackups', {})).filter((b) => b.kind === 'daily')).toHaveLength(Math.min(day + 1, 7));
      await t.core.close();
    }
    t = await startTestCore({ dataDir, clock });
    const daily = (await t.call('data:listBackups', {})).filter((b) => b.kind === 'daily');
    expect(daily.map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-05-09', '2026-05-08', '2026-05-07', '2026-05-06', '2026-05-05', '2026-05-04', '2026-05-03']);
    expect(daily[0]!.schemaVersion).toBe(BUNDLED_MIGRATIONS.length);
  });

  it('is consistent when taken while an answer is being written', async () => {
    t = await startTestCore({ env: { ANTHROPIC_BASE_URL: fake.url } });
    const chat = await t.call('chats:create', { title: 'Busy' });
    await t.call('settings:update', { requestsPerMinute: 1000 });
    for (let i = 0; i < 30; i++) {
      fake.setScenario({ kind: 'text', text: `answer ${i} `.repeat(50) });
      const sent = await t.call('chat:send', { chatId: chat.id, content: `question ${i}` });
      await t.waitFor((e) => e.streamId === sent.streamId && e.type === 'message_end');
    }
    fake.setScenario({ kind: 'text', text: 'streaming words '.repeat(400), chunkSize: 8, delayMs: 2 });
    await t.call('chat:send', { chatId: chat.id, content: 'one more' });
    await t.waitFor((e) => e.type === 'content_delta');
    const backup = await t.call('data:createBackup', {});
    expect(backup.kind).toBe('manual');
    const copy = new Database(join(t.dataDir, 'backups', backup.name), { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.prepare('select count(*) n from messages').get()).toEqual({ n: 62 });
    copy.close();
    const writable = new Database(join(t.dataDir, 'backups', backup.name));
    // rank 0: the index is checked on its own; the answer still streaming is rightly not in it yet.
    expect(() => writable.prepare("insert into messages_fts(messages_fts, rank) values ('integrity-check', 0)").run()).not.toThrow();
    expect(writable.prepare("select count(*) n from messages where status = 'streaming'").get()).toEqual({ n: 1 });
    writable.close();
    if (process.platform !== 'win32') expect(statSync(join(t.dataDir, 'backups', backup.name)).mode & 0o777).toBe(0o600);
  });

  it('restores a backup after backing up the current state, and refuses newer or broken backups', async () => {
    t = await startTestCore();
    await t.call('chats:create', { title: 'Kept' });
    const backup = await t.call('data:createBackup', {});
    await t.call('chats:create', { title: 'Added later' });
    const result = await t.call('data:restoreBackup', { name: backup.name });
    expect(result.restored.name).toBe(backup.name);
    expect(result.safetyBackup?.kind).toBe('pre-restore');
    expect(await titles(t)).toEqual(['Kept']);
    // And undo it: the safety backup holds what was there.
    await t.call('data:restoreBackup', { name: result.safetyBackup!.name });
    expect(await titles(t)).toEqual(['Added later', 'Kept']);

    const folder = join(t.dataDir, 'backups');
    const future = join(folder, 'parley-manual-20990101T000000000Z.sqlite');
    const db = new Database(future);
    db.pragma('user_version = 99');
    db.close();
    expect((await t.fail('data:restoreBackup', { name: 'parley-manual-20990101T000000000Z.sqlite' })).code).toBe('backup_invalid');
    writeFileSync(join(folder, 'parley-manual-20980101T000000000Z.sqlite'), 'this is not a database');
    expect((await t.fail('data:restoreBackup', { name: 'parley-manual-20980101T000000000Z.sqlite' })).code).toBe('backup_invalid');
    expect((await t.fail('data:restoreBackup', { name: '../parley.sqlite' })).code).toBe('invalid_input');
    expect(await titles(t)).toEqual(['Added later', 'Kept']);
  });

  it('takes a backup before migrating an older database', async () => {
    const dataDir = tempDir();
    const old = openSqlite(join(dataDir, 'parley.sqlite'));
    migrate(old, BUNDLED_MIGRATIONS.slice(0, 1));
    old.close();
    t = await startTestCore({ dataDir });
    const backups = await t.call('data:listBackups', {});
    expect(backups.find((b) => b.kind === 'pre-migration')).toMatchObject({ schemaVersion: 1 });
  });

  it('keeps the data folder and files private (0700 / 0600)', async () => {
    if (process.platform === 'win32') return;
    t = await startTestCore();
    await t.call('chats:create', {});
    expect(statSync(t.dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(t.core.dbPath).mode & 0o777).toBe(0o600);
  });
});

describe('a damaged data file', () => {
  async function damagedProfile() {
    const dataDir = tempDir();
    t = await startTestCore({ dataDir });
    for (let i = 0; i < 3; i++) await t.call('chats:create', { title: `Chat ${i}` });
    const backup = await t.call('data:createBackup', {});
    for (let i = 0; i < 200; i++) await t.call('chats:create', { title: `Filler ${i} ${'x'.repeat(200)}` }).catch(() => undefined);
    await t.core.close();
    t = null;
    // Scribble over the middle of the file, as a failing disk would.
    const file = join(dataDir, 'parley.sqlite');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 4096 * 3);
    closeSync(fd);
    return { dataDir, backup, file };
  }

  it('does not overwrite anything, says so, and restores the latest good backup, keeping the damaged file aside', async () => {
    const { dataDir, backup, file } = await damagedProfile();
    const damagedBytes = statSync(file).size;
    t = await startTestCore({ dataDir });
    const status = await t.call('recovery:status', {});
    expect(status).toMatchObject({ damaged: true, latestBackup: { name: backup.name } });
    expect((await t.fail('chats:list', {})).code).toBe('database_damaged');
    expect((await t.fail('chat:send', { chatId: '00000000-0000-4000-8000-000000000000', content: 'x' })).code).toBe('database_damaged');
    expect(statSync(file).size).toBe(damagedBytes);

    const restored = await t.call('data:restoreBackup', { name: backup.name });
    expect(restored.safetyBackup).toBeNull();
    expect(await titles(t)).toEqual(['Chat 0', 'Chat 1', 'Chat 2']);
    expect((await t.call('recovery:status', {})).damaged).toBe(false);
    const aside = readdirSync(dataDir).filter((name) => name.startsWith('parley.damaged-'));
    expect(aside.some((name) => name.endsWith('.sqlite'))).toBe(true);
    expect(statSync(join(dataDir, aside.find((n) => n.endsWith('.sqlite'))!)).size).toBe(damagedBytes);
  });

  it('can start empty instead, still keeping the damaged file', async () => {
    const { dataDir } = await damagedProfile();
    t = await startTestCore({ dataDir });
    expect((await t.call('recovery:startFresh', {})).damaged).toBe(false);
    expect(await titles(t)).toEqual([]);
    expect(readdirSync(dataDir).some((name) => name.startsWith('parley.damaged-'))).toBe(true);
    expect(existsSync(join(dataDir, 'parley.sqlite'))).toBe(true);
  });
});
