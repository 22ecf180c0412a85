import { app, shell, type Session } from 'electron';
import { externalLinkTarget, isTrustedUrl } from './app-origin';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './content-security-policy';

/**
 * Navigation rules for every WebContents the app ever creates (registered before the first window):
 * - navigating away from our origin is blocked; an http(s) target opens in the OS browser instead;
 * - window.open / target=_blank never creates a window; http(s) targets open in the OS browser;
 * - <webview> is never attached.
 */
export function guardNavigation(trustedOrigins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (isTrustedUrl(event.url, trustedOrigins)) return;
      event.preventDefault();
      openExternally(event.url);
    });
    contents.on('will-redirect', (event) => {
      if (!isTrustedUrl(event.url, trustedOrigins)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function openExternally(url: string): void {
  const target = externalLinkTarget(url);
  if (!target) return;
  shell.openExternal(target).catch(() => {
    // No browser, or the OS refused: nothing useful to tell the renderer.
  });
}

/**
 * Permissions are denied, with one exception: `clipboard-sanitized-write` for our own top-level page.
 * Chromium routes `navigator.clipboard.writeText` (the "Copy" buttons) through that permission, and
 * it still requires a focused document and a user gesture. Clipboard *read* stays denied.
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  isMainFrame: boolean,
  trustedOrigins: readonly string[],
): boolean {
  return (
    permission === 'clipboard-sanitized-write' &&
    isMainFrame &&
    requestingUrl !== undefined &&
    isTrustedUrl(requestingUrl, trustedOrigins)
  );
}

/** Permission handlers and the CSP response header for the renderer's session. */
export function hardenSession(session: Session, trustedOrigins: readonly string[], isDev: boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, details.isMainFrame, trustedOrigins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const url = details.requestingUrl ?? requestingOrigin;
    return isPermissionGranted(permission, url, details.isMainFrame, trustedOrigins);
  });

  const policy = isDev ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [policy];
    callback({ responseHeaders });
  });
}
