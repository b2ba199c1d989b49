// Browser-shaped typing for isomorphic-ws. Its own typings pull in @types/ws and with it every
// Node global, which would let Node-only code slip into a package that must run in browsers.
import type { WebSocketConstructor } from '../websocket-like.js';

declare const IsomorphicWebSocket: WebSocketConstructor;
export default IsomorphicWebSocket;
