import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { decodeServerFrame } from '@parley/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { DEFAULT_LIMITS } from '../src/contracts/limits.js';
import { TimeBase } from '../src/contracts/time-base.js';
import { systemTimer } from '../src/contracts/timer.js';
import { Connection } from '../src/gateway/connection.js';

/** A server-side socket and its client, connected over loopback. */
async function socketPair() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', (ws) => resolve(ws)));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  const received: Uint8Array[] = [];
  client.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
  await new Promise<void>((resolve) => client.once('open', () => resolve()));
  const server = await accepted;
  return {
    server,
    received,
    close: async () => {
      client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

describe('writes corked per tick', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('sends the frames of one tick in one write, in order, and writes again in the next tick', async () => {
    const pair = await socketPair();
    cleanups.push(pair.close);
    const socket = (pair.server as unknown as { _socket: Duplex })._socket;
    const writev = vi.spyOn(socket as unknown as { _writev: (...args: unknown[]) => void }, '_writev');
    const connection = new Connection(
      'c1',
      pair.server,
      { limits: DEFAULT_LIMITS, setTimer: systemTimer, times: new TimeBase() },
      0,
    );

    // Three frames from three promise jobs of one tick.
    await Promise.all(
      [1, 2, 3].map(async (nonce) => {
        await Promise.resolve();
        connection.send({ pong: { nonce } });
      }),
    );
    await vi.waitFor(() => expect(pair.received).toHaveLength(3));
    expect(writev).toHaveBeenCalledTimes(1);
    expect(pair.received.map((bytes) => decodeServerFrame(bytes).pong?.nonce)).toEqual([1, 2, 3]);

    await new Promise<void>((resolve) => setImmediate(resolve));
    connection.send({ pong: { nonce: 4 } });
    await vi.waitFor(() => expect(pair.received).toHaveLength(4));
    expect(decodeServerFrame(pair.received[3] as Uint8Array).pong?.nonce).toBe(4);
  });

  it('uncorks every socket corked in one tick (a fan-out corks one per member), each in one write, then corks again', async () => {
    const pairs = [await socketPair(), await socketPair(), await socketPair()];
    for (const pair of pairs) cleanups.push(pair.close);
    const shared = { limits: DEFAULT_LIMITS, setTimer: systemTimer, times: new TimeBase() };
    const writevs = pairs.map((pair) =>
      vi.spyOn((pair.server as unknown as { _socket: Duplex })._socket as never as { _writev: () => void }, '_writev'),
    );
    const connections = pairs.map((pair, i) => new Connection(`c${i}`, pair.server, shared, 0));
    await Promise.all(
      [1, 2].map(async (nonce) => {
        await Promise.resolve();
        for (const connection of connections) connection.send({ pong: { nonce } });
      }),
    );
    for (const pair of pairs) await vi.waitFor(() => expect(pair.received).toHaveLength(2));
    for (const writev of writevs) expect(writev).toHaveBeenCalledTimes(1);
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const connection of connections) connection.send({ pong: { nonce: 3 } });
    for (const connection of connections) connection.send({ pong: { nonce: 4 } });
    for (const pair of pairs) await vi.waitFor(() => expect(pair.received).toHaveLength(4));
    for (const writev of writevs) expect(writev).toHaveBeenCalledTimes(2);
    for (const pair of pairs) {
      expect(pair.received.map((bytes) => decodeServerFrame(bytes).pong?.nonce)).toEqual([1, 2, 3, 4]);
    }
  });
});
