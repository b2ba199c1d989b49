import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Plain HTTP next to the WebSocket gateway: `GET /healthz` answers `ok`, `GET /` a short page
 * saying what this is. Everything else falls through to the server's 404.
 */
export function referenceHttpHandler(): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : 'ok\n');
      return true;
    }
    if (pathname === '/') {
      const body = landingPage(`ws://${req.headers.host ?? 'localhost'}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    return false;
  };
}

/** The page served at `/`. `wsUrl` comes from the request's Host header, so it is escaped. */
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
<p>A web chat is coming in a later release. Health check: <a href="/healthz">/healthz</a>.</p>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
