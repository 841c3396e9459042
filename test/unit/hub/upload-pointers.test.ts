// A download is authorised from the pointers recorded when Media and DocumentReferences were
// written (issue 16, point 10): no search of the server's resources, whatever their number, and
// a pointer rewritten elsewhere no longer opens the upload.
import type { Resource } from '@medplum/fhirtypes';
import { MemoryRepository } from '@medplum/fhir-router';
import { describe, expect, it, vi } from 'vitest';
import { createFhirAccess } from '../../../src/hub/fhir-access';
import type { Claims } from '../../../src/hub/tokens';
import { createUploadPointers, uploadIdOf } from '../../../src/hub/upload-pointers';

const claims = (sub: string, role: Claims['role'] = 'station'): Claims => ({
  sub,
  role,
  name: sub,
  site: 'site',
  specialty: role === 'expert' ? 'dermatologie' : null,
  exp: 2e9,
  jti: `${sub}-1`,
  chain: `${sub}-1`,
  auth_time: 1.9e9,
});
const media = (id: string, url: string): Resource =>
  ({
    resourceType: 'Media',
    id,
    status: 'completed',
    content: { url },
    encounter: { reference: 'Encounter/sr-1' },
  }) as Resource;

describe('upload pointers', () => {
  it('reads the upload id at the end of a URL, whatever the host, and nothing else', () => {
    expect(uploadIdOf('http://127.0.0.1:4790/uploads/0a1b2c')).toBe('0a1b2c');
    expect(uploadIdOf('https://proxy.region.fr/uploads/0a1b2c?x=1')).toBe('0a1b2c');
    expect(uploadIdOf('http://h/uploads/../../etc/passwd')).toBeNull();
    expect(uploadIdOf('Binary/0a1b2c')).toBeNull();
    expect(uploadIdOf(42)).toBeNull();
  });

  it('keeps each resource’s pointers, replaced when it is written again', () => {
    const pointers = createUploadPointers();
    pointers.wrote(media('m1', 'http://h/uploads/u1'));
    pointers.wrote({
      resourceType: 'DocumentReference',
      id: 'd1',
      status: 'current',
      content: [{ attachment: { url: 'http://h/uploads/u1' } }, { attachment: { url: 'http://h/uploads/u2' } }],
    });
    expect(pointers.of('u1').sort()).toEqual(['DocumentReference/d1', 'Media/m1']);
    pointers.wrote(media('m1', 'http://h/uploads/u3'));
    expect(pointers.of('u1')).toEqual(['DocumentReference/d1']);
    expect(pointers.of('u3')).toEqual(['Media/m1']);
  });

  it('authorises a download from the owner’s pointers without searching the server', async () => {
    const repo = new MemoryRepository();
    const access = createFhirAccess(repo);
    // Written at client-made ids (PUT creates), as the stations do.
    await repo.updateResource({
      resourceType: 'ServiceRequest',
      id: 'sr-1',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      performerType: { text: 'dermatologie' },
    } as Resource);
    access.wrote({ resourceType: 'ServiceRequest', id: 'sr-1' } as Resource, claims('cart-a'));
    const m1 = await repo.updateResource(media('m1', 'http://h/uploads/u1'));
    access.wrote(m1, claims('cart-a'));
    const m2 = await repo.updateResource(media('m2', 'http://h/uploads/u1'));
    access.wrote(m2, claims('cart-b'));
    const search = vi.spyOn(repo, 'searchResources');
    expect(await access.canReadUpload('u1', 'cart-a', claims('dr-derm', 'expert'))).toBe(true);
    // Cart B's own Media names cart A's upload: it opens nothing, to cart B or to anyone.
    expect(await access.canReadUpload('u1', 'cart-a', claims('cart-b'))).toBe(false);
    expect(await access.canReadUpload('u9', 'cart-a', claims('dr-derm', 'expert'))).toBe(false);
    expect(search).not.toHaveBeenCalled();
  });
});
