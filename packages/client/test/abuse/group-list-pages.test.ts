// Finding 9 of issue 17: six groups of 1,024 members with 128-character ids and a 2,048-character
// description, all naming one victim, made the victim's `group_list` answer larger than the client
// accepts (816 KB against 576 KiB): the client dropped the connection, reconnected, asked again and
// never settled. The list now comes in pages that each fit one frame, and the client follows them.
import { type ConnectionState, memoryClientStore } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { newClient, reusable, startServer } from '../helpers/harness.js';

const longId = (name: string) => name.padEnd(128, '.');

describe('group list pages', () => {
  it('lets a user named in six maximal groups connect once, settle and see them all', async () => {
    const { server, stores } = await startServer();
    const victim = longId('victim');
    // The victim signed in once before (group changes may only name users who did).
    const store = memoryClientStore();
    const first = newClient(server.url, victim, reusable(store));
    await first.connect();
    await first.close();
    const mallory = newClient(server.url, longId('mallory'));
    await mallory.connect();
    // 1,022 other members who signed in once (registered straight in the store: only their ids matter).
    const others = Array.from({ length: 1022 }, (_, i) => longId(`member-${i}`));
    for (const userId of others) {
      await stores.devices.registerFirst({
        userId,
        deviceId: 1,
        authKey: new Uint8Array(32),
        registrationId: 0,
        approvedBy: 0,
      });
    }
    const description = `everything about ${victim} `.repeat(100).slice(0, 2048);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const group = await mallory.groups.create({ name: `spam ${i}`, description, members: [victim, ...others] });
      expect(group.members).toHaveLength(1024);
      ids.push(group.id);
    }
    // As when the victim's queue was full when the records came: the groups are learnt from the list alone.
    await stores.queue.clear({ userId: victim, deviceId: first.deviceId });
    expect(await stores.queue.count({ userId: victim, deviceId: first.deviceId })).toBe(0);

    const client = newClient(server.url, victim, store);
    const states: ConnectionState[] = [];
    client.on('connection:state', (s) => states.push(s.state));
    await client.connect();
    await client.groups.sync();
    expect((await client.groups.list()).map((g) => g.id).sort()).toEqual([...ids].sort());
    expect(states.filter((s) => s === 'connected')).toHaveLength(1);
    expect(states[states.length - 1]).toBe('connected');
  }, 120_000);
});
