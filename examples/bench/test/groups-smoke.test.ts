import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/args.js';
import { FanoutTracker } from '../src/fanout-tracker.js';
import { parseGroupsArgs } from '../src/groups-args.js';
import type { GroupsReport } from '../src/groups-report.js';
import { runBenchCli, tempDir } from './run-cli.js';

const { dir: outDir, remove } = tempDir('parley-groups-smoke-');
afterAll(remove);

const runCli = (args: string[]) => runBenchCli('groups.ts', args, 80_000);

describe('bench:groups', () => {
  it('fans a group message, the same 1:1 and a raw broadcast (plain and acked) out to every member exactly once', async () => {
    const out = join(outDir, 'groups.json');
    const members = 20;
    const args = ['--members', String(members), '--sizes', '1024', '--messages', '2', '--burst', '2'];
    const rest = ['--warmup', '1', '--stored', '2', '--quiet-wait', '0', '--timeout', '20', '--out', out];
    const { code, stdout, stderr } = await runCli([...args, ...rest]);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('group/raw ws');
    expect(stdout).toMatch(
      /aim 4 \(1 KB: group cpu\/recipient <= 0\.1x 1:1, last member < 250 ms\): (met|NOT met): [0-9.]+x .*the frames alone \(raw ws \+ acks\) [0-9.]+x of 1:1/,
    );

    const report = JSON.parse(readFileSync(out, 'utf8')) as GroupsReport;
    expect(report.errors).toEqual({});
    expect(report.online.map((r) => r.system).sort()).toEqual(['1:1', 'group', 'raw ws', 'raw ws + acks']);
    for (const run of report.online) {
      expect(run).toMatchObject({ recipients: members, payloadBytes: 1024, missing: 0, duplicates: 0, unsettled: 0 });
      const { sequential, burst } = run;
      expect(sequential.messages).toBe(2);
      expect(sequential.lastMs.p50).toBeGreaterThan(0);
      expect(sequential.lastMs.p50).toBeGreaterThanOrEqual(sequential.firstMs.p50);
      expect(sequential.lastMs.max).toBeGreaterThanOrEqual(sequential.lastMs.p50);
      expect(sequential.serverCpuUsPerRecipient.p50).toBeGreaterThan(0);
      expect(burst.messages).toBe(2);
      expect(burst.totalMs).toBeGreaterThan(0);
      expect(burst.serverCpuUsPerRecipient).toBeGreaterThan(0);
    }
    for (const system of ['group', '1:1'] as const) {
      const run = report.online.find((r) => r.system === system);
      // Parley answers every send once every copy is stored.
      expect(run?.sequential.storedMs.p50).toBeGreaterThan(0);
    }
    expect(report.ratios.map((r) => `${r.of}/${r.to}`).sort()).toEqual([
      '1:1/group',
      '1:1/raw ws',
      'group/raw ws',
      'group/raw ws + acks',
      'raw ws + acks/1:1',
    ]);

    expect(report.storage.map((r) => `${r.store} ${r.system}`)).toEqual([
      'sqlite group',
      'sqlite 1:1',
      'memory group',
      'memory 1:1',
    ]);
    for (const run of report.storage) {
      expect(run).toMatchObject({ entries: 2 * members, missing: 0, duplicates: 0, unsettled: 0 });
      expect(run.drainMs).toBeGreaterThan(0);
      expect(run.drainServerCpuMs).toBeGreaterThan(0);
      expect(Number.isFinite(run.bytesPerEntry)).toBe(true);
    }
    const sqlite = (system: string) => report.storage.find((r) => r.store === 'sqlite' && r.system === system);
    // A 1:1 entry holds its own copy of the payload; a group entry only a reference to the one copy.
    expect(sqlite('1:1')?.bytesPerEntry).toBeGreaterThan(1024);
    expect(sqlite('group')?.bytesPerEntry).toBeLessThan(sqlite('1:1')?.bytesPerEntry ?? 0);
    expect(sqlite('group')?.tables).toHaveProperty('queue_shared');
  }, 90_000);

  it('writes a heap profile per online run and the command that divides it by the recipients', async () => {
    const dir = join(outDir, 'heap');
    const args = ['--members', '10', '--sizes', '1024', '--messages', '1', '--burst', '1', '--systems', 'group'];
    const rest = ['--stored', '0', '--stores', '', '--quiet-wait', '0', '--heap-profile', dir];
    const { code, stdout, stderr } = await runCli([...args, ...rest, '--out', join(outDir, 'heap.json')]);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    const file = join(dir, 'groups-group-1024.heapprofile');
    // warmup 1 + 1 sequential + a burst of 1, each to 10 members
    expect(stdout).toContain(`heap-summary.ts ${file} 30 30`);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { samples: unknown[] }).samples.length).toBeGreaterThan(0);
  });

  it('counts each recipient once per message and tells missing from duplicate copies', () => {
    const tracker = new FanoutTracker(64, 3);
    const payload = new Uint8Array(64);
    tracker.write(payload, 0, 7);
    tracker.sent(7);
    tracker.receive(payload, 0);
    tracker.receive(payload, 2);
    expect(tracker.complete(7)).toBe(false);
    expect(tracker.timing(7).last).toBeNaN();
    tracker.receive(payload, 2);
    tracker.receive(payload, 1);
    tracker.receive(payload, 3); // not a recipient
    expect(tracker.complete(7)).toBe(true);
    expect(tracker.receivedOf(7)).toBe(3);
    expect(tracker.duplicates).toBe(1);
    expect(tracker.unexpected).toBe(1);
    expect(tracker.timing(7).last).toBeGreaterThanOrEqual(tracker.timing(7).first);
  });

  it('parses its options and refuses bad ones', () => {
    expect(parseGroupsArgs(['--members', '50', '--sizes', '100,2000', '--stores', 'sqlite'])).toMatchObject({
      members: 50,
      sizes: [100, 2000],
      stores: ['sqlite'],
    });
    expect(() => parseGroupsArgs(['--sizes', '8'])).toThrow(UsageError);
    expect(() => parseGroupsArgs(['--stores', 'redis'])).toThrow(UsageError);
    expect(() => parseGroupsArgs(['--burst', '0'])).toThrow(UsageError);
    expect(parseGroupsArgs([]).systems).toEqual(['group', 'direct', 'raw', 'raw-acks']);
    expect(parseGroupsArgs(['--systems', 'group']).systems).toEqual(['group']);
    expect(() => parseGroupsArgs(['--systems', 'group,cluster'])).toThrow(UsageError);
    expect(parseGroupsArgs(['--heap-profile', '/tmp/h']).heapProfileDir).toBe('/tmp/h');
  });
});
