// A sampling heap profile of this process over a window: every sampled allocation, including the
// objects that minor and major GCs collected by the time it stops (so it counts bytes allocated,
// not bytes still alive). Written as a .heapprofile (Chrome DevTools format); heap-summary.ts
// summarises it per function.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { mapProfileToSources } from './profile-map.js';

/** Average bytes between samples: fine enough for per-message figures over a few seconds. */
const SAMPLING_INTERVAL = 4096;

export interface HeapSampling {
  /** Stops sampling and writes the profile to `path`. */
  stop(path: string): Promise<void>;
}

/** Starts sampling allocations of this process. */
export async function startHeapSampling(): Promise<HeapSampling> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: SAMPLING_INTERVAL,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return {
    async stop(path) {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      const nodes: Array<typeof profile.head> = [];
      const collect = (node: typeof profile.head) => {
        nodes.push(node);
        for (const child of node.children) collect(child);
      };
      collect(profile.head);
      mapProfileToSources({ nodes });
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
