// What a client received, in order, for assertions on delivery.
import type { ParleyClient, ReceivedMessage } from '@parley/client';

/** Records every `message:received` of `client` in arrival order; the array fills as messages arrive. */
export function collect(client: ParleyClient): ReceivedMessage[] {
  const seen: ReceivedMessage[] = [];
  client.on('message:received', (m) => seen.push(m));
  return seen;
}
