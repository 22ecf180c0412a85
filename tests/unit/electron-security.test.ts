import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: { on: vi.fn() }, shell: { openExternal: vi.fn() } }));

const { isPermissionGranted } = await import('../../src/main/electron/security');
const { originOf, isTrustedUrl, isExternalWebUrl, externalLinkTarget, rendererDevUrl, trustedOriginsFor } = await import(
  '../../src/main/electron/app-origin'
);

const TRUSTED = ['app://parley'];

describe('origins', () => {
  it('builds origins for the custom scheme (where URL.origin says "null")', () => {
    expect(originOf('app://parley/index.html')).toBe('app://parley');
    expect(originOf('http://localhost:5173/chats')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('garbage')).toBeNull();
  });

  it('trusts only exact origins', () => {
    expect(isTrustedUrl('app://parley/x', TRUSTED)).toBe(true);
    expect(isTrustedUrl('app://parley.evil/x', TRUSTED)).toBe(false);
    expect(isTrustedUrl('app://evil/parley', TRUSTED)).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd', TRUSTED)).toBe(false);
  });

  it('hands only http(s) links to the OS browser', () => {
    expect(isExternalWebUrl('https://docs.anthropic.com')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://parley/']) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });

  it('uses the dev server only in unpackaged runs', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererDevUrl(false, env)).toBe('http://localhost:5173');
    expect(rendererDevUrl(true, env)).toBeNull();
    expect(rendererDevUrl(false, { ELECTRON_RENDERER_URL: 'file:///tmp/x.html' })).toBeNull();
    expect(trustedOriginsFor('http://localhost:5173/')).toEqual(['app://parley', 'http://localhost:5173']);
    expect(trustedOriginsFor(null)).toEqual(['app://parley']);
  });
});

describe('permissions', () => {
  it('denies everything except sanitized clipboard writes from our own top-level page', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://parley/index.html', true, TRUSTED)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://parley/index.html', false, TRUSTED)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', true, TRUSTED)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, true, TRUSTED)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      expect(isPermissionGranted(permission, 'app://parley/index.html', true, TRUSTED)).toBe(false);
    }
  });
});

describe('externalLinkTarget', () => {
  it('hands the OS a normalised http(s) or mailto URL', () => {
    expect(externalLinkTarget('https://docs.anthropic.com/x y')).toBe('https://docs.anthropic.com/x%20y');
    expect(externalLinkTarget('mailto:team@example.com')).toBe('mailto:team@example.com');
  });

  it.each(['https://bank.com@evil.example/', 'https://user:pw@example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'ms-msdt:x', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(externalLinkTarget(url)).toBeNull();
    },
  );
});
