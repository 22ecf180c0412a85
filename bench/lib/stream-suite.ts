import type { Browser } from 'playwright-core';
import { describeMarkdown, longAnswer } from './markdown-corpus';
import type { HarnessFiles } from './processes';
import { limitRow, ratio, row, spreadOf, type Row } from './report';
import { serveDirectory } from './static-server';
import { round } from './stats';
import { streamInBaseline } from './stream-baseline';
import type { StreamRun } from './measure';
import { streamInParley, type ParleyStreamRun } from './stream-parley';

export interface StreamSuiteOptions {
  root: string;
  browser: Browser;
  harnessFiles: HarnessFiles;
  fakeUrl: string;
  baselineDir: string;
  runs: number;
  /** The baseline takes minutes per run (2-4 on 2 busy cores) and is only the reference: fewer runs. */
  baselineRuns: number;
  answerChars: number;
  chunkSize: number;
  delayMs: number;
  log: (line: string) => void;
}

/** One row per figure, for Parley and the baseline alike. */
function figures(label: string, runs: StreamRun[], judge: boolean): Row[] {
  const longest = spreadOf(runs, (r) => r.trace.longestTaskMs);
  return [
    judge ? limitRow(`${label}: longest main-thread task`, longest, 'ms', 50, 'max') : row(`${label}: longest main-thread task`, longest, 'ms'),
    row(`${label}: tasks over 50 ms`, spreadOf(runs, (r) => r.trace.tasksOver50Ms), 'count'),
    row(`${label}: total main-thread task time (trace)`, spreadOf(runs, (r) => r.trace.totalTaskMs), 'ms'),
    row(`${label}: task time (CDP TaskDuration)`, spreadOf(runs, (r) => r.taskDurationMs), 'ms'),
    row(`${label}: scripting (CDP ScriptDuration)`, spreadOf(runs, (r) => r.scriptDurationMs), 'ms'),
    row(`${label}: scripting (trace JS entry points)`, spreadOf(runs, (r) => r.trace.scriptingMs), 'ms'),
    row(`${label}: style + layout (CDP)`, spreadOf(runs, (r) => r.styleDurationMs + r.layoutDurationMs), 'ms'),
    row(`${label}: wall time`, spreadOf(runs, (r) => r.wallMs), 'ms'),
    row(`${label}: deltas received`, spreadOf(runs, (r) => r.deltas), 'count'),
    row(`${label}: frames painted`, spreadOf(runs, (r) => r.trace.paintedFrames), 'count'),
  ];
}

/** Parley and the baseline alternate run by run, so drift in machine load touches both alike. */
export async function runStreamSuite(options: StreamSuiteOptions): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const answer = longAnswer(options.answerChars);
  const parleyTimeoutMs = 10 * 60_000;
  const baselineTimeoutMs = 20 * 60_000;
  const parley: ParleyStreamRun[] = [];
  const baseline: StreamRun[] = [];
  const server = await serveDirectory(options.baselineDir);
  try {
    for (let i = 0; i < options.runs; i++) {
      let started = Date.now();
      parley.push(await streamInParley({ ...options, answer, timeoutMs: parleyTimeoutMs }));
      const p = parley.at(-1)!;
      options.log(`stream ${i + 1}/${options.runs} Parley: ${p.deltas} deltas, longest task ${p.trace.longestTaskMs} ms, tasks ${p.trace.totalTaskMs} ms (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (i >= options.baselineRuns) continue;
      started = Date.now();
      // Every baseline run replays the first Parley run's cadence: the same input each time.
      baseline.push(await streamInBaseline(options.browser, server.url, answer, parley[0]!.schedule, baselineTimeoutMs));
      const b = baseline.at(-1)!;
      options.log(`stream ${i + 1}/${options.runs} baseline: longest task ${b.trace.longestTaskMs} ms, tasks ${b.trace.totalTaskMs} ms (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await server.close();
  }

  // `--baseline-runs 0` measures Parley alone (while working on it): no baseline, no ratio.
  const hasBaseline = baseline.length > 0;
  const parleyTasks = spreadOf(parley, (r) => r.trace.totalTaskMs).median;
  const taskRatio = hasBaseline ? ratio(spreadOf(baseline, (r) => r.trace.totalTaskMs).median, parleyTasks) : null;
  const scriptRatio = hasBaseline ? ratio(spreadOf(baseline, (r) => r.scriptDurationMs).median, spreadOf(parley, (r) => r.scriptDurationMs).median) : null;
  const rows = [
    ...figures('Parley', parley, true),
    ...(hasBaseline
      ? [
          ...figures('Baseline', baseline, false),
          row('Main-thread task time, baseline ÷ Parley', taskRatio!, '×', '≥ 20 (median)', taskRatio! >= 20),
          row('Scripting (ScriptDuration), baseline ÷ Parley', scriptRatio!, '×'),
        ]
      : []),
  ];

  const schedule = parley[0]!.schedule;
  const gaps = schedule.slice(1).map(([at], i) => at - schedule[i]![0]);
  return {
    rows,
    raw: {
      answer: describeMarkdown(answer),
      settings: { chunkSize: options.chunkSize, delayMs: options.delayMs, runs: options.runs, baselineRuns: Math.min(options.baselineRuns, options.runs) },
      replayedSchedule: {
        deltas: schedule.length,
        spanMs: round(schedule.at(-1)?.[0] ?? 0),
        meanCharactersPerDelta: round(answer.length / schedule.length),
        meanGapMs: round(gaps.reduce((s, g) => s + g, 0) / Math.max(1, gaps.length)),
        maxGapMs: round(Math.max(0, ...gaps)),
      },
      parley: parley.map(({ schedule: _schedule, ...run }) => run),
      baseline,
      taskRatio,
      scriptRatio,
    },
  };
}
