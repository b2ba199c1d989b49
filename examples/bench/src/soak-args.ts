import { positive, UsageError } from './args.js';

/** Options of bench:soak. */
export interface SoakOptions {
  /** Connected clients (one device per user). */
  clients: number;
  /** Length of the steady load (s). */
  durationS: number;
  /** Aggregate send rate (messages/s), each from a random client to a random other. */
  rate: number;
  /** Payload bytes. */
  size: number;
  /** Start of the measured window (s): RSS and descriptors before it are warm-up. */
  warmupS: number;
  /** Seconds between samples of the server's RSS and open descriptors. */
  sampleS: number;
  /** Longest wait (s) after the load for the last messages to be delivered. */
  drainS: number;
  /** `sqlite` (as the reference server) or `memory`. */
  stores: 'sqlite' | 'memory';
  /** Where the JSON report goes; default examples/bench/results/soak-<time>.json. */
  out?: string;
}

export const SOAK_DEFAULTS: SoakOptions = {
  clients: 1_000,
  durationS: 600,
  rate: 200,
  size: 100,
  warmupS: 60,
  sampleS: 5,
  drainS: 60,
  stores: 'sqlite',
};

export const SOAK_USAGE = `usage: bench:soak [options]
  --clients <n>     connected clients (default ${SOAK_DEFAULTS.clients})
  --duration <s>    seconds of steady load (default ${SOAK_DEFAULTS.durationS})
  --rate <n>        messages per second, all clients together (default ${SOAK_DEFAULTS.rate})
  --size <bytes>    payload size (default ${SOAK_DEFAULTS.size})
  --warmup <s>      seconds before RSS and descriptors count (default ${SOAK_DEFAULTS.warmupS})
  --sample <s>      seconds between samples (default ${SOAK_DEFAULTS.sampleS})
  --drain <s>       longest wait for the last deliveries (default ${SOAK_DEFAULTS.drainS})
  --stores <kind>   sqlite (default) or memory
  --out <file>      JSON report path`;

/** Parses bench:soak's argv; UsageError on anything it does not know. */
export function parseSoakArgs(argv: string[]): SoakOptions {
  const o: SoakOptions = { ...SOAK_DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    switch (flag) {
      case '--clients':
        o.clients = positive(flag, value, { min: 2 });
        break;
      case '--duration':
        o.durationS = positive(flag, value, { integer: false, min: 1 });
        break;
      case '--rate':
        o.rate = positive(flag, value, { integer: false, min: 0.1 });
        break;
      case '--size':
        o.size = positive(flag, value, { min: 12 });
        break;
      case '--warmup':
        o.warmupS = positive(flag, value, { integer: false, min: 0 });
        break;
      case '--sample':
        o.sampleS = positive(flag, value, { integer: false, min: 0.1 });
        break;
      case '--drain':
        o.drainS = positive(flag, value, { integer: false, min: 1 });
        break;
      case '--stores':
        if (value !== 'sqlite' && value !== 'memory') throw new UsageError(`--stores: sqlite or memory\n${SOAK_USAGE}`);
        o.stores = value;
        break;
      case '--out':
        if (!value) throw new UsageError(`--out needs a path\n${SOAK_USAGE}`);
        o.out = value;
        break;
      default:
        throw new UsageError(`unknown option ${flag}\n${SOAK_USAGE}`);
    }
  }
  if (o.warmupS >= o.durationS) throw new UsageError(`--warmup must be shorter than --duration\n${SOAK_USAGE}`);
  return o;
}
