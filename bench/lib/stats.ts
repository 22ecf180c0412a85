/** Median (mean of the middle two for an even count) and max: the bench reports both for every figure. */
export interface Spread {
  median: number;
  max: number;
  min: number;
  runs: number[];
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: round(median), max: round(sorted.at(-1) ?? NaN), min: round(sorted[0] ?? NaN), runs: values.map(round) };
}

export const round = (value: number, digits = 1): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
