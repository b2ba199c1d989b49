import type { ClientSpec, Generator } from './generator.js';
import { startInProcess } from './in-process.js';
import { startThreads } from './threaded.js';

/**
 * Connects `spec`'s clients: in `threads` worker threads when above 1, else in this thread (as
 * before generator threads). `concurrency` handshakes at a time in all, within `timeoutMs`.
 */
export function startGenerator(
  spec: ClientSpec,
  threads: number,
  options: { concurrency?: number; timeoutMs?: number } = {},
): Promise<Generator> {
  return threads > 1 ? startThreads(spec, threads, options) : startInProcess(spec, options);
}
