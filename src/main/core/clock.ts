import { randomBytes } from 'node:crypto';

/** Injected so tests can pin time; ISO-8601 UTC everywhere. */
export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/**
 * A UUID version 7 (RFC 9562): a millisecond timestamp then random bits. New ids sort after old ones, so
 * the indexes on id grow at their end instead of splitting pages all over the file.
 */
export function newId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
