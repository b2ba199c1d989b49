import { encodeGatewayNote, gatewayNoteListener } from '../cluster/gateway-note.js';
import type { Bus } from '../contracts/bus.js';
import type { Logger } from '../contracts/logger.js';
import type { QueueEntry } from '../contracts/offline-queue.js';
import type { DeviceAddress } from '../contracts/types.js';

/**
 * A note about one device between gateways: a nudge (its queue has news, with the entries the
 * sender just committed when it knows them) or a kick (it connected elsewhere).
 */
export type DeviceNote =
  | { kind: 'nudge'; device: DeviceAddress; entries?: QueueEntry[] }
  | { kind: 'kick'; device: DeviceAddress; connectionId: string };

const channelOf = (gatewayId: string) => `parley.gateway.${gatewayId}`;
/**
 * Nudges for devices the directory does not place: every gateway listens, and the one that holds the
 * device (if any) reads its queue. A safety net for directory entries lost with a Redis restart.
 */
const EVERY_GATEWAY = 'parley.gateways';

/**
 * This gateway's side of the device notes between gateways (cluster.proto's GatewayNote): it listens
 * on its own channel and on the every-gateway channel, and sends notes to one gateway or to all.
 * A note is only a hint: the queue is the truth, so a lost note delays a delivery but never loses it.
 */
export class GatewayNotes {
  private readonly unsubscribes: Array<() => Promise<void>> = [];

  constructor(private readonly o: { bus: Bus; gatewayId: string; logger: Logger; onNote(note: DeviceNote): void }) {}

  async start(): Promise<void> {
    const listener = gatewayNoteListener(this.o.logger, (note) => {
      // Presence notes travel on their own channel: anything else here is not for this listener.
      if (note.kind === 'nudge' || note.kind === 'kick') this.o.onNote(note);
    });
    this.unsubscribes.push(await this.o.bus.subscribe(channelOf(this.o.gatewayId), listener));
    this.unsubscribes.push(await this.o.bus.subscribe(EVERY_GATEWAY, listener));
  }

  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribes.splice(0)) await unsubscribe();
  }

  /** Sends a note to one gateway, or to every gateway (`'all'`). */
  send(to: string | 'all', note: DeviceNote): void {
    void this.o.bus
      .publish(to === 'all' ? EVERY_GATEWAY : channelOf(to), encodeGatewayNote(this.o.gatewayId, note))
      .catch((error: unknown) => this.o.logger.warn('bus publish failed', { error: String(error) }));
  }
}
