import { expect, saveApiKey, test } from './fixtures';

test.describe('the first chat', () => {
  test('send, watch it stream as markdown, stop mid-answer, and find it all after a reload and a restart', async ({ page, harness, fake }) => {
    const answer = `## Plan\n\nHere is **bold** text and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n${'More words follow here. '.repeat(80)}`;
    fake.setScenario({ kind: 'text', text: answer, chunkSize: 6, delayMs: 30 });
    await page.goto(harness.url);
    await saveApiKey(page);

    await page.getByRole('button', { name: 'New chat' }).click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Make me a plan');
    await composer.press('Enter');

    const log = page.getByRole('log', { name: 'Messages' });
    await expect(log.locator('[data-role="user"]')).toHaveText(/Make me a plan/);
    const reply = log.locator('[data-role="assistant"]');
    await expect(reply).toHaveAttribute('data-status', 'streaming');
    // Markdown is rendered while it streams: a real heading and table, not the raw characters.
    await expect(reply.getByRole('heading', { name: 'Plan' })).toBeVisible();
    await expect(reply.getByRole('table')).toBeVisible();
    await expect(composer).toHaveValue('');

    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(reply).toHaveAttribute('data-status', 'stopped');
    const kept = (await reply.innerText()).trim();
    expect(kept).toContain('Here is bold text');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();

    const chatLink = page.getByRole('navigation', { name: 'Chats' }).getByRole('link');
    await expect(chatLink).toHaveCount(1);

    await page.reload();
    await page.getByRole('navigation', { name: 'Chats' }).getByRole('link').first().click();
    await expect(log.locator('[data-role="user"]')).toHaveText(/Make me a plan/);
    await expect(reply).toHaveAttribute('data-status', 'stopped');
    expect((await reply.innerText()).trim().length).toBeGreaterThanOrEqual(kept.length - 5);

    // Quit and start again on the same data folder.
    const url = await harness.restart();
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Chats' }).getByRole('link').first().click();
    await expect(log.locator('[data-role="user"]')).toHaveText(/Make me a plan/);
    await expect(reply).toHaveAttribute('data-status', 'stopped');
  });

  test('a reload in the middle of an answer picks the stream up without doubling any text', async ({ page, harness, fake }) => {
    const answer = Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ');
    fake.setScenario({ kind: 'text', text: answer, chunkSize: 4, delayMs: 25 });
    await page.goto(harness.url);
    await saveApiKey(page);
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Count');
    await page.keyboard.press('Enter');
    const reply = page.getByRole('log', { name: 'Messages' }).locator('[data-role="assistant"]');
    await expect(reply).toContainText('w10');
    await page.reload();
    await expect(reply).toHaveAttribute('data-status', 'streaming');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(reply).toHaveAttribute('data-status', 'complete', { timeout: 20_000 });
    await expect(reply).toContainText(answer);
    const shown = await reply.innerText();
    expect(shown.split('w10 ').length).toBe(2);
    expect(shown.split('w119').length).toBe(2);
  });

  test('a finished answer is saved complete, and raw HTML in it is never rendered', async ({ page, harness, fake }) => {
    fake.setScenario({ kind: 'text', text: 'Done. <img src=x onerror="window.__pwned=1"> <b>not bold</b> and `code`.' });
    await page.goto(harness.url);
    await saveApiKey(page);
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Hi');
    await page.getByRole('button', { name: 'Send' }).click();
    const reply = page.getByRole('log', { name: 'Messages' }).locator('[data-role="assistant"]');
    await expect(reply).toHaveAttribute('data-status', 'complete');
    await expect(reply.locator('code')).toHaveText('code');
    await expect(reply.locator('img, b')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const body = fake.messageRequests()[0]!.body as { messages: unknown[] };
    expect(body.messages).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  test('Shift+Enter adds a line, and Enter during an IME composition does not send', async ({ page, harness, fake }) => {
    await page.goto(harness.url);
    await saveApiKey(page);
    await page.getByRole('button', { name: 'New chat' }).click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('line one');
    await composer.press('Shift+Enter');
    await composer.pressSequentially('line two');
    await expect(composer).toHaveValue('line one\nline two');
    await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();

    // What an IME sends when Enter confirms a candidate: keydown with isComposing.
    await composer.evaluate((el) => {
      el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true, isComposing: true }));
      el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '' }));
    });
    await page.waitForTimeout(300);
    await expect(composer).toHaveValue('line one\nline two');
    expect(fake.messageRequests()).toHaveLength(0);

    await composer.press('Enter');
    await expect(page.getByRole('log', { name: 'Messages' }).locator('[data-role="user"]')).toHaveText(/line one\s+line two/);
    await expect.poll(() => fake.messageRequests().length).toBe(1);
    expect((fake.messageRequests()[0]!.body as { messages: unknown[] }).messages).toEqual([{ role: 'user', content: 'line one\nline two' }]);
  });

  test('Send is disabled for blank input', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'New chat' }).click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('   \n  ');
    await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  });
});

test.describe('errors and languages', () => {
  test('a rejected key shows a clear, translated message in the conversation', async ({ page, harness }) => {
    await page.goto(harness.url);
    await saveApiKey(page, 'sk-bad-key-for-e2e-9999');
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Hello?');
    await page.keyboard.press('Enter');
    const reply = page.getByRole('log', { name: 'Messages' }).locator('[data-role="assistant"]');
    await expect(reply).toHaveAttribute('data-status', 'error');
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText(/API key was rejected/i);
    await expect(page.getByRole('log', { name: 'Messages' })).not.toContainText(/authentication_error|401/);
  });

  test('without a key, sending explains where to add one and keeps the text', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'New chat' }).click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Keep me');
    await composer.press('Enter');
    await expect(page.getByText(/API key/i).first()).toBeVisible();
    await expect(composer).toHaveValue('Keep me');
  });

  test('switching to Russian changes the interface and survives a reload', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings' })).first().click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect(page.getByRole('button', { name: 'Новый чат' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Новый чат' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New chat' })).toHaveCount(0);
  });
});
