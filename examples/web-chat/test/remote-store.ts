// A ClientStore in Node whose every step runs on an idbClientStore inside a Chromium page (see
// harness/store-harness.ts). The transaction's fn runs here; its reads and writes go over a
// WebSocket to the page's transaction, which stays open until fn returns (commit) or throws.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientStore, StoreTx } from '@parley/client';
import { isErrorCode, ParleyError } from '@parley/core';
import { type WebSocket, WebSocketServer } from 'ws';
import type { HarnessCalls, Outcome } from './harness/store-harness.js';
import { decodeWire, encodeWire } from './harness/wire.js';

type Call = <K extends keyof HarnessCalls>(
  call: K,
  ...args: Parameters<HarnessCalls[K]>
) => Promise<ReturnType<HarnessCalls[K]>>;

/**
 * Serves the harness page (on its own loopback origin: Chrome lets loopback pages reach loopback
 * sockets) and is the Node end of the channels to harness pages, one per page, told apart by a
 * token in the page's URL.
 */
export class HarnessChannels {
  private readonly sockets = new Map<string, WebSocket>();
  private readonly arrivals = new Map<string, Array<() => void>>();
  private readonly pending = new Map<number, { token: string; resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 0;

  private constructor(
    private readonly http: Server,
    server: WebSocketServer,
  ) {
    server.on('connection', (socket, request) => {
      const token = (request.url ?? '/').slice(1);
      this.sockets.set(token, socket);
      socket.on('message', (data) => {
        const { id, result } = JSON.parse(String(data)) as { id: number; result: unknown };
        const waiter = this.pending.get(id);
        this.pending.delete(id);
        waiter?.resolve(decodeWire(result));
      });
      socket.on('close', () => {
        if (this.sockets.get(token) === socket) this.sockets.delete(token);
        for (const [id, waiter] of this.pending) {
          if (waiter.token !== token) continue;
          this.pending.delete(id);
          waiter.reject(new Error('the harness page went away'));
        }
      });
      for (const arrived of this.arrivals.get(token)?.splice(0) ?? []) arrived();
    });
  }

  /** Starts serving `script` (the bundled harness) as the page `/?channel=<token>`. */
  static async start(script: string): Promise<HarnessChannels> {
    const http = createServer((req, res) => {
      const isScript = (req.url ?? '').startsWith('/harness.js');
      res.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html' });
      res.end(
        isScript ? script : '<!doctype html><title>harness</title><script type="module" src="/harness.js"></script>',
      );
    });
    const server = new WebSocketServer({ server: http });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return new HarnessChannels(http, server);
  }

  /** The URL of a harness page that connects with `token`. */
  pageUrl(token: string): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}/?channel=${encodeURIComponent(token)}`;
  }

  /** Resolves at the next connection of the page with `token` (call it before loading the page). */
  nextConnection(token: string): Promise<void> {
    return new Promise((resolve) => this.arrivals.set(token, [...(this.arrivals.get(token) ?? []), resolve]));
  }

  caller(token: string): Call {
    return (call, ...args) =>
      new Promise((resolve, reject) => {
        const socket = this.sockets.get(token);
        if (!socket) return reject(new Error(`no harness page ${token}`));
        const id = ++this.nextId;
        this.pending.set(id, { token, resolve: resolve as (v: unknown) => void, reject });
        socket.send(JSON.stringify({ id, call, args: encodeWire(args) }));
      });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets.values()) socket.terminate();
    this.http.closeAllConnections();
    await new Promise((resolve) => this.http.close(resolve));
  }
}

function toError(outcome: Outcome): Error {
  if (outcome.ok) return new Error('not an error');
  const code = outcome.code;
  return code && isErrorCode(code) ? new ParleyError(code, outcome.message) : new Error(outcome.message);
}

/** A store of a harness page, named `name` (an IndexedDB database of the page's origin). */
export interface RemoteStore extends ClientStore {
  readonly name: string;
}

let nextTxId = 0;

/** Opens `name` in the page behind `call`; rejects as the page's idbClientStore did (e.g. CONFLICT). */
export async function openRemoteStore(
  call: Call,
  name: string,
  whenLocked: 'fail' | 'wait' = 'fail',
): Promise<RemoteStore> {
  const opened = await call('open', name, whenLocked);
  if (!('id' in opened)) throw toError(opened);
  const id = opened.id;
  const step = async (txId: number, method: 'get' | 'put' | 'delete' | 'list', args: unknown[]) => {
    const result = await call('op', txId, method, args);
    if ('value' in result) return result.value;
    throw toError(result);
  };
  return {
    name,
    async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
      const txId = ++nextTxId;
      if (!(await call('begin', id, txId))) throw toError(await call('end', txId, false));
      const tx: StoreTx = {
        get: (namespace, key) => step(txId, 'get', [namespace, key]) as never,
        put: (namespace, key, value) => step(txId, 'put', [namespace, key, value]) as Promise<void>,
        delete: (namespace, key) => step(txId, 'delete', [namespace, key]) as Promise<void>,
        list: (namespace, options) => step(txId, 'list', options ? [namespace, options] : [namespace]) as never,
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (error) {
        await call('end', txId, false);
        throw error;
      }
      const outcome = await call('end', txId, true);
      if (!outcome.ok) throw toError(outcome);
      return result;
    },
    async close() {
      // A page that was reloaded or closed took its stores with it.
      await call('close', id).catch(() => {});
    },
  };
}
