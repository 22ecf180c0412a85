import { dateTimeFormat, numberFormat } from '../../components/intl-cache';

/** Numbers on the Usage page, in the UI language. */

export function formatInteger(value: number, language: string): string {
  return numberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/** 12,400 → "12K" (axis ticks). */
export function formatCompact(value: number, language: string): string {
  return numberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/**
 * Estimated cost in US dollars: cents for a dollar or more, and up to four decimals below one, where
 * single requests live ($0.0105), so a small bill never reads as $0.00.
 */
export function formatUsd(value: number, language: string): string {
  const small = Math.abs(value) < 1 && value !== 0;
  return numberFormat(language, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: small ? 4 : 2,
  }).format(value);
}

/** A day from the summary ("2026-03-14", UTC) as "14 Mar". */
export function formatDay(date: string, language: string, withYear = false): string {
  const when = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(when.getTime())) return date;
  return dateTimeFormat(language, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(when);
}
