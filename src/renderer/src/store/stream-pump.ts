import { api } from '../api';
import { parseAhead } from '../features/conversation/markdown/parse-ahead';
import { textsAfter, type DeltaBatch } from './messages-slice';
import { StreamPacing } from './stream-pacing';
import { useAppStore } from './index';

/**
 * Connects `chat:event` to the store. Main coalesces deltas to about one per 16 ms; each store update
 * re-renders the growing message, so text is buffered here and applied at most once per animation frame,
 * paced by StreamPacing (updates at least 33 ms apart, further when they are costly). Before it is
 * applied, its Markdown is parsed in a worker (parse-ahead.ts), so the update itself only shows it.
 * Lifecycle events (start/end/error) flush everything first so text is never applied after its end.
 * A hidden window gets no animation frames; its text waits until it is shown or the stream ends.
 */
/** Timers and frames jitter; this much early still counts as on time. */
const FRAME_SLACK_MS = 4;
const MEASURE_EVERY = 3;
/** Text waiting this long for its Markdown from the worker goes in anyway (the page parses it then). */
const PARSE_WAIT_LIMIT_MS = 250;

export function startStreamPump(): () => void {
  let buffer: { chatId: string; messageId: string; text: string; offset: number }[] = [];
  let frame: number | null = null;
  /** The pacing timer that takes the next text (see schedule). */
  let wait: ReturnType<typeof setTimeout> | null = null;
  /** When text was last applied by a frame (its timestamp: performance.now()'s clock). */
  let lastFlushAt = -Infinity;
  const pacing = new StreamPacing();
  // A message posted during a frame runs once that frame's task (render, style, layout, paint) is done.
  const afterFrame = new MessageChannel();
  let measuring: number | null = null;
  let updates = 0;
  afterFrame.port1.onmessage = () => {
    if (measuring !== null) pacing.recordCost(performance.now() - measuring);
    measuring = null;
  };

  /** Text taken from the buffer: parsed ahead off the main thread, then applied. */
  let taken: DeltaBatch | null = null;
  let takenAt = 0;
  const apply = (batch: DeltaBatch) => useAppStore.getState().applyDeltas(batch);

  // Everything received goes in now, before a lifecycle event: text never lands after its end.
  const flush = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (wait !== null) clearTimeout(wait);
    frame = null;
    wait = null;
    if (taken) apply(taken);
    taken = null;
    if (buffer.length === 0) return;
    const batch: DeltaBatch = buffer;
    buffer = [];
    apply(batch);
  };

  // Taking the text needs no frame: a timer does it once the pacing interval is over, and only the
  // frame that shows it is asked for (an extra frame per update cost ~1 ms of main thread for nothing).
  const schedule = () => {
    if (frame !== null || wait !== null || taken !== null) return;
    wait = setTimeout(take, Math.max(0, pacing.intervalMs - FRAME_SLACK_MS - (performance.now() - lastFlushAt)));
  };

  // The frame after the Markdown of the taken text is ready: it goes on screen.
  const applyTaken = (now: number) => {
    frame = null;
    if (!taken) return;
    lastFlushAt = now;
    // Every third update is timed: the running average needs no more, and timing costs a task.
    if (measuring === null && ++updates % MEASURE_EVERY === 0) {
      measuring = performance.now();
      afterFrame.port2.postMessage(null);
    }
    const batch = taken;
    taken = null;
    apply(batch);
    if (buffer.length > 0) schedule();
  };

  // Takes what has arrived and has its Markdown parsed ahead, off the main thread (parse-ahead.ts); the
  // text is applied in the next frame after that.
  const take = () => {
    wait = null;
    if (buffer.length === 0) return;
    const batch: DeltaBatch = buffer;
    buffer = [];
    taken = batch;
    takenAt = performance.now();
    const ready = () => {
      if (taken === batch && frame === null) frame = requestAnimationFrame(applyTaken);
    };
    parseAhead(textsAfter(useAppStore.getState(), batch)).then(ready, ready);
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
      // The worker is late (busy, or gone): what it was parsing goes in, and the page parses it itself.
      if (taken && frame === null && performance.now() - takenAt > PARSE_WAIT_LIMIT_MS) frame = requestAnimationFrame(applyTaken);
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
