import type { parley } from '@parley/core';
import { ParleyError, PROTOCOL_VERSION, randomBytes } from '@parley/core';
import type { Authenticator } from '../contracts/authenticator.js';
import type { ServerLimits } from '../contracts/limits.js';
import type { Logger } from '../contracts/logger.js';
import type { ServerStores } from '../contracts/stores.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';
import { isValidUserId } from '../router/request-checks.js';
import { CloseReasons, type Connection } from './connection.js';
import { type LocalAddress, MAX_ORIGIN_BYTES } from './server-origins.js';

interface PendingHello {
  hello: parley.v1.Hello.$Properties;
  /** The device the hello names, checked. */
  device: DeviceAddress;
  nonce: Uint8Array;
}

/** What the handshake uses, and whom it tells when a connection is authenticated. */
export interface HandshakeContext {
  stores: ServerStores;
  authenticator: Authenticator;
  clock: Clock;
  limits: ServerLimits;
  logger: Logger;
  /**
   * Whether a connection that arrived on `local` may log in for `origin`, the server the device
   * signed its login for.
   */
  acceptsOrigin(origin: string, local: LocalAddress): boolean;
  /**
   * Called once the connection is authenticated, before Welcome is sent. Returns the queue
   * size for Welcome and a `start` that begins deliveries once Welcome is on the wire.
   */
  onAuthenticated(connection: Connection, device: DeviceAddress): Promise<{ pending: number; start(): void }>;
}

/**
 * Hello -> Challenge -> Auth -> Welcome. Anything else before Welcome is answered with
 * UNAUTHENTICATED; a failed proof is answered with AUTH_FAILED and the connection closed. `ctx` is
 * shared by every connection of a gateway; `local` is the address this one arrived on (see
 * server-origins.ts) and `remoteAddress` where it came from. The owner drops the handshake once the
 * connection is ready.
 */
export class Handshake {
  private pending: PendingHello | undefined;

  constructor(
    private readonly ctx: HandshakeContext,
    private readonly connection: Connection,
    private readonly local: LocalAddress,
    /** The peer's IP address, when the server knows it (for per-address limits such as registrations). */
    private readonly remoteAddress?: string,
  ) {}

  hello(requestId: number, hello: parley.v1.Hello.$Properties): void {
    if (this.connection.state !== 'hello') throw new ParleyError('BAD_FRAME', 'hello was already sent');
    if (hello.protocolVersion !== PROTOCOL_VERSION) {
      this.connection.replyError(
        requestId,
        new ParleyError('UNSUPPORTED_VERSION', `server speaks version ${PROTOCOL_VERSION}`),
      );
      this.connection.close(CloseReasons.CLOSE_REASON_UNSUPPORTED_VERSION, 'unsupported protocol version');
      return;
    }
    const device = { userId: hello.userId ?? '', deviceId: hello.deviceId ?? 0 };
    if (!isValidUserId(device.userId) || !Number.isInteger(device.deviceId) || device.deviceId <= 0) {
      this.fail(requestId, 'user_id must be 1-128 characters without control characters, device_id > 0');
      return;
    }
    const oversize = oversizeHelloField(hello);
    if (oversize) {
      this.fail(requestId, oversize);
      return;
    }
    const nonce = randomBytes(32);
    this.pending = { hello, device, nonce };
    this.connection.state = 'auth';
    this.connection.reply(requestId, { challenge: { nonce, serverTime: this.ctx.clock() } });
  }

