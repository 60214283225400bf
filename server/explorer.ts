/**
 * Serves the graph explorer (图谱浏览器), a static single-page app built by `npm run build` into
 * dist/explorer, at /explorer. The page talks to the public /graphql endpoint with the caller's own
 * token; nothing here reads the registry.
 *
 * Only files below the build directory are served (no `..`, no encoded separators, no dot files),
 * with a content type from a fixed table; an unknown extension is 404. index.html is revalidated on
 * every load, the hashed assets under /explorer/assets/ are cached for a year. Without a build the
 * page answers 503 with a short note on how to build it.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';

export const EXPLORER_PATH = '/explorer';

/** dist/explorer of this checkout. */
export const EXPLORER_DIST = resolve(new URL('..', import.meta.url).pathname, 'dist', 'explorer');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Sent with every explorer response: the page loads only its own files and calls only this origin. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>图谱浏览器未构建 · Explorer not built</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>图谱浏览器尚未构建 · The explorer is not built</h1>
<p>请在项目目录运行 <code>npm run build</code>（<code>npm start</code> 会自动构建）。</p>
<p>Run <code>npm run build</code> in the project directory (<code>npm start</code> builds it for you).</p>
</body></html>
`;

function respond(status: number, body: BodyInit | null, headers: Record<string, string>): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, ...headers } });
}

const plain = (status: number, text: string) =>
  respond(status, text, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });

/**
 * The file under `root` that a request path names, or null when it must not be served: outside
 * /explorer, traversal (`..`, encoded or not), backslashes, NUL, dot files.
 */
export function explorerFile(root: string, pathname: string): string | null {
  if (pathname !== EXPLORER_PATH && !pathname.startsWith(`${EXPLORER_PATH}/`)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(EXPLORER_PATH.length));
  } catch {
    return null;
  }
  if (relative === '' || relative === '/') relative = '/index.html';
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const segments = relative.split('/').slice(1);
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return null;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : null;
}

/** The response for a GET/HEAD of an explorer path, or null when the path is not the explorer's. */
export async function serveExplorer(
  root: string,
  method: string,
  pathname: string,
): Promise<Response | null> {
  if (pathname !== EXPLORER_PATH && !pathname.startsWith(`${EXPLORER_PATH}/`)) return null;
  if (method !== 'GET' && method !== 'HEAD') {
    return respond(405, 'method not allowed', {
      allow: 'GET, HEAD',
      'content-type': 'text/plain; charset=utf-8',
    });
  }
  // /explorer → /explorer/: the page's relative asset URLs need the trailing slash.
  if (pathname === EXPLORER_PATH) return respond(308, null, { location: `${EXPLORER_PATH}/` });
  const file = explorerFile(root, pathname);
  if (!file) return plain(404, 'not found');
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!type) return plain(404, 'not found');
  let body: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return plain(404, 'not found');
    body = await readFile(file);
  } catch {
    const built = await stat(join(root, 'index.html')).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!built) {
      return respond(503, NOT_BUILT_PAGE, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'retry-after': '60',
      });
    }
    return plain(404, 'not found');
  }
  const immutable = pathname.startsWith(`${EXPLORER_PATH}/assets/`);
  return respond(200, method === 'HEAD' ? null : new Uint8Array(body), {
    'content-type': type,
    'content-length': String(body.length),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}

/** Yoga plugin: answers /explorer requests before any GraphQL processing. */
export function explorerPlugin(root: string = EXPLORER_DIST): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const response = await serveExplorer(root, request.method, url.pathname);
      if (response) endResponse(response);
    },
  };
}
