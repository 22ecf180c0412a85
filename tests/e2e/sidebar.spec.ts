import type { Page } from '@playwright/test';
import type { Api } from '../../src/shared/ipc/client';
import { expect, saveApiKey, test } from './fixtures';

/** Creates chats through the harness page's window.api, oldest first, and reloads so the list shows them. */
async function seedChats(page: Page, titles: string[]): Promise<string[]> {
  await page.waitForFunction(() => 'api' in window);
  const ids = await page.evaluate(async (list) => {
    const api = (window as unknown as { api: Api }).api;
    const out: string[] = [];
    for (const title of list) {
      const result = await api.chats.create({ title });
      if (!result.ok) throw new Error(result.error.code);
      out.push(result.value.id);
      await new Promise((r) => setTimeout(r, 15)); // distinct activity times
    }
    return out;
  }, titles);
  await page.reload();
  return ids;
}

const chatNav = (page: Page) => page.getByRole('navigation', { name: 'Chats' });
const chatLinks = (page: Page) => chatNav(page).getByRole('link');
const actionsFor = (page: Page, title: string) => page.getByRole('button', { name: `Chat actions for “${title}”` });

async function chooseAction(page: Page, title: string, action: 'Rename' | 'Archive' | 'Unarchive' | 'Delete') {
  await actionsFor(page, title).click();
  await page.getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click();
}

