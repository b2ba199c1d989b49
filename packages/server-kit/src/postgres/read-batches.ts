// Reads of many keys in one round trip. In a cluster the device list reads are single-row
// statements, each a round trip whose socket write and wake-up of the backend cost the gateway
// about as much as the query costs PostgreSQL (bench:delivery --gateways 2, saturated: 0.3-0.97
// device list reads per delivered message, 7-8 Dec).

/** A read waiting for its statement. */
interface Waiting<K, V> {
  key: K;
  resolve: (value: V) => void;
  reject: (error: unknown) => void;
}

/** Options of {@link batchedReads}. */
export interface ReadBatchOptions {
  /** Statements in flight at once; reads made while they run share the next. Default 1. */
  maxInFlight?: number;
  /** Most keys one statement takes (more wait for the next). Default 500. */
  maxKeys?: number;
}

/**
 * Group-reads: a read starts a statement at once when fewer than `maxInFlight` run; reads made
 * meanwhile wait and go together in the next one. A read never joins a statement already sent,
 * so it sees everything committed before it was made, as a statement of its own would.
 * `readMany` answers one value per key, in key order. A failed statement of several keys is
 * retried key by key, so one bad key (a text PostgreSQL refuses) fails alone.
 */
export function batchedReads<K, V>(
  readMany: (keys: K[]) => Promise<V[]>,
  options: ReadBatchOptions = {},
): (key: K) => Promise<V> {
  const maxInFlight = options.maxInFlight ?? 1;
  const maxKeys = options.maxKeys ?? 500;
  const pending: Waiting<K, V>[] = [];
  let running = 0;

  const run = async (batch: Waiting<K, V>[]): Promise<void> => {
    let values: V[];
    try {
      values = await readMany(batch.map((w) => w.key));
    } catch (error) {
      if (batch.length === 1) (batch[0] as Waiting<K, V>).reject(error);
      else await Promise.all(batch.map((w) => run([w])));
      return;
    }
    batch.forEach((w, i) => {
      w.resolve(values[i] as V);
    });
  };

  const start = (): void => {
    while (pending.length > 0 && running < maxInFlight) {
      const batch = pending.splice(0, maxKeys);
      running++;
      void run(batch).finally(() => {
        running--;
        start();
      });
    }
  };

  return (key) =>
    new Promise<V>((resolve, reject) => {
      pending.push({ key, resolve, reject });
      start();
    });
}
