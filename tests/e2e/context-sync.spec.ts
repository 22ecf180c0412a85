import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startContextServer, type ContextServer } from '../../context-server/src/server';
import { expect, saveApiKey, test } from './fixtures';

const TOKEN = 'e2e-context-server-token';
const PUBLISHED = '# Acme assistant guidelines\n\nAnswer in the customer’s language. Cite the handbook section.';

let server: ContextServer | null = null;
let serverDir: string | null = null;
test.afterEach(async () => {
  await server?.close().catch(() => undefined);
  server = null;
  if (serverDir) rmSync(serverDir, { recursive: true, force: true });
  serverDir = null;
});

async function openAdminContext(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings' })).first().click();
  await page.getByRole('link', { name: 'Edit organisation context' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation context', level: 1 })).toBeVisible();
}

/** Sends a message in the open chat (holding `before` answers) and waits for the new answer to finish. */
async function sendAndWait(page: Page, text: string, before: number): Promise<void> {
  const log = page.getByRole('log', { name: 'Messages' });
  const answers = log.locator('[data-role="assistant"]');
  await expect(answers).toHaveCount(before);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(answers).toHaveCount(before + 1);
  await expect(answers.last()).toHaveAttribute('data-status', 'complete');
}

function systemOfLastRequest(fake: { messageRequests(): { body: unknown }[] }): { text: string }[] {
  return (fake.messageRequests().at(-1)!.body as { system: { text: string }[] }).system;
}

test.describe('organisation context sync', () => {
  test('an admin publishes a signed context; a Parley pinned to the key syncs it, chats with it, and keeps it when the server goes down', async ({
    page,
    harness,
    fake,
  }) => {
    fake.setScenario({ kind: 'text', text: 'Noted.' });
    await page.goto(harness.url);
    await saveApiKey(page);
    await openAdminContext(page);
    await expect(page.getByText('This context is written on this computer.')).toBeVisible();

    // Write and save the organisation context locally.
    const editor = page.getByRole('textbox', { name: 'Organisation context' });
    await editor.fill(PUBLISHED);
    await expect(page.getByText('Save your changes above first')).toBeVisible();
    await page.getByRole('button', { name: 'Save organisation context' }).click();
    await expect(page.getByText('Saved as version 1.')).toBeVisible();

    // A signing key; its public key is shown read-only for pinning.
    const keyGroup = page.getByRole('group', { name: 'Signing key' });
    await expect(keyGroup).toContainText('No signing key yet');
    await keyGroup.getByRole('button', { name: 'Generate signing key' }).click();
    const publicKeyField = keyGroup.getByRole('textbox', { name: 'Public key' });
    await expect(publicKeyField).toHaveAttribute('readonly', '');
    const publicKey = await publicKeyField.inputValue();
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const keyId = /Key ID ([0-9a-f]{16})/.exec((await keyGroup.textContent()) ?? '')![1]!;

    // Replacing it asks first; cancelling keeps the key.
    await keyGroup.getByRole('button', { name: 'Replace signing key' }).click();
    const replace = page.getByRole('alertdialog', { name: 'Replace the signing key?' });
    await expect(replace).toContainText('Every machine must then pin the new public key');
    await replace.getByRole('button', { name: 'Cancel' }).click();
    await expect(publicKeyField).toHaveValue(publicKey);

    // The reference server, pinned to the admin's key: it only takes documents signed by it.
    serverDir = mkdtempSync(join(tmpdir(), 'parley-context-server-'));
    server = await startContextServer({ port: 0, dataDir: serverDir, token: TOKEN, publicKey, log: () => {} });

    // Who publishes, and a policy.
    await page.getByRole('textbox', { name: 'Published by' }).fill('Ada Admin');
    const policy = page.getByRole('group', { name: 'Policy (optional)' });
    await policy.getByRole('spinbutton', { name: 'Maximum active chats' }).fill('50');

    // Export: a signed file, downloaded by the renderer.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export signed document' }).click()]);
    expect(download.suggestedFilename()).toBe('parley-context-v2.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(exported).toMatchObject({ schema: 1, version: 2, content: PUBLISHED, updatedBy: 'Ada Admin', keyId, policy: { maxChats: 50 } });
    expect(exported.signature).toEqual(expect.any(String));
    await expect(page.getByText('Saved as parley-context-v2.json.')).toBeVisible();

    // Publish to the server: address and token (the token is never shown again).
    const serverGroup = page.getByRole('group', { name: 'Publish to a context server' });
    await expect(serverGroup.getByRole('button', { name: 'Publish' })).toBeDisabled();
    await serverGroup.getByRole('textbox', { name: 'Server address' }).fill(server.documentUrl);
    await serverGroup.getByLabel('Bearer token').fill(TOKEN);
    await serverGroup.getByRole('button', { name: 'Save server' }).click();
    await expect(serverGroup.getByText('Server saved.')).toBeVisible();
    await expect(serverGroup.getByLabel('Bearer token')).toHaveValue('');
    await expect(serverGroup).toContainText('A token is saved in the keychain');
    await serverGroup.getByRole('button', { name: 'Publish' }).click();
    await expect(serverGroup.getByRole('status')).toHaveText('Published version 1.');

    // Settings: point this Parley at the server. A bad key is refused next to its field.
    await page.getByRole('link', { name: 'Sync settings' }).click();
    const section = page.getByRole('region', { name: 'Organisation context' });
    await expect(section.getByRole('heading', { name: 'Organisation context' })).toBeFocused();
    await section.getByRole('textbox', { name: 'Sync address' }).fill(server.documentUrl);
    await section.getByRole('textbox', { name: 'Pinned public key' }).fill('not-a-key');
    await section.getByRole('button', { name: 'Save sync settings' }).click();
    await expect(section.getByText('That is not a public key.')).toBeVisible();
    await expect(section.getByRole('textbox', { name: 'Pinned public key' })).toHaveAttribute('aria-invalid', 'true');
    await section.getByRole('textbox', { name: 'Pinned public key' }).fill(publicKey);
    await section.getByRole('spinbutton', { name: 'Check every (minutes)' }).fill('5');
    await section.getByRole('button', { name: 'Save sync settings' }).click();
    await expect(section.getByText('Sync settings saved.')).toBeVisible();
    await expect(section.getByText('Up to date: version 1.')).toBeVisible();
    await expect(section).toContainText(`Key ID ${keyId}`);

    // The document's policy shows as managed, and the chat limit follows it.
    await expect(section.getByRole('group', { name: /Policy/ })).toContainText('Managed by your organisation');
    await expect(section.getByRole('group', { name: /Policy/ })).toContainText('50');
    const chatLimit = page.getByRole('spinbutton', { name: 'Maximum active chats' });
    await expect(chatLimit).toHaveValue('50');
    await expect(chatLimit).toHaveAttribute('readonly', '');
    await expect(page.getByText('Your organisation sets this limit.')).toBeVisible();

    // /admin/context: read-only, with where it came from.
    await section.getByRole('link', { name: 'Edit organisation context' }).click();
    const provenance = page.getByRole('region', { name: 'Where this context comes from' });
    await expect(provenance).toContainText(server.documentUrl);
    await expect(provenance).toContainText('1, published by Ada Admin');
    await expect(provenance).toContainText(`Signed by key ${keyId}, verified`);
    await expect(provenance.getByRole('status')).toHaveText('Up to date: version 1.');
    await expect(provenance.locator('time')).toHaveAttribute('title', /\d/);
    await expect(editor).toHaveValue(PUBLISHED);
    await expect(editor).toHaveAttribute('readonly', '');
    await expect(page.getByRole('button', { name: 'Save organisation context' })).toHaveCount(0);

    // A chat's request carries the published text as its first system block.
    await page.getByRole('button', { name: 'New chat' }).click();
    await sendAndWait(page, 'Hello', 0);
    expect(systemOfLastRequest(fake)[0]!.text).toBe(PUBLISHED);

    // The server goes away: Sync now says so calmly and names the version still in use.
    await server.close();
    server = null;
    await openAdminContext(page);
    // A sync main runs by itself (a poll) reaches the page as an event.
    await page.evaluate(() => void (window as unknown as { api: { contextSync: { syncNow(): Promise<unknown> } } }).api.contextSync.syncNow());
    await expect(provenance.getByRole('status')).toContainText('Couldn’t reach the sync address — using version 1 from');
    await provenance.getByRole('button', { name: 'Sync now' }).click();
    await expect(provenance.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    await expect(provenance.getByRole('status')).toContainText('Couldn’t reach the sync address — using version 1 from');
    await expect(provenance).toContainText('Last attempt');
    await expect(provenance.getByRole('alert')).toHaveCount(0);
    await expect(editor).toHaveValue(PUBLISHED);

    // Chatting goes on with the last good copy.
    await page.getByRole('navigation', { name: 'Chats' }).getByRole('link').first().click();
    await sendAndWait(page, 'Still there?', 1);
    expect(systemOfLastRequest(fake)[0]!.text).toBe(PUBLISHED);

    // Turning sync off (after a confirmation) keeps the text and makes it editable again.
    await openAdminContext(page);
    await page.getByRole('link', { name: 'Sync settings' }).click();
    await section.getByRole('button', { name: 'Turn off sync' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Turn off sync?' });
    await confirm.getByRole('button', { name: 'Turn off sync' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(section.getByText('Sync is off.')).toBeVisible();
    await expect(section.getByRole('textbox', { name: 'Sync address' })).toHaveValue('');
    await expect(page.getByRole('spinbutton', { name: 'Maximum active chats' })).not.toHaveAttribute('readonly', '');
    await section.getByRole('link', { name: 'Edit organisation context' }).click();
    await expect(editor).toHaveValue(PUBLISHED);
    await expect(editor).not.toHaveAttribute('readonly', '');
    await expect(page.getByRole('region', { name: 'Where this context comes from' })).toHaveCount(0);
  });
});

test.describe('managed configuration', () => {
  const { publicKey: key } = generateKeyPairSync('ed25519');
  const publicKey = Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  // Nothing listens on port 9: every attempt fails at once, like an unreachable server.
  const url = 'http://127.0.0.1:9/parley/context.json';
  test.use({ managedConfig: { contextSync: { url, publicKey, intervalMinutes: 30 } } });

  test('sync settings set by managed.json are shown read-only, and the primary context cannot be edited', async ({ page, harness }) => {
    await page.goto(`${harness.url}#/settings?section=organisation-context`);
    const section = page.getByRole('region', { name: 'Organisation context' });
    await expect(section.getByText('Set by your organisation’s managed configuration.')).toBeVisible();
    const address = section.getByRole('textbox', { name: 'Sync address' });
    await expect(address).toHaveValue(url);
    await expect(address).toHaveAttribute('readonly', '');
    await expect(section.getByRole('textbox', { name: 'Pinned public key' })).toHaveValue(publicKey);
    await expect(section.getByRole('textbox', { name: 'Pinned public key' })).toHaveAttribute('readonly', '');
    await expect(section.getByRole('spinbutton', { name: 'Check every (minutes)' })).toHaveValue('30');
    await expect(section.getByRole('spinbutton', { name: 'Check every (minutes)' })).toHaveAttribute('readonly', '');
    await expect(section.getByRole('button', { name: 'Save sync settings' })).toHaveCount(0);
    await expect(section.getByRole('button', { name: 'Turn off sync' })).toHaveCount(0);
    await expect(section.getByRole('status').first()).toContainText('Couldn’t reach the sync address. Nothing has been synced yet.');

    await section.getByRole('link', { name: 'Edit organisation context' }).click();
    const provenance = page.getByRole('region', { name: 'Where this context comes from' });
    await expect(provenance).toContainText(url);
    await expect(provenance).toContainText('Nothing synced yet');
    await expect(page.getByRole('textbox', { name: 'Organisation context' })).toHaveAttribute('readonly', '');
    await expect(page.getByRole('button', { name: 'Save organisation context' })).toHaveCount(0);
  });
});

test.describe('publishing problems', () => {
  let stub: Server | null = null;
  test.afterEach(async () => {
    await new Promise<void>((done) => (stub ? stub.close(() => done()) : done()));
    stub = null;
  });

  /** A context server that has nothing yet and answers every PUT with `status`. */
  async function startStub(status: number, body: Record<string, unknown>): Promise<string> {
    stub = createServer((req, res) => {
      req.resume();
      const code = req.method === 'PUT' ? status : 404;
      res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(req.method === 'PUT' ? body : { error: 'nothing published yet' }));
    });
    await new Promise<void>((ready) => stub!.listen(0, '127.0.0.1', ready));
    return `http://127.0.0.1:${(stub.address() as AddressInfo).port}/context.json`;
  }

  test('a conflict is explained with a way to reload; a refused token shows what the server said', async ({ page, harness }) => {
    const url = await startStub(412, { error: 'precondition failed' });
    await page.goto(`${harness.url}#/admin/context`);
    await page.getByRole('textbox', { name: 'Organisation context' }).fill('Be kind.');
    await page.getByRole('button', { name: 'Save organisation context' }).click();
    await page.getByRole('button', { name: 'Generate signing key' }).click();
    await expect(page.getByRole('textbox', { name: 'Public key' })).toHaveValue(/=$/);
    await page.getByRole('textbox', { name: 'Published by' }).fill('Ada');
    const serverGroup = page.getByRole('group', { name: 'Publish to a context server' });
    await serverGroup.getByRole('textbox', { name: 'Server address' }).fill(url);
    await serverGroup.getByLabel('Bearer token').fill('token');
    // Publish saves the address and token first, then publishes.
    await serverGroup.getByRole('button', { name: 'Publish' }).click();
    const conflict = serverGroup.getByRole('alert');
    await expect(conflict).toContainText('Someone published a newer version while you were editing. Reload it, re-apply your changes, then publish again.');
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await expect(serverGroup.getByRole('status')).toHaveText('Reloaded. Check the text and the policy, then publish again.');
    await expect(serverGroup).toContainText('A token is saved in the keychain');

    // The name is required, next to its field.
    await page.getByRole('textbox', { name: 'Published by' }).fill('');
    await serverGroup.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Enter who is publishing.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Published by' })).toBeFocused();
    await page.getByRole('textbox', { name: 'Published by' }).fill('Ada');

    await new Promise<void>((done) => stub!.close(() => done()));
    const refused = await startStub(401, { error: 'a valid bearer token is required' });
    await serverGroup.getByRole('textbox', { name: 'Server address' }).fill(refused);
    await serverGroup.getByRole('button', { name: 'Publish' }).click();
    await expect(serverGroup.getByRole('alert')).toContainText('The context could not be published.');
    await expect(serverGroup).toContainText('The server said: The server refused the token');

    // A plain-http address elsewhere is refused next to the field.
    await serverGroup.getByRole('textbox', { name: 'Server address' }).fill('http://context.example.com/context.json');
    await serverGroup.getByRole('button', { name: 'Save server' }).click();
    await expect(serverGroup.getByText('Enter an address that starts with https://')).toBeVisible();
    await expect(serverGroup.getByRole('textbox', { name: 'Server address' })).toHaveAttribute('aria-invalid', 'true');
  });
});
