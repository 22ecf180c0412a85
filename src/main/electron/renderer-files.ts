import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Maps `app://parley/<path>` to a file inside `rootDir`, or null when the request must be refused:
 * another host, an undecodable path, a NUL byte, or any path that would leave `rootDir`
 * (`..` segments, including encoded ones such as `..%2f` that the URL parser leaves alone).
 * Does not check that the file exists.
 */
export function resolveRendererPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST || pathname.includes('\0')) return null;
  const segments = pathname.split(/[\\/]+/).filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..')) return null;
  const root = resolve(rootDir);
  const target = resolve(root, ...(segments.length > 0 ? segments : ['index.html']));
  const fromRoot = relative(root, target);
  if (fromRoot === '' || fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || isAbsolute(fromRoot)) return null;
  return target;
}

/**
 * The `protocol.handle` handler for the built renderer: files under `rootDir`; unknown extension-less paths
 * fall back to index.html (client-side routes), missing files with an extension get 404, refused paths 403.
 * Every response carries our CSP.
 */
export function createRendererRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  const indexPath = join(resolve(rootDir), 'index.html');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const requested = resolveRendererPath(rootDir, request.url);
    if (requested === null) return textResponse(403, 'Forbidden');
    let file = requested;
    if (!(await isFile(requested))) {
      // A missing asset is a 404 (never HTML served as a script); any other path is a client-side route.
      if (extname(requested) !== '') return textResponse(404, 'Not Found');
      file = indexPath;
    }
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: headers(MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'),
      });
    } catch {
      return textResponse(404, 'Not Found');
    }
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}
