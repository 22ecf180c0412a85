import type { Browser } from 'playwright-core';
import streamProbe from '../page/stream-probe.js?raw';
import { VIEWPORT } from './browser';
import { measure, settle, type Rendered, type StreamRun } from './measure';
import { setFakeScenario, startHarness, stopProcess, type HarnessFiles } from './processes';
import { makeTempDir, removeTempDir } from './temp-dirs';

export interface ParleyStreamRun extends StreamRun {
  /** [ms since the first delta, characters] per delta: the cadence the baseline replays. */
  schedule: [number, number][];
}

interface ProbeRecord {
  sendAt: number | null;
  deltas: [number, number][];
  startAt: number | null;
  endAt: number | null;
  completeAt: number | null;
  paintedAt: number | null;
  endStatus: string | null;
  endChars: number;
  error: string | null;
  rendered: Rendered | null;
  longTasks: number[];
}

export interface StreamSettings {
  root: string;
  browser: Browser;
  harnessFiles: HarnessFiles;
  fakeUrl: string;
  answer: string;
  chunkSize: number;
  delayMs: number;
  timeoutMs: number;
}

/**
 * One streamed answer through the real app: a fresh data folder and harness, a fresh page, New chat,
 * type, Enter; the fake API streams `answer` in `chunkSize`-character deltas `delayMs` apart, the core
 * coalesces them (~one message per 16 ms), and the page records each one it receives.
 */
export async function streamInParley(settings: StreamSettings): Promise<ParleyStreamRun> {
  const dataDir = makeTempDir('parley-bench-stream-');
  const harness = await startHarness(settings.root, settings.harnessFiles, dataDir, settings.fakeUrl);
  const context = await settings.browser.newContext({ viewport: VIEWPORT });
  try {
    await setFakeScenario(settings.fakeUrl, { kind: 'text', text: settings.answer, chunkSize: settings.chunkSize, delayMs: settings.delayMs });
    await context.addInitScript({ content: streamProbe });
    const page = await context.newPage();
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'New chat' }).first().click({ timeout: 15_000 });
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Write me a long answer with code, tables and lists.', { timeout: 15_000 });
    await settle(page, 500);

    const { result: record, metrics } = await measure(
      page,
      () => composer.press('Enter'),
      () => page.evaluate('window.__parleyBench.done') as Promise<ProbeRecord>,
      settings.timeoutMs,
    );
    if (record.error) throw new Error(`the stream failed: ${record.error}`);
    if (record.endStatus !== 'complete' || record.endChars !== settings.answer.length) {
      throw new Error(`the answer ended ${record.endStatus} with ${record.endChars} of ${settings.answer.length} characters`);
    }
    const firstDeltaAt = record.deltas[0]?.[0] ?? 0;
    const lastDeltaAt = record.deltas.at(-1)?.[0] ?? 0;
    return {
      ...metrics,
      wallMs: Math.round(record.paintedAt! - record.sendAt!),
      deltas: record.deltas.length,
      characters: record.deltas.reduce((sum, [, n]) => sum + n, 0),
      longTasksObserved: record.longTasks.length,
      rendered: record.rendered,
      schedule: record.deltas.map(([at, n]) => [Math.round((at - firstDeltaAt) * 10) / 10, n]),
      extra: {
        sendToFirstDeltaMs: Math.round(firstDeltaAt - record.sendAt!),
        firstToLastDeltaMs: Math.round(lastDeltaAt - firstDeltaAt),
        // How far the DOM lags the stream: message_end received → "complete" shown and painted.
        endToPaintedMs: Math.round(record.paintedAt! - record.endAt!),
      },
    };
  } finally {
    await context.close().catch(() => undefined);
    await stopProcess(harness.child);
    removeTempDir(dataDir);
  }
}
