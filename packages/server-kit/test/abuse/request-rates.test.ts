// Finding 2 (and the group part of finding 9) of issue 17: per-user rates on the requests that cost
// other users: sends (per user and per chat), receipts, group changes, key fetches (per requester and
// per target). A refusal is RATE_LIMITED, retryable, with retry_after_ms.
import { type ClientFrameInit, pb, type ServerFrame } from '@parley/core';
import { sendText, useAbuseServer } from '@parley/test-utils/abuse-server';
import type { RawPeer } from '@parley/test-utils/raw-peer';
import { describe, expect, it } from 'vitest';

const RATE_LIMITED = pb.ErrorCode.ERROR_CODE_RATE_LIMITED;
/** A bucket that does not refill within a test. */
const tiny = (capacity: number) => ({ capacity, refillPerSecond: 0.001 });

const fixture = useAbuseServer();
const { start, peer } = fixture;

function expectRateLimited(answer: ServerFrame): void {
  expect(answer.error?.code, answer.error?.message ?? answer.body).toBe(RATE_LIMITED);
  expect(answer.error?.retryable).toBe(true);
  expect(answer.error?.retryAfterMs).toBeGreaterThan(0);
}

describe('per-user request rates', () => {
  it('limits messages to one chat, leaving the sender free to write to others', async () => {
    await start({ sendToRate: tiny(3) });
    const alice = await peer('alice');
    await peer('bob');
    await peer('carol');
    for (let i = 0; i < 3; i++) expect((await sendText(alice, 'bob')).body).toBe('sendAck');
    expectRateLimited(await sendText(alice, 'bob'));
    expect((await sendText(alice, 'carol')).body).toBe('sendAck');
    expect(await fixture.current.stores.queue.count({ userId: 'bob', deviceId: 1 })).toBeLessThanOrEqual(3);
  });

  it("spends no token of the user's bucket on a send its chat bucket refuses", async () => {
    await start({ sendRate: tiny(4), sendToRate: tiny(2) });
    const alice = await peer('alice');
    for (const to of ['bob', 'carol']) await peer(to);
    for (let i = 0; i < 2; i++) expect((await sendText(alice, 'bob')).body).toBe('sendAck');
    for (let i = 0; i < 3; i++) {
      const refused = await sendText(alice, 'bob');
      expectRateLimited(refused);
      expect(refused.error?.message).toContain('to one chat');
    }
    // Both buckets are decided together: the three refusals took nothing from alice's 4.
    for (let i = 0; i < 2; i++) expect((await sendText(alice, 'carol')).body).toBe('sendAck');
    expectRateLimited(await sendText(alice, 'carol'));
  });

  it('limits all messages of a user together', async () => {
    await start({ sendRate: tiny(4) });
    const alice = await peer('alice');
    for (const to of ['bob', 'carol']) await peer(to);
    for (let i = 0; i < 2; i++) expect((await sendText(alice, 'bob')).body).toBe('sendAck');
    for (let i = 0; i < 2; i++) expect((await sendText(alice, 'carol')).body).toBe('sendAck');
    expectRateLimited(await sendText(alice, 'carol'));
  });

  it('limits read receipts', async () => {
    await start({ receiptRate: tiny(2) });
    const alice = await peer('alice');
    const receipt: Omit<ClientFrameInit, 'requestId'> = {
      receipt: { userId: 'bob', messageIds: ['m1'], status: pb.ReceiptStatus.RECEIPT_STATUS_READ },
    };
    for (let i = 0; i < 2; i++) expect((await alice.request(receipt)).body).toBe('ok');
    expectRateLimited(await alice.request(receipt));
  });

  it('limits group creations and changes, before the record is even read', async () => {
    await start({ groupChangeRate: tiny(2) });
    const alice = await peer('alice');
    const change = { groupChange: { record: {} } };
    for (let i = 0; i < 2; i++) expect((await alice.request(change)).error?.code).not.toBe(RATE_LIMITED);
    expectRateLimited(await alice.request(change));
  });

  it("limits fetches of one user's keys whoever asks, and each user's fetches across its devices", async () => {
    await start({ keyFetchTargetRate: tiny(3), keyFetchRate: tiny(5) });
    const alice = await peer('alice');
    const carol = await peer('carol');
    const fetch = (p: RawPeer, userId: string) => p.request({ keysFetch: { userId } });
    for (let i = 0; i < 2; i++) expect((await fetch(alice, 'bob')).error?.code).not.toBe(RATE_LIMITED);
    expect((await fetch(carol, 'bob')).error?.code).not.toBe(RATE_LIMITED);
    expectRateLimited(await fetch(carol, 'bob')); // bob's bucket is spent, whoever asks
    for (let i = 0; i < 3; i++) expect((await fetch(alice, `dave${i}`)).error?.code).not.toBe(RATE_LIMITED);
    expectRateLimited(await fetch(alice, 'erin')); // alice's own bucket (5) is spent
  });
});
