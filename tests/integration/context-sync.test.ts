import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContextSyncStatusDto } from '../../src/shared/domain/dto';
import { generateSigningKeyPair, signDocument } from '../../src/main/core/context/signing';
import { startContextEndpoint, type ContextEndpoint } from '../fakes/context-endpoint';
import { startTestCore, tempDir, type TestCore } from './core-harness';

const pair = generateSigningKeyPair();
let endpoint: ContextEndpoint;
let t: TestCore;
beforeAll(async () => {
  endpoint = await startContextEndpoint();
});
afterAll(async () => endpoint.close());
afterEach(async () => {
  await t?.close();
  endpoint.requests.length = 0;
});

const doc = (version: number, content = `Org context v${version}`, extra: Record<string, unknown> = {}) =>
  signDocument({ schema: 1, version, content, updatedAt: '2026-11-21T10:00:00.000Z', updatedBy: 'Ada Admin', ...extra }, pair.privateKey);

async function configured(publicKey: string | null = pair.publicKey, syncTimeoutMs = 2000): Promise<ContextSyncStatusDto> {
  t = await startTestCore({ syncTimeoutMs });
  return t.call('contextSync:configure', { url: endpoint.url, publicKey, intervalMinutes: 15 });
}

describe('context sync', () => {
  it('accepts a signed document, records provenance, and makes the primary context read-only', async () => {
    endpoint.reply({ kind: 'json', body: doc(3), etag: '"v3"' });
    const status = await configured();
    expect(status).toMatchObject({ state: 'ok', heldVersion: 3, lastError: null, config: { keyId: pair.keyId } });
    const primary = await t.call('context:get', { type: 'primary' });
    expect(primary).toMatchObject({
      content: 'Org context v3',
      version: 3,
      updatedBy: 'Ada Admin',
      managed: true,
      provenance: { sourceUrl: endpoint.url, etag: '"v3"', keyId: pair.keyId, verified: true },
    });
    expect((await t.fail('context:update', { type: 'primary', content: 'local edit' })).code).toBe('managed_setting');
    // The personal context stays the person's own.
    expect((await t.call('context:update', { type: 'personal', content: 'Mine' })).version).toBe(1);
  });

  it('asks with If-None-Match and keeps the copy on 304', async () => {
    endpoint.reply({ kind: 'json', body: doc(3), etag: '"v3"' });
    await configured();
    const again = await t.call('contextSync:syncNow', {});
    expect(again).toMatchObject({ state: 'ok', heldVersion: 3 });
    expect(endpoint.requests.at(-1)!['if-none-match']).toBe('"v3"');
  });

  it('takes a newer version, and survives a restart with the copy and its status', async () => {
    endpoint.reply({ kind: 'json', body: doc(3), etag: '"v3"' });
    await configured();
    endpoint.reply({ kind: 'json', body: doc(4, 'Newer'), etag: '"v4"' });
    expect((await t.call('contextSync:syncNow', {})).heldVersion).toBe(4);
    endpoint.reply({ kind: 'hang' });
    await t.restart();
    await new Promise((r) => setTimeout(r, 50));
    expect((await t.call('context:get', { type: 'primary' })).content).toBe('Newer');
  });

  const failures: { name: string; reply: Parameters<ContextEndpoint['reply']>[0]; code: string }[] = [
    { name: '404', reply: { kind: 'raw', status: 404, body: 'gone' }, code: 'not_found' },
    { name: '500', reply: { kind: 'raw', status: 500, body: 'boom' }, code: 'http_error' },
    { name: 'malformed JSON', reply: { kind: 'raw', status: 200, body: '{"schema": 1,', headers: { 'content-type': 'application/json' } }, code: 'malformed' },
    { name: 'wrong content type', reply: { kind: 'raw', status: 200, body: '<html></html>', headers: { 'content-type': 'text/html' } }, code: 'wrong_content_type' },
    { name: 'oversize (declared)', reply: { kind: 'raw', status: 200, body: 'x'.repeat(1024 * 1024 + 1), headers: { 'content-type': 'application/json' } }, code: 'too_large' },
    { name: 'oversize (chunked, no length)', reply: { kind: 'chunked', bytes: 3 * 1024 * 1024 }, code: 'too_large' },
    { name: 'not a context document', reply: { kind: 'json', body: { schema: 9, version: 'x' } }, code: 'invalid_document' },
    { name: 'rollback', reply: { kind: 'json', body: doc(2), etag: '"v2"' }, code: 'rollback' },
    { name: 'same version, changed text', reply: { kind: 'json', body: doc(3, 'sneaky edit'), etag: '"v3b"' }, code: 'rollback' },
    { name: 'tampered', reply: { kind: 'json', body: { ...doc(4), content: 'tampered' }, etag: '"t"' }, code: 'bad_signature' },
    { name: 'missing signature', reply: { kind: 'json', body: { schema: 1, version: 4, content: 'unsigned', updatedAt: '2026-11-21T10:00:00Z', updatedBy: 'x' } }, code: 'missing_signature' },
    { name: 'signed by another key', reply: { kind: 'json', body: signDocument({ schema: 1, version: 4, content: 'other', updatedAt: '2026-11-21T10:00:00Z', updatedBy: 'x' }, generateSigningKeyPair().privateKey) }, code: 'wrong_key' },
    { name: 'timeout', reply: { kind: 'hang' }, code: 'timeout' },
  ];

  it.each(failures)('$name → $code; the last good copy stays in use and in the next request', async ({ reply, code }) => {
    endpoint.reply({ kind: 'json', body: doc(3), etag: '"v3"' });
    await configured(pair.publicKey, 500);
    endpoint.reply(reply);
    const status = await t.call('contextSync:syncNow', {});
    expect(status).toMatchObject({ state: 'error', heldVersion: 3, lastError: { code } });
    expect(status.lastSuccessAt).not.toBeNull();
    expect((await t.call('context:get', { type: 'primary' })).content).toBe('Org context v3');
  });

  it('connection refused → offline, with the time of the last good sync kept', async () => {
    endpoint.reply({ kind: 'json', body: doc(3), etag: '"v3"' });
    const first = await configured();
    const closed = await startContextEndpoint();
    const url = closed.url;
    await closed.close();
    const status = await t.call('contextSync:configure', { url, publicKey: pair.publicKey, intervalMinutes: 15 });
    expect(status).toMatchObject({ state: 'error', lastError: { code: 'offline' } });
    // A new source is a new history: the copy from the old one is still what is used.
    expect((await t.call('context:get', { type: 'primary' })).content).toBe('Org context v3');
    expect(first.lastSuccessAt).not.toBeNull();
  });

  it('without a pinned key, accepts an unsigned document and says it is unverified', async () => {
    endpoint.reply({ kind: 'json', body: { schema: 1, version: 1, content: 'Unsigned org text', updatedAt: '2026-11-21T10:00:00Z', updatedBy: 'Bob' } });
    await configured(null);
    expect((await t.call('context:get', { type: 'primary' })).provenance).toMatchObject({ verified: false, keyId: null });
  });

  it('refuses http:// to other hosts and keys that are not Ed25519 public keys', async () => {
    t = await startTestCore();
    expect((await t.fail('contextSync:configure', { url: 'http://context.example.com/c.json', publicKey: null, intervalMinutes: 15 })).code).toBe('invalid_input');
    expect((await t.fail('contextSync:configure', { url: 'https://context.example.com/c.json', publicKey: 'abc', intervalMinutes: 15 })).code).toBe('invalid_input');
    expect((await t.call('contextSync:status', {})).state).toBe('disabled');
  });

  it('turning sync off makes the primary context editable again, keeping its text', async () => {
    endpoint.reply({ kind: 'json', body: doc(3), etag: '"v3"' });
    await configured();
    await t.call('contextSync:configure', { url: null, publicKey: null, intervalMinutes: 15 });
    const edited = await t.call('context:update', { type: 'primary', content: 'Org context v3, adapted' });
    expect(edited).toMatchObject({ version: 4, managed: false, provenance: null });
  });
});

