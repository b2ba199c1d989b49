// Redis script calls per send of the cluster's rate limiter, leases on and off (not part of the
// bench suite): a count that does not depend on how busy the machine is. Two limiters on their own
// Redis connections play two gateways; simulated time (an injected clock and timers), so the
// figure is the same on a loaded machine. Each send takes the router's two buckets (the sender's,
// and the sender's to that chat) with the default limits, from the gateway of the sender's device.
// Also prints the CPU per send of this process (the two limiters) and of the Redis server (its
// INFO cpu, so other clients of the same server count too: compare runs made side by side).
// Run: [LEASE_TTL_MS=1000] [LEASE_MAX_TOKENS=16] tsx --conditions=source src/rate-lease-counts.ts
//      [users=200] [rate=1000] [seconds=10] [partners=0 (anyone)] [both (each user on both gateways)]
import { DEFAULT_LIMITS, type RateLimiter } from '@parley/server-kit';
import { redisRateLimiter } from '@parley/server-kit/redis';
import { Redis } from 'ioredis';

const users = Number(process.argv[2] ?? 200);
const rate = Number(process.argv[3] ?? 1000);
const seconds = Number(process.argv[4] ?? 10);
const partners = Number(process.argv[5] ?? 0) || users - 1;
const both = process.argv[6] === 'both';
const TICK_MS = 5;
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// LEASE_TTL_MS / LEASE_MAX_TOKENS: try other lease shapes than the defaults.
const leaseOptions = {
  ...(process.env.LEASE_TTL_MS ? { ttlMs: Number(process.env.LEASE_TTL_MS) } : {}),
  ...(process.env.LEASE_MAX_TOKENS ? { maxTokens: Number(process.env.LEASE_MAX_TOKENS) } : {}),
};

interface Timer {
  at: number;
  run: () => void;
}

/** The Redis server's CPU time so far (µs), from INFO cpu. */
async function redisCpuUs(client: Redis): Promise<number> {
  const info = await client.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (field('used_cpu_sys') + field('used_cpu_user')) * 1e6;
}

async function run(
  lease: boolean,
): Promise<{ calls: number; sends: number; refused: number; cpuUs: number; redisCpuUs: number }> {
  let now = 1_700_000_000_000;
  const timers: Timer[] = [];
  const clients = [new Redis(url), new Redis(url)];
  let calls = 0;
  const prefix = `parley-lease-counts:${process.pid}:${lease}:`;
  const gateways: RateLimiter[] = clients.map((client) => {
    const evalsha = client.evalsha.bind(client);
    client.evalsha = ((...args: Parameters<typeof evalsha>) => {
      calls++;
      return evalsha(...args);
    }) as typeof client.evalsha;
    return redisRateLimiter({
      client,
      prefix,
      capacity: 60,
      refillPerSecond: 1,
      clock: () => now,
      lease: lease ? leaseOptions : false,
      setTimer: (run, ms) => {
        const t = { at: now + ms, run };
        timers.push(t);
        return () => {
          t.at = Number.POSITIVE_INFINITY;
        };
      },
    });
  });
  let sends = 0;
  let refused = 0;
  const perTick = (rate * TICK_MS) / 1000;
  const redisBefore = await redisCpuUs(clients[0] as Redis);
  const cpuBefore = process.cpuUsage();
  let due = 0;
  for (let t = 0; t < seconds * 1000; t += TICK_MS) {
    now += TICK_MS;
    for (const timer of timers.splice(0)) {
      if (timer.at <= now) timer.run();
      else if (Number.isFinite(timer.at)) timers.push(timer);
    }
    due += perTick;
    const tick: Promise<void>[] = [];
    for (; due >= 1; due--) {
      const from = Math.floor(Math.random() * users);
      const to = (from + 1 + Math.floor(Math.random() * partners)) % users;
      const gateway = gateways[both ? Math.floor(Math.random() * 2) : from % 2] as RateLimiter;
      sends++;
      tick.push(
        (gateway.consumeAll as NonNullable<RateLimiter['consumeAll']>)([
          { key: `send:${from}`, limit: DEFAULT_LIMITS.sendRate },
          { key: `send-to:${from}:${to}`, limit: DEFAULT_LIMITS.sendToRate },
        ]).then((d) => {
          if (!d.allowed) refused++;
        }),
      );
    }
    await Promise.all(tick);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const redisAfter = await redisCpuUs(clients[0] as Redis);
  const keys = await (clients[0] as Redis).keys(`${prefix}*`);
  if (keys.length > 0) await (clients[0] as Redis).del(...keys);
  await Promise.all(clients.map((c) => c.quit()));
  return { calls, sends, refused, cpuUs: cpu.user + cpu.system, redisCpuUs: redisAfter - redisBefore };
}

for (const lease of [false, true]) {
  const r = await run(lease);
  console.log(
    `lease ${lease ? 'on ' : 'off'}  users ${users}  rate ${rate}/s  ${seconds} s  partners ${partners}${both ? '  devices on both gateways' : ''}: ` +
      `${r.sends} sends, ${r.calls} script calls, ${(r.calls / r.sends).toFixed(3)} per send, ${r.refused} refused; ` +
      `CPU per send: limiters ${(r.cpuUs / r.sends).toFixed(1)} µs, Redis server ${(r.redisCpuUs / r.sends).toFixed(1)} µs`,
  );
}
