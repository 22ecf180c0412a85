import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/app';
import { BUNDLED_MIGRATIONS } from '../../src/main/core/db/bundled-migrations';
import { openSqlite } from '../../src/main/core/db/connection';
import { DatabaseTooNewError, migrate, parseMigrationFiles } from '../../src/main/core/db/migrations';
import { silentLogger } from '../../src/main/core/logger';
import { MemorySecretStore } from '../../src/main/core/secrets/secret-store';
import { tempDir } from './core-harness';

const dirs: string[] = [];
function freshDb(): Database.Database {
  const dir = tempDir();
  dirs.push(dir);
  return openSqlite(join(dir, 'test.sqlite'));
}
afterEach(() => dirs.splice(0));

describe('migration files', () => {
  it('are bundled, contiguous and start at 0001', () => {
    expect(BUNDLED_MIGRATIONS.length).toBeGreaterThanOrEqual(1);
    BUNDLED_MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(BUNDLED_MIGRATIONS[0]!.name).toBe('0001_initial');
  });

  it('refuses a gap in the numbering', () => {
    expect(() => parseMigrationFiles({ '/m/0001_a.sql': 'select 1', '/m/0003_c.sql': 'select 1' })).toThrow(/contiguous/);
  });

  it('refuses a file that is not NNNN_name.sql', () => {
    expect(() => parseMigrationFiles({ '/m/1_a.sql': 'select 1' })).toThrow(/NNNN/);
  });
});

describe('migrate', () => {
  it('creates the 0001 schema on a fresh file with STRICT tables, WAL and foreign keys', () => {
    const db = freshDb();
    const outcome = migrate(db, BUNDLED_MIGRATIONS);
    expect(outcome).toMatchObject({ from: 0, applied: ['0001_initial', ...BUNDLED_MIGRATIONS.slice(1).map((m) => m.name)] });
    expect(db.pragma('user_version', { simple: true })).toBe(BUNDLED_MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.prepare("select name, strict from pragma_table_list where schema = 'main' and name not like 'sqlite_%'").all() as {
      name: string;
      strict: number;
    }[];
    const byName = Object.fromEntries(tables.map((t) => [t.name, t.strict]));
    for (const name of ['chats', 'messages', 'context_files', 'usage_records', 'settings']) expect(byName[name]).toBe(1);
    const indexes = (db.prepare("select name from sqlite_master where type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['chats_archived_updated', 'messages_chat_seq']));
    db.close();
  });

  it('enforces the 0001 constraints', () => {
    const db = freshDb();
    migrate(db, BUNDLED_MIGRATIONS);
    const now = new Date().toISOString();
    db.prepare('insert into chats (id, created_at, updated_at) values (?, ?, ?)').run('c1', now, now);
    expect((db.prepare('select title, provider, is_archived from chats').get() as Record<string, unknown>)).toEqual({
      title: 'New Chat',
      provider: 'anthropic',
      is_archived: 0,
    });
    expect(() => db.prepare("update chats set title = ''").run()).toThrow(/CHECK/);
    expect(() => db.prepare('update chats set title = ?').run('x'.repeat(256))).toThrow(/CHECK/);
    const insertMessage = db.prepare('insert into messages (id, chat_id, role, content, status, created_at) values (?, ?, ?, ?, ?, ?)');
    expect(() => insertMessage.run('m0', 'c1', 'robot', 'x', 'complete', now)).toThrow(/CHECK/);
    expect(() => insertMessage.run('m0', 'c1', 'user', 'x', 'thinking', now)).toThrow(/CHECK/);
    expect(() => insertMessage.run('m0', 'missing-chat', 'user', 'x', 'complete', now)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("insert into settings values ('k', 'not json')").run()).toThrow(/CHECK/);
    insertMessage.run('m1', 'c1', 'user', 'hello', 'complete', now);
    db.prepare("insert into usage_records (id, chat_id, message_id, provider, model, created_at) values ('u1', 'c1', 'm1', 'anthropic', 'm', ?)").run(now);
    db.prepare("delete from chats where id = 'c1'").run();
    expect(db.prepare('select count(*) n from messages').get()).toEqual({ n: 0 });
    expect(db.prepare('select chat_id from usage_records').get()).toEqual({ chat_id: null });
    db.prepare("insert into context_files (id, type, created_at, updated_at) values ('a', 'primary', ?, ?)").run(now, now);
    expect(() => db.prepare("insert into context_files (id, type, created_at, updated_at) values ('b', 'primary', ?, ?)").run(now, now)).toThrow(/UNIQUE/);
    db.close();
  });

  it('0002 marks existing named chats as named by the person and adds drafts that follow their chat', () => {
    const db = freshDb();
    migrate(db, BUNDLED_MIGRATIONS.slice(0, 1));
    const now = new Date().toISOString();
    const insert = db.prepare('insert into chats (id, title, created_at, updated_at) values (?, ?, ?, ?)');
    insert.run('named', 'Trip', now, now);
    insert.run('unnamed', 'New Chat', now, now);
    expect(migrate(db, BUNDLED_MIGRATIONS.slice(0, 2)).applied).toEqual(['0002_chat_experience']);
    expect(db.prepare('select id, title_source from chats order by id').all()).toEqual([
      { id: 'named', title_source: 'user' },
      { id: 'unnamed', title_source: 'default' },
    ]);
    expect(() => db.prepare("update chats set title_source = 'magic'").run()).toThrow(/CHECK/);
    db.prepare("insert into drafts values ('named', 'draft text', ?)").run(now);
    db.prepare("delete from chats where id = 'named'").run();
    expect(db.prepare('select count(*) n from drafts').get()).toEqual({ n: 0 });
    db.close();
  });

  it('applies only the pending migrations, in one transaction', () => {
    const db = freshDb();
    const base = [{ version: 1, name: '0001_a', sql: 'create table a (x integer) strict;' }];
    migrate(db, base);
    const next = [
      ...base,
      { version: 2, name: '0002_b', sql: 'create table b (x integer) strict;' },
      { version: 3, name: '0003_c', sql: 'insert into a values (1);' },
    ];
    expect(migrate(db, next)).toEqual({ from: 1, to: 3, applied: ['0002_b', '0003_c'] });
    expect(migrate(db, next).applied).toEqual([]);
    expect(db.prepare('select count(*) n from a').get()).toEqual({ n: 1 });
    db.close();
  });

  it('rolls every pending file back when one fails', () => {
    const db = freshDb();
    const base = [{ version: 1, name: '0001_a', sql: 'create table a (x integer) strict;' }];
    migrate(db, base);
    const broken = [
      ...base,
      { version: 2, name: '0002_b', sql: 'create table b (x integer) strict;' },
      { version: 3, name: '0003_c', sql: 'insert into nowhere values (1);' },
    ];
    expect(() => migrate(db, broken)).toThrow(/no such table/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("select count(*) n from sqlite_master where name = 'b'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database from a newer Parley without touching it', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'parley.sqlite');
    const db = new Database(file);
    db.exec('create table future (x integer)');
    db.pragma('user_version = 99');
    db.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');

    const attempt = createCore({ dataDir, secretStore: new MemorySecretStore(), emit: () => {}, logger: silentLogger });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(attempt).rejects.toThrow(/newer version of Parley/);

    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(99);
    reopened.close();
  });
});
