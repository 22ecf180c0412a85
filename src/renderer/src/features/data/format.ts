import { dateTimeFormat, numberFormat } from '../../components/intl-cache';

/** Sizes in the UI language's own units and digits: "840 kB", "1,2 МБ". */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return numberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
}

/** How far an import has read, as a whole percentage (null while the size is not known yet). */
export function importPercent(progress: { bytesRead: number; totalBytes: number } | null): number | null {
  if (!progress || progress.totalBytes <= 0) return null;
  return Math.min(100, Math.round((progress.bytesRead / progress.totalBytes) * 100));
}

/** A date and time short enough for a button: "21 Nov 2026, 13:07", "21 нояб. 2026 г., 13:07". */
export function formatShortDate(iso: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
