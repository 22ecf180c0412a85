import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { MessageDto } from '../../../../shared/domain/dto';
import { emptyConversation, type Conversation } from '../../store/messages-slice';
import { prewarmMarkdownWorker } from './markdown/parse-ahead';
import { renderMarkdown } from './markdown/render-markdown';
import { cachedMarkdown } from './markdown/rendered-blocks';
import { markdownBlocks } from './markdown/split-blocks';
import { MessageList } from './MessageList';
import './conversation.css';

/** A little of everything an answer holds, so every path the first real render takes has run once. */
const SAMPLE_ANSWER = [
  '## Heading',
  '',
  'A paragraph with **bold**, _emphasis_, ~~strike~~, `inline code`, a [link](https://example.com) and https://example.org. Привет, мир.',
  '',
  '- item one',
  '  - nested item',
  '- [x] done',
  '1. first',
  '',
  '> a quote',
  '',
  '| Column | Value |',
  '| --- | ---: |',
  '| a | 1 |',
  '',
  ...[
    ['ts', 'const answer: number = await compute({ id: "x" }); // note'],
    ['python', 'def compute(x: int) -> int:\n    return x * 2  # note'],
    ['bash', 'npm install && echo "$HOME" | grep -v tmp'],
    ['json', '{ "key": [1, true, null] }'],
  ].flatMap(([lang, code]) => ['```' + lang, code!, '```', '']),
].join('\n');

const PREWARM_CHAT = 'prewarm';

/** Two exchanges, one long answer: more than the first screen holds, so the list's whole opening path runs. */
function sampleConversation(): Conversation {
  const createdAt = new Date().toISOString();
  const metadata = { model: 'claude-sonnet-5-5', inputTokens: 1200, outputTokens: 300 };
  const message = (id: string, role: MessageDto['role'], content: string): MessageDto => ({
    id: `prewarm-${id}`,
    chatId: PREWARM_CHAT,
    role,
    content,
    status: 'complete',
    metadata: role === 'assistant' ? metadata : null,
    createdAt,
  });
  const messages = [
    message('q1', 'user', 'A question, as typed.\nSecond line.'),
    message('a1', 'assistant', 'A short answer with **bold** text.'),
    message('q2', 'user', 'Another question.'),
    message('a2', 'assistant', SAMPLE_ANSWER),
  ];
  return { ...emptyConversation, messages, status: 'ready' };
}

type IdleWindow = Window & { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number };

function whenIdle(step: () => void): void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback) w.requestIdleCallback(step, { timeout: 3000 });
  else setTimeout(step, 200);
}

/** Runs each step in an idle period of its own. */
function inIdleSteps(steps: readonly (() => void)[]): void {
  const [step, ...rest] = steps;
  if (step) whenIdle(() => {
    step();
    inIdleSteps(rest);
  });
}

/**
 * The first chat opened after start-up used to take twice as long as the next one: it built the
 * highlighter (every grammar registered), ran the Markdown pipeline, the message list's, React's and our
 * components' code for the first time, and laid out text in fonts the page had not used yet (bold,
 * italic, monospace). This does all of that once, in idle time after start-up, on a short sample chat
 * rendered off screen, hidden from everyone (inert, aria-hidden, invisible), then removed. One small step
 * per idle period: the highlighter, then each block of the sample (each code block compiles its
 * language's grammar), then the list, then its removal. Last, the Markdown worker that parses streaming
 * answers is started and parses the sample once.
 */
export function prewarmConversationWhenIdle(): void {
  // Nothing here runs at start-up itself: even the sample's split and the hidden root wait for idle time.
  whenIdle(() => {
    renderMarkdown('warm **up**', true);
    const host = document.createElement('div');
    const root = createRoot(host);
    inIdleSteps([
      // Kept as rendered blocks, so the list below does not parse them again.
      ...markdownBlocks(SAMPLE_ANSWER).map((block) => () => void cachedMarkdown(block)),
      () => {
        host.setAttribute('aria-hidden', 'true');
        host.inert = true;
        host.style.cssText = 'position:fixed;left:-10000px;top:0;width:760px;height:600px;display:flex;visibility:hidden;pointer-events:none';
        document.body.append(host);
        flushSync(() =>
          root.render(
            <div className="conversation">
              <MessageList chatId={PREWARM_CHAT} conversation={sampleConversation()} />
            </div>,
          ),
        );
        // Layout now, while idle: this is where text is shaped in each font.
        void host.getBoundingClientRect().height;
      },
      () => {
        root.unmount();
        host.remove();
        prewarmMarkdownWorker(SAMPLE_ANSWER);
      },
    ]);
  });
}
