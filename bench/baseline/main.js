/* global document, window, requestAnimationFrame */
// The baseline the bench compares Parley with: what most chat clients do. Each streamed delta is
// appended to the message text and the WHOLE message is rendered again with react-markdown +
// remark-gfm. flushSync makes that exactly one full render per delta received (React would otherwise
// merge renders while it is behind, which is a different, adaptive, baseline).
// It uses Parley's own stylesheet and the same element structure, so style and layout cost the same
// per element; after each delta it scrolls to the end, as Parley's list does while you read the latest.
// Plain JS with createElement: bench/** is type-checked without DOM types or JSX.
import { createElement as h, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import '../../src/renderer/src/styles.css';

let setMessage = null;
let commits = 0;

function Conversation() {
  const [message, set] = useState({ text: '', status: 'streaming' });
  setMessage = set;
  useLayoutEffect(() => {
    commits++;
    const scroller = document.querySelector('.message-scroller');
    scroller.scrollTop = scroller.scrollHeight;
  });
  return h(
    'main',
    { className: 'conversation' },
    h(
      'div',
      { className: 'message-scroller' },
      h(
        'div',
        { className: 'message-column' },
        h(
          'div',
          { role: 'log', className: 'message-log' },
          h(
            'article',
            { className: 'message message--assistant', 'data-role': 'assistant', 'data-status': message.status },
            h('div', { className: 'message__bubble' }, h('div', { className: 'markdown' }, h(Markdown, { remarkPlugins: [remarkGfm] }, message.text))),
          ),
        ),
      ),
    ),
  );
}

// Runs the next step as soon as possible without the 4 ms clamp Chrome puts on nested setTimeout(0).
const channel = new MessageChannel();
let queued = null;
channel.port1.onmessage = () => queued?.();
const soon = (fn) => {
  queued = fn;
  channel.port2.postMessage(null);
};

let text = '';
window.__baseline = {
  ready: false,
  load(value) {
    text = value;
  },
  /**
   * Replays `schedule` ([msSinceFirstDelta, characters][]): delta i is applied at start + its time, or
   * as soon as the previous render finishes if rendering has fallen behind (a backlog of IPC messages).
   */
  replay(schedule) {
    return new Promise((resolve) => {
      let i = 0;
      let shown = 0;
      const start = performance.now();
      let behindMs = 0;
      const step = () => {
        const [at, characters] = schedule[i];
        behindMs = Math.max(behindMs, performance.now() - (start + at));
        shown += characters;
        flushSync(() => setMessage({ text: text.slice(0, shown), status: 'streaming' }));
        i++;
        if (i < schedule.length) {
          const wait = start + schedule[i][0] - performance.now();
          if (wait > 0) window.setTimeout(step, wait);
          else soon(step);
          return;
        }
        const lastAppliedAt = performance.now();
        flushSync(() => setMessage({ text: text.slice(0, shown), status: 'complete' }));
        const answer = document.querySelector('[data-role="assistant"]');
        const rendered = { tables: answer.querySelectorAll('table').length, codeBlocks: answer.querySelectorAll('pre').length, headings: answer.querySelectorAll('.markdown :is(h1, h2, h3, h4, h5, h6)').length };
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve({ startAt: start, lastAppliedAt, paintedAt: performance.now(), commits, maxBehindMs: behindMs, characters: shown, rendered })),
        );
      };
      const first = start + schedule[0][0] - performance.now();
      window.setTimeout(step, Math.max(0, first));
    });
  },
};

createRoot(document.getElementById('root')).render(h(Conversation));
requestAnimationFrame(() => (window.__baseline.ready = true));
