import { createDevice } from '@parley/test-utils/signal-device';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../src/crypto/index.js';
import { onlySession, promote, sessionsToTry } from '../../src/crypto/session-switch.js';
import { isParleyError } from '../../src/errors.js';
import { open, openResult, seal } from './devices.js';

/** The open session's base key in a device's record with a peer. */
async function openKey(
  store: Awaited<ReturnType<typeof createDevice>>['store'],
  peer: { userId: string; deviceId: number },
) {
  const record = JSON.parse((await store.loadSession(peer)) ?? '{}') as {
    sessions: Record<string, { indexInfo: { closed: number } }>;
  };
  return Object.entries(record.sessions).find(([, s]) => s.indexInfo.closed === -1)?.[0];
}

describe('session switching (first-contact race)', () => {
  it('both sides start a session at once and every message on either session decrypts, in any interleaving', async () => {
    const a = await createDevice('a');
    const b = await createDevice('b');
    await startSession(a.store, b.address, b.bundle());
    await startSession(b.store, a.address, a.bundle());
    const a1 = await seal(a, b, 'a1');
    const a2 = await seal(a, b, 'a2');
    const b1 = await seal(b, a, 'b1');
    expect(await open(b, a, a1)).toBe('a1');
    const b2 = await seal(b, a, 'b2'); // on the session a started
    expect(await open(a, b, b1)).toBe('b1');
    const a3 = await seal(a, b, 'a3'); // on the session b started
    expect(await open(b, a, a2)).toBe('a2');
    // The open session at a cannot decrypt b2: trying it first must not damage it.
    expect(await open(a, b, b2)).toBe('b2');
    expect(await open(b, a, a3)).toBe('a3');
    const b3 = await seal(b, a, 'b3');
    expect(await open(a, b, b3)).toBe('b3'); // failed with Bad MAC before the switching rules
    // Both now use the session the peer last used, and talk on it.
    expect(await openKey(a.store, b.address)).toBe(await openKey(b.store, a.address));
    for (let i = 0; i < 3; i++) {
      expect(await open(b, a, await seal(a, b, `x${i}`))).toBe(`x${i}`);
      expect(await open(a, b, await seal(b, a, `y${i}`))).toBe(`y${i}`);
    }
  });

  it('still refuses a replayed message on an archived session as a duplicate, and leaves the record as it was', async () => {
    const a = await createDevice('a');
    const b = await createDevice('b');
    await startSession(a.store, b.address, b.bundle());
    await startSession(b.store, a.address, a.bundle());
    const a1 = await seal(a, b, 'a1');
    const b1 = await seal(b, a, 'b1');
    await open(b, a, a1);
    const b2 = await seal(b, a, 'b2');
    await open(a, b, b1);
    expect(await open(a, b, b2)).toBe('b2');
    const before = await a.store.loadSession(b.address);
    const error = await openResult(a, b, b2).catch((e: unknown) => e);
    expect(isParleyError(error, 'DECRYPTION_FAILED')).toBe(true);
    expect((error as { details?: { reason?: string } }).details?.reason).toBe('duplicate');
    expect(await a.store.loadSession(b.address)).toBe(before);
  });

  it('orders the sessions to try open first, then most recently archived; promotes the one that worked', () => {
    const record = JSON.stringify({
      version: 'v1',
      sessions: {
        old: { indexInfo: { closed: 10 }, n: 0 },
        open: { indexInfo: { closed: -1 }, n: 0 },
        recent: { indexInfo: { closed: 20 }, n: 0 },
      },
    });
    expect(sessionsToTry(record)).toEqual(['open', 'recent', 'old']);
    expect(JSON.parse(onlySession(record, 'old'))).toEqual({
      version: 'v1',
      sessions: { old: { indexInfo: { closed: -1 }, n: 0 } },
    });
    const attempt = JSON.stringify({ version: 'v1', sessions: { old: { indexInfo: { closed: -1 }, n: 1 } } });
    expect(JSON.parse(promote(record, 'old', attempt, 30))).toEqual({
      version: 'v1',
      sessions: {
        old: { indexInfo: { closed: -1 }, n: 1 },
        open: { indexInfo: { closed: 30 }, n: 0 },
        recent: { indexInfo: { closed: 20 }, n: 0 },
      },
    });
  });
});
