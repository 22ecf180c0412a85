import type { Page } from 'playwright-core';
import { withTimeout } from './browser';
import { readPerformanceMetrics, TraceRecorder, type TraceSummary } from './trace';

/** Elements in the finished answer: Parley and the baseline must have drawn the same markdown. */
export interface Rendered {
  tables: number;
  codeBlocks: number;
  headings: number;
}

/** What one streamed answer cost the page's main thread. Shared by Parley and the baseline. */
export interface StreamRun {
  trace: TraceSummary;
  /** CDP Performance.getMetrics ScriptDuration, after minus before (renderer main thread). */
  scriptDurationMs: number;
  /** CDP TaskDuration delta: Chrome's own total of main-thread task time, a cross-check for the trace. */
  taskDurationMs: number;
  layoutDurationMs: number;
  styleDurationMs: number;
  /** Send (Enter) → the finished answer painted (Parley); replay start → last delta painted (baseline). */
  wallMs: number;
  /** content_delta messages that reached the page (Parley) / deltas applied (baseline). */
  deltas: number;
  characters: number;
  /** PerformanceObserver 'longtask' entries, a cross-check of the trace's tasks over 50 ms (Parley only). */
  longTasksObserved: number | null;
  rendered: Rendered | null;
  extra: Record<string, number | string | null>;
}

/** Measures a traced page from `start()` until `finished` resolves. */
export async function measure<T>(page: Page, start: () => Promise<void>, finished: () => Promise<T>, timeoutMs: number): Promise<{ result: T; metrics: Omit<StreamRun, 'wallMs' | 'deltas' | 'characters' | 'longTasksObserved' | 'rendered' | 'extra'> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const recorder = new TraceRecorder(cdp);
  const before = await readPerformanceMetrics(cdp);
  await recorder.start();
  try {
    await start();
    const result = await withTimeout(finished(), timeoutMs, 'the streamed answer');
    const after = await readPerformanceMetrics(cdp);
    const trace = await recorder.stop(page.url());
    const ms = (seconds: number) => Math.round(seconds * 10_000) / 10;
    return {
      result,
      metrics: {
        trace,
        scriptDurationMs: ms(after.scriptSeconds - before.scriptSeconds),
        taskDurationMs: ms(after.taskSeconds - before.taskSeconds),
        layoutDurationMs: ms(after.layoutSeconds - before.layoutSeconds),
        styleDurationMs: ms(after.styleSeconds - before.styleSeconds),
      },
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Waits until the page has had two frames and `ms` of quiet, so start-up work is not measured.
 * (In-page code is passed as text throughout: bench/** is type-checked without DOM types.)
 */
export async function settle(page: Page, ms: number): Promise<void> {
  await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, ${Number(ms)}))))`);
}
