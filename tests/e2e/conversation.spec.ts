import type { Locator, Page } from '@playwright/test';
import type { Api } from '../../src/shared/ipc/client';
import { expect, routeHarnessReplies, saveApiKey, test, startChat } from './fixtures';

declare global {
  interface Window {
    /** The harness puts the typed API here (the renderer reads it through src/renderer/src/api.ts). */
    readonly api?: Api;
  }
}

/**
 * The conversation pane through the harness: the real renderer and core against the fake Anthropic server.
 * Each test is something a person does with a conversation: ask again, fix a question, recover from an
 * error, resume a cut-off answer, stop one, keep a draft, read a long history, copy what Claude wrote.
 */

const log = (page: Page) => page.getByRole('log', { name: 'Messages' });
const answers = (page: Page) => log(page).locator('[data-role="assistant"]');
const questions = (page: Page) => log(page).locator('[data-role="user"]');

interface RequestBody {
  messages: { role: string; content: unknown }[];
}
const bodyOf = (request: { body: unknown } | undefined) => request?.body as RequestBody;
/** Streamed answer requests only (a chat's title is asked for separately, without streaming). */
const answerRequests = (fake: { messageRequests(): { body: unknown }[] }) =>
  fake.messageRequests().filter((r) => (r.body as { stream?: boolean }).stream === true);

