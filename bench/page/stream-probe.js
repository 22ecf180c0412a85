/* global window, document, requestAnimationFrame */
// Injected (Playwright addInitScript) into the Parley page before any of its scripts, including the
// harness client that opens the WebSocket to the core. It records when each streamed delta reaches the
// page, then resolves `window.__parleyBench.done` once the finished answer has been painted.
// It stays cheap on purpose: everything it does runs on the main thread it is measuring.
(() => {
  const record = {
    sendAt: null, // keydown Enter in the composer (capture phase: before the app's own handler)
    deltas: [], // [receivedAt, characters] for every content_delta event
    startAt: null,
    endAt: null, // message_end received
    completeAt: null, // the answer shows data-status="complete" in the DOM
    paintedAt: null, // two animation frames later: that state has been painted
    endStatus: null,
    endChars: 0,
    error: null,
    rendered: null,
    longTasks: [], // PerformanceObserver 'longtask' durations (only tasks > 50 ms exist there)
  };
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  window.__parleyBench = { record, done };

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && !event.shiftKey && record.sendAt === null) record.sendAt = performance.now();
    },
    true,
  );

  new PerformanceObserver((list) => {
    if (record.sendAt === null) return;
    for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });

  const finish = () => {
    // Poll once per frame (only after message_end, so it costs nothing while streaming) for the DOM to
    // show the finished answer, then wait two frames: the first rAF runs before that frame's paint,
    // the second after it.
    const check = () => {
      const answer = document.querySelector('[data-role="assistant"][data-status="complete"]');
      if (answer) {
        record.completeAt = performance.now();
        // What was rendered, to check Parley and the baseline drew the same thing (not measured work).
        record.rendered = { tables: answer.querySelectorAll('table').length, codeBlocks: answer.querySelectorAll('pre').length, headings: answer.querySelectorAll('.markdown :is(h1, h2, h3, h4, h5, h6)').length };
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            record.paintedAt = performance.now();
            resolveDone(record);
          }),
        );
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };

  const NativeWebSocket = window.WebSocket;
  class RecordingWebSocket extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      // Added in the constructor, so it runs before the client's own listener for the same message.
      this.addEventListener('message', (event) => {
        const data = event.data;
        if (record.sendAt === null || typeof data !== 'string' || !data.includes('"event":"chat:event"')) return;
        const now = performance.now();
        const payload = JSON.parse(data).payload;
        if (payload.type === 'content_delta') record.deltas.push([now, payload.delta.length]);
        else if (payload.type === 'message_start') record.startAt = now;
        else if (payload.type === 'message_end') {
          record.endAt = now;
          record.endStatus = payload.status;
          record.endChars = payload.content.length;
          finish();
        } else if (payload.type === 'error') {
          record.error = `${payload.code}: ${payload.detail}`;
          resolveDone(record);
        }
      });
    }
  }
  window.WebSocket = RecordingWebSocket;
})();
