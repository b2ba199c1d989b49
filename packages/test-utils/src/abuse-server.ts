// The setup every abuse and limits test repeats: a server with given limits over fresh stores, and
// raw peers that speak frames directly (so a test can do what a real client never would).
import type { AuthKeyPair } from '@parley/core';
import {
  type CreateServerOptions,
  createServer,
  memoryStores,
  type ParleyServer,
  type ServerLimits,
  type ServerStores,
} from '@parley/server-kit';
import { afterEach } from 'vitest';
import { RawPeer } from './raw-peer.js';

/** What `start` gives a test. */
export interface AbuseServer {
  server: ParleyServer;
  stores: ServerStores;
  /** A peer logged in as (userId, deviceId), closed after the test. */
  peer(userId: string, deviceId?: number, key?: AuthKeyPair): Promise<RawPeer & { key: AuthKeyPair }>;
  /** A peer that has only opened its socket (no Hello yet), closed after the test. */
  open(): Promise<RawPeer>;
}

/** Options of `start`: server options beside the limits; `stores` defaults to `memoryStores()`. */
export type AbuseServerOptions = Partial<Omit<CreateServerOptions, 'limits'>>;

/**
 * Registers an `afterEach` that closes everything a test started (peers, then the server, then
 * its stores), and returns `start`, which creates a server with the given limits.
 */
export function useAbuseServer(): {
  start(limits?: Partial<ServerLimits>, options?: AbuseServerOptions): Promise<AbuseServer>;
} {
  const peers: RawPeer[] = [];
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const p of peers.splice(0)) p.close();
    for (const close of closers.splice(0).reverse()) await close();
  });
  return {
    async start(limits = {}, options = {}) {
      const stores = options.stores ?? memoryStores();
      closers.push(() => stores.close());
      const server = await createServer({ ...options, stores, limits });
      closers.push(() => server.close());
      const track = <P extends RawPeer>(p: P): P => {
        peers.push(p);
        return p;
      };
      return {
        server,
        stores,
        peer: async (userId, deviceId = 1, key) =>
          track(await RawPeer.authenticated(server.url, userId, deviceId, key)),
        open: async () => track(await RawPeer.open(server.url)),
      };
    },
  };
}
