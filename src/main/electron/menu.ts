import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/*
 * Menus use Electron roles only: main has no i18n yet, and role items get their labels, accelerators and
 * behaviour from Electron and the OS rather than from strings of ours.
 */

/**
 * macOS needs an application menu for Cmd+C/V/X/A/Z to work at all; Windows and Linux get only the Edit menu
 * (hidden behind Alt, see autoHideMenuBar). Reload and devtools exist only in unpackaged runs.
 */
export function installAppMenu(options: { isMac: boolean; isDev: boolean }): void {
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'editMenu' },
    ...(options.isDev ? [{ role: 'viewMenu' } as const] : []),
    ...(options.isMac ? [{ role: 'windowMenu' } as const] : []),
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Right-click Undo/Redo/Cut/Copy/Paste/Select All: in text fields, and Copy/Select All over selected text. */
export function attachContextMenu(win: BrowserWindow): void {
  win.webContents.on('context-menu', (_event, { isEditable, selectionText, editFlags }) => {
    const hasSelection = selectionText.trim() !== '';
    const items: MenuItemConstructorOptions[] = isEditable
      ? [
          { role: 'undo', enabled: editFlags.canUndo },
          { role: 'redo', enabled: editFlags.canRedo },
          { type: 'separator' },
          { role: 'cut', enabled: editFlags.canCut },
          { role: 'copy', enabled: editFlags.canCopy },
          { role: 'paste', enabled: editFlags.canPaste },
          { type: 'separator' },
          { role: 'selectAll', enabled: editFlags.canSelectAll },
        ]
      : hasSelection
        ? [{ role: 'copy' }, { role: 'selectAll' }]
        : [];
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window: win });
  });
}
