import type { Browser } from 'playwright-core';
import { openChat, type OpenChatRun } from './open-chat';
import { startHarness, stopProcess, type HarnessFiles } from './processes';
import { limitRow, ratio, row, spreadOf, type Row } from './report';
import { makeTempDir, removeTempDir } from './temp-dirs';
import { seedChats, type SeededChat } from './seed-database';

export interface OpenChatSuiteOptions {
  root: string;
  browser: Browser;
  harnessFiles: HarnessFiles;
  fakeUrl: string;
  runs: number;
  log: (line: string) => void;
}

const BIG = { title: 'Bench: 10,000 messages', messages: 10_000 };
const SMALL = { title: 'Bench: 100 messages', messages: 100 };

/**
 * Seeds a data folder: the harness creates and migrates the database (so the schema is the app's own),
 * is stopped, the chats are written directly, and the harness starts again on it.
 */
async function seededHarness(options: OpenChatSuiteOptions, dataDir: string): Promise<{ chats: SeededChat[]; seedMs: number }> {
  const first = await startHarness(options.root, options.harnessFiles, dataDir, options.fakeUrl);
  await stopProcess(first.child);
  const started = Date.now();
  const chats = seedChats(dataDir, [BIG, SMALL]);
  return { chats, seedMs: Date.now() - started };
}

export async function runOpenChatSuite(options: OpenChatSuiteOptions): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const dataDir = makeTempDir('parley-bench-open-');
  try {
    const { chats, seedMs } = await seededHarness(options, dataDir);
    options.log(`seeded ${chats.map((c) => c.messageCount).join(' + ')} messages in ${seedMs} ms`);
    const [big, small] = chats as [SeededChat, SeededChat];
    const harness = await startHarness(options.root, options.harnessFiles, dataDir, options.fakeUrl);
    const runs: Record<'small' | 'big', OpenChatRun[]> = { small: [], big: [] };
    const traced: Partial<Record<'small' | 'big', OpenChatRun>> = {};
    try {
      for (let i = 0; i < options.runs; i++) {
        // Alternate which chat goes first, so neither always benefits from a warmer database or CPU.
        const order = i % 2 === 0 ? (['small', 'big'] as const) : (['big', 'small'] as const);
        for (const which of order) {
          const run = await openChat(options.browser, harness.url, which === 'big' ? big : small);
          runs[which].push(run);
          options.log(`open ${i + 1}/${options.runs} ${which === 'big' ? '10,000' : '100'} messages: ${run.clickToPaintedMs} ms, ${run.domNodes} DOM nodes`);
        }
      }
      for (const which of ['small', 'big'] as const) traced[which] = await openChat(options.browser, harness.url, which === 'big' ? big : small, true);
    } finally {
      await stopProcess(harness.child);
    }

    const smallPaint = spreadOf(runs.small, (r) => r.clickToPaintedMs);
    const bigPaint = spreadOf(runs.big, (r) => r.clickToPaintedMs);
    const scaling = ratio(bigPaint.median, smallPaint.median);
    const rows: Row[] = [
      limitRow('Open 100-message chat: click → painted', smallPaint, 'ms', 50, 'median'),
      limitRow('Open 10,000-message chat: click → painted', bigPaint, 'ms', 50, 'median'),
      row('Open 100-message chat: click → next frame begins (2 rAF, upper bound)', spreadOf(runs.small, (r) => r.clickToNextFrameMs), 'ms'),
      row('Open 10,000-message chat: click → next frame begins (2 rAF, upper bound)', spreadOf(runs.big, (r) => r.clickToNextFrameMs), 'ms'),
      row('Open 100-message chat: click → in DOM', spreadOf(runs.small, (r) => r.clickToPresentMs), 'ms'),
      row('Open 10,000-message chat: click → in DOM', spreadOf(runs.big, (r) => r.clickToPresentMs), 'ms'),
      limitRow('DOM nodes, 100-message chat', spreadOf(runs.small, (r) => r.domNodes), 'count', 2000, 'max'),
      limitRow('DOM nodes, 10,000-message chat', spreadOf(runs.big, (r) => r.domNodes), 'count', 2000, 'max'),
      row('Message elements in DOM, 10,000-message chat', spreadOf(runs.big, (r) => r.messageElements), 'count'),
      row('Open time, 10,000 ÷ 100 messages', scaling, '×', '≤ 1.5 (median)', scaling <= 1.5),
      ...(['small', 'big'] as const).flatMap((which) => {
        const trace = traced[which]?.trace;
        const label = `Open ${which === 'big' ? '10,000' : '100'} (one traced run)`;
        return trace
          ? [row(`${label}: longest task`, trace.longestTaskMs, 'ms'), row(`${label}: main-thread task time`, trace.totalTaskMs, 'ms'), row(`${label}: click → painted`, traced[which]!.clickToPaintedMs, 'ms')]
          : [];
      }),
    ];
    return { rows, raw: { chats, seedMs, runs, traced } };
  } finally {
    removeTempDir(dataDir);
  }
}
