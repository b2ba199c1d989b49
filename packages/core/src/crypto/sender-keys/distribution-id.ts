// Distribution ids: UUID strings in the API, their 16 bytes on the wire (the official library's
// `distribution_uuid`, big-endian as RFC 9562 writes a UUID).
import { fromHex, toHex } from '../../bytes.js';
import { ParleyError } from '../../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The canonical (lower-case) form of a distribution id; `INVALID_ARGUMENT` when it is not a UUID. */
export function canonicalDistributionId(distributionId: string): string {
  if (typeof distributionId !== 'string' || !UUID.test(distributionId)) {
    throw new ParleyError('INVALID_ARGUMENT', 'distributionId must be a UUID (8-4-4-4-12 hex digits)');
  }
  return distributionId.toLowerCase();
}

/** The 16 bytes of a canonical distribution id. */
export function distributionIdBytes(distributionId: string): Uint8Array {
  return fromHex(distributionId.replaceAll('-', ''));
}

/** The distribution id of 16 bytes, lower-case 8-4-4-4-12. */
export function distributionIdFromBytes(bytes: Uint8Array): string {
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
