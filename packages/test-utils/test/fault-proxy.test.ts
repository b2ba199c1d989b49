import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../src/fault-proxy.js';
import { type ManualProxyClock, manualProxyClock } from '../src/fault-proxy-clock.js';

// The fault proxy's faults, each on raw loopback sockets: bytes held for the latency, throttled to
// the rate, held by a halted direction while the other flows, cut mid-chunk by a reset. Time is a
// manual clock: a test advances it and checks what the proxy forwarded at that moment.

const cleanups: Array<() => Promise<unknown> | undefined> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A TCP server keeping what each accepted socket received. */
async function target(): Promise<{ port: number; sockets: Socket[]; got: Buffer[]; server: Server }> {
  const sockets: Socket[] = [];
  const got: Buffer[] = [];
  const server = createServer((s) => {
    const i = sockets.push(s) - 1;
    got[i] = Buffer.alloc(0);
    s.on('data', (d: Buffer) => {
      got[i] = Buffer.concat([got[i] as Buffer, d]);
    });
    s.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, sockets, got, server };
}

interface Dialed {
  socket: Socket;
  got(): Buffer;
  closed: Promise<string>;
}

async function dial(proxy: FaultProxy): Promise<Dialed> {
  const socket = connect(proxy.port, '127.0.0.1');
  let got = Buffer.alloc(0);
  socket.on('data', (d: Buffer) => {
    got = Buffer.concat([got, d]);
  });
  const closed = new Promise<string>((resolve) => {
    let why = 'close';
    socket.on('error', (e: NodeJS.ErrnoException) => {
      why = e.code ?? e.message;
    });
    socket.on('close', () => resolve(why));
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  cleanups.push(() => {
    socket.destroy();
    return undefined;
  });
  return { socket, got: () => got, closed };
}

async function setup(): Promise<{ proxy: FaultProxy; clock: ManualProxyClock; t: Awaited<ReturnType<typeof target>> }> {
  const t = await target();
  const clock = manualProxyClock();
  const proxy = await startFaultProxy({ targetPort: t.port, clock });
  cleanups.push(() => proxy.close());
  return { proxy, clock, t };
}

/** The only connection through the proxy, once the target accepted it. */
async function only(proxy: FaultProxy, t: { sockets: Socket[] }) {
  await vi.waitFor(() => expect(t.sockets.length).toBe(1));
  const c = proxy.connections()[0];
  if (!c) throw new Error('no connection');
  return c;
}

const bytes = (n: number, fill = 7) => Buffer.alloc(n, fill);

describe('fault proxy', () => {
  it('forwards both ways untouched without faults', async () => {
    const { proxy, t } = await setup();
    const a = await dial(proxy);
    await only(proxy, t);
    a.socket.write('hello');
    await vi.waitFor(() => expect(t.got[0]?.toString()).toBe('hello'));
    t.sockets[0]?.write('back');
    await vi.waitFor(() => expect(a.got().toString()).toBe('back'));
  });

  it('holds each chunk for the added latency, in each direction', async () => {
    const { proxy, clock, t } = await setup();
    proxy.setFaults({ latencyMs: 200 });
    const a = await dial(proxy);
    const c = await only(proxy, t);
    a.socket.write(bytes(100));
    await vi.waitFor(() => expect(c.stats().received.up).toBe(100));
    clock.advance(199);
    expect(c.stats().forwarded.up).toBe(0);
    clock.advance(1);
    expect(c.stats().forwarded.up).toBe(100);
    await vi.waitFor(() => expect(t.got[0]?.length).toBe(100));

    t.sockets[0]?.write(bytes(10));
    await vi.waitFor(() => expect(c.stats().received.down).toBe(10));
    clock.advance(150);
    expect(a.got().length).toBe(0);
    clock.advance(50);
    await vi.waitFor(() => expect(a.got().length).toBe(10));
  });

  it('throttles to the byte rate', async () => {
    const { proxy, clock, t } = await setup();
    proxy.setFaults({ bytesPerSecond: 1000 });
    const a = await dial(proxy);
    const c = await only(proxy, t);
    a.socket.write(bytes(3000));
    await vi.waitFor(() => expect(c.stats().received.up).toBe(3000));
    expect(c.stats().forwarded.up).toBe(0);
    clock.advance(1000);
    expect(c.stats().forwarded.up).toBe(1000);
    await vi.waitFor(() => expect(t.got[0]?.length).toBe(1000));
    clock.advance(1000);
    expect(c.stats().forwarded.up).toBe(2000);
    // Lifting the limit forwards the rest at once.
    proxy.setFaults({});
    await vi.waitFor(() => expect(t.got[0]?.length).toBe(3000));
  });

  it('half-open: a halted direction holds its bytes without closing while the other flows', async () => {
    const { proxy, t } = await setup();
    const a = await dial(proxy);
    const c = await only(proxy, t);
    c.setFaults({ halt: { up: true } });
    a.socket.write(bytes(500));
    await vi.waitFor(() => expect(c.stats().received.up).toBe(500));
    expect(c.stats().forwarded.up).toBe(0);
    t.sockets[0]?.write('still flowing');
    await vi.waitFor(() => expect(a.got().toString()).toBe('still flowing'));
    expect(t.got[0]?.length).toBe(0);
    expect(c.closed).toBe(false);
    expect(a.socket.destroyed).toBe(false);
    c.setFaults(undefined);
    await vi.waitFor(() => expect(t.got[0]?.length).toBe(500));
  });

  it('resets mid-frame: part of the next chunk arrives, then both sides see the connection reset', async () => {
    const { proxy, t } = await setup();
    const a = await dial(proxy);
    const c = await only(proxy, t);
    const upstreamClosed = new Promise<void>((resolve) => t.sockets[0]?.once('close', () => resolve()));
    c.resetMidFrame('down');
    t.sockets[0]?.write(bytes(100));
    // The half that got through was read first, so the reader may see the end as a plain close.
    expect(['ECONNRESET', 'close']).toContain(await a.closed);
    expect(a.got().length).toBe(50);
    expect(c.stats()).toMatchObject({ received: { down: 100 }, forwarded: { down: 50 } });
    await upstreamClosed;
    await vi.waitFor(() => expect(proxy.connections()).toHaveLength(0));
  });

  it('resets after a given byte count, client to target', async () => {
    const { proxy, t } = await setup();
    const a = await dial(proxy);
    const c = await only(proxy, t);
    c.resetMidFrame('up', 7);
    a.socket.write(bytes(40));
    expect(await a.closed).toBe('ECONNRESET');
    await vi.waitFor(() => expect(t.got[0]?.length).toBe(7));
  });

  it("a connection's own faults win over the global ones; new connections go to the current target", async () => {
    const { proxy, clock, t } = await setup();
    proxy.setFaults({ latencyMs: 1000 });
    const a = await dial(proxy);
    const c = await only(proxy, t);
    c.setFaults({ latencyMs: 0 });
    a.socket.write('now');
    await vi.waitFor(() => expect(t.got[0]?.toString()).toBe('now'));
    expect(clock.pending()).toBe(0);

    const t2 = await target();
    proxy.setTarget(t2.port);
    proxy.setFaults({});
    const b = await dial(proxy);
    b.socket.write('elsewhere');
    await vi.waitFor(() => expect(t2.got[0]?.toString()).toBe('elsewhere'));
    expect(t.sockets).toHaveLength(1);
  });
});
