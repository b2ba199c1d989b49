import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceHttpHandler, type StaticFile } from '../src/http.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Serves the handler on a free port; what it does not handle answers 404. */
async function serve(handler: ReturnType<typeof referenceHttpHandler>): Promise<string> {
  const server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const file = (text: string, contentType: string): StaticFile => ({
  body: new TextEncoder().encode(text),
  contentType,
  etag: `"${text.length}-${contentType.length}"`,
});

describe('referenceHttpHandler', () => {
  it('serves the web chat with its security headers, ETags and 304s, once it is built', async () => {
    let finishBuild!: (files: Map<string, StaticFile>) => void;
    const webChat = new Promise<Map<string, StaticFile>>((resolve) => {
      finishBuild = resolve;
    });
    const url = await serve(referenceHttpHandler({ webChat }));
    // A request during the build waits for it.
    const pending = fetch(`${url}/`);
    finishBuild(
      new Map([
        ['/', file('<!doctype html><title>chat</title>', 'text/html; charset=utf-8')],
        ['/app.js', file('console.log(1)', 'text/javascript; charset=utf-8')],
      ]),
    );
    const home = await pending;
    expect(await home.text()).toBe('<!doctype html><title>chat</title>');
    expect(home.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetch(`${url}/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    const etag = script.headers.get('etag')!;
    const again = await fetch(`${url}/app.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await fetch(`${url}/app.js`, { method: 'HEAD' })).headers.get('content-length')).toBe('14');
    expect((await fetch(`${url}/about`)).headers.get('content-type')).toMatch(/^text\/html/);
    expect((await fetch(`${url}/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}/app.js`, { method: 'POST' })).status).toBe(404);
  });

  it('shows the landing page at / when there is no web chat or its build failed', async () => {
    const failed = Promise.reject(new Error('esbuild exploded'));
    for (const handler of [referenceHttpHandler(), referenceHttpHandler({ webChat: failed })]) {
      const url = await serve(handler);
      expect(await (await fetch(`${url}/`)).text()).toContain('This is a Parley server');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    }
  });
});
