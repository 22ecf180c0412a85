import type { CDPSession } from 'playwright-core';

/**
 * Chrome tracing over CDP, reduced to what the bench reports. A PerformanceObserver 'longtask' only sees
 * tasks over 50 ms, and the target is "no task over 50 ms", so the longest task must come from the trace,
 * where every task on the renderer main thread is a 'RunTask' event with an exact duration.
 */

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * Where the main thread enters JavaScript. Their union (nested calls counted once) is the trace's view of
 * scripting time; it excludes style, layout and paint, which are the rest of a task.
 */
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'V8.Execute', 'RunMicrotasks', 'v8.run', 'v8.callFunction']);
const TASK_EVENT = 'RunTask';
const PAINT_EVENT = 'Paint';
const KEEP = new Set([TASK_EVENT, PAINT_EVENT, ...SCRIPT_EVENTS]);
/** How many event names the breakdown lists. */
const BREAKDOWN_NAMES = 16;

interface RawEvent {
  pid: number;
  tid: number;
  ph: string;
  name: string;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { frames?: { processId?: number; url?: string; isOutermostMainFrame?: boolean }[] } };
}

/** Only what the analysis needs, so a minute of tracing a busy page stays a few MB in this process. */
interface KeptEvent {
  pid: number;
  tid: number;
  ph: string;
  name: string;
  ts: number;
  dur: number;
}

export interface TraceSummary {
  rendererPid: number;
  mainThreadId: number;
  /** Top-level tasks on the renderer main thread (CrRendererMain). */
  taskCount: number;
  longestTaskMs: number;
  /** The five longest, longest first: one outlier and a long tail look different. */
  longestTasksMs: number[];
  /** When each of those started, in ms after the first task of the trace (e.g. at the very end = the final render). */
  longestTasksAtMs: number[];
  totalTaskMs: number;
  tasksOver50Ms: number;
  /** Sum over tasks of (duration − 50 ms) for tasks over 50 ms: Lighthouse's "total blocking time". */
  blockingMs: number;
  /** Union of SCRIPT_EVENTS intervals on the main thread. */
  scriptingMs: number;
  traceSpanMs: number;
  /** Chrome says events were dropped (its trace buffer filled): the figures are then lower bounds. */
  dataLoss: boolean;
  /** Tasks that painted (held a `Paint` event): how many times the page was drawn anew. */
  paintedFrames: number;
  /**
   * Where the task time went: self time (ms) per trace event name on the main thread, largest first
   * (`--breakdown` only: it keeps every event of the trace, so it costs memory and slows the analysis).
   */
  breakdown?: Record<string, number>;
}

let breakdownByDefault = false;
/** `--breakdown`: every trace of this run also reports self time per event name (see TraceSummary). */
export function setTraceBreakdown(on: boolean): void {
  breakdownByDefault = on;
}

export class TraceRecorder {
  private kept: KeptEvent[] = [];
  private threadNames = new Map<string, string>();
  private framePids: { pid: number; url: string; main: boolean }[] = [];
  private completed: Promise<boolean> | null = null;

  constructor(
    private readonly cdp: CDPSession,
    readonly breakdown = breakdownByDefault,
  ) {
    cdp.on('Tracing.dataCollected', ({ value }) => {
      for (const event of value as unknown as RawEvent[]) this.take(event);
    });
  }

