// A resource id derived from what the record is (version-5 UUID layout over SHA-256): the same
// record always becomes the same resource, whichever station or retry sends it.
import { createHash } from 'node:crypto';

export function nameBasedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
