import type { Api } from '../../shared/ipc/client';
import type { Result } from '../../shared/domain/errors';

/**
 * The only reader of `window.api`. The preload (Electron) or the test harness (WebSocket) puts it there;
 * everything else in the renderer imports `api` from this file, so the bridge has exactly one seam.
 */
declare global {
  interface Window {
    /** Absent only when the page is opened without a preload or harness (a packaging mistake). */
    readonly api?: Api;
  }
}

/** True when a transport is present; main.tsx shows a fatal screen otherwise instead of crashing. */
export const hasApi = typeof window !== 'undefined' && window.api !== undefined;

/**
 * Calls travel as data (`Result`), but a transport can still throw (a closed socket, a torn-down IPC).
 * Wrapping every method here means no component ever sees a raw exception: it becomes `internal`.
 */
function toResult<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  return call()
    .catch((cause: unknown): Result<T> => {
      console.error('[api] transport failure', cause);
      return { ok: false, error: { code: 'internal', message: 'Transport failure' } };
    })
    .then((result) => {
      if (!result.ok && result.error.code === 'database_damaged') damagedListeners.forEach((listener) => listener());
      return result;
    });
}

const damagedListeners = new Set<() => void>();

/**
 * Any call answering `database_damaged` (the data file failed its check) calls `listener`: the app then
 * shows the recovery screen, whichever call noticed first. Returns the unsubscribe function.
 */
export function onDatabaseDamaged(listener: () => void): () => void {
  damagedListeners.add(listener);
  return () => damagedListeners.delete(listener);
}

function wrap(source: Api): Api {
  const wrapped: Record<string, unknown> = {};
  for (const [domain, methods] of Object.entries(source)) {
    if (domain === 'events') {
      wrapped[domain] = methods;
      continue;
    }
    const out: Record<string, unknown> = {};
    for (const [verb, method] of Object.entries(methods as Record<string, (input?: unknown) => Promise<Result<unknown>>>)) {
      out[verb] = (input?: unknown) => toResult(() => method(input));
    }
    wrapped[domain] = out;
  }
  return Object.freeze(wrapped) as unknown as Api;
}

const missing = new Proxy({} as Api, {
  get() {
    throw new Error('window.api is not available');
  },
});

export const api: Api = hasApi ? wrap(window.api!) : missing;
