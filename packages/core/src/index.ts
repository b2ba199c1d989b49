export * from './bytes.js';
export * from './codec.js';
export * from './device-auth.js';
export * from './error-codes.js';
export * from './errors.js';
export type { parley } from './gen/parley.js';
export * from './ids.js';
export * from './oneof.js';
export { ProtoWriter, pb } from './proto.js';

/** Protocol version this package speaks. */
export const PROTOCOL_VERSION = 1;
export * from './crypto/index.js';
export * from './groups/index.js';