async function ask(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

/** Sends `count` questions through the API (not the UI), each waiting for its answer to finish. */
async function seed(page: Page, chatId: string, count: number, from = 1): Promise<void> {
  await page.evaluate(
    async ({ chatId, count, from }) => {
      const api = window.api!;
      for (let i = from; i < from + count; i++) {
        const done = new Promise<void>((resolve) => {
          const off = api.events.onStream((event) => {
            if (event.chatId === chatId && (event.type === 'message_end' || event.type === 'error')) {
              off();
              resolve();
            }
          });
        });
        const result = await api.chat.send({ chatId, content: `Question ${i}` });
        if (!result.ok) throw new Error(result.error.code);
        await done;
      }
    },
    { chatId, count, from },
  );
}

async function distanceFromBottom(scroller: Locator): Promise<number> {
  return scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
}

test.describe('answers', () => {
  test('Regenerate replaces the last answer with a new one, and the old one is not sent back', async ({ page, harness, fake }) => {
    fake.setScenario({ kind: 'text', text: 'First **answer**.' });
    await startChat(page, harness.url);
    await ask(page, 'Hello');
    await expect(answers(page)).toHaveAttribute('data-status', 'complete');
    await expect(answers(page)).toContainText('First answer.');
    const oldId = await answers(page).getAttribute('data-message-id');
    // Model and usage, quietly under the answer; the finished text is announced politely.
    await expect(answers(page)).toContainText(/Claude Sonnet 5\.5 · \d+ tokens?/);
    await expect(page.getByTestId('stream-announcer')).toHaveText('Claude answered: First answer.');

    fake.setScenario({ kind: 'text', text: 'Second answer, different.' });
    await answers(page).getByRole('button', { name: 'Regenerate' }).click();
    await expect(answers(page)).toHaveCount(1);
    await expect(answers(page)).toContainText('Second answer, different.');
    await expect(answers(page)).toHaveAttribute('data-status', 'complete');
    expect(await answers(page).getAttribute('data-message-id')).not.toBe(oldId);
    await expect(questions(page)).toHaveCount(1);

    expect(answerRequests(fake)).toHaveLength(2);
    expect(bodyOf(answerRequests(fake).at(-1)).messages).toEqual([{ role: 'user', content: 'Hello' }]);

    // Still there after a reload: main saved the replacement, not the renderer.
    await page.reload();
    await expect(answers(page)).toHaveCount(1);
    await expect(answers(page)).toContainText('Second answer, different.');
  });

  test('an error offers Retry, which replaces the failed answer with a real one', async ({ page, harness, fake }) => {
    fake.setScenario([
      { kind: 'http_error', status: 500, errorType: 'api_error', shouldRetry: false },
      { kind: 'text', text: 'Recovered answer.' },
    ]);
    await startChat(page, harness.url);
    await ask(page, 'Are you there?');
    await expect(answers(page)).toHaveAttribute('data-status', 'error');
    await expect(answers(page)).toContainText('Anthropic returned an error. Try again.');
    await expect(answers(page).getByRole('button', { name: 'Regenerate' })).toHaveCount(0);

    await answers(page).getByRole('button', { name: 'Retry' }).click();
    await expect(answers(page)).toHaveCount(1);
    await expect(answers(page)).toHaveAttribute('data-status', 'complete');
    await expect(answers(page)).toContainText('Recovered answer.');
    await expect(answers(page)).not.toContainText('Anthropic returned an error');
    await expect(answers(page).getByRole('button', { name: 'Retry' })).toHaveCount(0);
  });

  test('Continue resumes a stopped answer in the same message, sending the partial text back as the last assistant turn', async ({ page, harness, fake }) => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    fake.setScenario({ kind: 'text', text: long, chunkSize: 5, delayMs: 30 });
    await startChat(page, harness.url);
    await ask(page, 'Write a lot');
    await expect(answers(page)).toContainText('word5');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(answers(page)).toHaveAttribute('data-status', 'stopped');
    await expect(answers(page)).toContainText('Stopped');
    const id = await answers(page).getAttribute('data-message-id');
    const partial = (await page.evaluate(async (chatId) => {
      const page = await window.api!.messages.list({ chatId, limit: 10 });
      return page.ok ? page.value.messages.at(-1)!.content : '';
    }, page.url().split('/chat/')[1]!)).trimEnd();
    expect(partial.length).toBeGreaterThan(5);

    fake.setScenario({ kind: 'text', text: ' and the rest.' });
    await answers(page).getByRole('button', { name: 'Continue' }).click();
    await expect(answers(page)).toHaveAttribute('data-status', 'complete');
    await expect(answers(page)).toHaveCount(1);
    expect(await answers(page).getAttribute('data-message-id')).toBe(id);
    await expect(answers(page)).toContainText(`${partial.slice(-20)} and the rest.`);

    const sent = bodyOf(answerRequests(fake).at(-1)).messages;
    const lastAssistant = sent.filter((m) => m.role === 'assistant').at(-1);
    expect(lastAssistant?.content).toBe(partial);
    expect(sent[0]).toEqual({ role: 'user', content: 'Write a lot' });
  });

  test('Esc stops a streaming answer, from the composer or from anywhere, but first closes an open dialog', async ({ page, harness, fake }) => {
    const long = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
    fake.setScenario({ kind: 'text', text: long, chunkSize: 4, delayMs: 30 });
    await startChat(page, harness.url);
    await ask(page, 'Go on and on');
    await expect(answers(page)).toContainText('w3');

    // A dialog open over the conversation takes the Esc; the answer keeps streaming.
    await page.keyboard.press('Control+/');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.waitForTimeout(300);
    await expect(answers(page)).toHaveAttribute('data-status', 'streaming');

    // Focus away from the composer: Esc still stops the answer in the open chat.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Escape');
    await expect(answers(page)).toHaveAttribute('data-status', 'stopped');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();

    // And from the composer, on the next answer.
    fake.setScenario({ kind: 'text', text: long, chunkSize: 4, delayMs: 30 });
    await ask(page, 'Again');
    await expect(answers(page).nth(1)).toContainText('w3');
    await page.getByRole('textbox', { name: 'Message' }).press('Escape');
    await expect(answers(page).nth(1)).toHaveAttribute('data-status', 'stopped');
  });
});

