// Summarises a .heapprofile (from `bench:delivery --heap-profile <dir>`): bytes allocated by function
// (self, and inclusive of callees) and by package, over the profiled window. With the number of
// messages delivered in that window (the bench prints it), every figure is also given per message.
// Run: tsx src/heap-summary.ts <file.heapprofile> [top=25] [delivered]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageOf, where } from './profile-summary.js';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  id: number;
  children: HeapNode[];
}
interface HeapProfile {
  head: HeapNode;
  samples: Array<{ size: number; nodeId: number; ordinal: number }>;
}

export function summarizeHeapProfile(profile: HeapProfile, top = 25, delivered = 0): string {
  const selfBy = new Map<string, number>();
  const inclBy = new Map<string, number>();
  const pkgBy = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const key = (n: HeapNode) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame)}`;
  let total = 0;
  // Each node's self bytes count for it and, once, for every distinct function on its stack.
  const walk = (node: HeapNode, stack: string[]) => {
    const k = key(node);
    const here = stack.includes(k) ? stack : [...stack, k];
    if (node.selfSize > 0) {
      total += node.selfSize;
      add(selfBy, k, node.selfSize);
      add(pkgBy, packageOf(node.callFrame), node.selfSize);
      for (const s of here) add(inclBy, s, node.selfSize);
    }
    for (const c of node.children) walk(c, here);
  };
  walk(profile.head, []);
  const fmt = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, b]) => {
        const per = delivered > 0 ? `${(b / delivered).toFixed(0).padStart(7)} B/msg  ` : '';
        return `${((100 * b) / total).toFixed(1).padStart(5)}%  ${per}${(b / 2 ** 20).toFixed(1).padStart(8)} MB  ${k}`;
      })
      .join('\n');
  const perMessage = delivered > 0 ? `, ${(total / delivered).toFixed(0)} B per delivered message (${delivered})` : '';
  return [
    `heap profile: ${(total / 2 ** 20).toFixed(1)} MB allocated (sampled estimate)${perMessage}`,
    `\nallocated by package\n${fmt(pkgBy, 15)}`,
    `\nallocated by function (self)\n${fmt(selfBy, top)}`,
    `\nallocated by function (inclusive)\n${fmt(inclBy, top)}`,
  ].join('\n');
}

const file = process.argv[2];
if (file && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as HeapProfile;
  console.log(summarizeHeapProfile(profile, Number(process.argv[3] ?? 25), Number(process.argv[4] ?? 0)));
}
