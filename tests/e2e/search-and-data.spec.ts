import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, closeSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import type { Api } from '../../src/shared/ipc/client';
import { expect, saveApiKey, startHarnessIn, test } from './fixtures';

/**
 * Issue 6 through the harness: search across chats (and opening a hit at its message, even deep in a long
 * chat), export and import, backups and restore, and the recovery screen for a damaged data file.
 * The harness stands in for the OS dialogs: exports go to <dataDir>/files/, imports read <dataDir>/files/import.json.
 */

declare global {
  interface Window {
    readonly api?: Api;
  }
}


/** A chat made through the page's window.api; requests per minute lifted so seeding is not rate limited. */
async function createChat(page: Page, title: string): Promise<string> {
  await page.waitForFunction(() => 'api' in window);
  return page.evaluate(async (title) => {
    await window.api!.settings.update({ requestsPerMinute: 1000 });
    const chat = await window.api!.chats.create({ title });
    if (!chat.ok) throw new Error(chat.error.code);
    return chat.value.id;
  }, title);
}

/** Sends each question through the API and waits for its answer to finish. */
async function ask(page: Page, chatId: string, questions: string[]): Promise<void> {
  await page.evaluate(
    async ({ chatId, questions }) => {
      const api = window.api!;
      for (const content of questions) {
        const done = new Promise<void>((resolve) => {
          const off = api.events.onStream((event) => {
            if (event.chatId === chatId && (event.type === 'message_end' || event.type === 'error')) {
              off();
              resolve();
            }
          });
        });
        const result = await api.chat.send({ chatId, content });
        if (!result.ok) throw new Error(result.error.code);
        await done;
      }
    },
    { chatId, questions },
  );
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search messages' });
const hits = (page: Page) => page.getByRole('list', { name: 'Search results' }).getByRole('link');
const log = (page: Page) => page.getByRole('log', { name: 'Messages' });
const chatNav = (page: Page) => page.getByRole('navigation', { name: 'Chats' });

async function chooseChatAction(page: Page, title: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Chat actions for “${title}”` }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click();
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
}

/** A harness of our own, for a second profile or a stop–damage–start cycle the fixture cannot pause in. */
test.describe('search', () => {
  test('finds words and "quoted phrases" across chats, highlights them, sorts by relevance, filters, and opens the message', async ({
    page,
    harness,
    fake,
  }) => {
    await page.goto(harness.url);
    await saveApiKey(page);
    const lisbon = await createChat(page, 'Lisbon trip');
    fake.setScenario({ kind: 'text', text: 'Pack a light jacket. A rain jacket helps too, and a denim jacket for dinners.' });
    await ask(page, lisbon, ['What should I pack for Lisbon in spring?']);
    const garden = await createChat(page, 'Garden notes');
    fake.setScenario({ kind: 'text', text: 'Water the tomatoes deeply twice a week. Keep a jacket handy: the morning light is cold in the garden.' });
    await ask(page, garden, ['How often should I water the tomatoes?']);
    await page.reload();

    // Ctrl+Shift+F opens search from anywhere, with the box focused.
    await page.keyboard.press('Control+Shift+F');
    await expect(page).toHaveURL(/#\/search$/);
    await expect(searchBox(page)).toBeFocused();
    await expect(page.getByText(/Use "quotes" for an exact phrase/)).toBeVisible();

    await page.keyboard.type('tomatoes');
    await expect(hits(page)).toHaveCount(2);
    await expect(page.getByRole('status').filter({ hasText: '2 messages found' })).toBeVisible();
    await expect(hits(page).first().locator('mark')).toHaveText(['tomatoes']);
    await expect(hits(page).first()).toContainText('Garden notes');

    // A word in both chats: newest first, then the chat with three jackets first by relevance.
    await searchBox(page).fill('jacket');
    await expect(hits(page)).toHaveCount(2);
    await expect(hits(page).nth(0)).toContainText('Garden notes');
    await expect(hits(page).nth(1)).toContainText('Lisbon trip');
    await expect(hits(page).nth(1).locator('mark').first()).toHaveText('jacket');
    const relevance = page.getByRole('group', { name: 'Sort results' }).getByRole('button', { name: 'Most relevant' });
    await relevance.click();
    await expect(relevance).toHaveAttribute('aria-pressed', 'true');
    await expect(hits(page).nth(0)).toContainText('Lisbon trip');
    await expect(hits(page).nth(1)).toContainText('Garden notes');

    // A quoted phrase matches those words together only.
    await searchBox(page).fill('"light jacket"');
    await expect(hits(page)).toHaveCount(1);
    await expect(hits(page).first()).toContainText('Lisbon trip');
    await expect(hits(page).first().locator('mark').nth(0)).toHaveText('light');
    await expect(hits(page).first().locator('mark').nth(1)).toHaveText('jacket');
    // The snippet is text, never HTML: the markers became <mark> elements and nothing else.
    expect(await hits(page).first().locator('.search-hit__snippet').evaluate((el) => el.querySelectorAll('*:not(mark):not(span)').length)).toBe(0);

    // Who wrote it: only the questions.
    await searchBox(page).fill('tomatoes');
    await page.getByLabel('Written by').selectOption({ label: 'You' });
    await expect(hits(page)).toHaveCount(1);
    await expect(hits(page).first()).toContainText('How often should I water');
    await page.getByLabel('Written by').selectOption({ label: 'Anyone' });
    await expect(hits(page)).toHaveCount(2);

    // A date range that ends before today finds nothing, and says so.
    await page.getByLabel('To', { exact: true }).fill('2020-01-31');
    await expect(page.getByRole('heading', { name: 'No messages match “tomatoes”' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear dates' }).click();
    await expect(hits(page)).toHaveCount(2);

    // Keyboard: ↓ from the box into the results, ↓ again, Enter opens the chat at that message.
    await searchBox(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect(hits(page).nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(hits(page).nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const messageId = await hits(page).nth(0).getAttribute('data-message-id');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/chat/${garden}\\?message=${messageId}$`));
    const target = log(page).locator(`[data-message-id="${messageId}"]`);
    await expect(target).toBeInViewport();
    await expect(log(page).locator('.message-row--found')).toHaveCount(1);
    await expect(log(page).locator(`.message-row--found [data-message-id="${messageId}"]`)).toBeVisible();
    // Briefly: the highlight goes by itself.
    await expect(log(page).locator('.message-row--found')).toHaveCount(0, { timeout: 6000 });

    // Back to search: the query and results are still there; the sidebar link goes there too.
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await expect(searchBox(page)).toHaveValue('tomatoes');
    await expect(hits(page)).toHaveCount(2);

    // The shortcut is listed with the others.
    await page.keyboard.press('Control+/');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Search messages in all chats');
  });

  test('a hit deep in a long chat opens at that message; scrolling down loads newer pages; "Jump to latest" goes to the end', async ({
    page,
    harness,
    fake,
  }) => {
    fake.setScenario({ kind: 'text', text: 'Short answer.', chunkSize: 50 });
    await page.goto(harness.url);
    await saveApiKey(page);
    const chatId = await createChat(page, 'Long history');
    const questions = Array.from({ length: 60 }, (_, i) => (i + 1 === 12 ? 'Where do zebras sleep at night?' : `Question ${i + 1}`));
    await ask(page, chatId, questions);
    await page.goto(`${harness.url}#/search`);
    await searchBox(page).fill('zebras');
    await expect(hits(page)).toHaveCount(1);
    await hits(page).first().click();

    const zebras = log(page).getByText('Where do zebras sleep at night?', { exact: true });
    await expect(zebras).toBeInViewport();
    await expect(log(page).locator('.message-row--found')).toContainText('zebras');
    // Only the window around it is loaded: not the live end.
    await expect(log(page).getByText('Question 60', { exact: true })).toHaveCount(0);
    const jump = page.getByRole('button', { name: 'Jump to latest' });
    await expect(jump).toBeVisible();

    // Scrolling down loads the newer pages until the last message.
    const scroller = page.locator('.message-scroller');
    await expect(async () => {
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await expect(log(page).getByText('Question 60', { exact: true })).toBeInViewport({ timeout: 500 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Load newer messages' })).toHaveCount(0);

    // Again from search, then straight back to the live end.
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await hits(page).first().click();
    await expect(zebras).toBeInViewport();
    await expect(log(page).getByText('Question 60', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Jump to latest' }).click();
    await expect(log(page).getByText('Question 60', { exact: true })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);

    // Opening the chat itself (the sidebar) is the live end too.
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await hits(page).first().click();
    await expect(zebras).toBeInViewport();
    await chatNav(page).getByRole('link', { name: 'Long history' }).click();
    await expect(log(page).getByText('Question 60', { exact: true })).toBeInViewport();
  });
});

test.describe('export and import', () => {
  test('a chat exports as Markdown and as JSON from its menu', async ({ page, harness, fake }) => {
    await page.goto(harness.url);
    await saveApiKey(page);
    const chatId = await createChat(page, 'Lisbon trip');
    fake.setScenario({ kind: 'text', text: 'Pack a **light jacket**.' });
    await ask(page, chatId, ['What should I pack?']);
    await page.reload();

    await chooseChatAction(page, 'Lisbon trip', 'Export as Markdown');
    const markdownPath = join(harness.dataDir, 'files', 'Lisbon trip.md');
    await expect(page.getByRole('status').filter({ hasText: `Saved to ${markdownPath}` })).toBeVisible();
    const markdown = readFileSync(markdownPath, 'utf8');
    expect(markdown).toContain('Lisbon trip');
    expect(markdown).toContain('What should I pack?');
    expect(markdown).toContain('Pack a **light jacket**.');

    await chooseChatAction(page, 'Lisbon trip', 'Export as JSON');
    const jsonPath = join(harness.dataDir, 'files', 'Lisbon trip.json');
    await expect(page.getByRole('status').filter({ hasText: `Saved to ${jsonPath}` })).toBeVisible();
    const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as { format: string; chat: { id: string; title: string }; messages: { role: string; content: string }[] };
    expect(json.format).toBe('parley-chat');
    expect(json.chat).toMatchObject({ id: chatId, title: 'Lisbon trip' });
    expect(json.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'What should I pack?'],
      ['assistant', 'Pack a **light jacket**.'],
    ]);
    // The notice can be dismissed by keyboard.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText(/^Saved to/)).toHaveCount(0);
  });

  test('export all, then import into a fresh profile: the chats appear, a second import adds nothing, bad items are listed', async ({
    page,
    harness,
    fake,
  }) => {
    await page.goto(harness.url);
    await saveApiKey(page);
    fake.setScenario({ kind: 'text', text: 'An answer to keep.' });
    await ask(page, await createChat(page, 'Lisbon trip'), ['First question']);
    await ask(page, await createChat(page, 'Garden notes'), ['Second question']);
    await page.reload();
    await openSettings(page);
    await page.getByRole('button', { name: 'Export all chats' }).click();
    await expect(page.getByText(/^Exported 2 chats with 4 messages to .*parley-archive-\d{4}-\d{2}-\d{2}\.json$/)).toBeVisible();
    const files = join(harness.dataDir, 'files');
    const archiveName = readdirSync(files).find((name) => /^parley-archive-.*\.json$/.test(name))!;
    const archive = readFileSync(join(files, archiveName), 'utf8');

    const freshDir = mkdtempSync(join(tmpdir(), 'parley-e2e-fresh-'));
    const fresh = await startHarnessIn(freshDir, fake.url);
    try {
      mkdirSync(join(freshDir, 'files'), { recursive: true });
      // The archive as exported, plus one chat with a message no Parley would write (an unknown role).
      const parsed = JSON.parse(archive) as { chats: { chat: Record<string, unknown>; messages: Record<string, unknown>[] }[] };
      const first = parsed.chats[0]!;
      parsed.chats.push({
        chat: { ...first.chat, id: randomUUID(), title: 'Odd one' },
        messages: [{ ...first.messages[0]!, id: randomUUID(), role: 'wizard' }, { ...first.messages[1]!, id: randomUUID() }],
      });
      writeFileSync(join(freshDir, 'files', 'import.json'), JSON.stringify(parsed));

      await page.goto(fresh.url);
      await expect(chatNav(page).getByRole('link')).toHaveCount(0);
      await openSettings(page);
      await page.getByRole('button', { name: 'Import…' }).click();
      await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
      await expect(page.getByText('Imported 3 chats and 5 messages.')).toBeVisible();
      await expect(chatNav(page).getByRole('link')).toHaveCount(3);
      for (const title of ['Garden notes', 'Lisbon trip', 'Odd one']) await expect(chatNav(page).getByRole('link', { name: title })).toBeVisible();
      // Skipped items, with their reasons, in an expandable list.
      const skipped = page.getByText('1 item skipped');
      await expect(skipped).toBeVisible();
      await expect(page.getByText(/message 1:/)).toBeHidden();
      await skipped.click();
      await expect(page.getByText(/“Odd one”, message 1:/)).toBeVisible();

      // The same file again: nothing is duplicated.
      await page.getByRole('button', { name: 'Import…' }).click();
      await expect(page.getByText('3 chats were already here and were left as they are.')).toBeVisible();
      await expect(page.getByText('Nothing new was imported.')).toBeVisible();
      await expect(chatNav(page).getByRole('link')).toHaveCount(3);

      // The imported chat reads as it did.
      await chatNav(page).getByRole('link', { name: 'Lisbon trip' }).click();
      await expect(log(page)).toContainText('First question');
      await expect(log(page)).toContainText('An answer to keep.');
    } finally {
      await fresh.stop();
      rmSync(freshDir, { recursive: true, force: true });
    }
  });

  test('a large import shows its progress and can be cancelled; what was imported stays whole', async ({ page, harness }) => {
    const chats = Array.from({ length: 6000 }, (_, i) => {
      const at = new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString();
      return {
        chat: { id: randomUUID(), title: `Imported chat ${i + 1}`, titleSource: 'user', provider: 'anthropic', model: null, isArchived: false, createdAt: at, updatedAt: at },
        messages: [
          { id: randomUUID(), role: 'user', content: `Question ${i + 1} ${'x'.repeat(400)}`, status: 'complete', metadata: null, createdAt: at },
          { id: randomUUID(), role: 'assistant', content: `Answer ${i + 1} ${'y'.repeat(400)}`, status: 'complete', metadata: null, createdAt: at },
        ],
      };
    });
    mkdirSync(join(harness.dataDir, 'files'), { recursive: true });
    writeFileSync(join(harness.dataDir, 'files', 'import.json'), JSON.stringify({ format: 'parley-archive', version: 1, exportedAt: new Date().toISOString(), chats }));

    await page.goto(harness.url);
    await openSettings(page);
    await page.getByRole('button', { name: 'Import…' }).click();
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await expect(progress).toBeVisible();
    await expect(page.getByText(/imported so far/)).toBeVisible();
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await expect(page.getByRole('heading', { name: 'Import cancelled' })).toBeVisible({ timeout: 30_000 });
    await expect(progress).toHaveCount(0);
    await expect(page.getByText(/none is left half imported/)).toBeVisible();
    const text = await page.locator('.import-report__facts').innerText();
    const match = /Imported ([\d,]+) chats? and ([\d,]+) messages?/.exec(text);
    expect(match, text).not.toBeNull();
    const imported = Number(match![1]!.replace(/,/g, ''));
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(6000);
    // Whole chats only: two messages each.
    expect(Number(match![2]!.replace(/,/g, ''))).toBe(imported * 2);
  });
});

test.describe('backups', () => {
  test('Back up now, then restore it: a chat made after the backup is gone; a newer Parley\'s backup is refused', async ({ page, harness }) => {
    await page.goto(harness.url);
    await createChat(page, 'Before the backup');
    await page.reload();
    await openSettings(page);
    const backups = page.getByRole('list', { name: 'Backups' });
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText(/^Backup made: /)).toBeVisible();
    const manual = backups.locator('[data-backup-kind="manual"]');
    await expect(manual).toHaveCount(1);
    await expect(manual).toContainText('Made by you');
    await expect(manual).toContainText(/data version \d+/);

    await createChat(page, 'After the backup');
    await page.reload();
    await expect(chatNav(page).getByRole('link', { name: 'After the backup' })).toBeVisible();

    await manual.getByRole('button', { name: /^Restore the backup from / }).click();
    const confirm = page.getByRole('alertdialog', { name: /^Restore the backup from .*\?$/ });
    await expect(confirm).toContainText('Parley backs up your current data first');
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByText(/^Restored the backup from .*\. Your data from just before is kept as a backup/)).toBeVisible();
    await expect(chatNav(page).getByRole('link', { name: 'After the backup' })).toHaveCount(0);
    await expect(chatNav(page).getByRole('link', { name: 'Before the backup' })).toBeVisible();
    // The safety backup is listed, newest first.
    await expect(backups.getByRole('listitem').first()).toHaveAttribute('data-backup-kind', 'pre-restore');

    // A backup written by a newer Parley (a higher data version) is refused, clearly.
    const folder = join(harness.dataDir, 'backups');
    const manualName = readdirSync(folder).find((name) => name.startsWith('parley-manual-'))!;
    const newer = join(folder, 'parley-manual-20990101T000000000Z.sqlite');
    copyFileSync(join(folder, manualName), newer);
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await openSettings(page);
    const newest = backups.getByRole('listitem').first();
    await expect(newest).toContainText('data version 999');
    await newest.getByRole('button', { name: /^Restore the backup from / }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(/made by a newer version of Parley/);
    await expect(chatNav(page).getByRole('link', { name: 'Before the backup' })).toBeVisible();
  });
});

test.describe('recovery', () => {
  test('a damaged data file shows the recovery screen; restoring the latest backup brings the app back', async ({ page, fake }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-damage-'));
    let running = await startHarnessIn(dataDir, fake.url);
    try {
      await page.goto(running.url);
      // Enough data that the middle of the file is real tables, not free pages.
      await page.waitForFunction(() => 'api' in window);
      await page.evaluate(async () => {
        for (let i = 1; i <= 40; i++) {
          const chat = await window.api!.chats.create({ title: `Kept chat ${i}` });
          if (!chat.ok) throw new Error(chat.error.code);
          await window.api!.drafts.set({ chatId: chat.value.id, content: `Draft ${i} `.repeat(200) });
        }
      });
      await page.reload();
      await openSettings(page);
      await page.getByRole('button', { name: 'Back up now' }).click();
      await expect(page.getByText(/^Backup made: /)).toBeVisible();
      await running.stop();

      // Damage the middle of the file (the app is not running).
      const file = join(dataDir, 'parley.sqlite');
      expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
      const size = statSync(file).size;
      const fd = openSync(file, 'r+');
      writeSync(fd, randomBytes(Math.floor(size / 2)), 0, Math.floor(size / 2), Math.floor(size / 4));
      closeSync(fd);

      running = await startHarnessIn(dataDir, fake.url);
      await page.goto(running.url);
      await expect(page.getByRole('heading', { name: 'Parley found damage in its data file' })).toBeVisible();
      await expect(page.getByText('Nothing has been overwritten; the damaged file is kept aside.')).toBeVisible();
      // Nothing of the app behind it.
      await expect(page.getByRole('navigation', { name: 'Chats' })).toHaveCount(0);
      await page.getByText('Technical details').click();
      await expect(page.locator('.recovery__details pre')).not.toBeEmpty();
      await expect(page.getByRole('button', { name: 'Start with empty data' })).toBeVisible();

      await page.getByRole('button', { name: /^Restore the latest backup \(/ }).click();
      const confirm = page.getByRole('alertdialog', { name: /^Restore the backup from / });
      await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect(chatNav(page).getByRole('link', { name: 'Kept chat 40' })).toBeVisible();
      await expect(chatNav(page).getByRole('link')).toHaveCount(40);
      // And it works: a new chat can be made.
      await page.getByRole('button', { name: 'New chat', exact: true }).click();
      await expect(page).toHaveURL(/#\/chat\/[0-9a-f-]{36}$/);
      // The damaged file was kept aside, not deleted.
      expect(readdirSync(dataDir).some((name) => /^parley\.damaged-.*\.sqlite$/.test(name))).toBe(true);
    } finally {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('with no backup to go back to, Parley can start with empty data', async ({ page, fake }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-damage-'));
    // Not a database at all.
    writeFileSync(join(dataDir, 'parley.sqlite'), randomBytes(64 * 1024));
    const running = await startHarnessIn(dataDir, fake.url);
    try {
      await page.goto(running.url);
      await expect(page.getByRole('heading', { name: 'Parley found damage in its data file' })).toBeVisible();
      await expect(page.getByText('There is no backup to go back to, but you can start with empty data.')).toBeVisible();
      await page.getByRole('button', { name: 'Start with empty data' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Start with empty data?' });
      // Destructive: Cancel is focused first.
      await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await confirm.getByRole('button', { name: 'Start with empty data' }).click();
      await expect(page.getByRole('navigation', { name: 'Chats' })).toBeVisible();
      await page.getByRole('button', { name: 'New chat', exact: true }).click();
      await expect(page).toHaveURL(/#\/chat\/[0-9a-f-]{36}$/);
    } finally {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
