import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { createRendererRequestHandler } from './renderer-files';

/**
 * `app://parley/` is a standard, secure scheme: the renderer gets a real origin (so 'self' in the CSP,
 * fetch and storage behave as on https) instead of the opaque, over-privileged file:// origin.
 * Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer (out/renderer) on the app scheme. Call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererRequestHandler(rendererDir));
}
