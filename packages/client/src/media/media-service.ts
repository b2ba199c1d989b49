import { type ClientFrameInit, concatBytes, ParleyError, type ServerFrame } from '@parley/core';
import { generateMediaKey, MediaDecryptor, MediaEncryptor, MediaVerifier, mediaUploadSize } from '@parley/core/crypto';
import type { SendableContent } from '../events.js';
import { type Logger, warnOnFailure } from '../logger.js';
import { setMediaBlobId } from '../messages/message-store.js';
import type { MessageRecord, OutboxRecord } from '../outbox/outbox-record.js';
import { saveRecord } from '../outbox/outbox-store.js';
import type { ClientStore } from '../stores/client-store.js';
import { attachmentOf, checkSendMedia, type MediaAttachment, type SendMediaOptions, withBlobId } from './attachment.js';
import type { PendingUpload } from './pending-upload.js';
import { mediaChunks, readStream, toReadableStream } from './source.js';
import type { MediaSpool, MediaSpoolWriter } from './spool.js';
import { getDownload, putUpload, ticketOf, ticketUrl } from './transfer.js';

export type { PendingUpload } from './pending-upload.js';

export interface MediaServiceOptions {
  store: ClientStore;
  spool: MediaSpool;
  /** The gateway URL the client connects to; ticket paths resolve against it. */
  url: string;
  /** A request over the live connection (rejects when offline). */
  request(body: Omit<ClientFrameInit, 'requestId'>): Promise<ServerFrame>;
  fetch?: typeof fetch;
  logger: Logger;
}

/**
 * Media for the client: encrypts files into the spool on send, uploads them as the outbox step
 * before the message itself goes out, and downloads, verifies and decrypts received ones.
 */
export class MediaService {
  constructor(private readonly o: MediaServiceOptions) {}

  /** A rejection handler logging a spool clean-up that failed (the entry stays until deleted by hand). */
  private warn(message: string, fields: Record<string, unknown>) {
    return warnOnFailure(this.o.logger, message, fields);
  }

