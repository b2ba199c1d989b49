// The wire types of docs/PROTOCOL.md, loaded at run time from proto/ with protobufjs: no generated
// Parley code, as a client in another language would start from the .proto files alone.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const protoDir = fileURLToPath(new URL('../../../proto/', import.meta.url));

/** Absolute path of a file under proto/ (`parley/v1/frame.proto`). */
export const protoFile = (path: string): string => `${protoDir}${path}`;

/**
 * Every .proto file of parley.v1, imports resolved against proto/ as their `import` lines expect.
 * `keepCase` (the default here) keeps the proto field names the spec uses (`request_id`); without
 * it protobufjs uses the lowerCamelCase JSON names (`requestId`).
 */
export async function loadProto({ keepCase = true } = {}): Promise<protobuf.Root> {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => protoFile(target);
  const files = readdirSync(protoFile('parley/v1')).filter((f) => f.endsWith('.proto'));
  await root.load(
    files.map((f) => `parley/v1/${f}`),
    { keepCase },
  );
  root.resolveAll();
  return root;
}
