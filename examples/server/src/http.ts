import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file the server serves as is (the built web chat). */
export interface StaticFile {
  body: Uint8Array;
  contentType: string;
  /** Strong ETag, for conditional requests. */
  etag: string;
}

/** Options of {@link referenceHttpHandler}. */
export interface ReferenceHttpOptions {
  /**
   * The web chat's files by URL path (`/` is its index.html). Requests wait while it is being
   * built; when absent or when the build failed, `/` shows the landing page instead.
   */
  webChat?: Promise<ReadonlyMap<string, StaticFile>>;
}

// The web chat talks only to this server ('self' covers its WebSocket in CSP 3) and loads nothing else.
const WEB_CHAT_CSP =
  "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Plain HTTP next to the WebSocket gateway: `GET /healthz` answers `ok`, `GET /` the web chat
 * (with its scripts and styles), `GET /about` a short page saying what this server is. Everything
 * else falls through to the server's 404.
 */
export function referenceHttpHandler(
  options: ReferenceHttpOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const webChat = options.webChat?.catch(() => undefined);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const head = req.method === 'HEAD';
    if (pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(head ? undefined : 'ok\n');
      return true;
    }
    const file = (await webChat)?.get(pathname);
    if (file) {
      serveFile(req, res, file);
      return true;
    }
    if (pathname === '/' || pathname === '/about') {
      const body = landingPage(`ws://${req.headers.host ?? 'localhost'}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(head ? undefined : body);
      return true;
    }
    return false;
  };
}

function serveFile(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
  const headers: Record<string, string> = {
    'content-type': file.contentType,
    etag: file.etag,
    // Revalidate every time (cheap with the ETag), so a rebuilt chat is picked up on reload.
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  if (file.contentType.startsWith('text/html')) headers['content-security-policy'] = WEB_CHAT_CSP;
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(file.body.byteLength) });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/** The page served at `/about`. `wsUrl` comes from the request's Host header, so it is escaped. */
export function landingPage(wsUrl: string): string {
  const url = escapeHtml(wsUrl);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Parley server</title></head>
<body>
<h1>This is a Parley server</h1>
<p>Parley clients connect over WebSocket at <code>${url}</code>.</p>
<p>From the repository, chat in a terminal:</p>
<pre>pnpm chat --user alice --url ${url}
pnpm chat --user bob --url ${url}</pre>
<p>Or from code, with <code>@parley/client</code>:</p>
<pre>const client = createClient({ url: '${url}', userId: 'alice', store: memoryClientStore() });
await client.connect();
await client.sendText('bob', 'hello');</pre>
<p>Or in a browser: the web chat is at <a href="/">/</a>. Health check: <a href="/healthz">/healthz</a>.</p>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
