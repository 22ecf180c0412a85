/* global window, document, requestAnimationFrame, MutationObserver */
// Injected into the Parley page before its scripts. Times "click on a chat link" → "first screen of
// that chat's messages painted":
//   clickAt    performance.now() in a capture-phase click listener on window (runs before React's own);
//   presentAt  a MutationObserver sees the chat's newest message element (data-message-id) in the log:
//              a chat opens scrolled to its end, so the newest message is on the first screen;
//   paintedAt  the next frame's requestAnimationFrame callback posts a message; it runs as soon as the
//              task that ran that frame (style, layout, paint) has finished: the frame showing those
//              messages has been produced (the usual "after next paint" measurement);
//   nextFrameAt  two requestAnimationFrame callbacks later: the start of the frame after that one. An upper
//              bound, kept for comparison with earlier results (it adds up to a frame, ~16 ms, and
//              whatever work that next frame does).
(() => {
  const state = { expectId: null, clickAt: null, presentAt: null, paintedAt: null, nextFrameAt: null };
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  window.__openChatBench = {
    state,
    done,
    expect(id) {
      state.expectId = id;
    },
  };

  window.addEventListener(
    'click',
    (event) => {
      if (state.expectId === null || state.clickAt !== null) return;
      const target = event.target;
      if (!(target instanceof window.Element) || !target.closest('nav[aria-label="Chats"] a')) return;
      state.clickAt = performance.now();
      const selector = `[role="log"] [data-message-id="${state.expectId}"]`;
      const painted = () => {
        state.presentAt = performance.now();
        const afterPaint = new MessageChannel();
        afterPaint.port1.onmessage = () => {
          state.paintedAt = performance.now();
        };
        requestAnimationFrame(() => {
          afterPaint.port2.postMessage(null);
          requestAnimationFrame(() => {
            state.nextFrameAt = performance.now();
            resolveDone(state);
          });
        });
      };
      if (document.querySelector(selector)) return painted();
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        painted();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    },
    true,
  );
})();
