/** Command-line options of `bench:delivery`. */
export interface BenchOptions extends CommonOptions {
  /** Aggregate target send rates (msgs/s), one measured run per rate and system. */
  rates: number[];
  /** Measured window per rate and system, seconds. */
  durationS: number;
  /**
   * Warm-up before each measured window, seconds (same load, not counted). 5 by default: each
   * generator thread JIT-compiles its own copy of the client code, and 2 s left a backlog.
   */
  warmupS: number;
  /** Longest wait for in-flight messages after a window, seconds. */
  drainS: number;
  clients: number;
  /** Payload bytes per message (at least 12: timestamp + sequence). */
  size: number;
  /** Scheduler tick, ms. */
  tickMs: number;
  /** Each client writes to this many fixed other clients (its chats); default any other client. */
  partners: number | undefined;
  /**
   * Worker threads the clients are split over (contiguous slices; the scheduler stays in the main
   * thread); 1 runs them in the main thread, as before generator threads.
   */
  generators: number;
  /**
   * Gateways of the `cluster` system (PostgreSQL + Redis stores, clients spread round-robin).
   * Above 1, the default systems are `parley,cluster` and the default load is smaller.
   */
  gateways: number;
  /** Which systems to run. */
  systems: Array<'parley' | 'relay' | 'relay-acks' | 'cluster'>;
  /** Pin server to core 0 and load generator to core 1 with taskset. */
  pin: boolean;
  /** JSON output path; default examples/bench/results/delivery-<timestamp>.json. */
  out: string | undefined;
  /** Longest wait for the machine to be idle before each run, seconds (0: do not wait). */
  quietWaitS: number;
  /** Another checkout's packages/server-kit to run instead of the workspace one (A/B runs). */
  serverKit: string | undefined;
  /** Directory for a CPU profile of the Parley server's measured window (one per rate). */
  profileDir: string | undefined;
  /** Directory for a sampling heap profile (bytes allocated) of the Parley server's measured window. */
  heapProfileDir: string | undefined;
}

/** Defaults that change with `--gateways N` (N > 1), unless given: a load 2 cores carry in minutes. */
export const CLUSTER_DEFAULTS = {
  rates: [500, 1000],
  clients: 200,
  systems: ['parley', 'cluster'] as BenchOptions['systems'],
};

export const DEFAULTS: BenchOptions = {
  rates: [5000, 10000, 20000],
  durationS: 10,
  warmupS: 5,
  drainS: 10,
  clients: 1000,
  size: 100,
  tickMs: 5,
  partners: undefined,
  generators: 4,
  gateways: 1,
  systems: ['parley', 'relay'],
  pin: true,
  out: undefined,
  profileDir: undefined,
  heapProfileDir: undefined,
  quietWaitS: 30,
  serverKit: undefined,
};

export const USAGE = `usage: bench:delivery [options]
  --rates 5000,10000,20000  aggregate target rates in msgs/s
  --duration 10             measured seconds per rate and system
  --warmup 5                warm-up seconds before each window (each generator thread warms
                            its own copy of the client code: 2 s left a backlog in the window)
  --drain 10                max seconds to wait for in-flight messages
  --clients 1000            connected clients
  --size 100                payload bytes per message (>= 12)
  --tick 5                  scheduler tick in ms (1-50)
  --partners N              each client writes to N fixed other clients (its chats: per-chat
                            rate buckets stay busy, as in real use); default any other client
  --generators 4            worker threads the clients are split over (the scheduler stays in
                            the main thread), so one thread's burst of frames does not delay
                            the ticks; 1: every client in the main thread
  --systems parley,relay    which systems to run (parley, relay, cluster, and relay-acks: the
                            relay with Parley's six frames per message and nothing else)
  --gateways 1              N > 1: also run 'cluster', N gateways on PostgreSQL + Redis
                            (DATABASE_URL, REDIS_URL; a fresh schema per run), clients spread
                            round-robin; defaults then: --systems parley,cluster --rates 500,1000
                            --clients 200
  --quiet-wait 30           wait up to this many seconds for an idle machine before each run
  --no-pin                  do not pin processes with taskset
  --out <file>              JSON results path
  --server-kit <dir>        run the Parley server from another checkout's packages/server-kit
  --profile <dir>           write a CPU profile of the Parley server's measured window
                            (a cluster: one per gateway, cluster-g<N>-<rate>.cpuprofile)
  --heap-profile <dir>      write a sampling heap profile (bytes allocated, collected or not) of
                            the Parley server's measured window, named like the CPU profile
                            (.heapprofile); summarise with src/heap-summary.ts`;

