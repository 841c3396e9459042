// The hub's authorisation matrix for uploads: a photo is read by its owner and the experts of its request, never through a pointer.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bytes,
  bytesC,
  coordinatorToken,
  id,
  media,
  photo,
  put,
  token,
  useAuthorisationHub,
  WHO,
  type Who,
} from '../helpers/hub-authorisation';

// Against a real hub on 127.0.0.1 (test/helpers/hub-authorisation.ts). Every refused case checks
// the answer's code and that the owner's file is untouched.
useAuthorisationHub();

// ---- uploads -----------------------------------------------------------------------------
const uploadAsk = async (
  w: Who,
  method: string,
  headers: Record<string, string> = {},
  body?: Buffer,
  url = photo.urlA,
) => {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token(w)}`, 'Tus-Resumable': '1.0.0', ...headers },
    ...(body ? { body } : {}),
  });
  return {
    status: response.status,
    bytes: Buffer.from(await response.arrayBuffer()),
    offset: response.headers.get('upload-offset'),
  };
};
const uploadCases = [
  ...WHO.map((w) => ({ w, method: 'GET', allowed: w === 'cartA' || w === 'derm' || w === 'derm2' })), // the experts read the files of a request routed to them
  ...(['cartB', 'derm', 'neuro'] as Who[]).flatMap((w) =>
    ['HEAD', 'PATCH', 'DELETE'].map((method) => ({ w, method, allowed: false })),
  ),
  { w: 'cartA' as Who, method: 'HEAD', allowed: true },
];

describe('hub authorisation matrix: uploads', () => {
  it.each(uploadCases)('$w $method the photo of act A -> allowed: $allowed', async ({ w, method, allowed }) => {
    const extra: Record<string, string> =
      method === 'PATCH'
        ? { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(bytes.length) }
        : {};
    const answer = await uploadAsk(w, method, extra, method === 'PATCH' ? Buffer.from('more') : undefined);
    if (allowed) {
      expect(answer.status).toBe(200);
      if (method === 'GET') expect(answer.bytes.equals(bytes)).toBe(true);
      else expect(answer.offset).toBe(String(bytes.length));
    } else {
      expect(answer.status).toBe(404);
      expect(answer.bytes.includes(bytes.subarray(0, 64))).toBe(false);
    }
    // The owner's file is untouched either way.
    const mine = await uploadAsk('cartA', 'GET');
    expect(mine.status).toBe(200);
    expect(mine.bytes.equals(bytes)).toBe(true);
  });
});

describe('hub authorisation matrix: uploads of a request named to an expert', () => {
  // Request C names Dr Derm (dr-derm) by identifier; the other Dr Derm (dr-derm-2) is not her.
  it.each(WHO.map((w) => ({ w, allowed: w === 'cartB' || w === 'derm' })))(
    '$w GET the photo of act C -> allowed: $allowed',
    async ({ w, allowed }) => {
      const answer = await uploadAsk(w, 'GET', {}, undefined, photo.urlC);
      if (allowed) {
        expect(answer.status).toBe(200);
        expect(answer.bytes.equals(bytesC)).toBe(true);
      } else {
        expect(answer.status).toBe(404);
        expect(answer.bytes.includes(bytesC.subarray(0, 64))).toBe(false);
      }
    },
  );
});

describe('hub authorisation matrix: an upload is read by its owner, not through a pointer', () => {
  it('refuses a station its own Media pointing at another station’s upload (404), and the experts of its request', async () => {
    // Cart B writes, on its own act B (routed to neurology), a Media whose URL is cart A's photo.
    const pointer = media(randomUUID(), id.SRB, photo.urlA, id.PB);
    expect([200, 201]).toContain((await put('cartB', pointer)).status);
    for (const w of ['cartB', 'neuro'] as Who[]) {
      const answer = await uploadAsk(w, 'GET');
      expect(answer.status).toBe(404);
      expect(answer.bytes.includes(bytes.subarray(0, 64))).toBe(false);
    }
    // The owner and the expert of the owner's request still read it.
    for (const w of ['cartA', 'derm'] as Who[]) expect((await uploadAsk(w, 'GET')).bytes.equals(bytes)).toBe(true);
  });
});

describe('hub authorisation matrix: the coordinator’s token and uploads', () => {
  it('neither reads a patient’s file nor sends one (403)', async () => {
    const auth = { Authorization: `Bearer ${coordinatorToken()}`, 'Tus-Resumable': '1.0.0' };
    const read = await fetch(photo.urlA, { headers: auth });
    expect(read.status).toBe(403);
    expect(Buffer.from(await read.arrayBuffer()).includes(bytes.subarray(0, 64))).toBe(false);
    const create = await fetch(new URL('/uploads', photo.urlA), {
      method: 'POST',
      headers: {
        ...auth,
        'Upload-Length': '4',
        'Upload-Metadata': `sha256 ${Buffer.from('0'.repeat(64)).toString('base64')}`,
      },
    });
    expect(create.status).toBe(403);
  });
});
