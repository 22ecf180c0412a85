/** How each figure is measured; written into every results file so old numbers stay interpretable. */
export function methodNotes(settings: { chunkSize: number; delayMs: number }): Record<string, string> {
  return {
    environment:
      'Debian Chromium (headless, the e2e flags) through the test harness: the built renderer served on 127.0.0.1 with the real core (SQLite, streaming, 16 ms delta coalescing) behind a WebSocket, the real @anthropic-ai/sdk pointed at tests/fakes/anthropic-server. Viewport 1280×800. A fresh browser context (fresh page load) per run.',
    stream:
      `The fake API streams the answer in ${settings.chunkSize}-character text deltas, ${settings.delayMs} ms apart (a setTimeout, so ≥ 1 ms plus timer slack; 0 writes them all at once). The core coalesces deltas and sends the page at most one message per 16 ms. Each run uses a fresh data folder and harness. Measured from the Enter that sends to the finished answer painted.`,
    longestTask:
      "Chrome trace (CDP Tracing, categories devtools.timeline + disabled-by-default-devtools.timeline): the longest top-level 'RunTask' event on the page renderer's main thread (CrRendererMain of the process hosting the page's main frame). Exact for every task, not only those over 50 ms. Judged on the worst run.",
    totalTaskTime: "Sum of the durations of those top-level 'RunTask' events (nested tasks counted once). CDP Performance.getMetrics TaskDuration (after − before) is reported beside it as a cross-check.",
    scripting:
      "Headline: CDP Performance.getMetrics ScriptDuration, after − before (V8 time on the renderer main thread as Chrome accounts it). Also from the trace: the union of the intervals of JavaScript entry events (FunctionCall, EvaluateScript, v8.evaluateModule, V8.Execute, RunMicrotasks, v8.run, v8.callFunction) on the main thread, overlaps counted once.",
    wallTime:
      'Parley: keydown Enter (capture listener) → message_end received → DOM shows data-status="complete" → two requestAnimationFrame callbacks. Baseline: replay start → last delta applied → two rAF.',
    deltas: 'Parley: content_delta messages that reached the page, counted in a WebSocket subclass injected before the harness client (performance.now() at receipt, before the app sees them).',
    baseline:
      'bench/baseline: React 19 + react-markdown + remark-gfm, production build, Parley\'s stylesheet and element structure. It replays the delta sequence recorded in-page during the first Parley run of this bench (same sizes, same times since the first delta); each delta re-renders the whole message (flushSync: exactly one render per delta) and scrolls to the end. When a render outlasts the gap to the next delta, the next one is applied as soon as the render ends (a backlog), so its wall time can exceed the schedule.',
    ratio: 'Baseline median ÷ Parley median, for total main-thread task time (the target, ≥ 20×) and for ScriptDuration.',
    openChat:
      "A database seeded before the harness starts (bench/lib/seed-database.ts: the harness creates and migrates it, stops, then better-sqlite3 inserts the chats in one transaction, alternating user/assistant messages of ~300-700 characters with some markdown). Per run a fresh page, the chat list loaded and 500 ms of quiet, then a click on the chat's link in nav[aria-label=Chats]. Time: performance.now() in a capture-phase click listener → a MutationObserver sees the chat's newest message (it opens at the end) in the role=log list → two requestAnimationFrame callbacks (the frame showing it has been painted). The 100- and 10,000-message chats alternate order between runs.",
    domNodes: "document.getElementsByTagName('*').length once it has not changed for 500 ms (polled every 100 ms, at most 5 s) after the chat opened. Judged on the worst run.",
    statistics: 'Median and max over the runs. Time targets are judged on the median unless stated; "longest task" and DOM nodes on the worst run.',
  };
}
