import type { KeyboardEvent } from 'react';

/** keyCode browsers report for keys that belong to an IME composition. */
const IME_KEY_CODE = 229;

/**
 * Whether an Enter belongs to an input method (Japanese, Chinese, Korean…): that Enter commits the
 * composition and must never send. compositionstart/end is tracked as well as isComposing because some
 * engines report the committing Enter after compositionend with isComposing already false, and others
 * never set keyCode 229.
 */
export function isImeEnter(e: KeyboardEvent, composing: boolean): boolean {
  return e.nativeEvent.isComposing || e.keyCode === IME_KEY_CODE || composing;
}

/** An open modal owns Esc (and every other key). */
export function isDialogOpen(): boolean {
  return document.querySelector('dialog[open], [role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]') !== null;
}
