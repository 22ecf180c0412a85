/**
 * The renderer bench (`npm run bench`; bench/run.mjs builds this file and calls main()).
 * It prints figures and writes them to bench/results/; it never asserts on time (ARCHITECTURE.md §7).
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/browser';
import { speedCheck } from './lib/calibration';
import { machineInfo } from './lib/machine';
import { methodNotes } from './lib/method-notes';
import { runOpenChatSuite } from './lib/open-chat-suite';
import { startFakeAnthropic, stopAll, type HarnessFiles } from './lib/processes';
import { printTable, writeResults, type Row } from './lib/report';
import { runStreamSuite } from './lib/stream-suite';
import { removeAllTempDirs } from './lib/temp-dirs';
import { setTraceBreakdown } from './lib/trace';

/** Nothing the bench does should take this long; if it does, it stops and cleans up instead of hanging. */
const HARD_LIMIT_MS = 60 * 60_000;

const USAGE = `usage: npm run bench -- [--only stream|open] [--stream-runs 3] [--baseline-runs 1] [--open-runs 5] [--delay-ms 1] [--chunk-size 4] [--answer-chars 100000] [--breakdown] [--skip-build]`;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      'stream-runs': { type: 'string', default: '3' },
      'baseline-runs': { type: 'string', default: '1' },
      'open-runs': { type: 'string', default: '5' },
      'delay-ms': { type: 'string', default: '1' },
      'chunk-size': { type: 'string', default: '4' },
      'answer-chars': { type: 'string', default: '100000' },
      'skip-build': { type: 'boolean', default: false },
      breakdown: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}\n${USAGE}`);
    return value;
  };
  if (values.only !== undefined && values.only !== 'stream' && values.only !== 'open') throw new Error(USAGE);
  return {
    help: values.help,
    breakdown: values.breakdown,
    stream: values.only !== 'open',
    open: values.only !== 'stream',
    streamRuns: int('stream-runs', 1),
    baselineRuns: int('baseline-runs', 0),
    openRuns: int('open-runs', 1),
    delayMs: int('delay-ms', 0),
    chunkSize: int('chunk-size', 1),
    answerChars: int('answer-chars', 1000),
  };
}

/**
 * Copies the built renderer and harness aside: other work may rebuild out/ while the bench runs, and every
 * harness the bench starts must serve the same build.
 */
function snapshotBuild(root: string, buildDir: string): HarnessFiles {
  // Inside the repository's node_modules, so the copied harness still resolves its dependencies.
  const dir = join(buildDir, 'snapshot');
  const sources = { renderer: join(root, 'out/renderer'), cli: join(root, 'out-harness/cli.mjs'), client: join(root, 'out-harness/client.js') };
  for (const path of Object.values(sources)) {
    if (!existsSync(path)) throw new Error(`${path} is missing: build first (npm run harness -- --build-only)`);
  }
  rmSync(dir, { recursive: true, force: true });
  cpSync(sources.renderer, join(dir, 'renderer'), { recursive: true });
  cpSync(sources.cli, join(dir, 'cli.mjs'));
  cpSync(sources.client, join(dir, 'client.js'));
  return { cli: join(dir, 'cli.mjs'), rendererDir: join(dir, 'renderer'), clientScript: join(dir, 'client.js') };
}

export async function main({ root, buildDir, argv }: { root: string; buildDir: string; argv: string[] }): Promise<number> {
  const settings = options(argv);
  if (settings.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  setTraceBreakdown(settings.breakdown);
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  let browser: Browser | null = null;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await stopAll();
    removeAllTempDirs();
  };
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // Ctrl+C reaches Chromium and the harnesses too, so the run in progress fails: that is expected.
    interrupted = true;
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const hardLimit = setTimeout(() => {
    log(`still running after ${HARD_LIMIT_MS / 60_000} min: stopping`);
    void cleanup().finally(() => process.exit(1));
  }, HARD_LIMIT_MS);
  hardLimit.unref();

  try {
    const harnessFiles = snapshotBuild(root, buildDir);
    const fake = await startFakeAnthropic(root);
    browser = await launchChromium();
    const machine = machineInfo(root, browser.version(), harnessFiles.rendererDir);
    const speedAtStart = await speedCheck(browser);
    log(`Chromium ${browser.version()}, ${machine.cores} cores, ${machine.memoryGiB} GiB; speed check ${speedAtStart} ms`);
    const common = { root, browser, harnessFiles, fakeUrl: fake.url, log };

    const sections: { title: string; rows: Row[] }[] = [];
    const raw: Record<string, unknown> = {};
    if (settings.stream) {
      const stream = await runStreamSuite({ ...common, baselineDir: join(buildDir, 'baseline'), runs: settings.streamRuns, baselineRuns: settings.baselineRuns, answerChars: settings.answerChars, chunkSize: settings.chunkSize, delayMs: settings.delayMs });
      sections.push({ title: `(a) Streaming a ${settings.answerChars.toLocaleString('en')}-character markdown answer, ${settings.chunkSize}-char deltas ${settings.delayMs} ms apart, ${settings.streamRuns} Parley runs, ${Math.min(settings.baselineRuns, settings.streamRuns)} baseline`, rows: stream.rows });
      raw.streaming = stream.raw;
    }
    if (settings.open) {
      const open = await runOpenChatSuite({ ...common, runs: settings.openRuns });
      sections.push({ title: `(b) Opening a chat, ${settings.openRuns} runs each`, rows: open.rows });
      raw.openChat = open.raw;
    }

    const speedAtEnd = await speedCheck(browser);
    for (const section of sections) printTable(section.title, section.rows);
    process.stdout.write(`\nChromium ${machine.chromium}, ${machine.cores} cores, ${machine.memoryGiB} GiB; load average ${machine.loadAverage1m} at the start, ${Math.round(loadavg()[0]! * 100) / 100} at the end.\n`);
    process.stdout.write(`Speed check (a fixed script and DOM workload in this Chromium, lower is faster): ${speedAtStart} ms at the start, ${speedAtEnd} ms at the end.\n`);
    const file = writeResults(root, {
      kind: 'renderer',
      createdAt: new Date().toISOString(),
      // Other work on the machine (tests, builds) shows up in every figure: compare with the start.
      machine: { ...machine, loadAverage1mAtEnd: Math.round(loadavg()[0]! * 100) / 100, speedCheckMs: { start: speedAtStart, end: speedAtEnd } },
      method: methodNotes(settings),
      table: sections,
      ...raw,
    });
    process.stdout.write(`\nRaw figures: ${file}\n`);
    return 0;
  } catch (error) {
    if (interrupted) return 130;
    throw error;
  } finally {
    clearTimeout(hardLimit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}
