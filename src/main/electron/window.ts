import { BrowserWindow } from 'electron';
import { attachContextMenu } from './menu';

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** app://parley/index.html, or the electron-vite dev server in dev. */
  startUrl: string;
  onLoadFailed?: (error: unknown) => void;
}

/** The one application window: isolated, sandboxed, no Node in the page; shown once it has painted. */
export function createMainWindow({ preloadPath, startUrl, onLoadFailed }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 800,
    minHeight: 600,
    title: 'Parley',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The window keeps the product name; the page's <title> does not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  attachContextMenu(win);
  win.loadURL(startUrl).catch((error: unknown) => {
    onLoadFailed?.(error);
    if (!win.isDestroyed()) win.show();
  });
  return win;
}

export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
