import { afterEach, describe, expect, it } from 'vitest';
import { verifyDocument, parsePublicKey } from '../../src/main/core/context/signing';
import { startContextServer, type ContextServer } from '../../context-server/src/server';
import { fakeAnthropicForFile } from './fake-anthropic-for-file';
import { startTestCore, tempDir, type TestCore } from './core-harness';

const TOKEN = 'server-token-xyz';
let server: ContextServer;
let admin: TestCore;
let member: TestCore;
const fake = fakeAnthropicForFile();
afterEach(async () => {
  await admin?.close();
  await member?.close();
  await server?.close();
});

async function systemOfNextAnswer(t: TestCore, chatId: string): Promise<unknown> {
  const sent = await t.call('chat:send', { chatId, content: 'Hello' });
  await t.waitFor((e) => e.streamId === sent.streamId && (e.type === 'message_end' || e.type === 'error'));
  return (fake.messageRequests().at(-1)!.body as { system: unknown }).system;
}

describe('publishing a signed context', () => {
  it('admin publishes; a member pinned to the key uses it in the next request; tampering and outages keep the last good copy', async () => {
    admin = await startTestCore({ env: { ANTHROPIC_BASE_URL: fake.url } });
    const keys = await admin.call('contextAdmin:generateKey', {});
    expect(keys).toMatchObject({ hasSigningKey: true, publicKey: expect.any(String), keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(JSON.stringify(keys)).not.toMatch(/PRIVATE|MC4CAQAw/);

    server = await startContextServer({ port: 0, dataDir: tempDir(), token: TOKEN, publicKey: keys.publicKey!, log: () => {} });
    await admin.call('contextAdmin:setPublishTarget', { url: server.documentUrl, token: TOKEN });
    expect((await admin.call('contextAdmin:status', {})).hasPublishToken).toBe(true);
    expect(await admin.call('contextAdmin:publish', { content: 'Be concise. Cite sources.', updatedBy: 'Ada' })).toMatchObject({ version: 1 });

    member = await startTestCore({ env: { ANTHROPIC_BASE_URL: fake.url } });
    await member.call('contextSync:configure', { url: server.documentUrl, publicKey: keys.publicKey, intervalMinutes: 15 });
    await member.call('context:update', { type: 'personal', content: 'I work in finance.' });
    const chat = await member.call('chats:create', {});
    expect(await systemOfNextAnswer(member, chat.id)).toEqual([
      { type: 'text', text: 'Be concise. Cite sources.' },
      { type: 'text', text: 'I work in finance.', cache_control: { type: 'ephemeral' } },
    ]);

    expect(await admin.call('contextAdmin:publish', { content: 'Version two.', updatedBy: 'Ada', policy: { maxChats: 10 } })).toMatchObject({ version: 2 });
    expect((await member.call('contextSync:syncNow', {})).heldVersion).toBe(2);
    expect(((await systemOfNextAnswer(member, chat.id)) as { text: string }[])[0]!.text).toBe('Version two.');
    expect((await member.call('policy:get', {})).maxChats).toBe(10);

    // The server goes down: chatting continues on version two.
    await server.close();
    const down = await member.call('contextSync:syncNow', {});
    expect(down).toMatchObject({ state: 'error', heldVersion: 2, lastError: { code: 'offline' } });
    expect(((await systemOfNextAnswer(member, chat.id)) as { text: string }[])[0]!.text).toBe('Version two.');
  });

  it('exports a signed document file that verifies against the public key', async () => {
    admin = await startTestCore();
    const keys = await admin.call('contextAdmin:generateKey', {});
    const exported = await admin.call('contextAdmin:exportDocument', { content: 'Static host text', version: 4, updatedBy: 'Ada', policy: { allowedModels: ['claude-haiku-5-5'] } });
    expect(exported.fileName).toBe('parley-context-v4.json');
    const document = JSON.parse(exported.json) as Record<string, unknown>;
    expect(document).toMatchObject({ schema: 1, version: 4, content: 'Static host text', keyId: keys.keyId, policy: { allowedModels: ['claude-haiku-5-5'] } });
    expect(verifyDocument(document, parsePublicKey(keys.publicKey!)!)).toEqual({ ok: true, keyId: keys.keyId });
  });

  it('explains a conflict when someone published in between, and refuses without key or token', async () => {
    admin = await startTestCore();
    expect((await admin.fail('contextAdmin:publish', { content: 'x', updatedBy: 'Ada' })).code).toBe('invalid_input');
    await admin.call('contextAdmin:generateKey', {});
    server = await startContextServer({ port: 0, dataDir: tempDir(), token: TOKEN, log: () => {} });
    await admin.call('contextAdmin:setPublishTarget', { url: server.documentUrl, token: 'wrong-token' });
    expect((await admin.fail('contextAdmin:publish', { content: 'x', updatedBy: 'Ada' })).code).toBe('publish_failed');
    await admin.call('contextAdmin:setPublishTarget', { url: server.documentUrl, token: TOKEN });
    await admin.call('contextAdmin:publish', { content: 'one', updatedBy: 'Ada' });

    // A second admin publishes between our read and our write: the server answers 412.
    const realFetch = globalThis.fetch;
    let intercepted = false;
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      if (init?.method === 'PUT' && !intercepted) {
        intercepted = true;
        const current = await realFetch(server.documentUrl);
        const etag = current.headers.get('etag')!;
        const body = (await current.json()) as Record<string, unknown>;
        await realFetch(server.documentUrl, {
          method: 'PUT',
          headers: { authorization: `Bearer ${TOKEN}`, 'if-match': etag, 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, version: 2, content: 'the other admin' }),
        });
      }
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      expect((await admin.fail('contextAdmin:publish', { content: 'mine', updatedBy: 'Ada' })).code).toBe('conflict');
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(await admin.call('contextAdmin:publish', { content: 'mine, after reloading', updatedBy: 'Ada' })).toMatchObject({ version: 3 });
  });
});
