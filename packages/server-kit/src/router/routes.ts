// The public shape of routing: every ClientFrame body case an authenticated device may send maps to
// exactly one handler, so adding a body to the protocol fails compilation until it has a route.
import type { ClientFrame, OneofCaseName, ServerFrameInit } from '@parley/core';
import type { DeviceAddress } from '../contracts/types.js';

/** Every body case of a `ClientFrame`. */
export type ClientBodyCase = OneofCaseName<ClientFrame, 'body'>;

/** Cases the connection answers itself (handshake and keep-alive): never routed. */
export type ConnectionBodyCase = 'hello' | 'auth' | 'ping' | 'pong';

/** Body cases of an authenticated device's frames: each has exactly one route. */
export type RequestCase = Exclude<ClientBodyCase, ConnectionBodyCase>;

/** The message a frame of body case `C` carries. */
export type RequestOf<C extends ClientBodyCase> = NonNullable<ClientFrame[C]>;

/** What a route answers: the body of the ServerFrame sent back, or `undefined` for no answer (`deliverAck`). */
export type Reply = Omit<ServerFrameInit, 'requestId'> | undefined;

/** Who is asking: set by the gateway from the authenticated connection, never from the frame. */
export interface RequestContext {
  /** The authenticated device that sent the frame. */
  readonly device: DeviceAddress;
  /** The frame's request id (0 for frames that get no answer). */
  readonly requestId: number;
  /** The connection the frame arrived on, unique within the gateway. */
  readonly connectionId: string;
  /**
   * Says the request has taken its place in order: what it still does cannot overtake, or be
   * overtaken by, a later request of this connection (a send whose enqueue call fixed its seqs).
   * The connection may then start on its next frame while this one finishes (a send waits for its
   * commit without holding up the sender's next one). Optional to call; a second call, or one after
   * the answer, does nothing. Absent where nothing waits behind the request.
   */
  readonly ordered?: () => void;
}

/** Serves one body case; throw a `ParleyError` to answer with that error. */
export type Handler<C extends RequestCase> = (request: RequestOf<C>, ctx: RequestContext) => Promise<Reply>;

/** One handler for every request case: the compiler proves the map complete. */
export type Routes = { [C in RequestCase]: Handler<C> };

/**
 * Wraps the route of one body case: inspect or change the request, call `next` to run the route
 * (or the next middleware in), or answer without calling it to replace the route. Throwing a
 * `ParleyError` refuses the request with that error.
 */
export type Middleware<C extends RequestCase> = (
  request: RequestOf<C>,
  ctx: RequestContext,
  next: (request: RequestOf<C>) => Promise<Reply>,
) => Promise<Reply>;

/** Middleware per body case (`createServer({ routes })`); a list runs outermost first. */
export type RouteMiddleware = { [C in RequestCase]?: Middleware<C> | readonly Middleware<C>[] };
