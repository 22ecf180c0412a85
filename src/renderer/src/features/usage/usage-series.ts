import type { UsageTotals } from '../../../../shared/domain/dto';

/** The token series, in stacking order, with the CSS variable each is painted with (usage.css). */
export const TOKEN_SERIES = [
  { key: 'inputTokens', label: 'usage.series.input', color: 'var(--chart-input)' },
  { key: 'outputTokens', label: 'usage.series.output', color: 'var(--chart-output)' },
  { key: 'cacheCreationInputTokens', label: 'usage.series.cacheWrite', color: 'var(--chart-cache-write)' },
  { key: 'cacheReadInputTokens', label: 'usage.series.cacheRead', color: 'var(--chart-cache-read)' },
] as const satisfies readonly { key: keyof UsageTotals; label: string; color: string }[];

export const COST_COLOR = 'var(--chart-cost)';

export function totalTokens(row: UsageTotals): number {
  return row.inputTokens + row.outputTokens + row.cacheCreationInputTokens + row.cacheReadInputTokens;
}

/**
 * Round axis ticks from 0 to at least `max`: steps of 1, 2, 2.5 or 5 times a power of ten, about
 * `count` steps (3,220 → 0, 1K … 4K), instead of the chart's own 0, 805, 1.6K….
 */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step * 1e-9 || ticks.length < 2; i++) ticks.push(Number((i * step).toPrecision(12)));
  if (ticks.at(-1)! < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}
