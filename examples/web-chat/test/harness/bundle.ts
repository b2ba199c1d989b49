// Runs in Node: bundles a script of test/harness/ for a page (esbuild, in memory), resolving
// @parley/* to their sources as the tests do.
import { build } from 'esbuild';
import { webChatDir } from '../../scripts/build.js';

export async function bundle(entry: string, format: 'esm' | 'iife' = 'esm'): Promise<string> {
  const result = await build({
    absWorkingDir: webChatDir,
    entryPoints: [entry],
    bundle: true,
    format,
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
