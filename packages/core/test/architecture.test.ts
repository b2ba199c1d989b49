// Architecture guards (issue 12): no import cycle among this package's src files, and no code that
// narrows a protobuf message by casting to a generated type (the oneof helper does it with a type guard).
import { fileURLToPath } from 'node:url';
import { architectureSuite, type KnownFinding } from '@parley/test-utils/architecture';

/**
 * Casts to generated types that were in core's src when this guard came (issue 12 point 5 removes
 * them), each named by its file and the type after `as` (so this list is not a cast itself).
 * The list may only shrink: a new cast fails the cast test, a removed one the known-list test.
 */
const KNOWN_CASTS: readonly KnownFinding[] = [
  { file: 'src/error-codes.ts', text: 'parley.v1.ErrorCode;' },
  { file: 'src/error-codes.ts', text: 'parley.v1.DevicesMismatch.$Properties' },
  { file: 'src/groups/record-encoding.ts', text: 'parley.v1.GroupCreate.$Properties' },
];

architectureSuite(fileURLToPath(new URL('..', import.meta.url)), { knownCasts: KNOWN_CASTS });
