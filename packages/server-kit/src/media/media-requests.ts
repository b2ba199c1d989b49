import { randomBytes } from 'node:crypto';
import { ParleyError, type ServerFrameInit } from '@parley/core';
import type { Logger } from '../contracts/logger.js';
import {
  checkBlobId,
  DEFAULT_MAX_MEDIA_BYTES,
  DEFAULT_MEDIA_TTL_MS,
  type MediaStore,
  tooLarge,
} from '../contracts/media-store.js';
import {
  DEFAULT_MEDIA_TICKET_TTL_MS,
  type MediaTicket,
  type MediaTickets,
  ticketKey,
} from '../contracts/media-tickets.js';
import type { RateLimiter } from '../contracts/rate-limiter.js';
import type { Clock, DeviceAddress } from '../contracts/types.js';
import type { Routes } from '../router/routes.js';

/** Media settings of a server (`createServer({ media })`); every field has a default. */
export interface MediaSettings {
  /** Largest upload accepted, in bytes (ciphertext and MAC). Default 100 MiB. */
  maxUploadBytes: number;
  /** Blobs are deleted by the periodic purge once this old. Default 30 days. */
  blobTtlMs: number;
  /** A ticket must be used within this. Default 5 minutes. */
  ticketTtlMs: number;
  /** How often expired blobs and tickets are purged. Default 1 hour. */
  purgeIntervalMs: number;
  /** Tickets (upload and download together) a device may ask for per minute. Default 120. */
  ticketsPerMinute: number;
  /**
   * Bytes one user may upload per blob lifetime (all devices together), charged with the declared
   * size when an upload ticket is issued (a ticket never used still counts). Refills continuously
   * over `blobTtlMs`, as old blobs expire, so it bounds what one user keeps stored. Beyond it:
   * RATE_LIMITED with the wait until the upload fits. Default 2 GiB.
   */
  userQuotaBytes: number;
  /**
   * Free space the media store must keep (bytes): an upload ticket that would leave less is refused
   * with UNAVAILABLE (retryable). Needs a store that reports its free space (`fsMediaStore` does).
   * Default 1 GiB.
   */
  minFreeBytes: number;
  /**
   * Public base URL of this server's HTTP side (e.g. `https://chat.example.com`), for the URLs in
   * tickets. Default: none, and tickets carry the path alone (`/media/<blob id>`), which clients
   * resolve against the URL they connected to (ws: -> http:, wss: -> https:).
   */
  publicUrl?: string;
}

export const DEFAULT_MEDIA_SETTINGS: MediaSettings = {
  maxUploadBytes: DEFAULT_MAX_MEDIA_BYTES,
  blobTtlMs: DEFAULT_MEDIA_TTL_MS,
  ticketTtlMs: DEFAULT_MEDIA_TICKET_TTL_MS,
  purgeIntervalMs: 60 * 60 * 1000,
  ticketsPerMinute: 120,
  userQuotaBytes: 2 * 1024 * 1024 * 1024,
  minFreeBytes: 1024 * 1024 * 1024,
};

export interface MediaRequestsOptions {
  store: MediaStore;
  tickets: MediaTickets;
  rateLimiter: RateLimiter;
  clock: Clock;
  logger: Logger;
  settings: MediaSettings;
}

/**
 * The WebSocket side of media: hands out short-lived, single-use tickets for one upload (of a
 * fresh server-chosen blob id and a declared size) or one download (of a named blob), and purges
 * old blobs and tickets periodically. The bytes themselves go over HTTP (media-http.ts).
 *
 * Any authenticated user may get a download ticket for any blob id: ids are 128 random bits, so
 * only someone who was sent the (end-to-end encrypted) message that names a blob can know it, and
 * the blob is ciphertext whose key travels only in that message. Checking membership instead would
 * need the server to know who a blob was sent to, which it deliberately does not.
 */
export class MediaRequests {
  private purgeTimer: ReturnType<typeof setInterval> | undefined;

  constructor(readonly o: MediaRequestsOptions) {}

  start(): void {
    this.purgeTimer = setInterval(() => void this.purge(), this.o.settings.purgeIntervalMs);
    this.purgeTimer.unref?.();
  }

