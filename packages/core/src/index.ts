// The entry point: wire protocol (generated `pb`), frame codec, errors, ids and device auth.
// Encryption lives in `@parley/core/crypto` and signed group records in `@parley/core/groups`, so an
// app that only speaks the protocol does not pull them in.
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
