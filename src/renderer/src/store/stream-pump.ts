import { api } from '../api';
import type { DeltaBatch } from './messages-slice';
import { useAppStore } from './index';

/**
 * Connects `chat:event` to the store. Main already coalesces deltas to about one per 16 ms, but two
 * streams, or a busy main thread, can still deliver several per frame; each store update re-renders the
 * growing message, so text is buffered and applied at most once per animation frame.
 * Lifecycle events (start/end/error) flush the buffer first so text is never applied after its end.
 * A hidden window gets no animation frames; its text waits in the buffer until it is shown or the stream ends.
 */
/** Minimum time between two updates of streamed text (see startStreamPump). */
const FLUSH_INTERVAL_MS = 33;
/** Frame timestamps jitter; a frame this much early still counts as on time. */
const FRAME_SLACK_MS = 4;

export function startStreamPump(): () => void {
  let buffer: { chatId: string; messageId: string; text: string; offset: number }[] = [];
  let frame: number | null = null;
  /** When text was last applied (a frame's timestamp, or performance.now() for a lifecycle flush). */
  let lastFlushAt = -Infinity;

  const flush = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    if (buffer.length === 0) return;
    const batch: DeltaBatch = buffer;
    buffer = [];
    useAppStore.getState().applyDeltas(batch);
  };

  // At most one update per FLUSH_INTERVAL_MS: a frame that comes sooner passes its turn to the next one.
  const onFrame = (now: number) => {
    frame = null;
    if (now - lastFlushAt < FLUSH_INTERVAL_MS - FRAME_SLACK_MS) {
      frame = requestAnimationFrame(onFrame);
      return;
    }
    lastFlushAt = now;
    flush();
  };

  const unsubscribe = api.events.onStream((event) => {
    if (event.type === 'content_delta') {
      // A page opened mid-stream (a reload) learns of the stream from its deltas, so Stop still works.
      if (!useAppStore.getState().streams[event.streamId]) {
        useAppStore.getState().applyStreamEvent({ ...event, type: 'message_start' });
      }
      const last = buffer.at(-1);
      // Merge consecutive deltas for one message so a frame does one string concat per message.
      if (last && last.messageId === event.messageId && last.offset + last.text.length === event.offset) last.text += event.delta;
      else buffer.push({ chatId: event.chatId, messageId: event.messageId, text: event.delta, offset: event.offset });
      frame ??= requestAnimationFrame(onFrame);
      return;
    }
    flush();
    useAppStore.getState().applyStreamEvent(event);
  });

  // The outbox (questions sent offline) is news on the app channel: a question queued, or answered now.
  const unsubscribeApp = api.events.onApp((event) => {
    if (event.type === 'queued' || event.type === 'outbox_sent') {
      flush();
      useAppStore.getState().applyAppEvent(event);
    }
  });

  return () => {
    flush();
    unsubscribe();
    unsubscribeApp();
  };
}
