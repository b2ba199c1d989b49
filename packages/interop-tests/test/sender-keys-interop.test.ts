// Parley's Sender Keys against the official libsignal, both directions, byte for byte: the pinned
// 0.72.1 and the current release, under both of Parley's X25519 backends (they change how Parley
// verifies XEdDSA signatures; signing is the same code on both).
import { fromHex, toHex } from '@parley/core';
import {
  type CurveBackend,
  createSenderKeyDistribution,
  groupDecrypt,
  groupEncrypt,
  memorySenderKeyStore,
  processSenderKeyDistribution,
  type SenderKeyStore,
  type SignalAddress,
  senderKeyMessageDistributionId,
  setCurveBackend,
} from '@parley/core/crypto';
import { reasonOf, rejectionOf } from '@parley/test-utils/rejection';
import { signedPart, SENDER_KEY_VECTOR as V, vectorSenderKeyRecord } from '@parley/test-utils/sender-keys-vector';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createOfficialGroupDevice,
  type OfficialGroupDevice,
  officialDistribution,
  officialGroupDecrypt,
  officialGroupEncrypt,
  officialLibraries,
  officialProcess,
  officialPublicKey,
  officialVerifies,
  type SenderKeyLibrary,
  seedOfficialSenderKey,
} from '../src/official-sender-keys.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const text = (bytes: Uint8Array) => decoder.decode(bytes);
/** Everything a message's signature covers: all but its last 64 bytes. */

interface ParleyGroupDevice {
  readonly address: SignalAddress;
  readonly store: SenderKeyStore;
}

const parleyDevice = (userId: string, deviceId: number): ParleyGroupDevice => ({
  address: { userId, deviceId },
  store: memorySenderKeyStore(),
});

const addressOf = (device: OfficialGroupDevice): SignalAddress => ({ userId: device.name, deviceId: device.deviceId });

async function parleyOpen(to: ParleyGroupDevice, from: OfficialGroupDevice, message: Uint8Array) {
  const opened = await groupDecrypt(to.store, addressOf(from), message);
  return { text: text(opened.plaintext), distributionId: opened.distributionId };
}

/** What the official library makes of the vector's fixed key material. */
async function officialVector(library: SenderKeyLibrary) {
  const alice = createOfficialGroupDevice(library, V.sender.userId, V.sender.deviceId);
  const signingPublicKey = officialPublicKey(library, fromHex(V.signingPrivateKey));
  seedOfficialSenderKey(alice, V.distributionId, {
    chainId: V.chainId,
    iteration: V.iteration,
    chainKey: fromHex(V.chainKey),
    signingPublicKey,
    signingPrivateKey: fromHex(V.signingPrivateKey),
  });
  const distribution = await officialDistribution(alice, V.distributionId);
  const messages: Uint8Array[] = [];
  for (const { plaintext } of V.messages)
    messages.push(await officialGroupEncrypt(alice, V.distributionId, fromHex(plaintext)));
  return { signingPublicKey, distribution, messages };
}

const backends: CurveBackend[] = ['webcrypto', 'fallback'];

afterAll(async () => {
  await setCurveBackend('auto');
});

