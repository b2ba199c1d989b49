// The small pieces of client media: ticket URLs, metadata checks, the Content.media mapping.
import { isParleyError } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { decodeContent, encodeContent } from '../src/content.js';
import { checkSendMedia, type MediaAttachment, mediaFromProto, withBlobId } from '../src/media/attachment.js';
import { ticketUrl } from '../src/media/transfer.js';

const ticket = (url: string) => ({ blobId: 'ab'.repeat(16), url, token: 't' });

describe('ticket URLs', () => {
  it('resolve a path against the WebSocket URL the client uses, keep absolute ones', () => {
    expect(ticketUrl(ticket('/media/x'), 'ws://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/media/x');
    expect(ticketUrl(ticket('/media/x'), 'wss://chat.example.com/ws')).toBe('https://chat.example.com/media/x');
    expect(ticketUrl(ticket('https://cdn.example.com/media/x'), 'wss://chat.example.com')).toBe(
      'https://cdn.example.com/media/x',
    );
  });
});

describe('send options', () => {
  const base = { kind: 'image' as const, data: new Uint8Array(1), mimeType: 'image/png' };
  it('accept well-formed metadata', () => {
    expect(() =>
      checkSendMedia({ ...base, caption: 'x', width: 1, height: 2, thumbnail: new Uint8Array(10) }),
    ).not.toThrow();
  });

  it('refuse a bad kind, a missing MIME type, oversized metadata and non-integer sizes', () => {
    const bad = [
      { ...base, kind: 'gif' },
      { ...base, mimeType: '' },
      { ...base, caption: 'x'.repeat(4097) },
      { ...base, thumbnail: new Uint8Array(32 * 1024 + 1) },
      { ...base, waveform: [1, 2, 3] },
      { ...base, width: 1.5 },
      { ...base, durationMs: -1 },
      { ...base, data: undefined },
    ];
    for (const options of bad) {
      let error: unknown;
      try {
        checkSendMedia(options as never);
      } catch (e) {
        error = e;
      }
      expect(isParleyError(error, 'INVALID_ARGUMENT'), JSON.stringify(Object.keys(options))).toBe(true);
    }
  });
});

describe('Content.media', () => {
  const media: MediaAttachment = {
    kind: 'voice',
    blobId: 'cd'.repeat(16),
    mediaKey: new Uint8Array(32).fill(1),
    digest: new Uint8Array(32).fill(2),
    size: 1234,
    mimeType: 'audio/ogg',
    durationMs: 3000,
    waveform: new Uint8Array([1, 2, 3]),
  };

  it('round-trips, and a blob id set later keeps every other field', () => {
    const bytes = encodeContent({ kind: 'media', media: { ...media, blobId: '' } }, 42, {
      toUserId: 'bob',
      seq: 7,
    });
    const decoded = decodeContent(withBlobId(bytes, media.blobId));
    expect(decoded).toEqual({ content: { kind: 'media', media }, sentAt: 42, toUserId: 'bob', groupId: '', seq: 7 });
  });

  it('shows an unknown kind as a document and refuses a missing key, digest or blob id', () => {
    const unknownKind: number = 99; // a kind from a newer version: any number is a valid enum value on the wire
    const proto = { ...media, kind: unknownKind };
    expect(mediaFromProto(proto).kind).toBe('document');
    for (const broken of [{ mediaKey: new Uint8Array(16) }, { digest: new Uint8Array(0) }, { blobId: '' }]) {
      expect(() => mediaFromProto({ ...proto, ...broken })).toThrow(/media without/);
    }
  });
});
