import { IS_MAC, hasPrimaryModifier, type ModifierState } from './platform';

/** What a shortcut does; also its key in the `shortcuts` locale section. */
export type ShortcutAction = 'newChat' | 'focusFilter' | 'openSettings' | 'showShortcuts' | 'openSearch';

/**
 * The app-wide shortcuts: the primary modifier plus one key. `key` is what the key types on a Latin layout;
 * `code` is the physical key, used when the layout types something else (Cyrillic: Ctrl+N types "т").
 */
export const GLOBAL_SHORTCUTS: ReadonlyArray<{ action: ShortcutAction; key: string; code: string; shift?: boolean }> = [
  { action: 'newChat', key: 'n', code: 'KeyN' },
  { action: 'focusFilter', key: 'k', code: 'KeyK' },
  { action: 'openSettings', key: ',', code: 'Comma' },
  { action: 'showShortcuts', key: '/', code: 'Slash' },
  // With Shift (Ctrl+Shift+F, ⇧⌘F), as in editors: search across everything.
  { action: 'openSearch', key: 'f', code: 'KeyF', shift: true },
];

/**
 * The shortcut a keydown means, if any. A key that types printable ASCII matches by what it types (so
 * AZERTY and Dvorak users press the letter they see); anything else (Cyrillic, Greek…) by the physical key.
 * Shift is not checked: some layouts need it to type "/".
 */
export function matchShortcut(e: ModifierState & { key: string; code: string; shiftKey?: boolean }, mac = IS_MAC): ShortcutAction | null {
  if (!hasPrimaryModifier(e, mac)) return null;
  const typed = e.key.length === 1 && /^[\x20-\x7e]$/.test(e.key) ? e.key.toLowerCase() : null;
  const found = GLOBAL_SHORTCUTS.find(
    (s) => (s.shift === undefined || s.shift === (e.shiftKey ?? false)) && (typed !== null ? typed === s.key : e.code === s.code),
  );
  return found?.action ?? null;
}

/** How a chord is written on this platform: "⌘N" on macOS, "Ctrl+N" elsewhere. */
export function formatChord(key: string, mac = IS_MAC): string {
  const label = key.length === 1 ? key.toUpperCase() : key;
  return mac ? `⌘${label}` : `Ctrl+${label}`;
}
