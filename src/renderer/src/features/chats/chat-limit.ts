/**
 * How many chats the chat-limit offer archives: enough to make room for one more, at least a tenth of the
 * limit so the next few chats do not hit it again, and never more than 10 or than there are.
 */
export function oldestToArchive(active: number, maxChats: number): number {
  const needed = active - maxChats + 1;
  return Math.max(0, Math.min(active, Math.max(needed, Math.min(10, Math.floor(maxChats / 10)))));
}
