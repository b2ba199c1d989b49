import { fromUtf8, utf8 } from '@parley/core';
import type { Bus } from '../contracts/bus.js';
import type { Logger } from '../contracts/logger.js';
import type { DeviceAddress } from '../contracts/types.js';

/** A note between gateways: a nudge (the device's queue has news) or a kick (it connected elsewhere). */
export type GatewayNote =
  | { kind: 'nudge'; device: DeviceAddress }
  | { kind: 'kick'; device: DeviceAddress; connectionId: string };

/** The JSON a note travels as on the bus. */
type BusNote = { t: 'nudge'; u: string; d: number } | { t: 'kick'; u: string; d: number; c: string };

const channelOf = (gatewayId: string) => `parley.gateway.${gatewayId}`;
/**
 * Nudges for devices the directory does not place: every gateway listens, and the one that holds the
 * device (if any) reads its queue. A safety net for directory entries lost with a Redis restart.
 */
const EVERY_GATEWAY = 'parley.gateways';

function encodeNote(note: GatewayNote): Uint8Array {
  const { userId: u, deviceId: d } = note.device;
  return utf8(JSON.stringify(note.kind === 'nudge' ? { t: 'nudge', u, d } : { t: 'kick', u, d, c: note.connectionId }));
}

function decodeNote(data: Uint8Array): GatewayNote | undefined {
  let note: BusNote;
  try {
    note = JSON.parse(fromUtf8(data)) as BusNote;
  } catch {
    return undefined;
  }
  if (!note || typeof note !== 'object') return undefined;
  const device = { userId: note.u, deviceId: note.d };
  if (note.t === 'nudge') return { kind: 'nudge', device };
  if (note.t === 'kick') return { kind: 'kick', device, connectionId: note.c };
  return undefined;
}

/**
 * This gateway's side of the notes between gateways: it listens on its own channel and on the
 * every-gateway channel, and sends notes to one gateway or to all. A note is only a hint: the
 * queue is the truth, so a lost note delays a delivery but never loses it.
 */
export class GatewayNotes {
  private readonly unsubscribes: Array<() => Promise<void>> = [];

  constructor(private readonly o: { bus: Bus; gatewayId: string; logger: Logger; onNote(note: GatewayNote): void }) {}

  async start(): Promise<void> {
    const listener = (data: Uint8Array) => {
      const note = decodeNote(data);
      if (note) this.o.onNote(note);
    };
    this.unsubscribes.push(await this.o.bus.subscribe(channelOf(this.o.gatewayId), listener));
    this.unsubscribes.push(await this.o.bus.subscribe(EVERY_GATEWAY, listener));
  }

  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribes.splice(0)) await unsubscribe();
  }

  /** Sends a note to one gateway, or to every gateway (`'all'`). */
  send(to: string | 'all', note: GatewayNote): void {
    void this.o.bus
      .publish(to === 'all' ? EVERY_GATEWAY : channelOf(to), encodeNote(note))
      .catch((error: unknown) => this.o.logger.warn('bus publish failed', { error: String(error) }));
  }
}
