import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ErrorCode, isParleyError, ParleyError } from '@parley/core';
import type { Logger } from '../contracts/logger.js';
import { isBlobId, type MediaStore, tooLarge } from '../contracts/media-store.js';
import { type MediaTicket, type MediaTickets, ticketKey } from '../contracts/media-tickets.js';

/** What the HTTP routes need: the parts and the upload limit. */
export interface MediaHttpContext {
  store: MediaStore;
  tickets: MediaTickets;
  logger: Logger;
  maxUploadBytes: number;
  /** An upload that receives no bytes for this long (ms) is closed; the store then removes what it wrote. */
  uploadIdleTimeoutMs: number;
}

const ROUTE = /^\/media\/([^/?#]*)$/;

/** HTTP status of each error a media request may end with; anything else is 503. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  TICKET_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  MEDIA_TOO_LARGE: 413,
};

// Tickets, not cookies, authorize: any origin may call, as with a bearer token.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, PUT, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

/**
 * Serves `PUT /media/<blobId>` (upload) and `GET /media/<blobId>` (download), each with header
 * `Authorization: Parley <token>` of a ticket for that blob. Resolves false for any other path.
 *
 * An upload is refused before its body is read when Content-Length exceeds the ticket's size or
 * the server's limit (413), and while streaming as soon as it passes the ticket's size; it must
 * be exactly the declared size. The store writes it atomically, so a refused or interrupted upload
 * leaves nothing. Errors answer a JSON body `{ "code": "TICKET_INVALID", "message": "..." }`.
 */
export async function handleMediaHttp(
  ctx: MediaHttpContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const match = ROUTE.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (!match) return false;
  const blobId = match[1] ?? '';
  try {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
    } else if (req.method === 'PUT') {
      await upload(ctx, req, res, blobId);
    } else if (req.method === 'GET') {
      await download(ctx, req, res, blobId);
    } else {
      res.writeHead(405, { allow: 'GET, PUT, OPTIONS', ...CORS }).end();
    }
  } catch (error) {
    fail(ctx, req, res, error);
  }
  return true;
}

async function upload(ctx: MediaHttpContext, req: IncomingMessage, res: ServerResponse, blobId: string) {
  const declared = contentLength(req);
  if (declared !== undefined && declared > ctx.maxUploadBytes) throw tooLarge(ctx.maxUploadBytes);
  const ticket = await takeTicket(ctx, req, 'upload', blobId);
  const limit = Math.min(ticket.size, ctx.maxUploadBytes);
  if (declared !== undefined && declared > limit) throw tooLarge(limit);
  if (declared !== undefined && declared < ticket.size) {
    throw new ParleyError('INVALID_ARGUMENT', `the ticket is for ${ticket.size} bytes`);
  }
  // A stalled upload would hold a socket and a partial blob (a temp file) for as long as the client
  // likes: cut it after an idle while. The body then fails, and the store removes what it wrote.
  const socket = req.socket;
  const stalled = () => {
    ctx.logger.debug('media upload stalled: closing it', { blobId });
    socket.destroy();
  };
  socket.setTimeout(ctx.uploadIdleTimeoutMs, stalled);
  let info: Awaited<ReturnType<MediaStore['put']>>;
  try {
    info = await ctx.store.put(blobId, exactly(req, ticket.size), { maxBytes: limit });
  } finally {
    socket.setTimeout(0);
    socket.off('timeout', stalled);
  }
  res.writeHead(201, { 'content-type': 'application/json', ...CORS }).end(JSON.stringify({ blobId, size: info.size }));
}

async function download(ctx: MediaHttpContext, req: IncomingMessage, res: ServerResponse, blobId: string) {
  await takeTicket(ctx, req, 'download', blobId);
  const blob = await ctx.store.get(blobId);
  if (!blob) throw new ParleyError('NOT_FOUND', 'no such blob (it may have expired)');
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(blob.size),
    'cache-control': 'no-store',
    ...CORS,
  });
  // pipeline keeps to the client's pace and closes the blob's file if the client goes away.
  await pipeline(Readable.from(blob.data, { objectMode: false }), res).catch((error: unknown) => {
    ctx.logger.debug('media download ended early', { blobId, error: String(error) });
    res.destroy();
  });
}

/** Takes (so spends) the request's ticket; TICKET_INVALID unless it is a live one for this action and blob. */
async function takeTicket(
  ctx: MediaHttpContext,
  req: IncomingMessage,
  kind: MediaTicket['kind'],
  blobId: string,
): Promise<MediaTicket> {
  const token = /^Parley ([A-Za-z0-9_-]{16,128})$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token || !isBlobId(blobId)) throw new ParleyError('TICKET_INVALID', 'a valid media ticket is required');
  const ticket = await ctx.tickets.take(ticketKey(token));
  if (!ticket || ticket.kind !== kind || ticket.blobId !== blobId) {
    throw new ParleyError('TICKET_INVALID', 'the media ticket is unknown, expired, used, or for something else');
  }
  return ticket;
}

/** The request body, failing (so the store keeps nothing) unless it is exactly `size` bytes. */
async function* exactly(req: IncomingMessage, size: number): AsyncGenerator<Uint8Array> {
  let received = 0;
  // Not destroyed when the store stops reading (too large): the socket must stay up for the 413.
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>) {
    received += chunk.length;
    yield chunk;
  }
  if (received < size) {
    throw new ParleyError('INVALID_ARGUMENT', `the upload ended after ${received} of ${size} bytes`);
  }
}

function contentLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined) return undefined;
  const n = Number(header);
  if (!Number.isSafeInteger(n) || n < 0) throw new ParleyError('INVALID_ARGUMENT', 'bad content-length');
  return n;
}

function fail(ctx: MediaHttpContext, req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const e = isParleyError(error) ? error : new ParleyError('UNAVAILABLE', 'temporarily unavailable');
  if (!isParleyError(error)) ctx.logger.warn('media request failed', { error: String(error) });
  if (res.headersSent || !res.writable) {
    res.destroy();
    return;
  }
  // An unread request body is not drained: the connection closes after this answer instead.
  const unread = req.method === 'PUT' && !req.readableEnded;
  res
    .writeHead(STATUS[e.code] ?? 503, {
      'content-type': 'application/json',
      ...(unread ? { connection: 'close' } : {}),
      ...CORS,
    })
    .end(JSON.stringify({ code: e.code, message: e.message }));
}
