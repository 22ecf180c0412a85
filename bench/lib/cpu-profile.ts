import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** The functions with the most self time, as `name (file:line)` → ms, largest first. */
export type ProfileSummary = Record<string, number>;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const TOP_FUNCTIONS = 25;

/**
 * A sampling JavaScript profile over CDP (100 µs interval), reduced to self time per function. The trace
 * says how much of a task was script; this says which script. Build the renderer unminified to read it.
 */
export class CpuProfiler {
  constructor(private readonly cdp: CDPSession) {}

  async start(): Promise<void> {
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await this.cdp.send('Profiler.start');
  }

  /** `saveTo`: also write the whole profile there (opens in DevTools' Performance panel). */
  async stop(saveTo?: string): Promise<ProfileSummary> {
    const { profile } = await this.cdp.send('Profiler.stop');
    if (saveTo) writeFileSync(saveTo, JSON.stringify(profile));
    const nodes = new Map<number, ProfileNode>(profile.nodes.map((node) => [node.id, node]));
    const selfUs = new Map<string, number>();
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let index = 0; index < samples.length; index++) {
      const frame = nodes.get(samples[index]!)?.callFrame;
      // A sample's time is the gap to the next one.
      const us = deltas[index + 1] ?? 0;
      if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
      const file = frame.url.split('/').pop() || frame.url;
      const key = `${frame.functionName || '(anonymous)'} (${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1})`;
      selfUs.set(key, (selfUs.get(key) ?? 0) + us);
    }
    return Object.fromEntries(
      [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, TOP_FUNCTIONS).map(([key, us]) => [key, Math.round(us / 100) / 10]),
    );
  }
}