describe('managed configuration and policy', () => {
  it('locks the sync settings to the managed file and enforces the document policy', async () => {
    endpoint.reply({
      kind: 'json',
      body: doc(7, 'Managed text', {
        policy: { maxChats: 2, allowedModels: ['claude-haiku-5-5', 'claude-opus-5-5'], defaultModel: 'claude-haiku-5-5', rateLimits: { requestsPerMinute: 20, concurrentStreams: 1 } },
      }),
    });
    const dir = tempDir();
    const managedConfigPath = join(dir, 'managed.json');
    writeFileSync(managedConfigPath, JSON.stringify({ contextSync: { url: endpoint.url, publicKey: pair.publicKey, intervalMinutes: 5 } }));
    t = await startTestCore({ managedConfigPath });
    await expect.poll(async () => (await t.call('contextSync:status', {})).heldVersion).toBe(7);
    const status = await t.call('contextSync:status', {});
    expect(status).toMatchObject({ locked: true, config: { url: endpoint.url, intervalMinutes: 5 } });
    expect((await t.fail('contextSync:configure', { url: null, publicKey: null, intervalMinutes: 15 })).code).toBe('managed_setting');

    expect(await t.call('policy:get', {})).toMatchObject({ managed: true, maxChats: 2, effectiveRateLimits: { requestsPerMinute: 20, concurrentStreams: 1 } });
    await t.call('chats:create', {});
    await t.call('chats:create', {});
    expect((await t.fail('chats:create', {})).code).toBe('chat_limit_reached');
    const models = await t.call('models:list', {});
    expect(models.models.map((m) => m.id)).toEqual(['claude-haiku-5-5', 'claude-opus-5-5']);
    expect(models).toMatchObject({ defaultModel: 'claude-haiku-5-5', effectiveModel: 'claude-haiku-5-5' });
    expect((await t.fail('settings:update', { model: 'claude-sonnet-5-5' })).code).toBe('model_not_allowed');
    expect((await t.call('settings:update', { model: 'claude-opus-5-5' })).model).toBe('claude-opus-5-5');
  });

  it('ignores a broken managed file instead of failing to start', async () => {
    const dir = tempDir();
    const managedConfigPath = join(dir, 'managed.json');
    writeFileSync(managedConfigPath, '{ this is not json');
    t = await startTestCore({ managedConfigPath });
    expect(await t.call('contextSync:status', {})).toMatchObject({ locked: false, state: 'disabled' });
  });
});
