import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import openChatProbe from '../page/open-chat-probe.js?raw';
import settleDom from '../page/settle-dom.js?raw';
import { VIEWPORT, withTimeout } from './browser';
import type { SeededChat } from './seed-database';
import { settle } from './measure';
import { CpuProfiler, type ProfileSummary } from './cpu-profile';
import { TraceRecorder, type TraceSummary } from './trace';

export interface OpenChatRun {
  /** Click → the chat's newest message element is in the DOM. */
  clickToPresentMs: number;
  /** Click → the frame showing the first screen of messages has been produced (rAF, then a posted message). */
  clickToPaintedMs: number;
  /** Click → the start of the frame after that one (two rAFs): an upper bound, the measure used before. */
  clickToNextFrameMs: number;
  /** Every element in the document once the count stopped changing (see page/settle-dom.js). */
  domNodes: number;
  messageElements: number;
  domStable: boolean;
  /** Only for a traced run: the renderer main thread from just before the click to the paint. */
  trace?: TraceSummary;
  /** Only for a traced run with `--breakdown`: the JavaScript functions that took the most self time. */
  profile?: ProfileSummary;
}

interface ProbeState {
  clickAt: number;
  presentAt: number;
  paintedAt: number;
  nextFrameAt: number;
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
    const cdp = traced ? await context.newCDPSession(page) : null;
    const recorder = cdp ? new TraceRecorder(cdp) : null;
    const profiler = cdp && recorder?.breakdown ? new CpuProfiler(cdp) : null;
    await profiler?.start();
    await recorder?.start();
    await link.click();
    const state = (await withTimeout(page.evaluate('window.__openChatBench.done'), 60_000, `opening "${chat.title}"`)) as ProbeState;
    const trace = await recorder?.stop(page.url());
    const profile = await profiler?.stop(join(tmpdir(), `parley-open-${chat.messageCount}.cpuprofile`));
    const dom = (await page.evaluate(settleDom)) as { domNodes: number; messageElements: number; stable: boolean };
    return {
      clickToPresentMs: Math.round((state.presentAt - state.clickAt) * 10) / 10,
      clickToPaintedMs: Math.round((state.paintedAt - state.clickAt) * 10) / 10,
      clickToNextFrameMs: Math.round((state.nextFrameAt - state.clickAt) * 10) / 10,
      domNodes: dom.domNodes,
      messageElements: dom.messageElements,
      domStable: dom.stable,
      ...(trace ? { trace } : {}),
      ...(profile ? { profile } : {}),
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}
