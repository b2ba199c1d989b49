// The setup every abuse and limits test repeats: a server with given limits over fresh stores, and
// raw peers that speak frames directly (so a test can do what a real client never would).
import { type AuthKeyPair, newMessageId, pb, type ServerFrame } from '@parley/core';
import { generateDeviceKeys, type KeyPair } from '@parley/core/crypto';
import { signGroupRecord } from '@parley/core/groups';
import {
  type CreateServerOptions,
  createServer,
  memoryStores,
  type ParleyServer,
  type ServerLimits,
  type ServerStores,
} from '@parley/server-kit';
import { afterEach } from 'vitest';
import { textContent } from './content.js';
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

/** What `useAbuseServer` returns. */
export interface AbuseFixture {
  /** A server with the given limits (and options), closed after the test. */
  start(limits?: Partial<ServerLimits>, options?: AbuseServerOptions): Promise<AbuseServer>;
  /** The server `start` made last in this test (throws before the first). */
  readonly current: AbuseServer;
  /** A peer of the current server, logged in as (userId, deviceId). */
  peer(userId: string, deviceId?: number, key?: AuthKeyPair): Promise<RawPeer & { key: AuthKeyPair }>;
}

/**
 * Registers an `afterEach` that closes everything a test started (peers, then the server, then
 * its stores), and returns `start`, which creates a server with the given limits.
 */
export function useAbuseServer(): AbuseFixture {
  const peers: RawPeer[] = [];
  const closers: Array<() => Promise<unknown>> = [];
  let current: AbuseServer | undefined;
  afterEach(async () => {
    current = undefined;
    for (const p of peers.splice(0)) p.close();
    for (const close of closers.splice(0).reverse()) await close();
  });
  const started = (): AbuseServer => {
    if (!current) throw new Error('useAbuseServer: call start() first');
    return current;
  };
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
      current = {
        server,
        stores,
        peer: async (userId, deviceId = 1, key) =>
          track(await RawPeer.authenticated(server.url, userId, deviceId, key)),
        open: async () => track(await RawPeer.open(server.url)),
      };
      return current;
    },
    get current() {
      return started();
    },
    peer: (userId, deviceId, key) => started().peer(userId, deviceId, key),
  };
}

/** A 1:1 send of a plaintext text message with a new id, resolving with its answer (SendAck or Error). */
export function sendText(from: RawPeer, to: string, text = 'x'): Promise<ServerFrame> {
  return from.request({
    send: {
      messageId: newMessageId(),
      userId: to,
      shared: { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: textContent(text) },
    },
  });
}

/** Publishes a fresh identity key for the peer's device (group members and actors need one). */
export async function publishIdentity(peer: RawPeer, registrationId: number): Promise<KeyPair> {
  const identity = (await generateDeviceKeys()).identityKeyPair;
  const answer = await peer.request({ keysUpload: { registrationId, identityKey: identity.publicKey } });
  if (answer.body !== 'keysUploadResult') throw new Error(`keys upload refused: ${answer.error?.message}`);
  return identity;
}

/**
 * Creates group `groupId` with `admin` (device 1 of `adminId`, signing with `identity`) and
 * `members`; resolves with the server's answer (GroupState, or the Error refusing it).
 */
export async function createGroup(
  admin: RawPeer,
  adminId: string,
  identity: KeyPair,
  groupId: string,
  members: string[],
): Promise<ServerFrame> {
  const record = await signGroupRecord(
    {
      groupId,
      version: 1,
      prevHash: new Uint8Array(),
      actor: { userId: adminId, deviceId: 1 },
      at: Date.now(),
      actorIdentityKey: identity.publicKey,
      create: {
        name: groupId,
        members: [
          { userId: adminId, role: pb.GroupRole.GROUP_ROLE_ADMIN },
          ...members.map((userId) => ({ userId, role: pb.GroupRole.GROUP_ROLE_MEMBER })),
        ],
      },
    },
    identity.privateKey,
  );
  return admin.request({ groupChange: { record } });
}
