// Node-only entry (`@parley/client/node`): stores and helpers that need `node:fs`.
export { type FileClientStoreOptions, fileClientStore } from './node/file-store.js';
export { type FileMediaSpoolOptions, fileMediaSpool } from './node/media-spool.js';
