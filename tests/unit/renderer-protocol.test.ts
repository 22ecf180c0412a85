import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/content-security-policy';
import { createRendererRequestHandler, resolveRendererPath } from '../../src/main/electron/renderer-files';

// app://parley/ serves out/renderer and nothing else.
let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'parley-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Parley</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveRendererPath', () => {
  it('maps app://parley/ paths into the renderer folder', () => {
    expect(resolveRendererPath(root, 'app://parley/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveRendererPath(root, 'app://parley/')).toBe(join(root, 'index.html'));
  });

  it('keeps dot segments the URL parser resolves inside the renderer folder', () => {
    expect(resolveRendererPath(root, 'app://parley/../../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveRendererPath(root, 'app://parley/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
  });

  it.each([
    'app://parley/..%2fsecret.txt',
    'app://parley/assets/..%2F..%2Fsecret.txt',
    'app://parley/..%5csecret.txt',
    'app://parley/assets/%00.js',
    'app://parley/%E0%A4%A',
    'app://other/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveRendererPath(root, url)).toBeNull();
  });
});

describe('the app:// request handler', () => {
  const get = (url: string, method = 'GET') => createRendererRequestHandler(root)(new Request(url, { method }));

  it('serves files with their type and the CSP header', async () => {
    const response = await get('app://parley/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers unknown paths with index.html (client-side routes)', async () => {
    const response = await get('app://parley/chats/123');
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<title>Parley</title>');
  });

  it('answers a missing asset with 404, not with HTML', async () => {
    const response = await get('app://parley/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/plain');
  });

  it('refuses traversal with 403 and never returns the outside file', async () => {
    const response = await get('app://parley/..%2fsecret.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside the renderer');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://parley/index.html', 'POST')).status).toBe(405);
  });
});