test.describe('the chat list', () => {
  test('rename inline: Enter saves, Esc cancels, an empty or too long title is refused', async ({ page, harness }) => {
    await page.goto(harness.url);
    await seedChats(page, ['Trip to Lisbon']);

    await chooseAction(page, 'Trip to Lisbon', 'Rename');
    const field = page.getByRole('textbox', { name: 'Chat title' });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('Trip to Lisbon');
    await field.fill('Lisbon in May');
    await field.press('Enter');
    await expect(chatLinks(page)).toHaveText(['Lisbon in May']);
    // Focus is back on the renamed chat for keyboard users.
    await expect(chatNav(page).getByRole('link', { name: 'Lisbon in May' })).toBeFocused();

    // Double-click renames too; Esc leaves the title as it was.
    await chatNav(page).getByRole('link', { name: 'Lisbon in May' }).dblclick();
    await page.getByRole('textbox', { name: 'Chat title' }).fill('Something else');
    await page.getByRole('textbox', { name: 'Chat title' }).press('Escape');
    await expect(page.getByRole('textbox', { name: 'Chat title' })).toHaveCount(0);
    await expect(chatLinks(page)).toHaveText(['Lisbon in May']);

    // Keyboard only: F2 on the link, then an empty title is refused with a reason.
    await chatNav(page).getByRole('link', { name: 'Lisbon in May' }).focus();
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: 'Chat title' }).fill('   ');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(/needs a title/);
    await expect(page.getByRole('textbox', { name: 'Chat title' })).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('textbox', { name: 'Chat title' }).fill('x'.repeat(256));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(/at most 255 characters long; this one has 256/);
    await page.keyboard.press('Escape');

    await page.reload();
    await expect(chatLinks(page)).toHaveText(['Lisbon in May']);
  });

  test('archive and unarchive, with the Active / Archived toggle', async ({ page, harness }) => {
    await page.goto(harness.url);
    await seedChats(page, ['Trip to Lisbon', 'Recipe ideas']);
    await expect(chatLinks(page)).toHaveText(['Recipe ideas', 'Trip to Lisbon']);

    // Keyboard only: the actions button opens its menu on the first item; arrows move, Enter chooses.
    await actionsFor(page, 'Trip to Lisbon').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Archive' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(chatLinks(page)).toHaveText(['Recipe ideas']);
    await expect(page.getByRole('status').filter({ hasText: '“Trip to Lisbon” archived.' })).toBeVisible();

    const archived = page.getByRole('button', { name: 'Archived', exact: true });
    await archived.click();
    await expect(archived).toHaveAttribute('aria-pressed', 'true');
    await expect(chatLinks(page)).toHaveText(['Trip to Lisbon']);

    await chooseAction(page, 'Trip to Lisbon', 'Unarchive');
    await expect(chatLinks(page)).toHaveCount(0);
    await expect(chatNav(page)).toContainText('No archived chats.');

    await page.getByRole('button', { name: 'Active', exact: true }).click();
    await expect(chatLinks(page)).toHaveText(['Recipe ideas', 'Trip to Lisbon']);
    await page.reload();
    await expect(chatLinks(page)).toHaveText(['Recipe ideas', 'Trip to Lisbon']);
  });

  test('delete asks first, naming the chat, and takes its messages with it', async ({ page, harness }) => {
    await page.goto(harness.url);
    const [lisbon] = await seedChats(page, ['Trip to Lisbon', 'Recipe ideas']);
    await chatNav(page).getByRole('link', { name: 'Trip to Lisbon' }).click();
    await expect(page).toHaveURL(new RegExp(`#/chat/${lisbon}$`));

    await chooseAction(page, 'Trip to Lisbon', 'Delete');
    const dialog = page.getByRole('alertdialog', { name: 'Delete “Trip to Lisbon”?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Its messages will be deleted too.');
    // Cancel is the safe default, and keeps the chat.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(actionsFor(page, 'Trip to Lisbon')).toBeFocused();
    await expect(chatLinks(page)).toHaveText(['Recipe ideas', 'Trip to Lisbon']);

    await chooseAction(page, 'Trip to Lisbon', 'Delete');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(chatLinks(page)).toHaveText(['Recipe ideas']);
    // The open chat is gone, so the app goes back to "no chat selected".
    await expect(page).toHaveURL(/#\/chat$/);

    const gone = await page.evaluate(async (id) => {
      const api = (window as unknown as { api: Api }).api;
      const [chat, messages] = await Promise.all([api.chats.get({ id }), api.messages.list({ chatId: id })]);
      return { chat: chat.ok ? 'found' : chat.error.code, messages: messages.ok ? messages.value.messages.length : messages.error.code };
    }, lisbon!);
    expect(gone.chat).toBe('not_found');
    expect(gone.messages === 'not_found' || gone.messages === 0).toBe(true);
    await page.reload();
    await expect(chatLinks(page)).toHaveText(['Recipe ideas']);
  });

  test('the filter narrows the list by title, ignoring case', async ({ page, harness }) => {
    await page.goto(harness.url);
    await seedChats(page, ['Trip to Lisbon', 'Lisbon restaurants', 'Budget']);
    const filter = page.getByRole('searchbox', { name: 'Filter chats' });
    await filter.fill('lisBON');
    await expect(chatLinks(page)).toHaveText(['Lisbon restaurants', 'Trip to Lisbon']);
    await filter.fill('porto');
    await expect(chatLinks(page)).toHaveCount(0);
    await expect(chatNav(page)).toContainText('No chats match “porto”.');
    await filter.press('Escape');
    await expect(filter).toHaveValue('');
    await expect(chatLinks(page)).toHaveCount(3);
  });

  test('newest activity first: sending in an older chat moves it to the top; main’s titles arrive live', async ({ page, harness, fake }) => {
    fake.setCompletionScenario({ kind: 'text', text: 'Lisbon Weekend Plan', initialDelayMs: 800 });
    await page.goto(harness.url);
    await saveApiKey(page);
    await seedChats(page, ['Oldest', 'Middle', 'Newest']);
    await expect(chatLinks(page)).toHaveText(['Newest', 'Middle', 'Oldest']);
    await expect(chatNav(page).locator('time').first()).toHaveText('just now');

    // A new chat gets its title from main (first words, then a generated one) without a reload.
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Plan a weekend in Lisbon for two');
    await page.keyboard.press('Enter');
    await expect(chatLinks(page).first()).toHaveText('Lisbon Weekend Plan');

    await chatNav(page).getByRole('link', { name: 'Oldest' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Hello again');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('log', { name: 'Messages' }).locator('[data-role="assistant"]')).toHaveAttribute('data-status', 'complete');
    await expect(chatLinks(page)).toHaveText(['Oldest', 'Lisbon Weekend Plan', 'Newest', 'Middle']);
    await page.reload();
    await expect(chatLinks(page)).toHaveText(['Oldest', 'Lisbon Weekend Plan', 'Newest', 'Middle']);
  });

  test('at the chat limit, New chat explains why and archiving the oldest makes room', async ({ page, harness }) => {
    await page.goto(harness.url);
    await seedChats(page, ['First chat', 'Second chat']);
    // The limit is a setting like any other.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('spinbutton', { name: 'Maximum active chats' }).fill('2');
    await page.getByRole('button', { name: 'Set limit' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Limit set to 2 active chats.' })).toBeVisible();

    await page.getByRole('button', { name: 'New chat' }).click();
    const notice = page.locator('[data-error-code="chat_limit_reached"]');
    await expect(notice).toHaveRole('alert');
    await expect(notice).toContainText('You have 2 active chats, the limit.');
    await expect(chatLinks(page)).toHaveCount(2);

    await notice.getByRole('button', { name: 'Archive the oldest chat' }).click();
    await expect(notice).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Archived 1 chat.' })).toBeVisible();
    await expect(page).toHaveURL(/#\/chat\/[0-9a-f-]{36}$/);
    await expect(chatLinks(page)).toHaveCount(2);
    await expect(chatNav(page).getByRole('link', { name: 'First chat' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Archived', exact: true }).click();
    await expect(chatLinks(page)).toHaveText(['First chat']);

    // Unarchiving would go over the limit again: refused, with the reason.
    await chooseAction(page, 'First chat', 'Unarchive');
    await expect(page.getByRole('alert')).toContainText('You are at the chat limit');
    await expect(chatLinks(page)).toHaveText(['First chat']);
  });

  test('deep links open a chat, and Back / Forward move between chats', async ({ page, harness }) => {
    await page.goto(harness.url);
    const [lisbon, recipes] = await seedChats(page, ['Trip to Lisbon', 'Recipe ideas']);
    await page.goto(`${harness.url}#/chat/${lisbon}`);
    const current = chatNav(page).locator('[aria-current="page"]');
    await expect(current).toHaveText('Trip to Lisbon');
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();

    await chatNav(page).getByRole('link', { name: 'Recipe ideas' }).click();
    await expect(page).toHaveURL(new RegExp(`#/chat/${recipes}$`));
    await expect(current).toHaveText('Recipe ideas');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`#/chat/${recipes}$`));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`#/chat/${lisbon}$`));
    await expect(current).toHaveText('Trip to Lisbon');
    await page.goForward();
    await expect(current).toHaveText('Recipe ideas');

    // A reload keeps the place; an unknown route goes to the start page.
    await page.reload();
    await expect(current).toHaveText('Recipe ideas');
    await page.goto(`${harness.url}#/nowhere`);
    await expect(page).toHaveURL(/#\/chat$/);
    await expect(page.getByRole('heading', { name: 'Start a new chat' })).toBeVisible();
  });
});
