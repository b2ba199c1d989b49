// The import graph of a folder of TypeScript sources, and its cycles: what the architecture tests
// check so that no package grows an import cycle again.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every `.ts` file under `dir` (recursively, skipping `node_modules`), as absolute paths, sorted. */
export function tsFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (entry.name.endsWith('.ts')) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

// `import … from '…'`, `import type … from '…'`, `export … from '…'`, `export type … from '…'`
// (any of them over several lines), bare `import '…'` and `import('…')`.
const SPECIFIER =
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a source text imports or re-exports, in order, including `import type`. */
export function importSpecifiers(source: string): string[] {
  // Only comments that start a line: a `/*` inside a string (a glob such as 'src/**/*.ts') is code.
  const withoutComments = source.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
  return [...withoutComments.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2]) as string);
}

/**
 * The file a relative specifier names from `fromFile`: `./a.js` is `./a.ts`, `./dir` (or `./dir/index.js`)
 * is `./dir/index.ts`. Undefined for a package specifier or a file that does not exist.
 */
export function resolveRelative(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [
    base.replace(/\.js$/, '.ts'),
    base.endsWith('.ts') ? base : `${base}.ts`,
    join(base, 'index.ts'),
    join(base.replace(/\.js$/, ''), 'index.ts'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** A file → the files it imports, among the files of one folder. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** The graph of relative imports between the `.ts` files under `dir` (imports leaving `dir` are left out). */
export function importGraph(dir: string): ImportGraph {
  const files = tsFilesUnder(dir);
  const inside = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importSpecifiers(readFileSync(file, 'utf8'))
      .map((s) => resolveRelative(file, s))
      .filter((t): t is string => t !== undefined && inside.has(t));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The strongly connected components of `graph` with more than one file, or one file importing itself:
 * each is a set of files that import each other round in a cycle (Tarjan's algorithm, iterative so a
 * deep graph cannot overflow the stack). Files in each component, and the components, are sorted.
 */
export function stronglyConnectedComponents(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfLoop = component.length === 1 && (graph.get(frame.node) ?? []).includes(frame.node);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  }
  return components.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/**
 * One cycle through the files of a component, as a path that ends where it starts
 * (`a.ts → b.ts → a.ts`), so a failing test shows which imports to break.
 */
export function cycleThrough(graph: ImportGraph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = component[0] as string;
  // Breadth-first from start's successors back to start, inside the component: the shortest cycle.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next) || previous.has(next)) continue;
      previous.set(next, node);
      if (next === start) queue.length = 0;
      else queue.push(next);
      if (next === start) break;
    }
  }
  const path = [start];
  for (let at = previous.get(start); at !== undefined && at !== start; at = previous.get(at)) path.unshift(at);
  path.unshift(start);
  return path;
}

/** Every import cycle among the `.ts` files under `dir`, each as a readable path relative to `dir`. */
export function importCycles(dir: string): string[] {
  const graph = importGraph(dir);
  return stronglyConnectedComponents(graph).map((component) =>
    cycleThrough(graph, component)
      .map((file) => relative(dir, file))
      .join(' → '),
  );
}
