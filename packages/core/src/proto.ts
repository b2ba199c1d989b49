// The generated protobuf namespace under a short name: `pb.ClientFrame`, `pb.Envelope`, ...
import { parley } from './gen/parley.js';

export const pb = parley.v1;
