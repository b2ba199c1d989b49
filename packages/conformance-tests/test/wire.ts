// The wire types of docs/PROTOCOL.md, loaded at run time from proto/ with protobufjs: no generated
// Parley code, as a client in another language would start from the .proto files alone.
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const protoRoot = fileURLToPath(new URL('../../../proto/', import.meta.url));

/** Every .proto file of parley.v1, resolved against proto/ as their `import` lines expect. */
export async function loadProto(): Promise<protobuf.Root> {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => `${protoRoot}${target}`;
  await root.load(['parley/v1/frame.proto'], { keepCase: true });
  root.resolveAll();
  return root;
}
