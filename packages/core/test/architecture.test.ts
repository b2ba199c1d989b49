// Architecture guards (issue 12): no import cycle among this package's src files, and no code that
// narrows a protobuf message by casting to a generated type (the oneof helper does it with a type guard).
import { fileURLToPath } from 'node:url';
import { architectureSuite } from '@parley/test-utils/architecture';

architectureSuite(fileURLToPath(new URL('..', import.meta.url)));