describe.each(officialLibraries)('Sender Keys interop with the official libsignal %s', (version, library) => {
  it('the golden vector is what the official library makes of the fixed key material', async () => {
    const made = await officialVector(library);
    if (process.env.PARLEY_PRINT_SENDER_KEY_VECTOR === '1') {
      console.log(
        JSON.stringify(
          {
            version,
            signingPublicKey: toHex(made.signingPublicKey),
            distribution: toHex(made.distribution),
            messages: made.messages.map(toHex),
          },
          null,
          2,
        ),
      );
    }
    expect(toHex(made.signingPublicKey)).toBe(V.signingPublicKey);
    expect(toHex(made.distribution)).toBe(V.distribution);
    expect(made.messages.map(signedPart)).toEqual(V.messages.map(({ message }) => signedPart(fromHex(message))));
    // The stored messages (with the signatures made when the vector was printed) still decrypt.
    const bob = createOfficialGroupDevice(library, 'bob', 1);
    await officialProcess(bob, V.sender, fromHex(V.distribution));
    for (const { plaintext, message } of V.messages) {
      expect(toHex(await officialGroupDecrypt(bob, V.sender, fromHex(message)))).toBe(plaintext);
    }
  });

  describe.each(backends)('Parley X25519 backend: %s', (backend) => {
    it('official → Parley: distribution, messages in order and out of order, replays, rotation', async () => {
      await setCurveBackend(backend);
      const alice = createOfficialGroupDevice(library, 'alice', 2);
      const bob = parleyDevice('bob', 5);
      const first = crypto.randomUUID();

      const distribution = await officialDistribution(alice, first);
      expect(distribution[0]).toBe(0x33);
      expect(await processSenderKeyDistribution(bob.store, addressOf(alice), distribution)).toEqual({
        distributionId: first,
      });

      for (let i = 0; i < 4; i++) {
        const message = await officialGroupEncrypt(alice, first, encoder.encode(`in order ${i}`));
        expect(message[0]).toBe(0x33);
        expect(senderKeyMessageDistributionId(message)).toBe(first);
        expect(await parleyOpen(bob, alice, message)).toEqual({ text: `in order ${i}`, distributionId: first });
      }

      // Out of order: 3 messages delivered as 2, 0, 1; then a replay is refused as a duplicate.
      const batch: Uint8Array[] = [];
      for (let i = 0; i < 3; i++) batch.push(await officialGroupEncrypt(alice, first, encoder.encode(`batch ${i}`)));
      for (const i of [2, 0, 1]) expect((await parleyOpen(bob, alice, batch[i]!)).text).toBe(`batch ${i}`);
      expect(reasonOf(await rejectionOf(groupDecrypt(bob.store, addressOf(alice), batch[1]!)))).toBe('duplicate');

      // Rotation: a new distribution beside the old one; a late message of the old one still decrypts.
      const late = await officialGroupEncrypt(alice, first, encoder.encode('late, old distribution'));
      const second = crypto.randomUUID();
      await processSenderKeyDistribution(bob.store, addressOf(alice), await officialDistribution(alice, second));
      const rotated = await officialGroupEncrypt(alice, second, encoder.encode('new distribution'));
      expect(senderKeyMessageDistributionId(rotated)).toBe(second);
      expect(await parleyOpen(bob, alice, rotated)).toEqual({ text: 'new distribution', distributionId: second });
      expect(await parleyOpen(bob, alice, late)).toEqual({ text: 'late, old distribution', distributionId: first });

      // The official sender loses its key and starts a new chain under the same distribution id:
      // Parley keeps both chains, so a message of the old chain still decrypts after the new one.
      const oldChain = await officialGroupEncrypt(alice, second, encoder.encode('old chain'));
      alice.records.clear();
      const restarted = await officialDistribution(alice, second);
      await processSenderKeyDistribution(bob.store, addressOf(alice), restarted);
      const newChain = await officialGroupEncrypt(alice, second, encoder.encode('new chain'));
      expect((await parleyOpen(bob, alice, newChain)).text).toBe('new chain');
      expect((await parleyOpen(bob, alice, oldChain)).text).toBe('old chain');
    });

    it('Parley → official: distribution, messages in order and out of order, replays, rotation', async () => {
      await setCurveBackend(backend);
      const alice = parleyDevice('alice', 3);
      const bob = createOfficialGroupDevice(library, 'bob', 1);
      const first = crypto.randomUUID();

      const distribution = await createSenderKeyDistribution(alice.store, alice.address, first);
      expect(distribution[0]).toBe(0x33);
      await officialProcess(bob, alice.address, distribution);

      for (let i = 0; i < 4; i++) {
        const message = await groupEncrypt(alice.store, alice.address, first, encoder.encode(`in order ${i}`));
        expect(text(await officialGroupDecrypt(bob, alice.address, message))).toBe(`in order ${i}`);
      }

      const batch: Uint8Array[] = [];
      for (let i = 0; i < 3; i++) {
        batch.push(await groupEncrypt(alice.store, alice.address, first, encoder.encode(`batch ${i}`)));
      }
      for (const i of [2, 0, 1])
        expect(text(await officialGroupDecrypt(bob, alice.address, batch[i]!))).toBe(`batch ${i}`);
      await expect(officialGroupDecrypt(bob, alice.address, batch[1]!)).rejects.toThrow();

      // The distribution message names the current iteration: a member given it now starts there.
      const carol = createOfficialGroupDevice(library, 'carol', 1);
      await officialProcess(carol, alice.address, await createSenderKeyDistribution(alice.store, alice.address, first));
      const both = await groupEncrypt(alice.store, alice.address, first, encoder.encode('to bob and carol'));
      expect(text(await officialGroupDecrypt(carol, alice.address, both))).toBe('to bob and carol');
      expect(text(await officialGroupDecrypt(bob, alice.address, both))).toBe('to bob and carol');
      await expect(officialGroupDecrypt(carol, alice.address, batch[0]!)).rejects.toThrow();

      const late = await groupEncrypt(alice.store, alice.address, first, encoder.encode('late, old distribution'));
      const second = crypto.randomUUID();
      await officialProcess(bob, alice.address, await createSenderKeyDistribution(alice.store, alice.address, second));
      const rotated = await groupEncrypt(alice.store, alice.address, second, encoder.encode('new distribution'));
      expect(text(await officialGroupDecrypt(bob, alice.address, rotated))).toBe('new distribution');
      expect(text(await officialGroupDecrypt(bob, alice.address, late))).toBe('late, old distribution');
    });

    it('Parley encrypts the vector key byte for byte as the official library does', async () => {
      await setCurveBackend(backend);
      const store = memorySenderKeyStore();
      await store.storeSenderKey(V.sender, V.distributionId, vectorSenderKeyRecord());
      expect(toHex(await createSenderKeyDistribution(store, V.sender, V.distributionId))).toBe(V.distribution);
      const bob = createOfficialGroupDevice(library, 'bob', 1);
      await officialProcess(bob, V.sender, fromHex(V.distribution));
      for (const { plaintext, message } of V.messages) {
        const ours = await groupEncrypt(store, V.sender, V.distributionId, fromHex(plaintext));
        expect(signedPart(ours)).toBe(signedPart(fromHex(message)));
        expect(officialVerifies(library, fromHex(V.signingPublicKey), ours)).toBe(true);
        expect(toHex(await officialGroupDecrypt(bob, V.sender, ours))).toBe(plaintext);
      }
    });
  });

  it('speed: groupEncrypt / groupDecrypt per message, Parley and official (reported, not asserted)', async () => {
    await setCurveBackend('auto');
    const rounds = 60;
    const plaintext = new Uint8Array(160);
    // The median of per-message times: CI machines are shared, and a mean would mostly measure that.
    const timed = async (fn: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        await fn(i);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[rounds >> 1]!;
    };

    const alice = parleyDevice('alice', 1);
    const bob = parleyDevice('bob', 1);
    const id = crypto.randomUUID();
    await processSenderKeyDistribution(
      bob.store,
      alice.address,
      await createSenderKeyDistribution(alice.store, alice.address, id),
    );
    const ours: Uint8Array[] = [];
    const parleyEncrypt = await timed(async () =>
      ours.push(await groupEncrypt(alice.store, alice.address, id, plaintext)),
    );
    const parleyDecrypt = await timed((i) => groupDecrypt(bob.store, alice.address, ours[i]!));

    const carol = createOfficialGroupDevice(library, 'carol', 1);
    const dave = createOfficialGroupDevice(library, 'dave', 1);
    await officialProcess(dave, addressOf(carol), await officialDistribution(carol, id));
    const theirs: Uint8Array[] = [];
    const officialEncrypt = await timed(async () => theirs.push(await officialGroupEncrypt(carol, id, plaintext)));
    const officialDecrypt = await timed((i) => officialGroupDecrypt(dave, addressOf(carol), theirs[i]!));

    const ms = (n: number) => `${n.toFixed(3)} ms`;
    console.log(
      `Sender Keys, 160-byte plaintext, median of ${rounds} messages (official ${version}): ` +
        `groupEncrypt Parley ${ms(parleyEncrypt)} / official ${ms(officialEncrypt)}; ` +
        `groupDecrypt Parley ${ms(parleyDecrypt)} / official ${ms(officialDecrypt)}`,
    );
    expect(ours).toHaveLength(rounds);
    expect(theirs).toHaveLength(rounds);
  });
});
