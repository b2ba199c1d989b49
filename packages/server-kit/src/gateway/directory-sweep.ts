import { recentEntriesOf } from '../cluster/recent-entries.js';
import type { ServerLimits } from '../contracts/limits.js';
import type { Logger } from '../contracts/logger.js';
import type { ServerStores } from '../contracts/stores.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';
import { CloseReasons, type Connection } from './connection.js';
import { directoryTtl } from './live-devices.js';

/** What {@link DirectorySweep} needs. */
export interface DirectorySweepPorts {
  gatewayId: string;
  stores: Pick<ServerStores, 'directory' | 'queue'>;
  limits: ServerLimits;
  clock: Clock;
  logger: Logger;
  /** Every open connection of this gateway. */
  connections(): Iterable<Connection>;
  /** Makes a device connected here read its queue again. */
  nudgeLocal(device: DeviceAddress): void;
}

/**
 * The periodic pass over this gateway's connections: closes those that did not authenticate or
 * went silent in time, and renews the directory claim of live devices (a third of the way into its
 * lifetime), nudging them to look at their queue in case a nudge was lost while the bus or the
 * directory was down.
 */
export class DirectorySweep {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly o: DirectorySweepPorts) {}

  start(): void {
    const every = Math.max(50, Math.min(1_000, Math.floor(this.o.limits.idleTimeoutMs / 4)));
    this.timer = setInterval(() => this.sweep(), every);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private sweep(): void {
    const now = this.o.clock();
    const { authTimeoutMs, idleTimeoutMs } = this.o.limits;
    const ttl = directoryTtl(this.o.limits);
    for (const c of this.o.connections()) {
      if (c.state !== 'ready' && now - c.openedAt > authTimeoutMs) {
        c.close(CloseReasons.CLOSE_REASON_AUTH_TIMEOUT, 'authentication not completed in time');
      } else if (now - c.lastReceivedAt > idleTimeoutMs) {
        c.close(CloseReasons.CLOSE_REASON_IDLE_TIMEOUT, 'no frame received within the idle timeout');
      } else if (c.state === 'ready' && c.address && now - c.lastClaimAt > ttl / 3) {
        c.lastClaimAt = now;
        const location = { gatewayId: this.o.gatewayId, connectionId: c.id };
        // A failed renewal only risks a late nudge: the next pass claims again.
        void this.o.stores.directory
          .claim(c.address, location, ttl)
          .catch((error: unknown) => this.o.logger.warn('directory claim renewal failed', { error: String(error) }));
        // A full read, not one from remembered entries: this nudge stands in for any that were lost.
        recentEntriesOf(this.o.stores.queue)?.forget(c.address);
        this.o.nudgeLocal(c.address);
      }
    }
  }
}
