import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/domain/errors';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Core, EmitEvent } from '../core/core-types';
import { isTrustedUrl } from './app-origin';

export const REFUSED_SENDER: Result<never> = {
  ok: false,
  error: { code: 'invalid_input', message: 'Call refused: unknown sender' },
};

/**
 * A call is accepted only from the main frame of our own window, while that frame shows our own origin
 * (app://parley, or the dev server in dev). Subframes, other windows/webContents, pages that navigated
 * elsewhere and frames already gone are refused.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  win: BrowserWindow | null,
  trustedOrigins: readonly string[],
): boolean {
  try {
    const frame = event.senderFrame;
    if (!win || win.isDestroyed() || !frame || frame.detached) return false;
    const contents = win.webContents;
    if (event.sender.id !== contents.id || frame.parent !== null) return false;
    const main = contents.mainFrame;
    // Two WebFrameMain objects can stand for the same frame; (processId, routingId) identifies it.
    const isMainFrame = frame.processId === main.processId && frame.routingId === main.routingId;
    return isMainFrame && isTrustedUrl(frame.url, trustedOrigins);
  } catch {
    // A WebFrameMain whose render frame is gone throws on access.
    return false;
  }
}

/** One `ipcMain.handle` per contract channel: sender check, then the core (which validates and never throws). */
export function registerIpcHandlers(
  core: Pick<Core, 'handle'>,
  getWindow: () => BrowserWindow | null,
  trustedOrigins: readonly string[],
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, getWindow(), trustedOrigins)) return REFUSED_SENDER;
      try {
        return await core.handle(channel, input);
      } catch (error) {
        console.error(`[ipc] ${channel} failed`, error);
        return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Parley' } };
      }
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** The core's `emit`: events go to the window's page if there is one alive to receive them. */
export function eventSender(getWindow: () => BrowserWindow | null): EmitEvent {
  return (event, payload) => {
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(event, payload);
  };
}
