import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createCore } from './core/app';
import type { Core } from './core/core-types';
import { consoleLogger } from './core/logger';
import { chooseSecretStore } from './core/secrets/choose-store';
import { defaultManagedConfigPath } from './core/context/sync/managed-config';
import { electronDialogs } from './electron/dialogs';
import { guardUnload } from './electron/unload-guard';
import { KeytarSecretStore } from './core/secrets/keytar-store';
import { APP_ENTRY_URL, rendererDevUrl, trustedOriginsFor } from './electron/app-origin';
import { registerIpcHandlers, eventSender } from './electron/ipc-transport';
import { installAppMenu } from './electron/menu';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { SafeStorageSecretStore } from './electron/secrets';
import { guardNavigation, hardenSession } from './electron/security';
import { createMainWindow, focusWindow } from './electron/window';

// Tests (and anyone running two profiles) point Parley at another data folder. Set before the
// single-instance lock, which is scoped to the user-data folder.
if (process.env.PARLEY_USER_DATA_DIR && !app.isPackaged) app.setPath('userData', resolve(process.env.PARLEY_USER_DATA_DIR));

const devUrl = rendererDevUrl(app.isPackaged, process.env);
const trustedOrigins = trustedOriginsFor(devUrl);
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let quitState: 'running' | 'closing' | 'closed' = 'running';

app.enableSandbox();
registerAppScheme();
guardNavigation(trustedOrigins);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    // Close the core once (stop streams, keep their text, close the database), then quit for real.
    if (!core || quitState === 'closed') return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    core
      .close()
      .catch((error: unknown) => consoleLogger.error('core close failed', { error: String(error) }))
      .finally(() => {
        quitState = 'closed';
        app.quit();
      });
  });
  app.whenReady().then(start).catch(failToStart);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, trustedOrigins, devUrl !== null);
  serveRenderer(join(__dirname, '../renderer'));
  installAppMenu({ isMac: process.platform === 'darwin', isDev: !app.isPackaged });

  const dataDir = app.getPath('userData');
  const secretStore = await chooseSecretStore([
    new KeytarSecretStore(),
    new SafeStorageSecretStore(join(dataDir, 'secrets.json')),
  ]);
  core = await createCore({
    dataDir,
    secretStore,
    env: process.env,
    emit: eventSender(() => mainWindow),
    managedConfigPath: defaultManagedConfigPath(process.platform, process.env),
    dialogs: electronDialogs(() => mainWindow, () => app.getPath('documents')),
  });
  registerIpcHandlers(core, () => mainWindow, trustedOrigins);
  openWindow();
}

function openWindow(): void {
  const win = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
    startUrl: devUrl ?? APP_ENTRY_URL,
    onLoadFailed: (error) => consoleLogger.error('renderer failed to load', { error: String(error) }),
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  guardUnload(win);
  mainWindow = win;
}

function failToStart(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  consoleLogger.error('Parley could not start', { error: message });
  dialog.showErrorBox('Parley', message);
  app.exit(1);
}
