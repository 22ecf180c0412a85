import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/chromium';

export const VIEWPORT = { width: 1280, height: 800 };

/** The same Chromium and flags as the end-to-end tests, so the figures are comparable. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** Rejects after `ms` so a stuck page can never hang the bench. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no result within ${ms / 1000} s`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
