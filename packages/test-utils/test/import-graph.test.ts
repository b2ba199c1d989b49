import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { againstKnown, protobufCasts, sourceImportCycles } from '../src/architecture.js';
import { importCycles, importGraph, importSpecifiers, stronglyConnectedComponents } from '../src/import-graph.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway folder holding the given files (path → text). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'parley-import-graph-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('importSpecifiers', () => {
  it('finds imports, type imports, re-exports (also over several lines) and dynamic imports', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import * as c from '../c.js';",
      "import d, { e } from './d.js';",
      "import './side-effect.js';",
      "export { f } from './f.js';",
      "export type { G } from './g.js';",
      "export * from './h.js';",
      'import {',
      '  type I,',
      '  j,',
      "} from './i.js';",
      "const k = await import('./k.js');",
      "// import { no } from './commented.js';",
      "/** import { no } from './doc.js'; */",
      "const glob = 'src/**/*.ts';",
      "import { l } from './l.js';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual([
      './a.js',
      './b.js',
      '../c.js',
      './d.js',
      './side-effect.js',
      './f.js',
      './g.js',
      './h.js',
      './i.js',
      './k.js',
      './l.js',
    ]);
  });
});

describe('importGraph', () => {
  it('resolves .js to .ts and a folder to its index.ts, and leaves packages and outside files out', () => {
    const root = tree({
      'src/a.ts': "import { b } from './b.js';\nimport { c } from './dir';\nimport { x } from '@parley/core';",
      'src/b.ts': "import { d } from './dir/index.js';\nimport { o } from '../outside.js';",
      'src/dir/index.ts': 'export const c = 1, d = 2;',
      'outside.ts': 'export const o = 1;',
    });
    const graph = importGraph(join(root, 'src'));
    const rel = (p: string) => p.slice(root.length + 1);
    expect(Object.fromEntries([...graph].map(([from, to]) => [rel(from), to.map(rel)]))).toEqual({
      'src/a.ts': ['src/b.ts', 'src/dir/index.ts'],
      'src/b.ts': ['src/dir/index.ts'],
      'src/dir/index.ts': [],
    });
  });
});

describe('cycles', () => {
  it('finds none in a tree without one', () => {
    const root = tree({ 'a.ts': "import './b.js';", 'b.ts': "import './c.js';", 'c.ts': '' });
    expect(importCycles(root)).toEqual([]);
  });

  it('prints each cycle as a path, including one closed by an import type and a self-import', () => {
    const root = tree({
      'a.ts': "import { b } from './b.js';",
      'b.ts': "import { c } from './c.js';",
      'c.ts': "import type { A } from './a.js';",
      'd.ts': "import { e } from './e/index.js';",
      'e/index.ts': "import { d } from '../d.js';",
      'self.ts': "import { me } from './self.js';",
    });
    expect(importCycles(root)).toEqual(['a.ts → b.ts → c.ts → a.ts', 'd.ts → e/index.ts → d.ts', 'self.ts → self.ts']);
  });

  it('finds strongly connected components in a deep chain without overflowing the stack', () => {
    const graph = new Map<string, string[]>();
    const n = 50_000;
    for (let i = 0; i < n; i++) graph.set(`f${i}`, [`f${(i + 1) % n}`]);
    const components = stronglyConnectedComponents(graph);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});

describe('package checks', () => {
  it('reports a cycle in src and casts to generated types in src and test, with where they are', () => {
    const root = tree({
      'src/a.ts': "import { b } from './b.js';\nexport const a = (x: unknown) => x as parley.v1.Send;",
      'src/b.ts': "import { a } from './a.js';",
      'test/t.test.ts': 'const f = frame as parley . v1 . ServerFrame;',
    });
    expect(sourceImportCycles(root)).toEqual(['a.ts → b.ts → a.ts']);
    expect(protobufCasts(root)).toEqual([
      'src/a.ts:2: export const a = (x: unknown) => x as parley.v1.Send;',
      'test/t.test.ts:1: const f = frame as parley . v1 . ServerFrame;',
    ]);
  });
});

describe('againstKnown', () => {
  it('separates new findings from known ones, and names known ones that are gone', () => {
    const findings = ['src/a.ts:3: x as T.A;', 'src/b.ts:9: y as T.B;'];
    const known = [
      { file: 'src/a.ts', text: 'T.A;' },
      { file: 'src/c.ts', text: 'T.C;' },
    ];
    expect(againstKnown(findings, known)).toEqual({
      unexpected: ['src/b.ts:9: y as T.B;'],
      stale: [{ file: 'src/c.ts', text: 'T.C;' }],
    });
  });
});
