import { ParleyError } from '@parley/core';
import type { Logger } from '../logger.js';
import type { MediaData } from './attachment.js';

/** Largest piece handed on at once from an in-memory file. */
const SLICE = 1024 * 1024;

/** Reads any accepted form of a media file as a sequence of byte pieces. */
export async function* mediaChunks(data: MediaData, logger: Logger): AsyncGenerator<Uint8Array> {
  if (data instanceof ArrayBuffer) data = new Uint8Array(data);
  if (data instanceof Uint8Array) {
    for (let i = 0; i < data.length; i += SLICE) yield data.subarray(i, i + SLICE);
    return;
  }
  if (typeof Blob !== 'undefined' && data instanceof Blob) data = data.stream();
  if (isReadableStream(data)) {
    yield* readStream(data, logger);
    return;
  }
  if (isIterable(data)) {
    for await (const chunk of data) {
      if (!(chunk instanceof Uint8Array)) throw new ParleyError('INVALID_ARGUMENT', 'media data must yield bytes');
      yield chunk;
    }
    return;
  }
  throw new ParleyError('INVALID_ARGUMENT', 'media data must be bytes, a Blob, a stream or an iterable of bytes');
}

/** Reads a web ReadableStream (not every browser makes them async-iterable). */
export async function* readStream(stream: ReadableStream<Uint8Array>, logger: Logger): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Frees the source when the reader stopped early; a stream that failed has already thrown its error.
    await reader.cancel().catch((error: unknown) => logger.debug('cancelling a media stream failed', { error }));
    reader.releaseLock();
  }
}

/** A web ReadableStream over an async iterable, pulled as it is read. */
export function toReadableStream(source: AsyncIterable<Uint8Array>, onDone?: () => void): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await it.next();
        if (done) {
          controller.close();
          onDone?.();
        } else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
        onDone?.();
      }
    },
    async cancel() {
      await it.return?.();
      onDone?.();
    },
  });
}

function isReadableStream(data: unknown): data is ReadableStream<Uint8Array> {
  return typeof (data as ReadableStream | undefined)?.getReader === 'function';
}

function isIterable(data: unknown): data is AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  const d = data as Record<symbol, unknown> | undefined;
  return typeof d?.[Symbol.asyncIterator] === 'function' || typeof d?.[Symbol.iterator] === 'function';
}
