import { describe, expect, it } from 'vitest';
import { MAIN_THREAD_SHARE, MAX_INTERVAL_MS, MIN_INTERVAL_MS, StreamPacing } from '../../src/renderer/src/store/stream-pacing';

describe('pacing of streamed text', () => {
  it('starts at the fastest rate and stays there while updates are cheap', () => {
    const pacing = new StreamPacing();
    expect(pacing.intervalMs).toBe(MIN_INTERVAL_MS);
    for (let i = 0; i < 20; i++) pacing.recordCost(1.5);
    expect(pacing.intervalMs).toBe(MIN_INTERVAL_MS);
  });

  it('spaces costly updates so they take about the set share of the main thread, up to the maximum', () => {
    const pacing = new StreamPacing();
    for (let i = 0; i < 30; i++) pacing.recordCost(6);
    expect(pacing.intervalMs).toBeCloseTo(6 / MAIN_THREAD_SHARE, 5);
    for (let i = 0; i < 30; i++) pacing.recordCost(40);
    expect(pacing.intervalMs).toBe(MAX_INTERVAL_MS);
  });

  it('follows a running average, so one slow frame does not halve the rate; a new stream starts afresh', () => {
    const pacing = new StreamPacing();
    for (let i = 0; i < 30; i++) pacing.recordCost(4);
    pacing.recordCost(30);
    expect(pacing.intervalMs).toBeGreaterThan(4 / MAIN_THREAD_SHARE);
    expect(pacing.intervalMs).toBeLessThan((2 * 4) / MAIN_THREAD_SHARE);
    pacing.reset();
    expect(pacing.intervalMs).toBe(MIN_INTERVAL_MS);
  });

  it('ignores nonsense measurements', () => {
    const pacing = new StreamPacing();
    pacing.recordCost(Number.NaN);
    pacing.recordCost(-5);
    pacing.recordCost(Number.POSITIVE_INFINITY);
    expect(pacing.intervalMs).toBe(MIN_INTERVAL_MS);
  });
});