  stop(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }

  /** Deletes blobs older than the blob lifetime and expired tickets. */
  async purge(): Promise<{ blobs: number; tickets: number }> {
    const cutoff = this.o.clock() - this.o.settings.blobTtlMs;
    const [blobs, tickets] = await Promise.all([
      this.o.store.purgeStoredBefore(cutoff).catch((error: unknown) => {
        this.o.logger.warn('media purge failed', { error: String(error) });
        return 0;
      }),
      this.o.tickets.purgeExpired().catch(() => 0),
    ]);
    if (blobs > 0) this.o.logger.info('media purged', { blobs });
    return { blobs, tickets };
  }

  /** The media ticket routes. */
  routes(): Pick<Routes, 'mediaUpload' | 'mediaDownload'> {
    return {
      mediaUpload: async (request, { device }) => {
        await this.charge(device);
        const size = Number(request.size ?? 0);
        if (!Number.isSafeInteger(size) || size <= 0) throw new ParleyError('INVALID_ARGUMENT', 'upload size required');
        if (size > this.o.settings.maxUploadBytes) throw tooLarge(this.o.settings.maxUploadBytes);
        await this.checkDisk(size);
        await this.chargeQuota(device.userId, size);
        return this.issue({ kind: 'upload', blobId: randomBytes(16).toString('hex'), size, userId: device.userId });
      },
      mediaDownload: async (request, { device }) => {
        await this.charge(device);
        const blobId = request.blobId ?? '';
        checkBlobId(blobId);
        return this.issue({ kind: 'download', blobId, size: 0, userId: device.userId });
      },
    };
  }

  /** Takes one ticket from the device's per-minute budget; RATE_LIMITED when it is spent. */
  private async charge(device: DeviceAddress): Promise<void> {
    const perMinute = this.o.settings.ticketsPerMinute;
    const decision = await this.o.rateLimiter.consume(`media-ticket\u0000${device.userId}\u0000${device.deviceId}`, 1, {
      capacity: perMinute,
      refillPerSecond: perMinute / 60,
    });
    if (!decision.allowed) {
      throw new ParleyError('RATE_LIMITED', 'too many media tickets', { retryAfterMs: decision.retryAfterMs });
    }
  }

  /** Refuses an upload that would leave the store with less than `minFreeBytes`. */
  private async checkDisk(size: number): Promise<void> {
    const free = await this.o.store.freeBytes?.();
    if (free !== undefined && free - size < this.o.settings.minFreeBytes) {
      this.o.logger.warn('media storage is full: refusing uploads', {
        free,
        minFreeBytes: this.o.settings.minFreeBytes,
      });
      throw new ParleyError('UNAVAILABLE', 'media storage is full', { retryAfterMs: 60_000 });
    }
  }

  /** Charges an upload's declared size to the user's byte quota; RATE_LIMITED when it does not fit. */
  private async chargeQuota(userId: string, size: number): Promise<void> {
    const { userQuotaBytes, blobTtlMs } = this.o.settings;
    if (size > userQuotaBytes) throw tooLarge(userQuotaBytes);
    const decision = await this.o.rateLimiter.consume(`media-quota\u0000${userId}`, size, {
      capacity: userQuotaBytes,
      refillPerSecond: userQuotaBytes / (blobTtlMs / 1000),
    });
    if (!decision.allowed) {
      throw new ParleyError('RATE_LIMITED', 'media quota used up', { retryAfterMs: decision.retryAfterMs });
    }
  }

  private async issue(ticket: Omit<MediaTicket, 'expiresAt'>): Promise<Omit<ServerFrameInit, 'requestId'>> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.o.clock() + this.o.settings.ticketTtlMs;
    await this.o.tickets.issue(ticketKey(token), { ...ticket, expiresAt });
    const path = `/media/${ticket.blobId}`;
    const base = this.o.settings.publicUrl;
    return {
      mediaTicket: {
        blobId: ticket.blobId,
        url: base ? `${base.replace(/\/+$/, '')}${path}` : path,
        token,
        expiresAt,
        maxSize: ticket.kind === 'upload' ? ticket.size : 0,
      },
    };
  }
}
