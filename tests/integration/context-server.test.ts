import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, signDocument } from '../../src/main/core/context/signing';
import { startContextServer, type ContextServer } from '../../context-server/src/server';
import { tempDir } from './core-harness';

let server: ContextServer;
afterEach(async () => server?.close());

const TOKEN = 'publish-token-123';
const doc = (version: number, content = `Version ${version}`) => ({
  schema: 1,
  version,
  content,
  updatedAt: '2026-11-21T10:00:00.000Z',
  updatedBy: 'Ada',
});

async function put(body: unknown, headers: Record<string, string> = {}) {
  return fetch(server.documentUrl, {
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('reference context server', () => {
  it('serves the newest version with an ETag and answers 304 to a matching If-None-Match', async () => {
    server = await startContextServer({ port: 0, dataDir: tempDir(), token: TOKEN, log: () => {} });
    expect((await fetch(server.documentUrl)).status).toBe(404);
    const first = await put(doc(1), { 'if-none-match': '*' });
    expect(first.status).toBe(201);
    const etag1 = first.headers.get('etag')!;
    const got = await fetch(server.documentUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/application\/json/);
    expect(got.headers.get('etag')).toBe(etag1);
    expect(await got.json()).toMatchObject({ version: 1, content: 'Version 1' });
    expect((await fetch(server.documentUrl, { headers: { 'if-none-match': etag1 } })).status).toBe(304);

    const second = await put(doc(2), { 'if-match': etag1 });
    expect(second.status).toBe(201);
    expect((await fetch(server.documentUrl, { headers: { 'if-none-match': etag1 } })).status).toBe(200);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, versions: 2, latest: 2 });
  });

  it('refuses a missing or wrong token, a missing If-Match, a stale ETag and a rollback', async () => {
    server = await startContextServer({ port: 0, dataDir: tempDir(), token: TOKEN, log: () => {} });
    expect((await put(doc(1), { authorization: 'Bearer nope', 'if-none-match': '*' })).status).toBe(401);
    expect((await put(doc(1), { authorization: '' })).status).toBe(401);
    expect((await put(doc(1))).status).toBe(428);
    const etag1 = (await put(doc(1), { 'if-none-match': '*' })).headers.get('etag')!;
    expect((await put(doc(2), { 'if-none-match': '*' })).status).toBe(412);
    const etag2 = (await put(doc(2), { 'if-match': etag1 })).headers.get('etag')!;
    const stale = await put(doc(3), { 'if-match': etag1 });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ currentVersion: 2 });
    expect((await put(doc(2, 'same number, new text'), { 'if-match': etag2 })).status).toBe(409);
    expect((await put(doc(1), { 'if-match': etag2 })).status).toBe(409);
    expect((await put('{not json', { 'if-match': etag2 })).status).toBe(400);
    expect((await put({ schema: 2, version: 3 }, { 'if-match': etag2 })).status).toBe(400);
    expect((await put(doc(3, 'x'.repeat(1024 * 1024)), { 'if-match': etag2 })).status).toBe(413);
  });

  it('with a public key, accepts only documents signed by it', async () => {
    const pair = generateSigningKeyPair();
    server = await startContextServer({ port: 0, dataDir: tempDir(), token: TOKEN, publicKey: pair.publicKey, log: () => {} });
    expect((await put(doc(1), { 'if-none-match': '*' })).status).toBe(400);
    const signed = signDocument(doc(1), pair.privateKey);
    expect((await put({ ...signed, content: 'tampered' }, { 'if-none-match': '*' })).status).toBe(400);
    expect((await put(signDocument(doc(1), generateSigningKeyPair().privateKey), { 'if-none-match': '*' })).status).toBe(400);
    expect((await put(signed, { 'if-none-match': '*' })).status).toBe(201);
  });

  it('keeps every version across a restart', async () => {
    const dataDir = tempDir();
    server = await startContextServer({ port: 0, dataDir, token: TOKEN, log: () => {} });
    const etag = (await put(doc(1), { 'if-none-match': '*' })).headers.get('etag')!;
    await put(doc(5), { 'if-match': etag });
    await server.close();
    server = await startContextServer({ port: 0, dataDir, token: TOKEN, log: () => {} });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, versions: 2, latest: 5 });
  });

  it('logs one structured line per request', async () => {
    const lines: Record<string, unknown>[] = [];
    server = await startContextServer({ port: 0, dataDir: tempDir(), token: TOKEN, log: (entry) => lines.push(entry) });
    await fetch(server.documentUrl);
    expect(lines).toEqual([expect.objectContaining({ level: 'info', method: 'GET', path: '/context.json', status: 404 })]);
  });
});
