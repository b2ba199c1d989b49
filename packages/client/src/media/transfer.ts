import { type ErrorCode, isErrorCode, ParleyError, type parley } from '@parley/core';
import type { Logger } from '../logger.js';
import { toReadableStream } from './source.js';
import type { MediaSpool } from './spool.js';

/** A ticket as the client uses it. */
export interface Ticket {
  blobId: string;
  url: string;
  token: string;
}

export function ticketOf(ticket: parley.v1.MediaTicket.$Properties | null | undefined): Ticket {
  if (!ticket?.blobId || !ticket.url || !ticket.token) throw new ParleyError('BAD_FRAME', 'expected a media ticket');
  return { blobId: ticket.blobId, url: ticket.url, token: ticket.token };
}

/**
 * The absolute URL of a ticket: as given when absolute, else resolved against the gateway URL the
 * client connected to (ws: -> http:, wss: -> https:), so uploads take the same route as the socket.
 */
export function ticketUrl(ticket: Ticket, gatewayUrl: string): string {
  const base = new URL(gatewayUrl);
  base.protocol = base.protocol === 'wss:' ? 'https:' : base.protocol === 'ws:' ? 'http:' : base.protocol;
  return new URL(ticket.url, base).toString();
}

/** Sends a spooled upload to the ticket's URL. */
export async function putUpload(
  fetchFn: typeof fetch,
  url: string,
  ticket: Ticket,
  spool: MediaSpool,
  spoolId: string,
  logger: Logger,
): Promise<void> {
  // A Blob streams natively everywhere; a stream body needs `duplex: 'half'` (Node, newer browsers).
  const body = spool.blob ? await spool.blob(spoolId) : toReadableStream(spool.read(spoolId));
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'PUT',
    // Without 'error', fetch clones the request to be able to replay it on a redirect, and the
    // clone's copy of a stream body buffers the whole upload in memory.
    redirect: 'error',
    headers: { authorization: `Parley ${ticket.token}`, 'content-type': 'application/octet-stream' },
    body,
    ...(spool.blob ? {} : { duplex: 'half' }),
  };
  const res = await send(fetchFn, url, init);
  if (!res.ok) throw await httpError(res);
  // The answer's body is not needed; dropping it frees the connection.
  await res.body?.cancel().catch((error: unknown) => logger.debug('discarding an upload answer failed', { error }));
}

/** GETs a blob with a download ticket; the response body is left to the caller. */
export async function getDownload(fetchFn: typeof fetch, url: string, ticket: Ticket): Promise<Response> {
  const res = await send(fetchFn, url, { headers: { authorization: `Parley ${ticket.token}` } });
  if (!res.ok) throw await httpError(res);
  return res;
}

async function send(fetchFn: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (cause) {
    // The network, not the server, said no: worth trying again (the outbox does so).
    throw new ParleyError('UNAVAILABLE', `media transfer failed: ${(cause as Error).message}`, { cause });
  }
}

/** A ParleyError from a refused media request's status and JSON body (`{ code, message }`). */
async function httpError(res: Response): Promise<ParleyError> {
  const body = await jsonBody(res);
  const fallback: ErrorCode = res.status === 413 ? 'MEDIA_TOO_LARGE' : res.status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE';
  const code: ErrorCode =
    body.code && isErrorCode(body.code) ? body.code : res.status >= 500 ? 'UNAVAILABLE' : fallback;
  // A spent or expired ticket is fixed by asking for a new one, so the outbox may retry.
  return new ParleyError(code, body.message || `media request failed with HTTP ${res.status}`, {
    ...(code === 'TICKET_INVALID' ? { retryable: true } : {}),
    details: { status: res.status },
  });
}

/** A refusal's JSON body, or nothing when it is not JSON (then the status decides). */
async function jsonBody(res: Response): Promise<{ code?: string; message?: string }> {
  try {
    return (await res.json()) as { code?: string; message?: string };
  } catch {
    return {};
  }
}