test.describe('editing a question', () => {
  test('Edit, then Save and resend warns how many messages will be replaced, and answers the new text', async ({ page, harness, fake }) => {
    fake.setScenario({ kind: 'text', text: 'An answer.' });
    await startChat(page, harness.url);
    await ask(page, 'First question');
    await expect(answers(page)).toHaveAttribute('data-status', 'complete');
    await ask(page, 'Second question');
    await expect(answers(page).nth(1)).toHaveAttribute('data-status', 'complete');

    const first = questions(page).first();
    await first.hover();
    await first.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('textbox', { name: 'Edit message' });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue('First question');

    // Esc cancels and nothing is sent.
    await editor.press('Escape');
    await expect(editor).toHaveCount(0);
    await expect(first).toContainText('First question');

    await first.hover();
    await first.getByRole('button', { name: 'Edit' }).click();
    await editor.fill('First question, rewritten');
    const before = answerRequests(fake).length;
    await page.getByRole('button', { name: 'Save and resend' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Replace the rest of the conversation?' });
    await expect(confirm).toContainText('The 3 messages after this one will be deleted');
    // Cancel keeps the editor and the text; nothing has been sent.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(editor).toHaveValue('First question, rewritten');
    expect(answerRequests(fake).length).toBe(before);

    fake.setScenario({ kind: 'text', text: 'Answer to the rewrite.' });
    await page.getByRole('button', { name: 'Save and resend' }).click();
    await confirm.getByRole('button', { name: 'Replace and resend' }).click();
    await expect(questions(page)).toHaveCount(1);
    await expect(questions(page)).toContainText('First question, rewritten');
    await expect(answers(page)).toHaveCount(1);
    await expect(answers(page)).toContainText('Answer to the rewrite.');
    await expect(answers(page)).toHaveAttribute('data-status', 'complete');
    expect(bodyOf(answerRequests(fake).at(-1)).messages).toEqual([{ role: 'user', content: 'First question, rewritten' }]);

    await page.reload();
    await expect(questions(page)).toHaveCount(1);
    await expect(questions(page)).toContainText('First question, rewritten');
  });

  test('the warning counts in Russian plural forms', async ({ page, harness, fake }) => {
    fake.setScenario({ kind: 'text', text: 'Ответ.' });
    const chatId = await startChat(page, harness.url);
    await seed(page, chatId, 3);
    await page.evaluate(() => window.api!.settings.update({ language: 'ru' }));
    await page.reload();
    const russianQuestions = page.getByRole('log', { name: 'Сообщения' }).locator('[data-role="user"]');
    await expect(russianQuestions).toHaveCount(3);

    const first = russianQuestions.first();
    await first.hover();
    await first.getByRole('button', { name: 'Изменить' }).click();
    await page.getByRole('button', { name: 'Сохранить и отправить' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('5 сообщений после этого будут удалены');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Отмена' }).click();
    await page.getByRole('button', { name: 'Отмена' }).click();

    const second = russianQuestions.nth(1);
    await second.hover();
    await second.getByRole('button', { name: 'Изменить' }).click();
    await page.getByRole('button', { name: 'Сохранить и отправить' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('3 сообщения после этого будут удалены');
  });
});

test.describe('the composer', () => {
  test('a draft is kept per chat across switching chats, a reload and a restart, and cleared by sending', async ({ page, harness }) => {
    await startChat(page, harness.url);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Half a thought for chat one');
    const firstUrl = page.url();

    await page.getByRole('button', { name: 'New chat', exact: true }).click();
    await expect(page).not.toHaveURL(firstUrl);
    await expect(composer).toHaveValue('');
    await composer.fill('Chat two draft');

    await page.goto(firstUrl);
    await expect(composer).toHaveValue('Half a thought for chat one');
    await page.goBack();
    await expect(composer).toHaveValue('Chat two draft');

    // Saved by main after a pause in typing: a reload and a restart read it back.
    const chatTwo = page.url().split('/chat/')[1]!;
    await expect
      .poll(() => page.evaluate((chatId) => window.api!.drafts.get({ chatId }), chatTwo))
      .toMatchObject({ ok: true, value: { content: 'Chat two draft' } });
    await page.reload();
    await expect(composer).toHaveValue('Chat two draft');
    const url = await harness.restart();
    await page.goto(firstUrl.replace(/^http:\/\/[^/]+\//, url));
    await expect(composer).toHaveValue('Half a thought for chat one');

    // Sending clears it, here and in main. (The test key store lives in memory: give the new core a key.)
    await page.evaluate(() => window.api!.secrets.setApiKey({ apiKey: 'sk-ant-e2e-test-key-0001' }));
    await composer.press('Enter');
    await expect(questions(page)).toContainText('Half a thought for chat one');
    await expect(composer).toHaveValue('');
    await page.reload();
    await expect(questions(page)).toContainText('Half a thought for chat one');
    await expect(composer).toHaveValue('');
  });

  test('the composer is there while a chat loads; Enter pressed meanwhile sends once its messages are in', async ({ page, harness }) => {
    // The reply with the chat's messages is held back until the test lets it through.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    await routeHarnessReplies(page, 'messages:list', (result) => (holding ? released.then(() => result) : result));
    const chatId = await startChat(page, harness.url);
    await seed(page, chatId, 1);
    await page.goto(harness.url); // a fresh start: no chat's messages are loaded

    holding = true;
    await page.getByRole('navigation', { name: 'Chats' }).getByRole('link').first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Typed while it loaded');
    await composer.press('Enter');
    await page.waitForTimeout(300);
    await expect(composer).toHaveValue('Typed while it loaded'); // nothing is sent into a chat not yet shown

    release();
    await expect(questions(page).locator('.message__plain')).toHaveText(['Question 1', 'Typed while it loaded']);
    await expect(composer).toHaveValue('');
    await expect(answers(page)).toHaveCount(2);
    await expect(answers(page).last()).toHaveAttribute('data-status', 'complete');
  });

  test('a new chat shows its empty state at once, without waiting to load messages it cannot have', async ({ page, harness }) => {
    // Every reply with a chat's messages is held back for good: the new chat must not need one.
    await routeHarnessReplies(page, 'messages:list', () => new Promise(() => {}));
    await startChat(page, harness.url);
    await expect(page.getByRole('heading', { name: 'No messages yet' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  });

  test('the box grows with its text up to a limit, then scrolls', async ({ page, harness }) => {
    await startChat(page, harness.url);
    const composer = page.getByRole('textbox', { name: 'Message' });
    const oneLine = (await composer.boundingBox())!.height;
    await composer.fill('line\n'.repeat(4));
    const fiveLines = (await composer.boundingBox())!.height;
    expect(fiveLines).toBeGreaterThan(oneLine * 2);
    await composer.fill('line\n'.repeat(200));
    const capped = (await composer.boundingBox())!.height;
    expect(capped).toBeLessThanOrEqual(800 / 3 + 2);
    expect(await composer.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  });
});

test.describe('long conversations', () => {
  test('older messages load page by page when scrolling up, without the view jumping; the list is virtualised', async ({ page, harness, fake }) => {
    fake.setScenario({ kind: 'text', text: 'Short answer.', chunkSize: 50 });
    await page.goto(harness.url);
    await saveApiKey(page);
    const chatId = await page.evaluate(async () => {
      // 60 questions in a row: lift the per-minute request limit for this test.
      await window.api!.settings.update({ requestsPerMinute: 1000 });
      const chat = await window.api!.chats.create({ title: 'Long history' });
      return chat.ok ? chat.value.id : '';
    });
    await seed(page, chatId, 60);
    await page.goto(`${harness.url}#/chat/${chatId}`);

    // The newest page (50 of 120 messages) opens at the bottom.
    const question = (n: number) => log(page).getByText(`Question ${n}`, { exact: true });
    await expect(question(60)).toBeInViewport();
    const scroller = page.locator('.message-scroller');
    expect(await distanceFromBottom(scroller)).toBeLessThan(60);
    await expect(page.getByRole('button', { name: 'Load earlier messages' })).toBeAttached();
    await expect(question(35)).toHaveCount(0);

    // Scrolling to the top loads the page before; what was at the top stays where it was. Its position is
    // sampled every frame from the scroll until well after the older page went in.
    const samples = await scroller.evaluate(async (el) => {
      const find = (n: number) => [...el.querySelectorAll('[data-role="user"]')].find((m) => m.textContent?.includes(`Question ${n}`) && !m.textContent.includes(`Question ${n}0`));
      const positions: number[] = [];
      let olderSeenAt = -1;
      el.scrollTop = 0;
      for (let frame = 0; frame < 90; frame++) {
        // After the frame is painted (a rAF callback alone would see layout before ResizeObserver fixes).
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const q36 = find(36);
        if (q36) positions.push(Math.round(q36.getBoundingClientRect().top - el.getBoundingClientRect().top));
        if (olderSeenAt < 0 && find(35)) olderSeenAt = positions.length;
      }
      return { positions, olderSeenAt };
    });
    expect(samples.olderSeenAt, 'the older page arrived while sampling').toBeGreaterThan(0);
    expect(samples.positions.length).toBeGreaterThan(samples.olderSeenAt);
    const settled = samples.positions.slice(0, samples.olderSeenAt + 30);
    expect(Math.max(...settled) - Math.min(...settled), `positions ${settled.join(',')}`).toBeLessThan(40);
    await expect(question(36)).toBeInViewport();

    // Keep going up until the very first message; then there is nothing more to load.
    await expect(async () => {
      await scroller.evaluate((el) => (el.scrollTop = 0));
      await expect(question(1)).toBeInViewport({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Load earlier messages' })).toHaveCount(0);

    // Virtualised: far fewer message elements in the page than messages in the chat.
    const inDom = await log(page).locator('[data-message-id]').count();
    expect(inDom).toBeGreaterThan(0);
    expect(inDom).toBeLessThan(60);
  });

  test('a streaming answer is followed until the reader scrolls up; then "Jump to latest" takes them back', async ({ page, harness, fake }) => {
    const lines = Array.from({ length: 300 }, (_, i) => `Line ${i} of a long answer that keeps coming.`).join('\n\n');
    fake.setScenario({ kind: 'text', text: lines, chunkSize: 40, delayMs: 25 });
    await startChat(page, harness.url);
    await ask(page, 'Tell me everything');
    await expect(answers(page)).toContainText('Line 30 ');
    const scroller = page.locator('.message-scroller');
    // Following: the newest text stays in view.
    expect(await distanceFromBottom(scroller)).toBeLessThan(80);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);

    const box = (await scroller.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // One turn of the wheel is enough: new text arriving meanwhile must not pull the view back down.
    await page.mouse.wheel(0, -800);
    const jump = page.getByRole('button', { name: 'Jump to latest' });
    await expect(jump).toBeVisible();
    const readingAt = await scroller.evaluate((el) => el.scrollTop);
    await page.waitForTimeout(600);
    await expect(answers(page)).toHaveAttribute('data-status', 'streaming');
    // Not dragged down while reading.
    expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - readingAt)).toBeLessThan(5);
    expect(await distanceFromBottom(scroller)).toBeGreaterThan(300);

    await jump.click();
    await expect(jump).toHaveCount(0);
    await expect.poll(() => distanceFromBottom(scroller)).toBeLessThan(80);
    await page.waitForTimeout(400);
    expect(await distanceFromBottom(scroller)).toBeLessThan(80);
    await page.keyboard.press('Escape');
    await expect(answers(page)).toHaveAttribute('data-status', 'stopped');
  });
});

test.describe('what Claude wrote', () => {
  const answer = [
    'Here is **code**, a ~~bad~~ table and a [link](https://example.com/docs) and https://example.org too.',
    '',
    '```ts',
    'const answer: number = 42;',
    '',
    'console.log(answer);',
    '```',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
    '- [x] done',
    '- [ ] open',
    '',
    '[bad](javascript:alert(1)) and <b>raw</b> <script>window.__pwned = 1</script>',
    '',
    '<div onclick="window.__pwned = 2">block html</div>',
  ].join('\n');

  test('markdown with GFM and highlighted code; Copy on a code block and on the message; time on hover', async ({ page, harness, fake, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
    fake.setScenario({ kind: 'text', text: answer });
    await startChat(page, harness.url);
    await ask(page, 'Show me');
    const reply = answers(page);
    await expect(reply).toHaveAttribute('data-status', 'complete');

    // GFM: table, task list, strikethrough, autolink; links open outside, only safe schemes.
    await expect(reply.getByRole('table')).toBeVisible();
    await expect(reply.locator('del')).toHaveText('bad');
    await expect(reply.getByRole('checkbox')).toHaveCount(2);
    const link = reply.getByRole('link', { name: 'link' });
    await expect(link).toHaveAttribute('href', 'https://example.com/docs');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noreferrer noopener');
    await expect(reply.getByRole('link', { name: 'https://example.org' })).toHaveAttribute('target', '_blank');
    await expect(reply.getByText('bad', { exact: true }).last()).not.toHaveAttribute('href');
    await expect(reply.locator('a[href^="javascript"]')).toHaveCount(0);

    // Raw HTML is never rendered.
    await expect(reply.locator('b, script, div[onclick]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // A highlighted code block with its language and a Copy button that copies the source.
    const code = reply.locator('.code-block');
    await expect(code.locator('.code-block__language')).toHaveText('ts');
    await expect(code.locator('.hljs-keyword').first()).toHaveText('const');
    await code.getByRole('button', { name: 'Copy code' }).click();
    await expect(code.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('const answer: number = 42;\n\nconsole.log(answer);');

    // Copy on the message copies its markdown as written.
    await reply.hover();
    await reply.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(reply.getByRole('button', { name: 'Copied' }).last()).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(answer);

    // The question's Copy, and its time with the full date in the tooltip.
    const question = questions(page);
    await question.hover();
    await question.getByRole('button', { name: 'Copy', exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Show me');
    const time = question.locator('time');
    await expect(time).toHaveAttribute('title', new RegExp(String(new Date().getFullYear())));
  });

  test('code streams in as a code block with its language, plain until its fence closes, then highlighted', async ({ page, harness, fake }) => {
    const body = Array.from({ length: 40 }, (_, i) => `const value${i} = compute(${i}); // line ${i}`).join('\n');
    fake.setScenario({ kind: 'text', text: `Here it is:\n\n\`\`\`ts\n${body}\n\`\`\`\n\nDone.`, chunkSize: 12, delayMs: 20 });
    await startChat(page, harness.url);
    await ask(page, 'Code, please');
    const reply = answers(page);
    const code = reply.locator('.code-block');
    // While the fence is open: already a code block, labelled, growing, not highlighted yet.
    await expect(code.locator('code')).toContainText('line 3');
    await expect(reply).toHaveAttribute('data-status', 'streaming');
    await expect(code.locator('.code-block__language')).toHaveText('ts');
    expect(await code.locator('.hljs-keyword').count()).toBe(0);
    // Once it is closed: one highlighted block holding exactly the code.
    await expect(reply).toHaveAttribute('data-status', 'complete');
    await expect(code).toHaveCount(1);
    await expect(code.locator('.hljs-keyword').first()).toHaveText('const');
    expect(await code.locator('code').textContent()).toBe(`${body}\n`);
    await expect(reply.getByText('Done.')).toBeVisible();
  });

  test('actions are reachable by keyboard', async ({ page, harness, fake }) => {
    fake.setScenario({ kind: 'text', text: 'Keyboard answer.' });
    await startChat(page, harness.url);
    await ask(page, 'Keys');
    await expect(answers(page)).toHaveAttribute('data-status', 'complete');

    /** Shift+Tab from the composer until a button with this name has focus. */
    const reachBackwards = async (name: string) => {
      await page.getByRole('textbox', { name: 'Message' }).focus();
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Shift+Tab');
        const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (focused === name) return;
      }
      throw new Error(`${name} was not reached with Shift+Tab`);
    };

    await reachBackwards('Edit');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Edit message' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('textbox', { name: 'Edit message' })).toHaveCount(0);

    fake.setScenario({ kind: 'text', text: 'Another keyboard answer.' });
    await reachBackwards('Regenerate');
    await page.keyboard.press('Enter');
    await expect(answers(page)).toContainText('Another keyboard answer.');
  });
});
