// Sends a captured file to the station in chunks, with its SHA-256; if the station says it has a
// different amount (a chunk whose answer was lost), the transfer carries on from there.
import { CHUNK_BASE64_CHARS, type Attachment } from '../../shared/acts/attachments';
import type { ChannelInput, RelaisApi } from '../../shared/contract';
import type { Result } from '../../shared/result';

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function uploadAttachment(
  api: RelaisApi,
  meta: Omit<ChannelInput<'attachments.begin'>, 'size' | 'sha256'>,
  bytes: Uint8Array,
): Promise<Result<Attachment>> {
  const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const begun = await api.invoke('attachments.begin', { ...meta, size: bytes.length, sha256 });
  if (!begun.ok) return begun;
  const { uploadId } = begun.value;
  const chunkBytes = (CHUNK_BASE64_CHARS / 4) * 3;
  let offset = 0;
  let attempts = 0;
  while (offset < bytes.length) {
    const sent = await api.invoke('attachments.chunk', {
      uploadId,
      offset,
      data: base64(bytes.subarray(offset, offset + chunkBytes)),
    });
    if (sent.ok) {
      offset = sent.value.received;
      attempts = 0;
      continue;
    }
    const expected = sent.error.fields?.find((f) => f.code === 'upload.wrong_offset')?.params?.expected;
    if (typeof expected !== 'number' || ++attempts > 3) return sent;
    offset = expected;
  }
  return api.invoke('attachments.finish', { uploadId });
}
