import { IS_MAC } from '../shortcuts/platform';

/** The search box's id: the shortcut focuses it when the search page is already open. */
export const SEARCH_BOX_ID = 'search-messages';

/** How the search shortcut is written on this platform: "⇧⌘F" on macOS, "Ctrl+Shift+F" elsewhere. */
export function searchChord(mac = IS_MAC): string {
  return mac ? '⇧⌘F' : 'Ctrl+Shift+F';
}

/** The same chord for `aria-keyshortcuts`. */
export function searchKeyShortcuts(mac = IS_MAC): string {
  return mac ? 'Meta+Shift+F' : 'Control+Shift+F';
}

export function focusSearchBox(): void {
  const box = document.getElementById(SEARCH_BOX_ID);
  if (box instanceof HTMLInputElement) {
    box.focus();
    box.select();
  }
}
