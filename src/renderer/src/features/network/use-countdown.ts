import { useSyncExternalStore } from 'react';
import { createTickingClock } from '../../components/ticking-clock';

/** A shared clock for countdowns: ticks four times a second while anything counts down, else sleeps. */
const { subscribe, getNow } = createTickingClock(250);

/**
 * Whole seconds left until `deadline` (a Date.now() value), updated as the clock ticks; 0 once it has
 * passed; null for a null deadline.
 */
export function useCountdown(deadline: number | null): number | null {
  const time = useSyncExternalStore(subscribe, getNow);
  if (deadline === null) return null;
  return Math.max(0, Math.ceil((deadline - time) / 1000));
}
