import { type CommonOptions, commonFlag, eachFlag, positive, UsageError } from './args.js';
import type { StoreKind } from './fanout-storage.js';

/** Command-line options of `bench:groups`. */
export interface GroupsOptions extends CommonOptions {
  /** Recipient users (one device each), all members of the group besides the sender. */
  members: number;
  /** Payload sizes of the online runs, bytes. */
  sizes: number[];
  /** Sequential messages per system and size. */
  messages: number;
  /** Messages sent at once per system and size. */
  burst: number;
  /** Unmeasured messages before each system and size. */
  warmup: number;
  /** Messages queued for offline members per store and system. */
  stored: number;
  /** Payload size of the queued messages, bytes. */
  storedSize: number;
  /** Stores whose storage per queued entry is measured. */
  stores: StoreKind[];
  /** Longest wait for one message, a burst or a drain, seconds. */
  timeoutS: number;
  /** Which ways to reach every member the online runs measure. */
  systems: GroupsSystem[];
  /** Directory for a sampling heap profile (bytes allocated) of the Parley server per online run. */
  heapProfileDir: string | undefined;
}

/**
 * The online runs: one group Send, one 1:1 Send per member, a raw ws broadcast, and the same
 * broadcast that every member acknowledges (the frames a group message costs, and nothing else).
 */
export type GroupsSystem = 'group' | 'direct' | 'raw' | 'raw-acks';
const SYSTEMS: readonly GroupsSystem[] = ['group', 'direct', 'raw', 'raw-acks'];

export const GROUPS_DEFAULTS: GroupsOptions = {
  members: 1000,
  sizes: [1024, 16384],
  messages: 10,
  burst: 5,
  warmup: 1,
  stored: 20,
  storedSize: 1024,
  stores: ['sqlite', 'memory'],
  timeoutS: 60,
  systems: ['group', 'direct', 'raw', 'raw-acks'],
  pin: true,
  quietWaitS: 10,
  out: undefined,
  profileDir: undefined,
  heapProfileDir: undefined,
};

export const GROUPS_USAGE = `usage: bench:groups [options]
  --members 1000        recipient users (one device each) in the group besides the sender
  --sizes 1024,16384    payload bytes of the online runs (>= 12 each)
  --messages 10         sequential messages per system and size
  --burst 5             messages sent at once per system and size
  --warmup 1            unmeasured messages first
  --stored 20           messages queued for offline members per store and system
  --stored-size 1024    payload bytes of the queued messages
  --stores sqlite,memory  stores whose storage per queued entry is measured
  --timeout 60          longest wait for a message, a burst or a drain (s)
  --systems group,direct,raw,raw-acks  online runs: group Send, 1:1 Sends, raw ws broadcast, and
                        the raw broadcast with an ack from every member (the frames alone; an A/B
                        of the group path: group)
  --quiet-wait 10       wait up to this many seconds for an idle machine before each server starts
  --no-pin              do not pin processes with taskset
  --out <file>          JSON results path
  --profile <dir>       write a CPU profile of the Parley server per online run (tsx src/profile-summary.ts)
  --heap-profile <dir>  write a sampling heap profile (bytes allocated) of the Parley server per online
                        run; the bench prints the recipients to divide by (tsx src/heap-summary.ts)`;

/** Parses argv (without node and script); throws UsageError on bad input. */
export function parseGroupsArgs(argv: readonly string[]): GroupsOptions {
  const o: GroupsOptions = {
    ...GROUPS_DEFAULTS,
    sizes: [...GROUPS_DEFAULTS.sizes],
    stores: [...GROUPS_DEFAULTS.stores],
    systems: [...GROUPS_DEFAULTS.systems],
  };
  eachFlag(argv, (flag, value, raw) => {
    switch (flag) {
      case '--members':
        o.members = positive(flag, value(), { min: 2 });
        break;
      case '--sizes':
        o.sizes = value()
          .split(',')
          .map((v) => positive(flag, v.trim(), { min: 12 }));
        break;
      case '--messages':
        o.messages = positive(flag, value());
        break;
      case '--burst':
        o.burst = positive(flag, value());
        break;
      case '--warmup':
        o.warmup = positive(flag, value(), { min: 0 });
        break;
      case '--stored':
        o.stored = positive(flag, value(), { min: 0 });
        break;
      case '--stored-size':
        o.storedSize = positive(flag, value(), { min: 12 });
        break;
      case '--stores': {
        const v = value();
        const stores = v === '' ? [] : v.split(',');
        for (const s of stores) if (s !== 'sqlite' && s !== 'memory') throw new UsageError(`unknown store ${s}`);
        o.stores = stores as StoreKind[];
        break;
      }
      case '--systems': {
        const systems = value().split(',');
        for (const s of systems) if (!SYSTEMS.includes(s as GroupsSystem)) throw new UsageError(`unknown system ${s}`);
        o.systems = systems as GroupsSystem[];
        break;
      }
      case '--heap-profile':
        o.heapProfileDir = value();
        break;
      case '--timeout':
        o.timeoutS = positive(flag, value(), { integer: false, min: 1 });
        break;
      default:
        commonFlag(o, flag, value, raw, GROUPS_USAGE);
    }
  });
  return o;
}
