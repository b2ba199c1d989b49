export * from './bytes.js';
export * from './codec.js';
export * from './device-auth.js';
export * from './error-codes.js';
export * from './errors.js';
export * from './ids.js';
export { pb } from './proto.js';
export type { parley } from './gen/parley.js';

/** Protocol version this package speaks. */
export const PROTOCOL_VERSION = 1;
