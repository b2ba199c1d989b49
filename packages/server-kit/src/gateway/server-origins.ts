// Which login origins a connection accepts (docs/PROTOCOL.md section 5.1). A device signs the host
// of the URL it connected to; the gateway refuses a login signed for any other server, so a server
// the client was pointed at cannot relay another server's nonce and log in there as the device.

/** The address a connection arrived on, as its socket reports it. */
export interface LocalAddress {
  address?: string | undefined;
  port?: number | undefined;
}

/** An origin is a URL host: a DNS name, an IPv4 address or a bracketed IPv6 address, with an optional port. */
export const MAX_ORIGIN_BYTES = 255;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostOf(origin: string): string {
  // "[::1]:8080" -> "[::1]", "example.com:443" -> "example.com"
  const bracket = origin.startsWith('[') ? origin.indexOf(']') : -1;
  const colon = origin.indexOf(':', bracket + 1);
  return colon < 0 ? origin : origin.slice(0, colon);
}

function isLoopbackAddress(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function urlHostOf(address: string): string {
  const v4 = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  return v4.includes(':') ? `[${v4}]` : v4;
}

/**
 * Decides which origins a connection may be logged in for.
 *
 * With `configured` origins (the `origins` server option), exactly those, compared case-insensitively:
 * set them whenever clients reach the server through a name or a proxy. Without, the default binds to
 * the socket the connection arrived on: a loopback connection accepts any loopback host (any port,
 * since a local proxy or port forward may sit in between), any other connection accepts only the
 * local IP address and port it arrived on (also without the port when that is 80 or 443). A login
 * made to a DNS name is therefore refused until that name is configured: safe, and the refusal
 * names the origin the client used.
 */
export function originPolicy(
  configured: readonly string[] | undefined,
  local: LocalAddress,
): (origin: string) => boolean {
  if (configured !== undefined) {
    const allowed = new Set(configured.map((o) => o.toLowerCase()));
    return (origin) => allowed.has(origin.toLowerCase());
  }
  const address = local.address ?? '';
  if (isLoopbackAddress(address)) return (origin) => LOOPBACK_HOSTS.has(hostOf(origin.toLowerCase()));
  if (!address) return () => false;
  const host = urlHostOf(address);
  const allowed = new Set([`${host}:${local.port ?? 0}`]);
  if (local.port === 80 || local.port === 443) allowed.add(host);
  return (origin) => allowed.has(origin.toLowerCase());
}