export class UsageError extends Error {}

/** A number option of at least `min` (an integer unless told otherwise); UsageError otherwise. */
export function positive(name: string, value: string | undefined, { integer = true, min = 1 } = {}): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got ${value ?? 'nothing'}`);
  }
  return n;
}

/** Options every bench takes. */
export interface CommonOptions {
  /** Longest wait for the machine to be idle before a server starts, seconds (0: do not wait). */
  quietWaitS: number;
  /** Pin server to core 0 and load generator to core 1 with taskset. */
  pin: boolean;
  /** JSON output path. */
  out: string | undefined;
  /** Directory for CPU profiles of the Parley server. */
  profileDir: string | undefined;
}

/** --quiet-wait, --no-pin, --out, --profile and --help; UsageError for any other flag. */
export function commonFlag(o: CommonOptions, flag: string, value: () => string, raw: string, usage: string): void {
  switch (flag) {
    case '--quiet-wait':
      o.quietWaitS = positive(flag, value(), { min: 0 });
      return;
    case '--no-pin':
      o.pin = false;
      return;
    case '--out':
      o.out = value();
      return;
    case '--profile':
      o.profileDir = value();
      return;
    case '--help':
    case '-h':
      throw new UsageError(usage);
    default:
      throw new UsageError(`unknown option ${raw}\n${usage}`);
  }
}

/**
 * Calls `handle` with each flag of argv (`--flag value` or `--flag=value`); `value()` takes the
 * flag's value. Skips the `--` separator some runners pass through.
 */
export function eachFlag(
  argv: readonly string[],
  handle: (flag: string, value: () => string, raw: string) => void,
): void {
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const [flag, inline] = raw.includes('=') ? (raw.split(/=(.*)/s, 2) as [string, string]) : [raw, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag !== '--') handle(flag, value, raw);
  }
}

/** Parses argv (without node and script); throws UsageError on bad input. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const o: BenchOptions = { ...DEFAULTS, rates: [...DEFAULTS.rates], systems: [...DEFAULTS.systems] };
  const given = new Set<string>();
  eachFlag(argv, (flag, value, raw) => {
    given.add(flag);
    switch (flag) {
      case '--rates':
        o.rates = value()
          .split(',')
          .map((r) => positive('--rates', r.trim()));
        break;
      case '--duration':
        o.durationS = positive('--duration', value(), { integer: false, min: 0.1 });
        break;
      case '--warmup':
        o.warmupS = positive('--warmup', value(), { integer: false, min: 0 });
        break;
      case '--drain':
        o.drainS = positive('--drain', value(), { integer: false, min: 0.1 });
        break;
      case '--clients':
        o.clients = positive('--clients', value(), { min: 2 });
        break;
      case '--size':
        o.size = positive('--size', value(), { min: 12 });
        break;
      case '--tick':
        o.tickMs = positive('--tick', value());
        if (o.tickMs > 50) throw new UsageError('--tick must be <= 50 ms');
        break;
      case '--partners':
        o.partners = positive('--partners', value());
        break;
      case '--generators':
        o.generators = positive('--generators', value());
        break;
      case '--gateways':
        o.gateways = positive('--gateways', value());
        break;
      case '--systems': {
        const systems = value().split(',');
        for (const s of systems) {
          if (!['parley', 'relay', 'relay-acks', 'cluster'].includes(s)) throw new UsageError(`unknown system ${s}`);
        }
        o.systems = systems as BenchOptions['systems'];
        break;
      }
      case '--server-kit':
        o.serverKit = value();
        break;
      case '--heap-profile':
        o.heapProfileDir = value();
        break;
      default:
        commonFlag(o, flag, value, raw, USAGE);
    }
  });
  if (o.gateways > 1) {
    if (!given.has('--rates')) o.rates = [...CLUSTER_DEFAULTS.rates];
    if (!given.has('--clients')) o.clients = CLUSTER_DEFAULTS.clients;
    if (!given.has('--systems')) o.systems = [...CLUSTER_DEFAULTS.systems];
  } else if (o.systems.includes('cluster')) {
    throw new UsageError('--systems cluster needs --gateways 2 or more');
  }
  return o;
}
