// A file's SHA-1 (FHIR's Attachment.hash) taken from the bytes as they are sent, so that a file is
// read and decrypted once on its way out, not once to hash it and again to send it. Only bytes
// sent in order from the first count, each once: a chunk sent again after a lost answer is not
// hashed twice, and an upload resumed mid-file (its start sent by an earlier run) leaves the sum
// incomplete, for the caller to take it from the stored file instead.
//
// The SHA-256 is not taken again here: the hub computes it over the bytes it received and refuses
// them (460) unless they match the one the station took when the file was captured, and every
// sealed record read on the way is authenticated (AES-GCM), so a damaged stored copy stops the
// upload. Hashing it twice more on the station cost as much as decrypting and sending the file.
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { UploadSource } from '../resumable-upload';

export interface FileSums {
  sha256: string;
  sha1Base64: string;
}

export function sendingSums(source: UploadSource) {
  const sha1 = createHash('sha1');
  let hashedUpTo = 0;
  const hashing: UploadSource = {
    size: source.size,
    stream(start, end) {
      let at = start;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          const chunkEnd = at + chunk.length;
          if (at <= hashedUpTo && chunkEnd > hashedUpTo) {
            sha1.update(chunk.subarray(hashedUpTo - at));
            hashedUpTo = chunkEnd;
          }
          at = chunkEnd;
          done(null, chunk);
        },
      });
      const bytes = source.stream(start, end);
      // An unreadable source (a damaged sealed file) fails the stream the request reads.
      bytes.once('error', (error) => counted.destroy(error));
      counted.once('close', () => bytes.destroy());
      return bytes.pipe(counted);
    },
  };
  return {
    source: hashing,
    /** The SHA-1 (base64), when every byte went through in order; null otherwise. */
    sha1Base64(): string | null {
      return hashedUpTo === source.size ? sha1.digest('base64') : null;
    },
  };
}
