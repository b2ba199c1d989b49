// Growth between two V8 heap snapshots, grouped by what an object is and what holds it: where the
// memory of one more idle connection goes (a profile for aim 5 of issue 15, before optimising).
import { readFileSync } from 'node:fs';

/** Count and self size of one group of heap objects. */
export interface HeapGroup {
  count: number;
  bytes: number;
}

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[]];
      edge_fields: string[];
      edge_types: [string[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Objects whose own name says little are grouped with their first holder (`array <- Map.table`). */
const GROUP_BY_HOLDER = new Set([
  'array',
  'hidden',
  'object:Object',
  'object:Map',
  'object:Set',
  'object:Array',
  'closure:',
  'object:system / Context',
  'string',
  'number',
]);

/**
 * Groups the objects of a `.heapsnapshot` file by kind (and, for anonymous kinds, their chain of
 * holders, up to `depth` of them).
 */
export function groupHeapSnapshot(file: string, depth = 1): Map<string, HeapGroup> {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const {
    node_fields: nodeFields,
    node_types: nodeTypes,
    edge_fields: edgeFields,
    edge_types: edgeTypes,
  } = s.snapshot.meta;
  const nf = nodeFields.length;
  const ef = edgeFields.length;
  const [iType, iName, iSize, iEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nodeFields.indexOf(f));
  const types = nodeTypes[0];
  const kinds = edgeTypes[0];
  const { nodes, edges, strings } = s;
  const kindOf = (i: number) => {
    const t = types[nodes[i + (iType as number)] as number] as string;
    return t === 'object' || t === 'closure' ? `${t}:${strings[nodes[i + (iName as number)] as number]}` : t;
  };
  // The first retainer of each node (node index and edge name), weak edges aside.
  const holder = new Map<number, { from: number; via: string }>();
  let e = 0;
  for (let i = 0; i < nodes.length; i += nf) {
    const count = nodes[i + (iEdges as number)] as number;
    for (let k = 0; k < count; k++, e += ef) {
      const kind = kinds[edges[e] as number];
      const to = edges[e + 2] as number;
      if (kind === 'weak' || holder.has(to)) continue;
      const name = kind === 'element' || kind === 'hidden' ? '' : String(strings[edges[e + 1] as number]);
      // Internal edges named by a slot number (a Map table's entries) would split one kind of
      // object over as many groups as there are slots.
      const via = name === '' ? `[${kind}]` : /^\d+$/.test(name) ? '[slot]' : name;
      holder.set(to, { from: i, via });
    }
  }
  // An anonymous object is named by its chain of holders up to the first named one (at most
  // `depth` steps): `array <- object:Map.table <- object:LiveDevices.live`.
  const chain = (i: number): string => {
    let label = '';
    let at = i;
    for (let step = 0; step < depth; step++) {
      const h = holder.get(at);
      if (!h) return `${label} <- ?`;
      const kind = kindOf(h.from);
      label += ` <- ${kind}.${h.via}`;
      if (!GROUP_BY_HOLDER.has(kind)) break;
      at = h.from;
    }
    return label;
  };
  const groups = new Map<string, HeapGroup>();
  for (let i = 0; i < nodes.length; i += nf) {
    const kind = kindOf(i);
    const key = GROUP_BY_HOLDER.has(kind) ? `${kind}${chain(i)}` : kind;
    const g = groups.get(key) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += nodes[i + (iSize as number)] as number;
    groups.set(key, g);
  }
  return groups;
}

/** Per-unit growth from `before` to `after`, largest first. */
export function heapGrowth(
  before: Map<string, HeapGroup>,
  after: Map<string, HeapGroup>,
  units: number,
): Array<{ kind: string; count: number; bytes: number }> {
  return [...after]
    .map(([kind, a]) => {
      const b = before.get(kind) ?? { count: 0, bytes: 0 };
      return { kind, count: (a.count - b.count) / units, bytes: (a.bytes - b.bytes) / units };
    })
    .sort((x, y) => y.bytes - x.bytes);
}
