import { newMessageId, pb } from '@parley/core';
import { textContent } from '@parley/test-utils/content';
import { RawPeer } from '@parley/test-utils/raw-peer';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCode, createServer, memoryStores, type ParleyServer } from '../src/index.js';

const PLAINTEXT = pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT;

const servers: ParleyServer[] = [];
const peers: RawPeer[] = [];

afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  for (const s of servers.splice(0)) await s.close();
});

/** Two gateways over shared parts: the queue is the truth, the bus only nudges. */
async function twoGateways() {
  const stores = memoryStores();
  const g1 = await createServer({ stores, gatewayId: 'g1' });
  const g2 = await createServer({ stores, gatewayId: 'g2' });
  servers.push(g1, g2);
  return { stores, g1, g2 };
}

describe('routing between gateways', () => {
  it('delivers live to a device on another gateway through a bus nudge', async () => {
    const { g1, g2 } = await twoGateways();
    const bob = await RawPeer.authenticated(g2.url, 'bob');
    const alice = await RawPeer.authenticated(g1.url, 'alice');
    peers.push(alice, bob);
    await bob.waitFor((f) => f.body === 'syncComplete');
    const ack = await alice.request({
      send: { messageId: 'cross-1', userId: 'bob', shared: { type: PLAINTEXT, data: textContent('hi') } },
    });
    expect(ack.body).toBe('sendAck');
    const deliver = await bob.waitFor((f) => f.body === 'deliver');
    expect(deliver.deliver?.envelopes?.[0]?.messageId).toBe('cross-1');
  });

  it('closes the older connection of a device that connects to another gateway (REPLACED)', async () => {
    const { g1, g2 } = await twoGateways();
    const first = await RawPeer.authenticated(g1.url, 'carol');
    peers.push(first);
    const second = await RawPeer.authenticated(g2.url, 'carol', 1, first.key);
    peers.push(second);
    expect(await first.waitClosed()).toBe(closeCode(pb.CloseReason.CLOSE_REASON_REPLACED));
    expect(second.closeCode).toBeUndefined();
    const alice = await RawPeer.authenticated(g1.url, 'alice');
    peers.push(alice);
    await alice.request({
      send: {
        messageId: newMessageId(),
        userId: 'carol',
        shared: { type: PLAINTEXT, data: textContent('to the new one') },
      },
    });
    expect((await second.waitFor((f) => f.body === 'deliver')).body).toBe('deliver');
  });
});
