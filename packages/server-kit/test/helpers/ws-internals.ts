// ws's Receiver and Sender, which ws exports at run time but @types/ws does not declare: the tests
// of the direct frame paths compare against them and make frames with them.
import type { Writable } from 'node:stream';
import * as ws from 'ws';

/** ws's frame parser (a Writable), with the part of its private state the tests read. */
export interface WsReceiver extends Writable {
  _isServer: boolean;
}

export interface WsReceiverOptions {
  isServer?: boolean;
  maxPayload?: number;
  binaryType?: string;
  extensions?: Record<string, unknown>;
}

export interface WsFrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1?: boolean;
  generateMask?: (mask: Buffer) => void;
}

const internals = ws as unknown as {
  Receiver: new (options?: WsReceiverOptions) => WsReceiver;
  Sender: { frame(data: Buffer, options: WsFrameOptions): Buffer[] };
};

export const Receiver = internals.Receiver;
export const Sender = internals.Sender;
