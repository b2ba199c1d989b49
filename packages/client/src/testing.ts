// Test helpers (`@parley/client/testing`): compliance suites for the client's pluggable parts.
// Imports vitest, so it is a separate entry that apps never load.
export { type ClientStoreComplianceOptions, clientStoreCompliance } from './testing/client-store-compliance.js';
export { type SeedHistoryOptions, seedHistory } from './testing/seed-history.js';
