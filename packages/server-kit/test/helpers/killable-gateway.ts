// A gateway child process the crash tests kill (SIGKILL) and start again on the same storage, and
// raw peers that reconnect to it with the device keys they registered first.
import { type AuthKeyPair, pb, type ServerFrame } from '@parley/core';
import { spawnWatched, tsxArgs, type WatchedProcess, waitForOutput } from '@parley/test-utils/child-process';
import { textContent } from '@parley/test-utils/content';
import { RawPeer } from '@parley/test-utils/raw-peer';

/** A gateway child running `script`, which prints `LISTENING <url>` once it accepts connections. */
export interface KillableGateway {
  url: string;
  /** Starts the child with `env` (on top of the environment given at creation). */
  start(env?: Record<string, string>): Promise<void>;
  /** Waits until the child printed every one of `lines` (whole lines). */
  printed(...lines: string[]): Promise<void>;
  kill(): Promise<void>;
}

export function killableGateway(script: string, what: string, env: Record<string, string>): KillableGateway {
  let child: WatchedProcess | undefined;
  const gateway: KillableGateway = {
    url: '',
    async start(more = {}) {
      const started = spawnWatched(process.execPath, tsxArgs(script), { env: { ...process.env, ...env, ...more } });
      child = started;
      gateway.url = await waitForOutput(started, what, () => /^LISTENING (\S+)$/m.exec(started.output())?.[1]);
    },
    async printed(...lines) {
      const started = child as WatchedProcess;
      await waitForOutput(started, what, () =>
        lines.every((line) => started.output().split('\n').includes(line)) ? true : undefined,
      );
    },
    async kill() {
      await child?.stop('SIGKILL');
    },
  };
  return gateway;
}

/** Connects as `userId`'s device 1, again with the key it registered first; `track` closes it later. */
export function peersOf(gateway: { url: string }, track: (close: () => void) => void) {
  const keys = new Map<string, AuthKeyPair>();
  return async (userId: string): Promise<RawPeer> => {
    const peer = await RawPeer.authenticated(gateway.url, userId, 1, keys.get(userId));
    keys.set(userId, peer.key);
    track(() => peer.close());
    return peer;
  };
}

/** A plaintext 1:1 send of `messageId` to `to`, its text the id. */
export const sendFrame = (to: string, messageId: string) => ({
  send: {
    messageId,
    userId: to,
    shared: { type: pb.PayloadType.PAYLOAD_TYPE_PLAINTEXT, data: textContent(messageId) },
  },
});

/** The message envelopes of the Deliver frames received. */
export const delivered = (frames: ServerFrame[]) =>
  frames.flatMap((f) => f.deliver?.envelopes ?? []).filter((e) => e.messageId);
