// The glue between attachments and the client: sending picked files in order, and downloading
// a message's file as a Blob for the views.
import type { MediaKind, ParleyClient, SendHandle } from '@parley/client';
import { outgoingType, safeMimeType } from './media-types.js';

/** What the app knows about a file it sends besides its bytes. */
export interface OutgoingMedia {
  kind: MediaKind;
  mimeType: string;
  fileName?: string;
  durationMs?: number;
  caption?: string;
}

/**
 * Hands attachments to `client.send` in the order they were picked, each once its image size was
 * read; a file waits for the previous one to be handed over, not for its upload. Each resolves
 * with the send's handle (its message id and pending stored form: the local echo).
 */
export class MediaSends {
  private handedOver: Promise<void> = Promise.resolve();

  constructor(private readonly client: ParleyClient) {}

  send(chatId: string, file: Blob, picked: OutgoingMedia): Promise<SendHandle> {
    // Only allowed types go out as media; anything else is a document (application/octet-stream).
    const meta = { ...picked, ...outgoingType(picked.kind, picked.mimeType) };
    const size = meta.kind === 'image' ? imageSize(file) : Promise.resolve({});
    let handed = () => {};
    const previous = this.handedOver;
    this.handedOver = new Promise((resolve) => {
      handed = resolve;
    });
    return previous.then(async () => {
      const dimensions = await size;
      try {
        return await this.client.send(chatId, {
          media: {
            kind: meta.kind,
            data: file,
            mimeType: meta.mimeType,
            ...(meta.fileName ? { fileName: meta.fileName } : {}),
            ...(meta.durationMs ? { durationMs: meta.durationMs } : {}),
            ...(meta.caption ? { caption: meta.caption } : {}),
            // Lets the receiver reserve the image's space before it is downloaded.
            ...dimensions,
          },
        });
      } finally {
        handed();
      }
    });
  }
}

/**
 * The file of a media message, downloaded and verified by the client, typed from the allowlist
 * (never with the sender's type as is: its blob: URL must not render sender-chosen HTML or SVG).
 */
export async function downloadBlob(
  client: Pick<ParleyClient, 'getMessage' | 'downloadMedia'>,
  messageId: string,
): Promise<Blob> {
  const message = await client.getMessage(messageId);
  if (message?.content.kind !== 'media') throw new Error(`no attachment in message ${messageId}`);
  const bytes = await client.downloadMedia(message);
  const { kind, mimeType } = message.content.media;
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: safeMimeType(kind, mimeType) });
}

/** An image's width and height, or nothing when the browser cannot decode it. */
async function imageSize(file: Blob): Promise<{ width: number; height: number } | Record<string, never>> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return {};
  }
}
