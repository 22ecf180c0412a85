import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

// Launches the BUILT app (npm run build → out/main/index.js) through Playwright's _electron.

const ROOT = resolve(__dirname, '../..');
const MAIN_ENTRY = join(ROOT, 'out', 'main', 'index.js');

/**
 * Where the Electron binary is, found the way node_modules/electron/index.js finds it, but WITHOUT
 * require('electron'): that module downloads the binary when it is missing, which cannot work here.
 */
function findElectronBinary(): string | null {
  const packageDir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, relativePath);
  return relativePath && existsSync(binary) ? binary : null;
}

const electronBinary = findElectronBinary();
test.skip(
  electronBinary === null,
  'No Electron binary is installed on this machine (it cannot be downloaded here); run where Electron is installed',
);

let app: ElectronApplication;
let page: Page;
let userDataDir: string;

test.beforeAll(async () => {
  if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run "npm run build" first`);
  userDataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-electron-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ANTHROPIC_API_KEY' && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
  }
  env.PARLEY_USER_DATA_DIR = userDataDir;
  app = await electron.launch({
    executablePath: electronBinary!,
    // Chromium refuses to run as root with its sandbox on (containers, CI); elsewhere the sandbox stays on.
    args: [MAIN_ENTRY, '--lang=en-US', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test('opens the Parley window on the app:// origin with the chat UI', async () => {
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(title).toBe('Parley');
  expect(page.url()).toMatch(/^app:\/\/parley\//);
  await expect(page.getByRole('button', { name: 'New chat' })).toBeVisible();
});

test('the page gets window.api and no Node', async () => {
  const globals = await page.evaluate(() => {
    const w = globalThis as unknown as Record<string, unknown>; // the page's window
    return { api: typeof w.api, require: typeof w.require, process: typeof w.process, module: typeof w.module };
  });
  expect(globals).toEqual({ api: 'object', require: 'undefined', process: 'undefined', module: 'undefined' });
});

test('a call through window.api reaches the core and comes back as a Result', async () => {
  const result = await page.evaluate(async () => {
    const api = (globalThis as unknown as { api: { chats: { list: () => Promise<{ ok: boolean }> } } }).api;
    return api.chats.list();
  });
  expect(result).toMatchObject({ ok: true });
});

test('the main process keeps its data in the given user-data folder', async () => {
  const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
  expect(resolve(userData)).toBe(resolve(userDataDir));
  expect(existsSync(join(userDataDir, 'parley.sqlite'))).toBe(true);
});
