/**
 * A clock shared by everything that shows time passing: one interval for all subscribers, running only
 * while someone listens. Made for useSyncExternalStore (`subscribe`, `getNow`).
 */
export function createTickingClock(tickMs: number): { subscribe: (listener: () => void) => () => void; getNow: () => number } {
  const listeners = new Set<() => void>();
  let now = Date.now();
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (timer === null) {
        now = Date.now();
        timer = setInterval(() => {
          now = Date.now();
          listeners.forEach((l) => l());
        }, tickMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    getNow: () => now,
  };
}