  async start(): Promise<void> {
    this.kept = [];
    this.threadNames.clear();
    this.framePids = [];
    this.completed = new Promise((done) => this.cdp.once('Tracing.tracingComplete', (e) => done(Boolean(e.dataLossOccurred))));
    await this.cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      // The largest buffer Chrome offers: the streaming runs last tens of seconds on a busy page.
      traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    });
  }

  /** Stops tracing and analyses the page's renderer main thread (the process showing `pageUrl`). */
  async stop(pageUrl: string, timeoutMs = 120_000): Promise<TraceSummary> {
    await this.cdp.send('Tracing.end');
    let timer: NodeJS.Timeout | undefined;
    const dataLoss = await Promise.race([
      this.completed!,
      new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error('the trace did not complete in time')), timeoutMs))),
    ]).finally(() => clearTimeout(timer));
    return this.analyse(pageUrl, dataLoss);
  }

  private take(event: RawEvent): void {
    if (event.ph === 'M' && event.name === 'thread_name') {
      this.threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
    } else if (event.name === 'TracingStartedInBrowser') {
      for (const frame of event.args?.data?.frames ?? []) {
        if (frame.processId) this.framePids.push({ pid: frame.processId, url: frame.url ?? '', main: Boolean(frame.isOutermostMainFrame) });
      }
    } else if ((this.breakdown || KEEP.has(event.name)) && (event.ph === 'X' || event.ph === 'B' || event.ph === 'E')) {
      this.kept.push({ pid: event.pid, tid: event.tid, ph: event.ph, name: event.name, ts: event.ts, dur: event.dur ?? 0 });
    }
  }

  private analyse(pageUrl: string, dataLoss: boolean): TraceSummary {
    const origin = new URL(pageUrl).origin;
    const mains = [...this.threadNames].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key.split(':').map(Number) as [number, number]);
    const framePid =
      this.framePids.find((f) => f.main && f.url.startsWith(origin))?.pid ?? this.framePids.find((f) => f.main)?.pid;
    // Fallback: the renderer main thread that ran the most tasks (a spare renderer idles).
    const busiest = () => {
      const counts = new Map<string, number>();
      for (const e of this.kept) if (e.name === TASK_EVENT) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
      return mains.sort((a, b) => (counts.get(`${b[0]}:${b[1]}`) ?? 0) - (counts.get(`${a[0]}:${a[1]}`) ?? 0))[0];
    };
    const main = mains.find(([pid]) => pid === framePid) ?? busiest();
    if (!main) throw new Error('the trace has no renderer main thread (CrRendererMain)');
    const [pid, tid] = main;
    const events = completeEvents(this.kept.filter((e) => e.pid === pid && e.tid === tid));

    const tasks = topLevel(events.filter((e) => e.name === TASK_EVENT));
    const durations = tasks.map((t) => t.dur / 1000).sort((a, b) => b - a);
    const longest = [...tasks].sort((a, b) => b.dur - a.dur).slice(0, 5);
    const first = tasks[0]?.ts ?? 0;
    const scripting = union(events.filter((e) => SCRIPT_EVENTS.has(e.name)));
    const last = tasks.at(-1);
    return {
      rendererPid: pid,
      mainThreadId: tid,
      taskCount: tasks.length,
      longestTaskMs: round(durations[0] ?? 0),
      longestTasksMs: durations.slice(0, 5).map(round),
      longestTasksAtMs: longest.map((t) => round((t.ts - first) / 1000)),
      totalTaskMs: round(durations.reduce((sum, d) => sum + d, 0)),
      tasksOver50Ms: durations.filter((d) => d > 50).length,
      blockingMs: round(durations.reduce((sum, d) => sum + Math.max(0, d - 50), 0)),
      scriptingMs: round(scripting / 1000),
      traceSpanMs: round(last ? (last.ts + last.dur - first) / 1000 : 0),
      dataLoss,
      paintedFrames: countPainting(tasks, events.filter((e) => e.name === PAINT_EVENT)),
      ...(this.breakdown ? { breakdown: selfTimes(events, tasks) } : {}),
    };
  }
}

/** How many of the (sorted, top-level) tasks hold at least one of the (sorted) paint events. */
function countPainting(tasks: KeptEvent[], paints: KeptEvent[]): number {
  let count = 0;
  let next = 0;
  for (const task of tasks) {
    while (next < paints.length && paints[next]!.ts < task.ts) next++;
    if (next < paints.length && paints[next]!.ts < task.ts + task.dur) count++;
  }
  return count;
}

/** Self time per event name inside the top-level tasks: an event's duration minus its children's. */
function selfTimes(sorted: KeptEvent[], tasks: KeptEvent[]): Record<string, number> {
  const totals = new Map<string, number>();
  const inside = sorted
    .filter((e) => tasks.length > 0 && e.ts >= tasks[0]!.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack: { event: KeptEvent; children: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur <= until) {
      const { event, children } = stack.pop()!;
      totals.set(event.name, (totals.get(event.name) ?? 0) + Math.max(0, event.dur - children));
      if (stack.length > 0) stack.at(-1)!.children += event.dur;
    }
  };
  for (const event of inside) {
    close(event.ts);
    stack.push({ event, children: 0 });
  }
  close(Infinity);
  return Object.fromEntries(
    [...totals].sort((a, b) => b[1] - a[1]).slice(0, BREAKDOWN_NAMES).map(([name, us]) => [name, round(us / 1000)]),
  );
}

/** B/E pairs become complete events; an unmatched B (still open at the end) or E is dropped. */
function completeEvents(events: KeptEvent[]): KeptEvent[] {
  const out: KeptEvent[] = [];
  const open = new Map<string, KeptEvent[]>();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') out.push(e);
    else if (e.ph === 'B') open.set(e.name, [...(open.get(e.name) ?? []), e]);
    else {
      const begin = open.get(e.name)?.pop();
      if (begin) out.push({ ...begin, ph: 'X', dur: e.ts - begin.ts });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** A task can nest inside another (a nested run loop); only the outermost one is a task of its own. */
function topLevel(sorted: KeptEvent[]): KeptEvent[] {
  const out: KeptEvent[] = [];
  let end = -Infinity;
  for (const e of sorted) {
    if (e.ts >= end) {
      out.push(e);
      end = e.ts + e.dur;
    }
  }
  return out;
}

/** Total µs covered by the events' intervals, overlaps counted once. */
function union(sorted: KeptEvent[]): number {
  let total = 0;
  let start = -Infinity;
  let end = -Infinity;
  for (const e of sorted) {
    if (e.ts > end) {
      if (end > start) total += end - start;
      start = e.ts;
      end = e.ts + e.dur;
    } else end = Math.max(end, e.ts + e.dur);
  }
  if (end > start) total += end - start;
  return total;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** CDP Performance metrics the bench reads before and after a run (seconds, per renderer main thread). */
export async function readPerformanceMetrics(cdp: CDPSession): Promise<{ scriptSeconds: number; taskSeconds: number; layoutSeconds: number; styleSeconds: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { scriptSeconds: get('ScriptDuration'), taskSeconds: get('TaskDuration'), layoutSeconds: get('LayoutDuration'), styleSeconds: get('RecalcStyleDuration') };
}
