/** Percentiles and a small table printer for the core benchmarks (figures only; nothing asserts on time). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface Row {
  figure: string;
  value: string;
  target: string;
  met: string;
}

export function printTable(title: string, rows: Row[]): void {
  const widths = (['figure', 'value', 'target', 'met'] as const).map((key) => Math.max(key.length, ...rows.map((row) => row[key].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`\n${title}\n${line(['figure', 'value', 'target', 'met'])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line([row.figure, row.value, row.target, row.met])}\n`);
}

export function met(ok: boolean | null): string {
  return ok === null ? '-' : ok ? 'yes' : 'NO';
}
