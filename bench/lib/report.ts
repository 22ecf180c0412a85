import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { round, spread, type Spread } from './stats';

export interface Row {
  figure: string;
  median: number | null;
  max: number | null;
  unit: string;
  /** e.g. '≤ 50 (max)'; empty when the figure is informational. */
  target: string;
  met: boolean | null;
}

export function row(figure: string, values: Spread | number, unit: string, target = '', met: boolean | null = null): Row {
  if (typeof values === 'number') return { figure, median: values, max: null, unit, target, met };
  return { figure, median: values.median, max: values.max, unit, target, met };
}

/** A row judged against `limit`: by the worst run (`max`) or the typical one (`median`). */
export function limitRow(figure: string, values: Spread, unit: string, limit: number, by: 'max' | 'median'): Row {
  return row(figure, values, unit, `≤ ${limit.toLocaleString('en')} (${by})`, values[by] <= limit);
}

export function spreadOf<T>(runs: readonly T[], pick: (run: T) => number): Spread {
  return spread(runs.map(pick));
}

export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? round(numerator / denominator, 2) : NaN;
}

const format = (value: number | null): string => (value === null || Number.isNaN(value) ? '—' : value.toLocaleString('en', { maximumFractionDigits: 2 }));

export function printTable(title: string, rows: readonly Row[]): void {
  const header = ['Figure', 'Median', 'Max', 'Unit', 'Target', 'Met'];
  const cells = rows.map((r) => [r.figure, format(r.median), format(r.max), r.unit, r.target || '—', r.met === null ? '' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => (i === 1 || i === 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  process.stdout.write(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const c of cells) process.stdout.write(`${line(c)}\n`);
}

/** bench/results/renderer-<timestamp>.json and a copy as renderer-latest.json (both gitignored). */
export function writeResults(root: string, results: Record<string, unknown>): string {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `renderer-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  copyFileSync(file, join(dir, 'renderer-latest.json'));
  return file;
}
