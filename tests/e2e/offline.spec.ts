import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server';
import { expect, saveApiKey, startHarnessWith, test, type OwnHarness } from './fixtures';

/**
 * The offline queue, end to end. The browser's own offline switch does not reach the harness (a Node
 * process), so each test starts a harness whose Anthropic is a port nothing listens on: that is "no
 * network". Starting the fake server on that port brings the network back.
 */

const log = (page: Page) => page.getByRole('log', { name: 'Messages' });
const questions = (page: Page) => log(page).locator('[data-role="user"]');
const answers = (page: Page) => log(page).locator('[data-role="assistant"]');
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const offlineBanner = (page: Page) => page.getByTestId('offline-banner');
const WAITING = /Waiting for a connection/;

/** A loopback port that is free now (nothing listens on it until the test says so). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let port = 0;
let own: OwnHarness | null = null;
let fake: FakeAnthropic | null = null;

test.beforeEach(async () => {
  port = await freePort();
  own = await startHarnessWith({ baseUrl: `http://127.0.0.1:${port}` });
});

test.afterEach(async () => {
  await fake?.close();
  fake = null;
  await own?.stop();
  own = null;
});

async function sendOffline(page: Page, text: string): Promise<void> {
  await page.goto(own!.url);
  await saveApiKey(page);
  await page.getByRole('button', { name: 'New chat', exact: true }).click();
  await expect(page).toHaveURL(/#\/chat\/[0-9a-f-]{36}$/);
  await composer(page).fill(text);
  await composer(page).press('Enter');
  // The SDK's retries fail to connect; the question is kept and waits in the outbox.
  await expect(questions(page).filter({ hasText: text })).toContainText(WAITING, { timeout: 20_000 });
  await expect(answers(page)).toHaveCount(0);
}

test('a message sent offline waits, survives a reload, and is answered when the network returns', async ({ page }) => {
  await sendOffline(page, 'Hello from a train');
  // Calm, persistent: Parley says it is offline and what still works.
  await expect(offlineBanner(page)).toContainText('Offline');
  await expect(offlineBanner(page)).toContainText('messages will be sent when the connection returns');
  await expect(composer(page)).toHaveValue('');

  // Known to be offline now: a second question is queued at once, in order.
  await composer(page).fill('And a second one');
  await composer(page).press('Enter');
  await expect(questions(page).filter({ hasText: 'And a second one' })).toContainText(WAITING);

  await page.reload();
  await expect(questions(page)).toHaveCount(2);
  await expect(questions(page).filter({ hasText: 'Hello from a train' })).toContainText(WAITING);
  await expect(questions(page).filter({ hasText: 'And a second one' })).toContainText(WAITING);
  await expect(offlineBanner(page)).toBeVisible();

  // The network returns: a fake Anthropic on that port, and the OS says "online".
  fake = await startFakeAnthropic({ port, scenario: { kind: 'text', text: 'Welcome back, here is your answer.' } });
  await page.evaluate(() => window.dispatchEvent(new Event('online')));

  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page)).toContainText('Welcome back, here is your answer.');
  await expect(answers(page)).toHaveAttribute('data-status', 'complete');
  await expect(log(page).getByText(WAITING)).toHaveCount(0);
  await expect(offlineBanner(page)).toHaveCount(0);
  // Both questions went to Anthropic in the one request that answered the newest.
  const sent = fake.messageRequests().filter((r) => (r.body as { stream?: boolean }).stream === true);
  expect(sent).toHaveLength(1);
  expect(JSON.stringify(sent[0]!.body)).toContain('Hello from a train');
  expect(JSON.stringify(sent[0]!.body)).toContain('And a second one');
});

test('"Don\'t send" takes a waiting message back into the composer', async ({ page }) => {
  await sendOffline(page, 'Keep this text for later');
  await questions(page).getByRole('button', { name: "Don't send" }).click();
  await expect(questions(page)).toHaveCount(0);
  await expect(composer(page)).toHaveValue('Keep this text for later');
  // Nothing is sent when the network returns.
  fake = await startFakeAnthropic({ port });
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(offlineBanner(page)).toHaveCount(0);
  await expect(answers(page)).toHaveCount(0);
  expect(fake.messageRequests().filter((r) => (r.body as { stream?: boolean }).stream === true)).toHaveLength(0);
});
