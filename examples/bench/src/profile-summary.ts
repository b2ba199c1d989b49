// Summarises a .cpuprofile (from `bench:delivery --profile <dir>`): top functions by self time,
// by inclusive time, and self time per package.
// Run: tsx src/profile-summary.ts <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A frame's source as `path:line`, relative to the repository (and without pnpm's store path). */
export function where(frame: ProfileNode['callFrame']): string {
  let url = frame.url.replace(/^file:\/\//, '');
  if (url.startsWith(root)) url = url.slice(root.length);
  url = url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
  return url ? `${url}:${frame.lineNumber + 1}` : '';
}

/** The package (or workspace folder, or V8 pseudo-frame) a frame belongs to. */
export function packageOf(frame: ProfileNode['callFrame']): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const m = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1] as string;
  const w = /\/(packages|examples)\/([^/]+)\//.exec(url);
  return w ? `${w[1]}/${w[2]}` : url;
}

export function summarizeProfile(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);

  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame)}`;
  const selfBy = new Map<string, number>();
  const inclBy = new Map<string, number>();
  const pkgBy = new Map<string, number>();
  for (const [id, t] of self) {
    const node = byId.get(id) as ProfileNode;
    selfBy.set(key(node), (selfBy.get(key(node)) ?? 0) + t);
    pkgBy.set(packageOf(node.callFrame), (pkgBy.get(packageOf(node.callFrame)) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur) as ProfileNode);
      if (seen.has(k)) continue;
      seen.add(k);
      inclBy.set(k, (inclBy.get(k) ?? 0) + t);
    }
  }
  const fmt = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return [
    `profile: ${(total / 1e6).toFixed(2)} s sampled`,
    `\nself time by package\n${fmt(pkgBy, 15)}`,
    `\nself time by function\n${fmt(selfBy, top)}`,
    `\ninclusive time by function\n${fmt(inclBy, top)}`,
  ].join('\n');
}

const file = process.argv[2];
if (file && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(process.argv[3] ?? 25)));
}
