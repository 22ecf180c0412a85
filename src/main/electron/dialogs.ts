import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from '../core/core-types';

const FILTERS: Record<'markdown' | 'json', { name: string; extensions: string[] }[]> = {
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
};

/** The OS save / open dialogs for export and import, attached to our window. */
export function electronDialogs(getWindow: () => BrowserWindow | null, defaultFolder: () => string): FileDialogs {
  return {
    async chooseSavePath(suggestedName, kind) {
      const win = getWindow();
      const options = { defaultPath: `${defaultFolder()}/${suggestedName}`, filters: [...FILTERS[kind]] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath(kind) {
      const win = getWindow();
      const options = { defaultPath: defaultFolder(), filters: [...FILTERS[kind]], properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
