import { type ChildProcess, spawn } from 'node:child_process';
import {
  type GatewayOptions,
  gatewayScript,
  type RestartableService,
  startPostgresCluster,
  startRedisServer,
} from '@parley/test-utils/fault-processes';

/**
 * The cluster a chaos run owns: a Redis server, a PostgreSQL cluster and two gateway processes,
 * all its own, on loopback ports. Gateways can be paused (SIGSTOP), resumed, killed and started
 * again (on a new port: `urls` is updated in place, and the clients' failover sockets read it).
 */

/** Most time a gateway gets to print its listening line. */
const GATEWAY_START_MS = 30_000;

/** A gateway process the chaos run can pause, resume, kill and restart. */
export interface ChaosGateway {
  readonly id: string;
  url: string;
  pause(): void;
  resume(): void;
  kill(): Promise<void>;
  /** Stops it (SIGKILL, or SIGTERM: a graceful shutdown, as on a deploy) and starts it again. */
  restart(how: 'kill' | 'graceful'): Promise<void>;
  output(): string;
}

interface Running {
  proc: ChildProcess;
  exited: Promise<void>;
  output: string;
}

async function spawnGateway(options: GatewayOptions): Promise<{ running: Running; url: string }> {
  const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', gatewayScript], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PARLEY_SCHEMA: options.schema,
      REDIS_URL: options.redisUrl,
      PARLEY_REDIS_PREFIX: options.redisPrefix,
      PARLEY_GATEWAY_ID: options.gatewayId,
      PARLEY_PG_ASYNC_COMMIT: '0',
    },
  });
  const running: Running = { proc, output: '', exited: new Promise((resolve) => proc.once('exit', () => resolve())) };
  const append = (d: string) => {
    // Kept bounded: a long run logs a warning per failed request during outages.
    running.output = (running.output + d).slice(-200_000);
  };
  proc.stdout?.setEncoding('utf8').on('data', append);
  proc.stderr?.setEncoding('utf8').on('data', append);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`gateway ${options.gatewayId} not listening in time`)),
      GATEWAY_START_MS,
    );
    const check = () => {
      const found = /^LISTENING (\S+)$/m.exec(running.output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    proc.stdout?.on('data', check);
    void running.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`gateway ${options.gatewayId} exited:\n${running.output}`));
    });
  });
  return { running, url };
}

/** Most time a graceful shutdown gets before SIGKILL. */
const SHUTDOWN_MS = 15_000;

async function stopProcess(running: Running, signal: NodeJS.Signals): Promise<void> {
  const { proc } = running;
  if (proc.exitCode === null && proc.signalCode === null) {
    proc.kill('SIGCONT'); // a paused process must run to die of anything but SIGKILL
    proc.kill(signal);
  }
  const timer = setTimeout(() => proc.kill('SIGKILL'), SHUTDOWN_MS);
  await running.exited;
  clearTimeout(timer);
}

async function chaosGateway(options: GatewayOptions, urls: string[], index: number): Promise<ChaosGateway> {
  let { running, url } = await spawnGateway(options);
  urls[index] = url;
  return {
    id: options.gatewayId,
    get url() {
      return url;
    },
    pause: () => running.proc.kill('SIGSTOP'),
    resume: () => running.proc.kill('SIGCONT'),
    kill: () => stopProcess(running, 'SIGKILL'),
    async restart(how) {
      await stopProcess(running, how === 'kill' ? 'SIGKILL' : 'SIGTERM');
      ({ running, url } = await spawnGateway(options));
      urls[index] = url;
    },
    output: () => running.output,
  };
}

/** A running chaos cluster. */
export interface ChaosCluster {
  readonly redis: RestartableService;
  readonly postgres: RestartableService;
  readonly gateways: [ChaosGateway, ChaosGateway];
  /** The gateways' URLs, kept current across restarts (pass to the clients' failover sockets). */
  readonly urls: string[];
  dispose(): Promise<void>;
}

/** Starts Redis, PostgreSQL and two gateways; on a failure, stops what it started. */
export async function startChaosCluster(): Promise<ChaosCluster> {
  const started: Array<() => Promise<unknown>> = [];
  const dispose = async () => {
    for (const stop of started.splice(0).reverse()) await stop().catch(() => {});
  };
  try {
    const redis = await startRedisServer();
    started.push(() => redis.dispose());
    const postgres = await startPostgresCluster();
    started.push(() => postgres.dispose());
    const urls: string[] = [];
    const common = { databaseUrl: postgres.url, redisUrl: redis.url, schema: 'parley_chaos', redisPrefix: 'chaos:' };
    // One after the other: the first migrates the schema.
    const g1 = await chaosGateway({ ...common, gatewayId: 'g1' }, urls, 0);
    started.push(() => g1.kill());
    const g2 = await chaosGateway({ ...common, gatewayId: 'g2' }, urls, 1);
    started.push(() => g2.kill());
    return { redis, postgres, gateways: [g1, g2], urls, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
