// The generated protobuf namespace under a short name: `pb.ClientFrame`, `pb.Envelope`, ...
import $protobuf from 'protobufjs/minimal.js';
import { parley } from './gen/parley.js';

export const pb = parley.v1;

/** The protobuf writer of the runtime the generated code uses, for hand-built hot-path frames. */
export const ProtoWriter = $protobuf.Writer;
