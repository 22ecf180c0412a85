/**
 * Where the renderer comes from, and which URLs count as "ours". Pure (no electron import) so it is unit-tested.
 *
 * Node's URL reports `origin === "null"` for non-special schemes such as `app:`, so origins are built here
 * as `scheme://host[:port]` instead of read from `URL.origin`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'parley';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** `scheme://host[:port]` of a URL, or null when it has no host or does not parse. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

export function isTrustedUrl(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/** Only these are handed to the OS browser; file:, javascript:, custom app schemes etc. never are. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The normalised URL to give the OS for a link the person clicked, or null: http(s) and mailto only,
 * never with user:password@ (which disguises the real host, as in https://bank.com@evil.example).
 */
export function externalLinkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return parsed.href;
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    if (parsed.username || parsed.password) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * electron-vite dev sets ELECTRON_RENDERER_URL to its dev server. A packaged app ignores it: an environment
 * variable must never be able to point our preload-bearing window at another page.
 */
export function rendererDevUrl(isPackaged: boolean, env: Record<string, string | undefined>): string | null {
  const url = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !url) return null;
  return isExternalWebUrl(url) ? url : null;
}

/** Our own origin plus, in dev, the dev server's. */
export function trustedOriginsFor(devUrl: string | null): string[] {
  const devOrigin = devUrl ? originOf(devUrl) : null;
  return devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
}