  private get fetch(): typeof fetch {
    return this.o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Encrypts a file into the spool (under a fresh media key); the message content and the pending upload. */
  async prepare(options: SendMediaOptions): Promise<{ content: SendableContent; upload: PendingUpload }> {
    checkSendMedia(options);
    const mediaKey = generateMediaKey();
    const encryptor = await MediaEncryptor.create(mediaKey);
    const writer = await this.o.spool.create();
    try {
      for await (const chunk of mediaChunks(options.data, this.o.logger))
        await write(writer, await encryptor.update(chunk));
      await write(writer, await encryptor.finish());
      await writer.close();
    } catch (error) {
      await writer.abort().catch(this.warn('dropping a half-written spool entry failed', { spoolId: writer.id }));
      throw ParleyError.from(error, 'INVALID_ARGUMENT');
    }
    const { digest, plaintextSize, uploadSize } = encryptor.info;
    return {
      content: { kind: 'media', media: attachmentOf(options, { mediaKey, digest, size: plaintextSize }) },
      upload: { spoolId: writer.id, size: uploadSize },
    };
  }

  /**
   * The outbox step of a media message not uploaded yet: a ticket, the upload from the spool, then,
   * in one transaction, the blob id into the record's content and the stored message. A failure
   * leaves the record as it was, so the outbox retries it (with a new ticket) later.
   */
  async upload(record: MessageRecord): Promise<void> {
    const pending = record.upload;
    if (!pending) return;
    if ((await this.o.spool.size(pending.spoolId)) !== pending.size) {
      throw new ParleyError('NOT_FOUND', 'the encrypted file of this message is no longer in the media spool', {
        retryable: false,
      });
    }
    const raw = (await this.o.request({ mediaUpload: { size: pending.size } })).mediaTicket;
    const ticket = ticketOf(raw);
    await putUpload(this.fetch, ticketUrl(ticket, this.o.url), ticket, this.o.spool, pending.spoolId, this.o.logger);
    const content = withBlobId(record.content, ticket.blobId);
    await this.o.store.transaction(async (tx) => {
      await setMediaBlobId(tx, record.id, ticket.blobId, raw?.deleteToken ?? '');
      record.content = content;
      delete record.upload;
      await saveRecord(tx, record);
    });
    await this.o.spool
      .delete(pending.spoolId)
      .catch(this.warn('deleting an uploaded file from the spool failed', { spoolId: pending.spoolId }));
  }

  /**
   * Deletes an uploaded blob on the server (a message deleted for everyone), with the token its
   * upload ticket gave this device; FORBIDDEN from the server for any other token.
   */
  async deleteBlob(blobId: string, deleteToken: string): Promise<void> {
    await this.o.request({ mediaDelete: { blobId, deleteToken } });
  }

  /** Drops the spooled upload of a record the outbox gave up on. */
  async discard(record: OutboxRecord): Promise<void> {
    if (record.kind === 'message' && record.upload) await this.o.spool.delete(record.upload.spoolId);
  }

  /**
   * Downloads a media file into the spool while hashing it, checks digest and MAC over all of
   * it, and only then decrypts: as one Uint8Array, or as a stream decrypting from the spool (which
   * is deleted once the stream ends or is cancelled). MEDIA_INTEGRITY on any mismatch, with no
   * plaintext given out.
   */
  async download(media: MediaAttachment, as: 'bytes' | 'stream'): Promise<Uint8Array | ReadableStream<Uint8Array>> {
    if (!media.blobId) throw new ParleyError('INVALID_ARGUMENT', 'this media has not been uploaded yet');
    const spoolId = await this.fetchVerified(media);
    const plaintext = this.decrypt(media, spoolId);
    const dropFailed = this.warn('deleting a downloaded file from the spool failed', { spoolId });
    const drop = () => void this.o.spool.delete(spoolId).catch(dropFailed);
    if (as === 'stream') return toReadableStream(plaintext, drop);
    try {
      const parts: Uint8Array[] = [];
      for await (const part of plaintext) parts.push(part);
      return concatBytes(...parts);
    } finally {
      drop();
    }
  }

  /** Downloads into a new spool entry, verifying as it goes; resolves with the entry once verified. */
  private async fetchVerified(media: MediaAttachment): Promise<string> {
    const ticket = ticketOf((await this.o.request({ mediaDownload: { blobId: media.blobId } })).mediaTicket);
    const res = await getDownload(this.fetch, ticketUrl(ticket, this.o.url), ticket);
    const expected = mediaUploadSize(media.size);
    const verifier = new MediaVerifier(media.mediaKey, media.digest);
    const declared = res.headers.get('content-length');
    const writer = await this.o.spool.create();
    try {
      if (declared !== null && Number(declared) !== expected) throw lengthMismatch(Number(declared), expected);
      if (res.body) {
        for await (const chunk of readStream(res.body, this.o.logger)) {
          // Never spool more than the message said: a server cannot fill the disk.
          if (verifier.uploadSize + chunk.length > expected)
            throw lengthMismatch(verifier.uploadSize + chunk.length, expected);
          verifier.update(chunk);
          await writer.write(chunk);
        }
      }
      verifier.finish();
      await writer.close();
      return writer.id;
    } catch (error) {
      await writer.abort().catch(this.warn('aborting a download into the spool failed', { spoolId: writer.id }));
      await this.o.spool
        .delete(writer.id)
        .catch(this.warn('deleting a failed download from the spool failed', { spoolId: writer.id }));
      if (error instanceof TypeError) {
        throw new ParleyError('UNAVAILABLE', `media download failed: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  private async *decrypt(media: MediaAttachment, spoolId: string): AsyncGenerator<Uint8Array> {
    const decryptor = await MediaDecryptor.create(media.mediaKey);
    for await (const chunk of this.o.spool.read(spoolId)) {
      const out = await decryptor.update(chunk);
      if (out.length > 0) yield out;
    }
    const last = await decryptor.finish();
    if (last.length > 0) yield last;
  }
}

async function write(writer: MediaSpoolWriter, bytes: Uint8Array): Promise<void> {
  if (bytes.length > 0) await writer.write(bytes);
}

const lengthMismatch = (got: number, expected: number) =>
  new ParleyError('MEDIA_INTEGRITY', `media upload is ${got} bytes, expected ${expected}`, {
    details: { reason: 'length' },
  });

/** Whether a stored message's content can be encrypted again for a device that asks (media once uploaded). */
export function resendable(content: SendableContent): boolean {
  return content.kind === 'text' || content.media.blobId !== '';
}
