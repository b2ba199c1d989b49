/**
 * Whether `address` (as a socket reports it) is a loopback address: 127.0.0.0/8, ::1, or an
 * IPv4-mapped 127.x. The default exemption from per-address limits, so local tools, tests and
 * benches are not throttled. Behind a reverse proxy every client arrives from the proxy's address,
 * so per-address limits must then be enforced at the proxy, which sees the real addresses.
 */
export function isLoopbackAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}
