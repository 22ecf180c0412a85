import { dateTimeFormat, relativeTimeFormat } from './intl-cache';
import { createTickingClock } from './ticking-clock';

/**
 * "just now", "5 min. ago", "yesterday", "3 days ago", "12 Mar", "12 Mar 2024" in the UI language, from Intl,
 * so every language gets its own grammar (Russian: "5 мин. назад", "вчера") without strings of ours.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** `justNow` is the translated "just now" (Intl's "now" reads oddly for something in the past). */
export function formatRelativeTime(date: Date, now: Date, language: string, justNow: string): string {
  const elapsed = now.getTime() - date.getTime();
  // A few seconds in the future is clock skew between processes, not the future.
  if (elapsed < 45_000) return justNow;
  const relative = relativeTimeFormat(language, { numeric: 'auto', style: 'short' });
  if (elapsed < HOUR) return relative.format(-Math.max(1, Math.round(elapsed / MINUTE)), 'minute');
  const days = Math.round((startOfDay(now) - startOfDay(date)) / DAY);
  if (days === 0) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  if (days === 1) return relative.format(-1, 'day');
  // "3 days ago" rather than a weekday: it reads right after "updated" too (Russian "обновлено 3 дн. назад").
  if (days < 7) return relative.format(-days, 'day');
  const sameYear = date.getFullYear() === now.getFullYear();
  return dateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

/** The full date and time, for a tooltip. */
export function formatFullDate(date: Date, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

// One clock for every relative time on screen: a single timer, and they all move on together.
const clock = createTickingClock(30_000);
export const subscribeNow = clock.subscribe;
export const getNow = clock.getNow;
