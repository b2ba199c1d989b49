// What the web chat keeps and shows of an attachment: pure, so it is unit-tested in Node.
import type { MediaAttachment } from '@parley/client';

type MediaKind = MediaAttachment['kind'];

/** The metadata of an attachment the views need (no key: the bytes come from `client.downloadMedia`). */
export interface MediaInfo {
  kind: MediaKind;
  mimeType: string;
  size: number;
  fileName?: string;
  caption?: string;
  width?: number;
  height?: number;
  durationMs?: number;
}

/** Copies the displayable fields of a received or sent attachment. */
export function mediaInfo(media: MediaAttachment): MediaInfo {
  const info: MediaInfo = { kind: media.kind, mimeType: media.mimeType, size: media.size };
  if (media.fileName) info.fileName = media.fileName;
  if (media.caption) info.caption = media.caption;
  if (media.width) info.width = media.width;
  if (media.height) info.height = media.height;
  if (media.durationMs) info.durationMs = media.durationMs;
  return info;
}

const NOUN: Record<MediaKind, string> = {
  image: 'Photo',
  video: 'Video',
  voice: 'Voice message',
  document: 'Document',
};

/**
 * One line for the chat list and notifications: the caption, else the kind (a document's name).
 * Plain words, no emoji (a machine without an emoji font shows boxes); views add the kind's icon.
 */
export function mediaLabel(info: Pick<MediaInfo, 'kind' | 'fileName' | 'caption'>): string {
  if (info.caption) return info.caption;
  if (info.kind === 'document') return info.fileName ?? NOUN.document;
  return NOUN[info.kind];
}

/** The kind to send a picked file as, from its MIME type. */
export function kindOf(mimeType: string): MediaKind {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'voice';
  return 'document';
}

/** 1.2 MB, 34 KB, 512 B */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 100) / 10} KB`;
  return `${Math.round(bytes / 100_000) / 10} MB`;
}
