// Runs the README's client quick start exactly as written (only the server URL swapped for this
// test's server), so the snippet a newcomer copies cannot drift from what works.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient, memoryClientStore } from '@parley/client';
import { spawnWatched } from '@parley/test-utils/child-process';
import { type ServerProcess, startServer } from '@parley/test-utils/reference-server';
import { afterEach, describe, expect, it } from 'vitest';

// By absolute URL: the snippet runs from a scratch folder that has no node_modules of its own.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// Inside the example's folder, so the snippet's imports resolve as in an app that depends on them.
const scratchRoot = fileURLToPath(new URL('../.quick-start/', import.meta.url));

/** The first ```ts block under the heading, exactly as the README shows it. */
export function codeBlockUnder(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no heading "${heading}"`);
  const block = /```ts\n([\s\S]*?)```/.exec(markdown.slice(start));
  if (!block) throw new Error(`no ts code block under "${heading}"`);
  return block[1]!;
}

describe("the README's client quick start", () => {
  let server: ServerProcess | undefined;
  let dirs: string[] = [];
  afterEach(async () => {
    await server?.stop('SIGKILL');
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    dirs = [];
  });

  it('runs as written against the reference server and exits 0', async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    const snippet = codeBlockUnder(readme, '## Quick start: client');
    expect(snippet).toContain("'ws://127.0.0.1:8080'");

    const data = await mkdtemp(path.join(tmpdir(), 'parley-quick-start-'));
    dirs.push(data);
    server = await startServer(['--port', '0', '--data', path.join(data, 'server')]);
    // bob connects once, so alice's message has somewhere to go.
    const bob = createClient({ url: server.url, userId: 'bob', store: memoryClientStore() });
    await bob.connect();
    await bob.close();

    await mkdir(scratchRoot, { recursive: true });
    const scratch = await mkdtemp(scratchRoot);
    dirs.push(scratch);
    const script = path.join(scratch, 'quick-start.ts');
    await writeFile(script, snippet.replaceAll('ws://127.0.0.1:8080', server.url));
    const run = spawnWatched(process.execPath, ['--import', tsxLoader, '--conditions=source', script], { cwd: data });
    const code = await run.exited;
    expect(code, run.output()).toBe(0);
    expect(run.stdout()).toMatch(/^\S+ sent$/m); // "<id> sent"
    expect(run.stdout()).toMatch(/^[\d ]{60,}$/m); // the safety number
  }, 60_000);
});
