/** The sidebar's filter box, reachable from the Ctrl/⌘+K shortcut. */
export const CHAT_FILTER_ID = 'chat-filter';

export function focusChatFilter(): void {
  const input = document.getElementById(CHAT_FILTER_ID);
  if (!(input instanceof HTMLInputElement)) return;
  input.focus();
  input.select();
}
