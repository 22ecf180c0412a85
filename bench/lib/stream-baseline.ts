import type { Browser } from 'playwright-core';
import { VIEWPORT } from './browser';
import { measure, settle, type Rendered, type StreamRun } from './measure';

interface ReplayResult {
  startAt: number;
  lastAppliedAt: number;
  paintedAt: number;
  commits: number;
  maxBehindMs: number;
  characters: number;
  rendered: Rendered;
}

/**
 * The same answer through the baseline page (bench/baseline): every delta Parley's page received, at
 * the times it received them (`schedule`, recorded in-page during a Parley run), each one re-rendering
 * the whole message with react-markdown + remark-gfm.
 */
export async function streamInBaseline(browser: Browser, baselineUrl: string, answer: string, schedule: [number, number][], timeoutMs: number): Promise<StreamRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(baselineUrl);
    await page.waitForFunction('window.__baseline && window.__baseline.ready', undefined, { timeout: 15_000 });
    // Handing over the 100,000 characters is not part of the measurement.
    await page.evaluate(`window.__baseline.load(${JSON.stringify(answer)})`);
    await settle(page, 500);
    let replay: Promise<ReplayResult> | null = null;
    const { result, metrics } = await measure(
      page,
      async () => {
        replay = page.evaluate(`window.__baseline.replay(${JSON.stringify(schedule)})`) as Promise<ReplayResult>;
      },
      () => replay!,
      timeoutMs,
    );
    if (result.characters !== answer.length) throw new Error(`the baseline showed ${result.characters} of ${answer.length} characters`);
    return {
      ...metrics,
      wallMs: Math.round(result.paintedAt - result.startAt),
      deltas: schedule.length,
      characters: result.characters,
      longTasksObserved: null,
      rendered: result.rendered,
      extra: {
        renders: result.commits,
        // How late the worst delta was applied against the recorded schedule: > 0 means it fell behind.
        maxBehindScheduleMs: Math.round(result.maxBehindMs),
        scheduleSpanMs: Math.round(schedule.at(-1)?.[0] ?? 0),
      },
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}
