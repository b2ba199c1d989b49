// Regenerates src/gen/ from proto/ with protobufjs-cli (no protoc needed).
// CI runs this and fails on any diff, so the committed code always matches the protos.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
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
      '-t', 'static-module',
      '-w', 'es6',
      '--force-number',
      '--no-delimited',
      '--no-verify',
      '--no-service',
      ...extra,
      '-p', protoRoot,
      '-o', output,
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

// protobufjs has no exports map and is CommonJS: a default import of the file works
// in Node ESM and in every bundler, a namespace import of "protobufjs/minimal" does not.
let js = readFileSync(out, 'utf8');
js = js.replace('import * as $protobuf from "protobufjs/minimal";', 'import $protobuf from "protobufjs/minimal.js";');
writeFileSync(out, `// @ts-nocheck\n${js}`);

execFileSync(process.execPath, [join(cli, 'bin/pbts'), '--no-comments', '-o', outTypes, commented], { stdio: 'inherit' });
rmSync(tmp, { recursive: true, force: true });
let dts = readFileSync(outTypes, 'utf8');
dts = dts.replace('import * as $protobuf from "protobufjs";', 'import type * as $protobuf from "protobufjs";');
writeFileSync(outTypes, dts);
