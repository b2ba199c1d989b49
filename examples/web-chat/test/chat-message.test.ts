import { describe, expect, it } from 'vitest';
import { isUnsent, toChatMessage } from '../src/chat-message.js';

describe('chat message', () => {
  it('turns a stored attachment into a labelled message with its metadata', () => {
    const shown = toChatMessage({
      id: '09',
      chatId: 'g1',
      outgoing: false,
      sentAt: 1,
      from: { userId: 'carol' },
      status: 'received',
      content: {
        kind: 'media',
        media: {
          kind: 'document',
          blobId: 'b',
          mediaKey: new Uint8Array(32),
          digest: new Uint8Array(32),
          size: 10,
          mimeType: 'application/pdf',
          fileName: 'plan.pdf',
        },
      },
    });
    expect(shown).toEqual({
      id: '09',
      chatId: 'g1',
      from: 'carol',
      outgoing: false,
      sentAt: 1,
      text: 'plan.pdf',
      media: { kind: 'document', mimeType: 'application/pdf', size: 10, fileName: 'plan.pdf' },
    });
  });

  it('carries the status of an outgoing message, and tells unsent ones', () => {
    const out = (status: 'pending' | 'failed' | 'sent') =>
      toChatMessage({
        id: '01',
        chatId: 'bob',
        outgoing: true,
        sentAt: 1,
        from: { userId: 'me' },
        status,
        content: { kind: 'text', text: 'hi' },
      });
    expect(out('pending')).toMatchObject({ status: 'pending', text: 'hi' });
    expect(isUnsent(out('pending'))).toBe(true);
    expect(isUnsent(out('failed'))).toBe(true);
    expect(isUnsent(out('sent'))).toBe(false);
  });
});
