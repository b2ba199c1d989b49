// Regenerates src/gen/ from proto/ with protobufjs-cli (no protoc needed).
// CI runs this and fails on any diff, so the committed code always matches the protos.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..');
const protoRoot = resolve(pkg, '../../proto');
const protoDir = join(protoRoot, 'parley/v1');
const out = join(pkg, 'src/gen/parley.js');
const outTypes = join(pkg, 'src/gen/parley.d.ts');
const require = createRequire(import.meta.url);
const cli = dirname(require.resolve('protobufjs-cli/package.json'));

const files = readdirSync(protoDir)
  .filter((f) => f.endsWith('.proto'))
  .sort()
  .map((f) => join(protoDir, f));

const pbjs = (output, extra) =>
  execFileSync(
    process.execPath,
    [
      join(cli, 'bin/pbjs'),
      '-t',
      'static-module',
      '-w',
      'es6',
      '--force-number',
      '--no-delimited',
      '--no-verify',
      '--no-service',
      ...extra,
      '-p',
      protoRoot,
      '-o',
      output,
      ...files,
    ],
    { cwd: protoRoot, stdio: 'inherit' },
  );

// pbts reads types from JSDoc, so the typings come from a commented build; the
// committed JavaScript is built without comments (a fifth of the size).
const tmp = mkdtempSync(join(tmpdir(), 'parley-gen-'));
const commented = join(tmp, 'parley.js');
pbjs(commented, []);
pbjs(out, ['--no-comments']);

// pbjs emits `import $protobuf from "protobufjs/minimal.js"` (protobufjs is CommonJS without an
// exports map, so a default import is what works in Node ESM and bundlers). Parley keeps 64-bit
// fields as JS numbers (ids and ms timestamps stay below 2^53): the runtime must not hand out Long
// objects. That setting is global to this protobufjs copy.
const IMPORT = 'import $protobuf from "protobufjs/minimal.js";';
let js = readFileSync(out, 'utf8');
if (!js.includes(IMPORT)) throw new Error('unexpected pbjs output: protobufjs import not found');
js = js.replace(
  IMPORT,
  [
    IMPORT,
    '',
    'if ($protobuf.util.Long) {',
    '    $protobuf.util.Long = undefined;',
    '    $protobuf.configure();',
    '}',
  ].join('\n'),
);
writeFileSync(out, `// @ts-nocheck\n${js}`);

execFileSync(process.execPath, [join(cli, 'bin/pbts'), '--no-comments', '-o', outTypes, commented], {
  stdio: 'inherit',
});
rmSync(tmp, { recursive: true, force: true });
let dts = readFileSync(outTypes, 'utf8');
dts = dts.replace('import * as $protobuf from "protobufjs";', 'import type * as $protobuf from "protobufjs";');
writeFileSync(outTypes, dts);
