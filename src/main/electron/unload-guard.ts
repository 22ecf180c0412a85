import { app, dialog, type BrowserWindow } from 'electron';
import en from '../../shared/locales/en/translation.json';
import ru from '../../shared/locales/ru/translation.json';

/**
 * The renderer asks before leaving unsaved edits with `beforeunload`; Chromium shows that prompt in a
 * browser, but Electron only reports it, so the question is asked here (closing the window or quitting).
 */
export function guardUnload(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const strings = (app.getLocale().toLowerCase().startsWith('ru') ? ru : en).admin.leave;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: [strings.confirm, strings.stay],
      defaultId: 1,
      cancelId: 1,
      title: strings.title,
      message: strings.title,
      detail: strings.message,
    });
    // preventDefault here means "ignore the page's objection and leave".
    if (choice === 0) event.preventDefault();
  });
}
