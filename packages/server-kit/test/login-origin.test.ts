import { authChallengePayload, generateAuthKeyPair, PROTOCOL_VERSION, pb, signWithAuthKey } from '@parley/core';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';
import { originPolicy } from '../src/gateway/server-origins.js';
import { createServer, memoryStores, type ParleyServer, type ServerStores } from '../src/index.js';

const E = pb.ErrorCode;

const servers: ParleyServer[] = [];
const allStores: ServerStores[] = [];
const peers: RawPeer[] = [];

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  for (const s of servers.splice(0)) await s.close();
  for (const s of allStores.splice(0)) await s.close();
});

async function serverFor(origins?: readonly string[]): Promise<ParleyServer> {
  const stores = memoryStores();
  allStores.push(stores);
  const server = await createServer({ stores, ...(origins ? { origins } : {}) });
  servers.push(server);
  return server;
}

let users = 0;

/** Logs in to `server` as a new user with a signature made for `origin`, sending `claimed` as the origin. */
async function login(server: ParleyServer, origin: string, claimed = origin) {
  const userId = `user-${++users}`;
  const peer = await RawPeer.open(server.url);
  peers.push(peer);
  const key = await generateAuthKeyPair();
  const challenge = await peer.request({
    hello: { protocolVersion: PROTOCOL_VERSION, userId, deviceId: 1, authKey: key.publicKey },
  });
  const nonce = challenge.challenge?.nonce as Uint8Array;
  const signature = await signWithAuthKey(key.privateKey, authChallengePayload(nonce, userId, 1, origin));
  return { peer, answer: await peer.request({ auth: { signature, origin: claimed } }) };
}

describe('login bound to the server origin', () => {
  it("refuses at server B a login signed for server A (B's nonce relayed by A)", async () => {
    const b = await serverFor(['b.example']);
    const relayed = await login(b, 'a.example');
    expect(relayed.answer.error?.code).toBe(E.ERROR_CODE_AUTH_FAILED);
    expect(relayed.answer.error?.message).toContain('a.example');
    expect(await relayed.peer.waitClosed()).toBe(4003);
    // The same device logging in for B itself is welcome.
    expect((await login(b, 'b.example')).answer.body).toBe('welcome');
  });

  it('refuses a signature made for another origin than the one the Auth names', async () => {
    const b = await serverFor(['b.example']);
    const { answer } = await login(b, 'a.example', 'b.example');
    expect(answer.error?.code).toBe(E.ERROR_CODE_AUTH_FAILED);
  });

  it('by default accepts loopback hosts on a loopback connection, and nothing else', async () => {
    const server = await serverFor();
    expect((await login(server, `localhost:${server.port}`)).answer.body).toBe('welcome');
    expect((await login(server, 'chat.example.com')).answer.error?.code).toBe(E.ERROR_CODE_AUTH_FAILED);
  });
});

describe('originPolicy', () => {
  it('with configured origins, accepts exactly those, ignoring case', () => {
    const accepts = originPolicy(['Chat.Example.com', 'chat.example.com:8443'], { address: '127.0.0.1', port: 1 });
    expect(accepts('chat.example.com')).toBe(true);
    expect(accepts('chat.example.com:8443')).toBe(true);
    expect(accepts('chat.example.com:8444')).toBe(false);
    expect(accepts('localhost:1')).toBe(false);
    expect(accepts('')).toBe(false);
  });

  it('by default, on a loopback socket, accepts every loopback host and port', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const accepts = originPolicy(undefined, { address, port: 8080 });
      expect(accepts('localhost:9000')).toBe(true);
      expect(accepts('127.0.0.1:8080')).toBe(true);
      expect(accepts('[::1]:8080')).toBe(true);
      expect(accepts('localhost')).toBe(true);
      expect(accepts('evil.example:8080')).toBe(false);
      expect(accepts('10.0.0.5:8080')).toBe(false);
    }
  });

  it('by default, on another socket, accepts only its own address and port', () => {
    const v4 = originPolicy(undefined, { address: '::ffff:10.0.0.5', port: 8080 });
    expect(v4('10.0.0.5:8080')).toBe(true);
    expect(v4('10.0.0.5')).toBe(false);
    expect(v4('10.0.0.5:8081')).toBe(false);
    expect(v4('localhost:8080')).toBe(false);
    expect(v4('chat.example.com')).toBe(false);
    const v6 = originPolicy(undefined, { address: 'fd00::5', port: 443 });
    expect(v6('[fd00::5]:443')).toBe(true);
    expect(v6('[fd00::5]')).toBe(true);
    expect(originPolicy(undefined, {})('localhost:1')).toBe(false);
  });
});
