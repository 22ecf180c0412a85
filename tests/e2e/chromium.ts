import { existsSync } from 'node:fs';

/** Debian's Chromium (no browser download on our machines); CHROMIUM_PATH points elsewhere. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('No Chromium found: install Debian\'s `chromium` package or set CHROMIUM_PATH');
  return found;
}

/** Without these, Chromium stalls on a closed network (background fetches, component updates). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
