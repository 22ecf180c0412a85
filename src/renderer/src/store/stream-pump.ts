import { api } from '../api';
import type { DeltaBatch } from './messages-slice';
import { StreamPacing } from './stream-pacing';
import { useAppStore } from './index';

/**
 * Connects `chat:event` to the store. Main already coalesces deltas to about one per 16 ms, but two
 * streams, or a busy main thread, can still deliver several per frame; each store update re-renders the
 * growing message, so text is buffered and applied in an animation frame, paced by StreamPacing
 * (at most one update per frame and per 33 ms, further apart when updates are costly).
 * Lifecycle events (start/end/error) flush the buffer first so text is never applied after its end.
 * A hidden window gets no animation frames; its text waits in the buffer until it is shown or the stream ends.
 */
/** Frame timestamps jitter; a frame this much early still counts as on time. */
const FRAME_SLACK_MS = 4;

export function startStreamPump(): () => void {
  let buffer: { chatId: string; messageId: string; text: string; offset: number }[] = [];
  let frame: number | null = null;
  /** A frame came too early: the timer that asks for the next one (see onFrame). */
  let wait: ReturnType<typeof setTimeout> | null = null;
  /** When text was last applied by a frame (its timestamp). */
  let lastFlushAt = -Infinity;
  const pacing = new StreamPacing();
  // A message posted during a frame runs once that frame's task (render, style, layout, paint) is done.
  const afterFrame = new MessageChannel();
  let measuring: number | null = null;
  afterFrame.port1.onmessage = () => {
    if (measuring !== null) pacing.recordCost(performance.now() - measuring);
    measuring = null;
  };

  const flush = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (wait !== null) clearTimeout(wait);
    frame = null;
    wait = null;
    if (buffer.length === 0) return;
    const batch: DeltaBatch = buffer;
    buffer = [];
    useAppStore.getState().applyDeltas(batch);
  };

  // A frame that comes before the pacing interval is over waits on a timer, not on the next frame:
  // asking for every frame would keep the page producing frames (~0.5 ms each) for nothing.
  const onFrame = (now: number) => {
    frame = null;
    const early = pacing.intervalMs - FRAME_SLACK_MS - (now - lastFlushAt);
    if (early > 0) {
      wait = setTimeout(() => {
        wait = null;
        frame = requestAnimationFrame(onFrame);
      }, early);
      return;
    }
    lastFlushAt = now;
    if (buffer.length > 0 && measuring === null) {
      measuring = performance.now();
      afterFrame.port2.postMessage(null);
    }
    flush();
  };
  const schedule = () => {
    if (frame === null && wait === null) frame = requestAnimationFrame(onFrame);
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
      schedule();
      return;
    }
    flush();
    if (event.type === 'message_start') pacing.reset();
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
    afterFrame.port1.close();
    unsubscribe();
    unsubscribeApp();
  };
}
