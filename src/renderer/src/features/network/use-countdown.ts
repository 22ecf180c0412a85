import { useSyncExternalStore } from 'react';

/** A shared clock for countdowns: ticks four times a second while anything counts down, else sleeps. */
const TICK_MS = 250;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function getNow(): number {
  return now;
}

/**
 * Whole seconds left until `deadline` (a Date.now() value), updated as the clock ticks; 0 once it has
 * passed; null for a null deadline.
 */
export function useCountdown(deadline: number | null): number | null {
  const time = useSyncExternalStore(subscribe, getNow);
  if (deadline === null) return null;
  return Math.max(0, Math.ceil((deadline - time) / 1000));
}
