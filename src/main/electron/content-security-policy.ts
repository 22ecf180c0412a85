/**
 * The renderer's Content-Security-Policy, sent as a response header on every renderer response
 * (custom-protocol responses and, through webRequest, anything else the session loads).
 * The renderer's index.html carries the same policy as a <meta> tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * electron-vite dev only: @vitejs/plugin-react injects an inline module script (the React Refresh preamble),
 * so the dev server's pages need 'unsafe-inline' scripts. HMR's websocket is same host:port, which
 * connect-src 'self' already allows. Never used for the packaged app.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
);
