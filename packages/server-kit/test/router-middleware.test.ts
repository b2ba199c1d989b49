import { type ClientFrameBody, newMessageId, ParleyError, pb } from '@parley/core';
import { textContent } from '@parley/test-utils/content';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createServer,
  type Middleware,
  memoryStores,
  type ParleyServer,
  type RouteMiddleware,
  type Routes,
  type ServerStores,
} from '../src/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;

const E = pb.ErrorCode;

let server: ParleyServer | undefined;
let stores: ServerStores | undefined;
const peers: RawPeer[] = [];

async function start(routes: RouteMiddleware): Promise<ParleyServer> {
  stores = memoryStores();
  server = await createServer({ stores, routes });
  return server;
}

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await server?.close();
  await stores?.close();
  server = undefined;
  stores = undefined;
});

async function peer(url: string, userId: string): Promise<RawPeer> {
  const p = await RawPeer.authenticated(url, userId);
  peers.push(p);
  return p;
}

const sendText = (from: RawPeer, to: string, messageId: string, body: string) =>
  from.request({ send: { messageId, userId: to, shared: { type: PLAINTEXT, data: textContent(body) } } });

describe('route middleware (createServer({ routes }))', () => {
  it('wraps send: refuses some messages with a typed error and audits the rest', async () => {
    const audit: Array<{ from: string; to: string; messageId: string; recipients: number }> = [];
    const antiSpam: Middleware<'send'> = async (request, ctx, next) => {
      if (request.messageId?.startsWith('spam-')) throw new ParleyError('FORBIDDEN', 'refused by the spam filter');
      const reply = await next(request);
      audit.push({
        from: ctx.device.userId,
        to: request.userId ?? '',
        messageId: request.messageId ?? '',
        recipients: reply?.sendAck?.recipients ?? 0,
      });
      return reply;
    };
    const { url } = await start({ send: antiSpam });
    const [alice, bob] = [await peer(url, 'alice'), await peer(url, 'bob')];

    const refused = await sendText(alice, 'bob', `spam-${newMessageId()}`, 'buy now');
    expect(refused.body).toBe('error');
    expect(refused.error?.code).toBe(E.ERROR_CODE_FORBIDDEN);
    expect(refused.error?.message).toContain('spam filter');

    const messageId = newMessageId();
    const ack = await sendText(alice, 'bob', messageId, 'hello');
    expect(ack.body).toBe('sendAck');
    expect(audit).toEqual([{ from: 'alice', to: 'bob', messageId, recipients: 1 }]);

    // Only the audited message reached bob: the refused one was never queued.
    const deliver = await bob.waitFor((f) => f.body === 'deliver');
    expect(deliver.deliver?.envelopes?.map((e) => e.messageId)).toEqual([messageId]);
    expect(await stores?.queue.count({ userId: 'bob', deviceId: 1 })).toBe(1);
  });

  it('replaces a route: a custom policy on group changes that never reaches the built-in one', async () => {
    const seen: string[] = [];
    const { url } = await start({
      groupChange: async (request, ctx) => {
        seen.push(`${ctx.device.userId}:${request.record?.groupId ?? ''}`);
        throw new ParleyError('FORBIDDEN', 'groups are managed by the admin console');
      },
    });
    const alice = await peer(url, 'alice');
    const answer = await alice.request({ groupChange: { record: { groupId: 'g1', version: 1 } } });
    expect(answer.error?.code).toBe(E.ERROR_CODE_FORBIDDEN);
    expect(seen).toEqual(['alice:g1']);
    // The built-in route would have refused the unsigned record with BAD_SIGNATURE or FORBIDDEN before
    // storing: either way nothing is stored, and other routes are untouched.
    expect(await stores?.groups.get('g1')).toBeUndefined();
    const list = await alice.request({ groupList: {} });
    expect(list.body).toBe('groupList');
  });

  it('runs a list of middleware outermost first, each seeing what the one before passed on', async () => {
    const order: string[] = [];
    const { url } = await start({
      devicesGet: [
        async (request, _ctx, next) => {
          order.push('outer');
          return next({ ...request, userId: 'bob' });
        },
        async (request, _ctx, next) => {
          order.push(`inner:${request.userId}`);
          return next(request);
        },
      ],
    });
    const alice = await peer(url, 'alice');
    await peer(url, 'bob');
    const answer = await alice.request({ devicesGet: { userId: 'alice' } });
    expect(order).toEqual(['outer', 'inner:bob']);
    expect(answer.deviceList?.userId).toBe('bob');
  });
});

describe('route middleware: misuse', () => {
  it('refuses middleware on a case that has no route', async () => {
    const typo = { sned: async () => undefined } as unknown as RouteMiddleware;
    const s = memoryStores();
    await expect(createServer({ stores: s, routes: typo })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await s.close();
  });
});

describe('route coverage', () => {
  it('has exactly one route for every ClientFrame body the connection does not answer itself', () => {
    // Compile-time: `builtInRoutes()` returns `Routes`, so a new ClientFrame body without a route fails
    // typechecking; this states the set of keys that map must have.
    expectTypeOf<keyof Routes>().toEqualTypeOf<Exclude<ClientFrameBody, 'hello' | 'auth' | 'ping' | 'pong'>>();
  });
});
