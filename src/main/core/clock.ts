/** Injected so tests can pin time; ISO-8601 UTC everywhere. */
export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

export function newId(): string {
  return globalThis.crypto.randomUUID();
}
