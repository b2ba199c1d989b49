import { describe, expect, it } from 'vitest';
import {
  authChallengePayload,
  generateAuthKeyPair,
  isValidMessageId,
  messageIdTime,
  newMessageId,
  serverOrigin,
  signWithAuthKey,
  toHex,
  verifyWithAuthKey,
} from '../src/index.js';

describe('message ids', () => {
  it('are UUIDv7: unique, valid and sortable by creation time', () => {
    const ids = Array.from({ length: 2000 }, () => newMessageId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every(isValidMessageId)).toBe(true);
    const t = messageIdTime(ids[0] as string) as number;
    expect(Math.abs(t - Date.now())).toBeLessThan(5_000);
  });

  it('rejects ids that are empty, too long or not printable', () => {
    expect(isValidMessageId('')).toBe(false);
    expect(isValidMessageId('a'.repeat(65))).toBe(false);
    expect(isValidMessageId('has space')).toBe(false);
    expect(isValidMessageId('ok-id_1')).toBe(true);
    // The bounds of printable ASCII, checked by char code (issue 15: no regular expression per send).
    expect(isValidMessageId('!~')).toBe(true);
    expect(isValidMessageId('a\x20b')).toBe(false);
    expect(isValidMessageId('ab\x7f')).toBe(false);
    expect(isValidMessageId('\x1fab')).toBe(false);
    expect(isValidMessageId('caf\u00e9')).toBe(false);
    expect(isValidMessageId('\u{1f600}')).toBe(false);
    expect(isValidMessageId('x'.repeat(64))).toBe(true);
  });
});

describe('server origins', () => {
  it('are the URL host: lower case, without the default port of the scheme', () => {
    expect(serverOrigin('wss://Chat.Example.com/ws')).toBe('chat.example.com');
    expect(serverOrigin('wss://chat.example.com:443')).toBe('chat.example.com');
    expect(serverOrigin('ws://chat.example.com:80')).toBe('chat.example.com');
    expect(serverOrigin('ws://127.0.0.1:8080')).toBe('127.0.0.1:8080');
    expect(serverOrigin('ws://[::1]:8080/')).toBe('[::1]:8080');
  });
});

describe('device auth keys', () => {
  it('sign the exact challenge layout and verify only the right key and payload', async () => {
    const nonce = new Uint8Array(32).fill(0x22);
    const text = (s: string) => toHex(new TextEncoder().encode(s));
    const payload = authChallengePayload(nonce, 'alice', 7, 'chat.example.com:8443');
    expect(toHex(payload)).toBe(
      `${text('parley-auth-v2')}00${text('device-login')}00${text('chat.example.com:8443')}00${'22'.repeat(32)}${text('alice')}0000000007`,
    );
    const key = await generateAuthKeyPair();
    const other = await generateAuthKeyPair();
    expect(key.publicKey.byteLength).toBe(32);
    const sig = await signWithAuthKey(key.privateKey, payload);
    expect(await verifyWithAuthKey(key.publicKey, payload, sig)).toBe(true);
    expect(await verifyWithAuthKey(other.publicKey, payload, sig)).toBe(false);
    const forDevice8 = authChallengePayload(nonce, 'alice', 8, 'chat.example.com:8443');
    expect(await verifyWithAuthKey(key.publicKey, forDevice8, sig)).toBe(false);
    const forOtherServer = authChallengePayload(nonce, 'alice', 7, 'evil.example.com:8443');
    expect(await verifyWithAuthKey(key.publicKey, forOtherServer, sig)).toBe(false);
    const flipped = sig.slice();
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(await verifyWithAuthKey(key.publicKey, payload, flipped)).toBe(false);
    expect(await verifyWithAuthKey(new Uint8Array(5), payload, sig)).toBe(false);
  });
});