  async auth(requestId: number, auth: parley.v1.Auth.$Properties): Promise<void> {
    const pending = this.pending;
    if (this.connection.state !== 'auth' || !pending) throw new ParleyError('UNAUTHENTICATED', 'send hello first');
    this.pending = undefined;
    const { hello, device, nonce } = pending;
    if ((auth.signature?.length ?? 0) > MAX_KEY_BYTES) {
      this.fail(requestId, `signature is at most ${MAX_KEY_BYTES} bytes`);
      return;
    }
    const origin = auth.origin ?? '';
    if (!this.ctx.acceptsOrigin(origin, this.local)) {
      // The login was made for another server: relayed, or the gateway's `origins` is not configured.
      const shown = origin.length > MAX_ORIGIN_BYTES ? `${origin.slice(0, 64)}...` : origin;
      this.fail(requestId, `the login was signed for origin "${shown}", which this server does not answer to`);
      return;
    }
    const link = hello.link;
    const decision = await this.ctx.authenticator
      .authenticate(
        {
          userId: device.userId,
          deviceId: device.deviceId,
          authKey: hello.authKey ?? new Uint8Array(),
          token: hello.token ?? '',
          nonce,
          origin,
          signature: auth.signature ?? new Uint8Array(),
          ...(link
            ? {
                link: {
                  approverDeviceId: link.approverDeviceId ?? 0,
                  newDeviceId: link.newDeviceId ?? 0,
                  newAuthKey: link.newAuthKey ?? new Uint8Array(),
                  expiresAt: link.expiresAt ?? 0,
                  signature: link.signature ?? new Uint8Array(),
                },
              }
            : {}),
        },
        {
          devices: this.ctx.stores.devices,
          clock: this.ctx.clock,
          rateLimiter: this.ctx.stores.rateLimiter,
          ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
        },
      )
      .catch((error: unknown) => {
        this.ctx.logger.error('authenticator failed', { error: String(error) });
        return undefined;
      });
    if (!this.connection.isOpen) return;
    if (!decision) {
      // Our failure, not the client's: it must retry later, not give up on its identity.
      this.connection.replyError(requestId, new ParleyError('UNAVAILABLE', 'authentication is unavailable'));
      this.connection.close(CloseReasons.CLOSE_REASON_UNAVAILABLE, 'authentication is unavailable');
      return;
    }
    if (!decision.ok) {
      this.ctx.logger.info('auth failed', { ...device, reason: decision.reason });
      if (decision.retryAfterMs !== undefined) {
        const retryAfterMs = decision.retryAfterMs;
        this.connection.replyError(requestId, new ParleyError('RATE_LIMITED', decision.reason, { retryAfterMs }));
        this.connection.close(CloseReasons.CLOSE_REASON_RATE_LIMITED, 'rate limited', retryAfterMs);
        return;
      }
      this.fail(requestId, decision.reason);
      return;
    }
    let ready: { pending: number; start(): void };
    try {
      ready = await this.ctx.onAuthenticated(this.connection, device);
    } catch (error) {
      this.ctx.logger.error('session setup failed', { error: String(error) });
      this.connection.replyError(requestId, new ParleyError('UNAVAILABLE', 'session setup failed'));
      this.connection.close(CloseReasons.CLOSE_REASON_UNAVAILABLE, 'session setup failed');
      return;
    }
    if (!this.connection.isOpen) return;
    const { limits } = this.ctx;
    this.connection.reply(requestId, {
      welcome: {
        serverTime: this.ctx.clock(),
        registered: decision.registered,
        heartbeatIntervalMs: limits.heartbeatIntervalMs,
        idleTimeoutMs: limits.idleTimeoutMs,
        maxFrameBytes: limits.maxFrameBytes,
        pending: ready.pending,
        deliveryWindow: limits.deliveryWindow,
      },
    });
    ready.start();
  }

  private fail(requestId: number, reason: string): void {
    this.connection.replyError(requestId, new ParleyError('AUTH_FAILED', reason));
    this.connection.close(CloseReasons.CLOSE_REASON_AUTH_FAILED, 'authentication failed');
  }
}

/** Longest `client_info` (characters): a product name and version, not a document. */
export const MAX_CLIENT_INFO = 256;
/** Longest bearer `token` (characters): room for a large JWT. */
export const MAX_TOKEN = 8_192;
/** Longest key or signature (bytes): public keys and signatures are 32-72 bytes. */
export const MAX_KEY_BYTES = 256;

/** Which Hello field is over its length limit, as the refusal says it; undefined when none is. */
function oversizeHelloField(hello: parley.v1.Hello.$Properties): string | undefined {
  if ((hello.clientInfo?.length ?? 0) > MAX_CLIENT_INFO) return `client_info is at most ${MAX_CLIENT_INFO} characters`;
  if ((hello.token?.length ?? 0) > MAX_TOKEN) return `token is at most ${MAX_TOKEN} characters`;
  const keys = [hello.authKey, hello.link?.newAuthKey, hello.link?.signature];
  if (keys.some((k) => (k?.length ?? 0) > MAX_KEY_BYTES))
    return `keys and signatures are at most ${MAX_KEY_BYTES} bytes`;
  return undefined;
}
