// A téléexpertise request reaches only the expert it names, waits on the station while it cannot leave, and never sends its token elsewhere.
import { describe, expect, it } from 'vitest';
import { startHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import { contractValue as value } from '../helpers/contract-value';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';
import { validatedIdentity } from '../helpers/identities';
import { useCleanups } from '../helpers/cleanups';
import { SECRET, exp, cartToken, dermToken, eventually, failure } from '../helpers/teleexpertise';

const tempDir = useTempDir();
const cleanup = useCleanups();

describe('téléexpertise request guards', () => {
  it('routes a request named to an expert by her hub identity: her namesake of the same specialty does not see it', async () => {
    const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanup(() => hub.close());
    const open = (token: string) => {
      const station = createStation({
        dataDir: tempDir(),
        mode: 'browser',
        logger: silentLogger,
        hubUrl: hub.url,
        hubToken: token,
        fhirUrl: hub.fhirUrl,
        uploadsUrl: hub.uploadsUrl,
        syncTiming: { debounceMs: 5, intervalMs: 200, pullIntervalMs: 300 },
      });
      cleanup(() => station.close());
      return station;
    };
    const namesakeToken = issueToken(SECRET, {
      sub: 'dr-le-goff-morlaix',
      role: 'expert',
      name: 'Dr Le Goff',
      site: 'CH de Morlaix',
      specialty: 'Dermatologie',
      exp,
    });
    const [cart, derm, namesake] = [open(cartToken), open(dermToken), open(namesakeToken)];
    for (const s of [cart, derm, namesake])
      await eventually(
        () => value(s, 'calls.hub', {}),
        (h) => h.you !== null,
        'welcomed by the hub',
      );
    const created = await value(cart, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('no patient');
    const act = await value(cart, 'teleexpertise.create', {
      patientId: created.patient.id,
      specialty: 'Dermatologie',
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD Les Tilleuls',
      expert: { name: 'Dr Le Goff', role: 'physician', hubId: 'dr-le-goff' },
      question: 'Naevus du dos ?',
      priority: 'routine',
    });
    await value(cart, 'teleexpertise.submit', { encounterId: act.id, version: act.version, consentBy: 'IDE Morvan' });
    await eventually(
      () => value(cart, 'teleexpertise.get', { encounterId: act.id }),
      (v) => v.state === 'sent',
      'the request on the server',
    );
    expect(await value(derm, 'teleexpertise.inbox', {})).toEqual([
      expect.objectContaining({ requestId: act.id, toMe: true }),
    ]);
    expect(await value(namesake, 'teleexpertise.inbox', {})).toEqual([]);
    expect((await failure(namesake, 'teleexpertise.open', { requestId: act.id })).code).toBe('not_found');
  }, 30_000);

  it('keeps a request on the station while it cannot leave, and says when part of it is held back', async () => {
    const dir = tempDir();
    const station = openStation(dir);
    cleanup(() => station.close());
    const created = await station.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('no patient');
    const nurse = { name: 'IDE Morvan', role: 'nurse' as const };
    const base = {
      patientId: created.patient.id,
      assisted: false,
      requester: nurse,
      site: 'EHPAD',
      reason: 'Naevus ?',
    };
    // A téléconsultation is no request; a téléexpertise opened with the general act form is a routine one.
    const visit = await station.value('encounters.create', { ...base, act: 'teleconsultation' });
    expect((await failure(station, 'teleexpertise.get', { encounterId: visit.id })).code).toBe('not_found');
    const plain = await station.value('encounters.create', {
      ...base,
      act: 'teleexpertise',
      specialty: 'dermatologie',
    });
    expect(await station.value('teleexpertise.get', { encounterId: plain.id })).toMatchObject({
      state: 'draft',
      blocked: false,
      details: { priority: 'routine', submittedAt: null },
    });
    expect(
      (
        await failure(station, 'teleexpertise.provideInformation', {
          encounterId: plain.id,
          inResponseTo: plain.id,
          author: nurse,
          text: 'x',
        })
      ).fields?.[0]?.code,
    ).toBe('teleexpertise.not_sent');
    const sent = await station.value('teleexpertise.submit', {
      encounterId: plain.id,
      version: plain.version,
      consentBy: 'IDE Morvan',
    });
    expect(sent).toMatchObject({
      state: 'pending_send',
      details: { priority: 'routine', submittedAt: expect.any(String) },
    });
    // The request went to the outbox with its act, at the act's new version, in one go.
    const db = stationDatabase(dir);
    cleanup(() => void db.close());
    const rows = db
      .prepare('SELECT entity, entity_version FROM outbox WHERE entity_id = ? AND entity_version = 2 ORDER BY seq')
      .all(plain.id);
    expect(rows).toEqual([
      { entity: 'service_request', entity_version: 2 },
      { entity: 'encounter', entity_version: 2 },
    ]);
    // A part refused by the region waits for a person: the request says so.
    db.prepare(
      "UPDATE outbox SET parked = 1, last_error = 'Refused' WHERE entity = 'service_request' AND entity_id = ?",
    ).run(plain.id);
    expect((await station.value('teleexpertise.get', { encounterId: plain.id })).blocked).toBe(true);
  });

  it('sends its token only to its own upload endpoint, whatever a file’s address says', async () => {
    const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanup(() => hub.close());
    const derm = createStation({
      dataDir: tempDir(),
      mode: 'browser',
      logger: silentLogger,
      hubUrl: hub.url,
      hubToken: dermToken,
      fhirUrl: hub.fhirUrl,
      uploadsUrl: hub.uploadsUrl,
    });
    cleanup(() => derm.close());
    await eventually(
      () => value(derm, 'calls.hub', {}),
      (h) => h.you !== null,
      'the expert welcomed',
    );
    const headers = { Authorization: `Bearer ${cartToken}`, 'Content-Type': 'application/fhir+json' };
    const put = (resource: { resourceType: string; id: string }) =>
      fetch(`${hub.fhirUrl}/${resource.resourceType}/${resource.id}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(resource),
      });
    const requestId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
    await put({
      resourceType: 'Patient',
      id: '1a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
      name: [{ family: 'Test' }],
    } as never);
    await put({
      resourceType: 'ServiceRequest',
      id: requestId,
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/1a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' },
      performerType: {
        coding: [{ system: 'urn:relais:CodeSystem:specialty', code: 'dermatologie' }],
        text: 'dermatologie',
      },
    } as never);
    const media = (id: string, url: string) => ({
      resourceType: 'Media',
      id,
      status: 'completed',
      content: { contentType: 'image/png', url },
      encounter: { reference: `Encounter/${requestId}` },
    });
    let seenAuthorization: string | undefined = 'none yet';
    const { createServer } = await import('node:http');
    const elsewhere = createServer((req, res) => {
      seenAuthorization = req.headers.authorization;
      res.end('stolen');
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', () => r()));
    cleanup(() => new Promise<void>((r) => elsewhere.close(() => r())));
    const port = (elsewhere.address() as { port: number }).port;
    await put(media('2a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', `http://127.0.0.1:${port}/somewhere/else`) as never);
    await put(
      media('3a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', `http://127.0.0.1:${port}/uploads/../../etc/passwd`) as never,
    );
    await put(media('4a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', `http://127.0.0.1:${port}/uploads/abc`) as never);
    for (const id of ['2a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', '3a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d']) {
      expect((await failure(derm, 'teleexpertise.file', { requestId, fileId: id })).code).toBe('not_found');
    }
    // Same path under the upload endpoint: read from this station's own endpoint (which has no such upload).
    expect(
      (await failure(derm, 'teleexpertise.file', { requestId, fileId: '4a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' })).code,
    ).toBe('not_found');
    expect(seenAuthorization).toBe('none yet');
  }, 30_000);
});
