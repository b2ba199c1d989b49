import type { MediaAttachment } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { fileSize, kindOf, mediaInfo, mediaLabel } from '../src/media-info.js';

describe('attachment info', () => {
  it('keeps the displayable metadata, never the key', () => {
    const attachment = {
      kind: 'image',
      blobId: 'b1',
      mediaKey: new Uint8Array(32),
      digest: new Uint8Array(32),
      size: 2048,
      mimeType: 'image/png',
      fileName: 'a.png',
      width: 24,
      height: 16,
    } as MediaAttachment;
    expect(mediaInfo(attachment)).toEqual({
      kind: 'image',
      mimeType: 'image/png',
      size: 2048,
      fileName: 'a.png',
      width: 24,
      height: 16,
    });
  });

  it('labels attachments for the chat list and picks a kind from the MIME type', () => {
    expect(mediaLabel({ kind: 'image' })).toBe('Photo');
    expect(mediaLabel({ kind: 'image', caption: 'sunset' })).toBe('sunset');
    expect(mediaLabel({ kind: 'document', fileName: 'plan.pdf' })).toBe('plan.pdf');
    expect(mediaLabel({ kind: 'document' })).toBe('Document');
    expect(mediaLabel({ kind: 'voice' })).toBe('Voice message');
    expect(['image/png', 'video/mp4', 'audio/webm', 'application/pdf', ''].map(kindOf)).toEqual([
      'image',
      'video',
      'voice',
      'document',
      'document',
    ]);
    expect([512, 34_000, 1_234_567].map(fileSize)).toEqual(['512 B', '34 KB', '1.2 MB']);
  });
});
