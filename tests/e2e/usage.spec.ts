import type { Page } from '@playwright/test';
import type { Api } from '../../src/shared/ipc/client';
import { expect, saveApiKey, test, startChat } from './fixtures';

declare global {
  interface Window {
    readonly api?: Api;
  }
}

/**
 * Usage and cost, per-chat model and sampling, the token estimate and the send limits, through the harness:
 * the real renderer and core against the fake Anthropic server with known token counts.
 */

const log = (page: Page) => page.getByRole('log', { name: 'Messages' });
const answers = (page: Page) => log(page).locator('[data-role="assistant"]');
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });

interface AnswerBody {
  stream?: boolean;
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  model?: string;
}
/** Streamed answer requests only (titles are asked for separately, without streaming). */
const answerBodies = (fake: { messageRequests(): { body: unknown }[] }) =>
  fake
    .messageRequests()
    .map((r) => r.body as AnswerBody)
    .filter((body) => body.stream === true);

async function askAndWait(page: Page, text: string, nth: number): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(answers(page).nth(nth)).toHaveAttribute('data-status', 'complete');
}

const figure = (page: Page, key: string) => page.locator(`.usage-figure[data-figure="${key}"] dd`);

test.describe('usage page', () => {
  test('shows totals, an estimated cost from the price table and charts, for 30 and 7 days', async ({ page, harness, fake }) => {
    fake.setScenario({ kind: 'text', text: 'A counted answer.', inputTokens: 1000, outputTokens: 500 });
    // The chat's title is a request too (Haiku, $1 / $5 per million).
    fake.setCompletionScenario({ kind: 'text', text: 'Counted chat', inputTokens: 200, outputTokens: 20 });
    await startChat(page, harness.url);
    await askAndWait(page, 'First question', 0);
    await askAndWait(page, 'Second question', 1);

    await page.getByRole('link', { name: 'Usage', exact: true }).click();
    await expect(page).toHaveURL(/#\/usage$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();
    const range = page.getByRole('group', { name: 'Period' });
    await expect(range.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');

    // Two answers of 1,000 in and 500 out on Sonnet ($3 / $15 per million): 2 × ($0.003 + $0.0075) = $0.021,
    // and the title's 200 in and 20 out on Haiku: $0.0002 + $0.0001.
    await expect(figure(page, 'requests')).toHaveText('3');
    await expect(figure(page, 'input')).toHaveText('2,200');
    await expect(figure(page, 'output')).toHaveText('1,020');
    await expect(figure(page, 'cacheWrite')).toHaveText('0');
    await expect(figure(page, 'cost')).toHaveText('$0.0213');
    await expect(page.getByText('Estimated cost', { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/Estimated in US dollars/)).toBeVisible();

    // The charts are drawn (svg with bars), each with a text alternative.
    const charts = page.locator('figure.usage-chart');
    await expect(charts).toHaveCount(4);
    await expect(charts.first().locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
    await expect(charts.first().locator('.recharts-bar-rectangle').first()).toBeAttached();
    await expect(page.getByRole('figure', { name: 'Tokens per day' })).toBeVisible();

    // The numbers behind the per-day charts, as a table; the per-model table is always there.
    await page.getByText('Show as a table', { exact: true }).click();
    const dayTable = page.getByRole('table', { name: 'Usage per day' });
    await expect(dayTable.getByRole('row')).toHaveCount(31); // header + 30 days
    await expect(dayTable.getByRole('row').nth(1)).toContainText('$0.0213');
    const modelTable = page.getByRole('table', { name: 'Usage per model' });
    const sonnet = modelTable.getByRole('row', { name: /Claude Sonnet 5\.5/ });
    await expect(sonnet.getByRole('cell')).toHaveText(['2', '2,000', '1,000', '0', '0', '$0.021']);
    const haiku = modelTable.getByRole('row', { name: /Claude Haiku 5\.5/ });
    await expect(haiku.getByRole('cell')).toHaveText(['1', '200', '20', '0', '0', '$0.0003']);

    await range.getByRole('button', { name: '7 days' }).click();
    await expect(range.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');
    await expect(figure(page, 'requests')).toHaveText('3');
    await expect(figure(page, 'cost')).toHaveText('$0.0213');
    await expect(page.getByRole('table', { name: 'Usage per day' }).getByRole('row')).toHaveCount(8);
    await expect(page.locator('figure.usage-chart .recharts-wrapper > svg.recharts-surface').first()).toBeVisible();
  });

  test('says so when there is no usage yet', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByRole('link', { name: 'Usage', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'No usage in the last 30 days' })).toBeVisible();
    await expect(page.locator('figure.usage-chart')).toHaveCount(0);
  });
});

test.describe('chat settings', () => {
  test('saves a temperature the next request carries, then top-p instead; both at once is refused', async ({ page, harness, fake }) => {
    fake.setScenario({ kind: 'text', text: 'Sampled.' });
    const chatId = await startChat(page, harness.url);
    await askAndWait(page, 'Before', 0);
    expect(answerBodies(fake).at(-1)?.temperature).toBeUndefined();

    await page.getByRole('button', { name: 'Chat settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chat settings' });
    await expect(dialog).toBeVisible();
    // The model list shows each model's context window.
    await expect(dialog.getByRole('combobox', { name: 'Model' }).locator('option', { hasText: 'Claude Sonnet 5.5 · 200K context' })).toHaveCount(1);
    await expect(dialog.getByText('Context window 200,000 tokens · answers up to 64,000 tokens.')).toBeVisible();

    await dialog.getByRole('radio', { name: 'Temperature' }).check();
    const temperature = dialog.getByRole('spinbutton', { name: 'Temperature' });
    // Out of range is refused in the dialog, next to the field.
    await temperature.fill('1.5');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Temperature is a number from 0 to 1.')).toBeVisible();
    await expect(temperature).toHaveAttribute('aria-invalid', 'true');
    await temperature.fill('0.3');
    await dialog.getByRole('spinbutton', { name: 'Longest answer (tokens)' }).fill('1000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    await askAndWait(page, 'After', 1);
    const afterTemperature = answerBodies(fake).at(-1)!;
    expect(afterTemperature.temperature).toBe(0.3);
    expect(afterTemperature.top_p).toBeUndefined();
    expect(afterTemperature.max_tokens).toBe(1000);

    // Reopened, it shows what was saved; top-p replaces the temperature.
    await page.getByRole('button', { name: 'Chat settings' }).click();
    await expect(dialog.getByRole('radio', { name: 'Temperature' })).toBeChecked();
    await expect(dialog.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('0.3');
    await dialog.getByRole('radio', { name: 'Top-p' }).check();
    await dialog.getByRole('spinbutton', { name: 'Top-p' }).fill('0.8');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await askAndWait(page, 'With top-p', 2);
    const afterTopP = answerBodies(fake).at(-1)!;
    expect(afterTopP.top_p).toBe(0.8);
    expect(afterTopP.temperature).toBeUndefined();

    // Main refuses both at once, naming the field.
    const refused = await page.evaluate((id) => window.api!.chats.update({ id, temperature: 0.5, topP: 0.5 }), chatId);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('invalid_input');
      expect(refused.error.details).toEqual([expect.objectContaining({ path: 'topP' })]);
    }
  });
});

test.describe('token estimate and limits', () => {
  test('the composer shows the estimated size of the next request while typing', async ({ page, harness }) => {
    await startChat(page, harness.url);
    await expect(page.getByTestId('token-estimate')).toHaveCount(0);
    await composer(page).fill('How long is this question, in tokens?');
    await expect(page.getByTestId('token-estimate')).toHaveText(/^≈ [\d,]+ \/ 200,000 tokens$/);
    await composer(page).fill('');
    await expect(page.getByTestId('token-estimate')).toHaveCount(0);
  });

  test('a send over the per-minute limit is held back with the reason and a countdown, and the text stays', async ({ page, harness, fake }) => {
    fake.setScenario({ kind: 'text', text: 'Limited.' });
    await page.goto(harness.url);
    await saveApiKey(page);
    // Settings → Limits: two requests a minute.
    const limits = page.getByRole('region', { name: 'Limits' });
    await expect(limits.getByRole('spinbutton', { name: 'Requests per minute' })).toHaveValue('20');
    await expect(limits.getByRole('spinbutton', { name: 'Answers at once' })).toHaveValue('3');
    await expect(limits.getByRole('switch', { name: 'Summarise earlier messages that no longer fit' })).toBeChecked();
    await limits.getByRole('spinbutton', { name: 'Requests per minute' }).fill('0');
    await limits.getByRole('button', { name: 'Save limits' }).click();
    await expect(limits.getByText('Enter a whole number from 1 to 1,000.')).toBeVisible();
    await limits.getByRole('spinbutton', { name: 'Requests per minute' }).fill('2');
    await limits.getByRole('button', { name: 'Save limits' }).click();
    await expect(limits.getByText('Limits saved.')).toBeVisible();

    await page.getByRole('button', { name: 'New chat', exact: true }).click();
    await askAndWait(page, 'One', 0);
    await askAndWait(page, 'Two', 1);
    await composer(page).fill('Three, held back');
    await composer(page).press('Enter');
    const notice = page.locator('[data-error-code="limit_reached"]');
    await expect(notice).toContainText('You can send 2 messages a minute.');
    await expect(notice).toContainText(/Try again in \d+\ss\./);
    await expect(composer(page)).toHaveValue('Three, held back');
    await expect(answers(page)).toHaveCount(2);
    // The countdown is live.
    const first = Number(/Try again in (\d+)\ss/.exec((await notice.locator('.send-limit__countdown').textContent()) ?? '')?.[1]);
    await expect
      .poll(async () => Number(/Try again in (\d+)\ss/.exec((await notice.locator('.send-limit__countdown').textContent()) ?? '')?.[1]), { timeout: 5000 })
      .toBeLessThan(first);
  });
});

test.describe('retrying', () => {
  test('while Anthropic is busy the answer says it is retrying, counts down, and then arrives', async ({ page, harness, fake }) => {
    fake.setScenario([
      { kind: 'http_error', status: 529, errorType: 'overloaded_error', retryAfterSeconds: 3 },
      { kind: 'text', text: 'Worth the wait.' },
    ]);
    await startChat(page, harness.url);
    await composer(page).fill('Are you there?');
    await composer(page).press('Enter');
    const note = answers(page).locator('.retrying-note');
    await expect(note).toHaveText(/^Anthropic is busy — retrying in [1-3]\ss \(attempt 1\)$/);
    await expect(answers(page)).toContainText('Worth the wait.');
    await expect(answers(page)).toHaveAttribute('data-status', 'complete');
    await expect(note).toHaveCount(0);
  });
});
