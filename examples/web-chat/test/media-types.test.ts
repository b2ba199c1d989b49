import type { MediaAttachment, ParleyClient, SendMediaOptions, StoredMessage } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { downloadBlob, MediaSends } from '../src/media-sends.js';
import { OPAQUE_TYPE, safeMimeType } from '../src/media-types.js';

const attachment = (kind: MediaAttachment['kind'], mimeType: string) =>
  ({
    kind,
    blobId: 'b1',
    mediaKey: new Uint8Array(32),
    digest: new Uint8Array(32),
    size: 3,
    mimeType,
  }) as MediaAttachment;

/** A client that has one received media message, typed as its sender chose. */
function receivedFrom(media: MediaAttachment): Pick<ParleyClient, 'getMessage' | 'downloadMedia'> {
  const message = { id: 'm1', content: { kind: 'media', media } } as unknown as StoredMessage;
  return {
    getMessage: async () => message,
    downloadMedia: (async () => new Uint8Array([60, 115, 62])) as unknown as ParleyClient['downloadMedia'],
  };
}

describe('attachment MIME allowlist (issue 17, finding 7)', () => {
  it('never types a received blob with a sender-chosen type that renders markup', async () => {
    const hostile: Array<[MediaAttachment['kind'], string]> = [
      ['document', 'text/html'],
      ['image', 'image/svg+xml'],
      ['image', 'text/html'],
      ['video', 'application/xhtml+xml'],
      ['voice', 'text/xml'],
      ['document', 'application/pdf'],
      ['image', 'IMAGE/SVG+XML; charset=utf-8'],
    ];
    for (const [kind, type] of hostile) {
      const blob = await downloadBlob(receivedFrom(attachment(kind, type)), 'm1');
      expect([kind, type, blob.type]).toEqual([kind, type, OPAQUE_TYPE]);
    }
  });

  it('keeps allowed media types (essence only), and documents are always opaque', async () => {
    expect((await downloadBlob(receivedFrom(attachment('image', 'image/png')), 'm1')).type).toBe('image/png');
    expect(safeMimeType('voice', 'audio/webm;codecs=opus')).toBe('audio/webm');
    expect(safeMimeType('video', 'Video/MP4')).toBe('video/mp4');
    expect(safeMimeType('image', 'video/mp4')).toBe(OPAQUE_TYPE);
    expect(safeMimeType('document', 'image/png')).toBe(OPAQUE_TYPE);
  });

  it('sends a file whose type is not allowed for its kind as an opaque document', async () => {
    const sent: SendMediaOptions[] = [];
    const client = {
      send: async (_to: string, input: { media: SendMediaOptions }) => {
        sent.push(input.media);
        return { id: 'x' };
      },
    } as unknown as ParleyClient;
    const sends = new MediaSends(client);
    const file = new Blob(['<svg/>']);
    await sends.send('bob', file, { kind: 'image', mimeType: 'image/svg+xml' });
    await sends.send('bob', file, { kind: 'voice', mimeType: 'audio/webm;codecs=opus', durationMs: 5 });
    await sends.send('bob', file, { kind: 'document', mimeType: 'text/html', fileName: 'a.html' });
    expect(sent.map((s) => [s.kind, s.mimeType])).toEqual([
      ['document', OPAQUE_TYPE],
      ['voice', 'audio/webm'],
      ['document', OPAQUE_TYPE],
    ]);
  });
});
