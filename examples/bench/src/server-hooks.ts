// Bench-only requests a Parley server child answers besides profiling: group setup straight into
// the GroupStore (the signed record chain costs nothing on the send path, so a placeholder record
// is stored), the number of connections, and what the SQLite file holds.
import { statSync } from 'node:fs';
import type { GroupSnapshot } from '@parley/core/groups';
import type { ParleyServer, ServerStores } from '@parley/server-kit';
import Database from 'better-sqlite3';
import { type ParentMessage, toParent } from './ipc.js';

export interface ServerHooks {
  /** Answers one request; false for messages it does not handle. */
  handle(message: ParentMessage): Promise<boolean>;
  close(): void;
}

/** The bench's setup and measurement requests to a Parley server child. */
export function serverHooks(server: ParleyServer, stores: ServerStores, dbPath: string | undefined): ServerHooks {
  let reader: Database.Database | undefined;
  const handle = async (message: ParentMessage): Promise<boolean> => {
    switch (message.type) {
      case 'connections':
        toParent({ type: 'connections', count: server.connections });
        return true;
      case 'create-group': {
        const snapshot: GroupSnapshot = {
          groupId: message.groupId,
          name: 'bench',
          description: '',
          version: 1,
          members: [
            { userId: message.createdBy, role: 'admin' },
            ...message.members.map((userId) => ({ userId, role: 'member' as const })),
          ],
          createdBy: message.createdBy,
          createdAt: Date.now(),
          maxMembers: message.members.length + 1,
        };
        await stores.groups.create(snapshot, new Uint8Array([0]));
        toParent({ type: 'group-created' });
        return true;
      }
      case 'storage': {
        if (!dbPath) throw new Error('storage: this server has no SQLite file');
        // A second connection, so the server's own stays exactly as the reference server opens it.
        reader ??= new Database(dbPath);
        reader.pragma('wal_checkpoint(TRUNCATE)');
        const rows = reader
          .prepare<[], { name: string; bytes: number }>(
            'SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY name',
          )
          .all();
        const pageSize = reader.pragma('page_size', { simple: true }) as number;
        const pages = reader.pragma('page_count', { simple: true }) as number;
        const free = reader.pragma('freelist_count', { simple: true }) as number;
        const size = (path: string) => {
          try {
            return statSync(path).size;
          } catch {
            return 0;
          }
        };
        toParent({
          type: 'storage',
          usedBytes: (pages - free) * pageSize,
          fileBytes: size(dbPath) + size(`${dbPath}-wal`),
          tables: Object.fromEntries(rows.map((r) => [r.name, r.bytes])),
        });
        return true;
      }
      default:
        return false;
    }
  };
  return { handle, close: () => reader?.close() };
}
