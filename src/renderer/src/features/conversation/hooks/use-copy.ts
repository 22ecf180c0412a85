import { useCallback, useEffect, useRef, useState } from 'react';

/** How long "Copied" stays on a button after a copy. */
const CONFIRM_MS = 2000;

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies text to the clipboard and says how it went for a short while, so a button can read
 * "Copied" (or explain a refusal) and then go back to "Copy".
 */
export function useCopy(): { state: CopyState; copy: (text: string) => Promise<void> } {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const copy = useCallback(async (text: string) => {
    let next: CopyState = 'copied';
    try {
      await navigator.clipboard.writeText(text);
    } catch (cause) {
      console.warn('[copy] clipboard refused', cause);
      next = 'failed';
    }
    setState(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), CONFIRM_MS);
  }, []);

  return { state, copy };
}
