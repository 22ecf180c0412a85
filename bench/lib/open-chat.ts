import type { Browser } from 'playwright-core';
import openChatProbe from '../page/open-chat-probe.js?raw';
import settleDom from '../page/settle-dom.js?raw';
import { VIEWPORT, withTimeout } from './browser';
import type { SeededChat } from './seed-database';
import { settle } from './measure';
import { TraceRecorder, type TraceSummary } from './trace';

export interface OpenChatRun {
  /** Click → the chat's newest message element is in the DOM. */
  clickToPresentMs: number;
  /** Click → two animation frames after that: the first screen of messages painted. */
  clickToPaintedMs: number;
  /** Every element in the document once the count stopped changing (see page/settle-dom.js). */
  domNodes: number;
  messageElements: number;
  domStable: boolean;
  /** Only for a traced run: the renderer main thread from just before the click to the paint. */
  trace?: TraceSummary;
}

interface ProbeState {
  clickAt: number;
  presentAt: number;
  paintedAt: number;
}

/**
 * Opens `chat` from the chat list in a fresh page (a fresh browser context: nothing cached in the page).
 * With `traced`, a Chrome trace covers the click, to show where the time went; tracing slows the page a
 * little, so traced runs are reported apart from the timed ones.
 */
export async function openChat(browser: Browser, harnessUrl: string, chat: SeededChat, traced = false): Promise<OpenChatRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: openChatProbe });
    const page = await context.newPage();
    await page.goto(harnessUrl);
    const link = page.getByRole('navigation', { name: 'Chats' }).getByRole('link', { name: chat.title, exact: true });
    await link.waitFor({ timeout: 15_000 });
    // Let start-up work (chat list, settings, models) finish, so the click is timed on a quiet page.
    await settle(page, 500);
    await page.evaluate(`window.__openChatBench.expect(${JSON.stringify(chat.lastMessageId)})`);
    const recorder = traced ? new TraceRecorder(await context.newCDPSession(page)) : null;
    await recorder?.start();
    await link.click();
    const state = (await withTimeout(page.evaluate('window.__openChatBench.done'), 60_000, `opening "${chat.title}"`)) as ProbeState;
    const trace = await recorder?.stop(page.url());
    const dom = (await page.evaluate(settleDom)) as { domNodes: number; messageElements: number; stable: boolean };
    return {
      clickToPresentMs: Math.round((state.presentAt - state.clickAt) * 10) / 10,
      clickToPaintedMs: Math.round((state.paintedAt - state.clickAt) * 10) / 10,
      domNodes: dom.domNodes,
      messageElements: dom.messageElements,
      domStable: dom.stable,
      ...(trace ? { trace } : {}),
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}
