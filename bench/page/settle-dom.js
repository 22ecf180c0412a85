/* global document */
// Evaluated in the page after a chat opened (page.evaluate of this text): resolves with the element count
// once it has not changed for 500 ms (late effects, a second page of messages, a virtual list measuring
// itself), or after 5 s. The count is every element in the document: `getElementsByTagName('*')`.
new Promise((resolve) => {
  const started = performance.now();
  let last = -1;
  let stableSince = started;
  const tick = () => {
    const now = performance.now();
    const count = document.getElementsByTagName('*').length;
    if (count !== last) {
      last = count;
      stableSince = now;
    }
    if (now - stableSince >= 500 || now - started >= 5000) {
      resolve({
        domNodes: count,
        messageElements: document.querySelectorAll('[role="log"] [data-message-id]').length,
        settledAfterMs: Math.round(now - started),
        stable: now - stableSince >= 500,
      });
    } else setTimeout(tick, 100);
  };
  tick();
});
