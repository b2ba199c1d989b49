// Finding 3 of issue 17 (and the string limits of finding 10): every id a frame names follows the
// Hello rule, lists and subscriptions are capped, and Hello's strings have lengths.
import { type ClientFrameInit, generateAuthKeyPair, PROTOCOL_VERSION, pb } from '@parley/core';
import { useAbuseServer } from '@parley/test-utils/abuse-server';
import { textContent } from '@parley/test-utils/content';
import { describe, expect, it } from 'vitest';
import { memoryPresenceStore } from '../../src/index.js';
import type { LiveConnection } from '../../src/presence/live-connection.js';
import { PresenceHandler } from '../../src/presence/presence-handler.js';

const INVALID = pb.ErrorCode.ERROR_CODE_INVALID_ARGUMENT;
const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;

const fixture = useAbuseServer();
const { start, peer } = fixture;

const HUGE = 'u'.repeat(500_000);
const LONG = 'u'.repeat(129);
const CONTROL = 'bob\u0007';

describe('ids taken from frames', () => {
  it.each([
    ['presenceSubscribe', { presenceSubscribe: { userIds: [HUGE] } }],
    ['presenceSubscribe (129 chars)', { presenceSubscribe: { userIds: [LONG] } }],
    ['presenceUnsubscribe', { presenceUnsubscribe: { userIds: [CONTROL] } }],
    ['setContacts', { setContacts: { userIds: ['ok', LONG] } }],
    ['typing', { typing: { userId: HUGE, typing: true } }],
    ['send', { send: { messageId: 'm1', userId: LONG, shared: { type: PLAINTEXT, data: textContent('x') } } }],
    ['receipt', { receipt: { userId: CONTROL, messageIds: ['m1'], status: pb.ReceiptStatus.RECEIPT_STATUS_READ } }],
    ['keysFetch', { keysFetch: { userId: HUGE } }],
    ['devicesGet', { devicesGet: { userId: LONG } }],
    ['groupGet', { groupGet: { groupId: 'g'.repeat(65) } }],
  ] as Array<[string, Omit<ClientFrameInit, 'requestId'>]>)(
    'refuses an id outside the Hello rule in %s with INVALID_ARGUMENT',
    async (_case, body) => {
      await start();
      const alice = await peer('alice');
      const answer = await alice.request(body);
      expect(answer.error?.code).toBe(INVALID);
      expect(alice.closeCode).toBeUndefined();
    },
  );

  it('refuses a request listing more ids than maxIdsPerRequest', async () => {
    await start({ maxIdsPerRequest: 10 });
    const alice = await peer('alice');
    const ids = Array.from({ length: 11 }, (_, i) => `user${i}`);
    expect((await alice.request({ setContacts: { userIds: ids } })).error?.code).toBe(INVALID);
    expect(
      (await alice.request({ keysFetch: { userId: 'bob', deviceIds: ids.map((_, i) => i + 1) } })).error?.code,
    ).toBe(INVALID);
    expect((await alice.request({ setContacts: { userIds: ids.slice(1) } })).body).toBe('ok');
  });

  it('caps presence subscriptions per connection', async () => {
    await start({ maxPresenceSubscriptionsPerConnection: 20 });
    const alice = await peer('alice');
    const first = Array.from({ length: 15 }, (_, i) => `a${i}`);
    const second = Array.from({ length: 10 }, (_, i) => `b${i}`);
    expect((await alice.request({ presenceSubscribe: { userIds: first } })).body).toBe('presenceSnapshot');
    expect((await alice.request({ presenceSubscribe: { userIds: second } })).error?.code).toBe(INVALID);
    // Subscribing again to the same users adds nothing and stays allowed.
    expect((await alice.request({ presenceSubscribe: { userIds: first } })).body).toBe('presenceSnapshot');
  });

  it("caps the presence subscriptions of one user's connections together, and frees them as they go", async () => {
    const handler = new PresenceHandler({
      store: memoryPresenceStore(),
      clock: () => 0,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      maxSubscriptionsPerConnection: 10,
      maxSubscriptionsPerUser: 15,
    });
    const connection = (deviceId: number): LiveConnection & { open: boolean } => ({
      state: 'ready',
      open: true,
      get isOpen() {
        return this.open;
      },
      address: { userId: 'alice', deviceId },
      lastReceivedAt: 0,
      send: () => true,
    });
    const one = connection(1);
    const two = connection(2);
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    await handler.subscribe(one, 'alice', ids('a', 10));
    await expect(handler.subscribe(two, 'alice', ids('b', 6))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await handler.subscribe(two, 'alice', ids('b', 5));
    handler.unsubscribe(one, ids('a', 3));
    await handler.subscribe(two, 'alice', ids('c', 3)); // room freed by the unsubscribe
    await expect(handler.subscribe(two, 'alice', ids('d', 1))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await handler.stop();
  });
});

describe('Hello and Auth strings', () => {
  const hello = async (fields: Record<string, unknown>) => {
    const p = await fixture.current.open();
    const key = await generateAuthKeyPair();
    const answer = await p.request({
      hello: { protocolVersion: PROTOCOL_VERSION, userId: 'alice', deviceId: 1, authKey: key.publicKey, ...fields },
    });
    return { p, answer };
  };

  it.each([
    ['a 400 KB client_info', { clientInfo: 'x'.repeat(400_000) }],
    ['a 100 KB token', { token: 't'.repeat(100_000) }],
    ['a 4 KB auth_key', { authKey: new Uint8Array(4_096) }],
  ])('refuses %s with AUTH_FAILED and closes', async (_what, fields) => {
    await start();
    const { p, answer } = await hello(fields);
    expect(answer.error?.code).toBe(pb.ErrorCode.ERROR_CODE_AUTH_FAILED);
    expect(await p.waitClosed()).toBe(4000 + pb.CloseReason.CLOSE_REASON_AUTH_FAILED);
  });

  it('accepts a normal client_info', async () => {
    await start();
    const { answer } = await hello({ clientInfo: 'parley-client/1.0 (node 22)' });
    expect(answer.body).toBe('challenge');
  });
});
