// The audit trail of a real station: a patient read through the contract dispatcher leaves a row
// saying who, what, when and from where; list reads name every patient shown; writes name the
// person typed and the patient of the act; failures are recorded with their code; the page's own
// events (remote-control grants) too; the chain verifies; and the rows reach the region's FHIR
// endpoint as AuditEvent.
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { validatedIdentity, provisionalIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';

const tempDir = useTempDir('relais-audit-trail-');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('audit trail', () => {
  it('records a patient read through the dispatcher with who, what, when and from where', async () => {
    const station = openStation(tempDir(), () => new Date('2026-11-23T10:15:00.000Z'));
    cleanups.push(() => station.close());
    const created = await station.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('not created');
    const read = await station.dispatch(
      'patients.get',
      { id: created.patient.id },
      { binding: 'websocket', remote: '127.0.0.1' },
    );
    expect(read.ok).toBe(true);
    const [last] = await station.value('audit.recent', { limit: 1 });
    expect(last).toEqual({
      seq: 2,
      at: '2026-11-23T10:15:00.000Z',
      station: 'test-cart',
      who: 'test-cart',
      person: null,
      action: 'read',
      event: 'patients.get',
      entityType: 'patient',
      entityId: created.patient.id,
      patientIds: [created.patient.id],
      outcome: 'success',
      detail: null,
      origin: 'websocket 127.0.0.1',
    });
    const [, first] = await station.value('audit.recent', { limit: 2 });
    expect(first).toMatchObject({
      seq: 1,
      action: 'create',
      event: 'patients.create',
      patientIds: [created.patient.id],
      origin: 'station',
    });
  });

  it('names every patient a search showed in one event, the person and patient of a write, and a failure’s code', async () => {
    const station = openStation(tempDir());
    cleanups.push(() => station.close());
    const a = await station.value('patients.create', {
      identity: provisionalIdentity({ birthName: 'KERMARREC', firstName: 'Anne', birthFirstNames: 'Anne' }),
      notDuplicateOf: [],
    });
    const b = await station.value('patients.create', {
      identity: provisionalIdentity({
        birthName: 'KERMARREC',
        firstName: 'Loïc',
        birthFirstNames: 'Loïc',
        birthDate: '1951-02-03',
      }),
      notDuplicateOf: [],
    });
    if (a.status !== 'created' || b.status !== 'created') throw new Error('not created');
    const shown = await station.value('patients.search', { name: 'kermarrec', limit: 10 });
    const [search] = await station.value('audit.recent', { limit: 1 });
    expect(search).toMatchObject({
      action: 'read',
      event: 'patients.search',
      entityId: null,
      patientIds: [a.patient.id, b.patient.id].sort(),
      detail: `${shown.length} shown`,
    });
    expect(shown).toHaveLength(2);

    const act = await station.value('encounters.create', {
      patientId: a.patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD',
      reason: 'Plaie',
    });
    await station.value('encounters.observe', {
      encounterId: act.id,
      vital: { code: 'spo2', value: 95, unit: '%' },
      takenAt: new Date().toISOString(),
      method: 'device',
      device: 'oximeter',
      takenBy: 'IDE Le Bras',
    });
    const [observed, created] = await station.value('audit.recent', { limit: 2 });
    expect(created).toMatchObject({
      action: 'create',
      event: 'encounters.create',
      entityType: 'encounter',
      entityId: act.id,
      person: 'IDE Morvan',
      patientIds: [a.patient.id],
    });
    expect(observed).toMatchObject({
      action: 'create',
      event: 'encounters.observe',
      entityType: 'observation',
      person: 'IDE Le Bras',
      patientIds: [a.patient.id],
    });

    const missing = await station.call('patients.get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok).toBe(false);
    const [failed] = await station.value('audit.recent', { limit: 1 });
    expect(failed).toMatchObject({
      action: 'read',
      event: 'patients.get',
      outcome: !missing.ok ? missing.error.code : 'success',
      entityId: '00000000-0000-4000-8000-000000000000',
    });

    const detail = 'Scanner cérébral montré au Dr Guillou';
    await station.value('audit.note', { event: 'imaging.shared', callId: 'call-42', patientId: a.patient.id, detail });
    const [shared] = await station.value('audit.recent', { limit: 1 });
    expect(shared).toMatchObject({
      action: 'export',
      event: 'imaging.shared',
      entityId: 'call-42',
      patientIds: [a.patient.id],
      detail,
    });
    // A remote-control grant is not the page's to note: the station holds grants and records them itself.
    const grantNote = await station.call('audit.note', { event: 'control.granted', callId: 'call-42' } as never);
    expect(grantNote).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    // Channels that touch no record leave nothing.
    await station.value('station.status', {});
    expect((await station.value('audit.recent', { limit: 1 }))[0]!.seq).toBe(shared!.seq);
    expect(await station.value('audit.verify', {})).toMatchObject({ ok: true, checked: shared!.seq, brokenAt: null });
  });

  it('shows no record whose read cannot be audited, and keeps a write’s audit until it can be written', async () => {
    const dir = tempDir();
    const station = openStation(dir);
    cleanups.push(() => station.close());
    const created = await station.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('not created');
    // The audit table refuses rows for a while (as a full disk or a locked file would).
    const other = stationDatabase(dir);
    cleanups.push(() => void other.close());
    other.exec(
      "CREATE TRIGGER audit_jammed BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
    );

    const read = await station.call('patients.get', { id: created.patient.id });
    expect(!read.ok && read.error.code).toBe('audit_unavailable');
    const update = await station.call('patients.update', {
      id: created.patient.id,
      version: created.patient.version,
      identity: validatedIdentity({ usedName: 'Kerjean' }),
    });
    expect(update.ok && update.value.version, JSON.stringify(update)).toBe(2);
    expect(await station.value('audit.verify', {})).toMatchObject({
      ok: true,
      warnings: [expect.stringMatching(/2 audit events could not be written yet/)],
    });

    other.exec('DROP TRIGGER audit_jammed');
    await station.value('patients.get', { id: created.patient.id });
    const events = (await station.value('audit.recent', { limit: 10 }))
      .reverse()
      .map((e) => `${e.action} ${e.event} ${e.outcome}`);
    // The refused read (not shown) and the update, late but in order, before the read that follows.
    expect(events).toEqual([
      'create patients.create success',
      'read patients.get audit_unavailable',
      'update patients.update success',
      'read patients.get success',
    ]);
    expect(await station.value('audit.verify', {})).toMatchObject({ ok: true, warnings: [] });
  });

  it('sends the rows to the region as AuditEvent, naming the patient and the station known to the hub', async () => {
    const SECRET = 'audit-trail-secret';
    const token = issueToken(SECRET, {
      sub: 'cart-7',
      role: 'station',
      name: 'Chariot 7',
      site: 'EHPAD Les Tilleuls',
      specialty: null,
      exp: Math.floor(Date.now() / 1000) + 600,
    });
    const hub: RunningHub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const dir = tempDir();
    const station = openStation(dir, undefined, {
      hubUrl: hub.url,
      hubToken: token,
      fhirUrl: hub.fhirUrl,
      syncTiming: { debounceMs: 5, intervalMs: 50 },
    });
    cleanups.push(() => station.close());
    for (let i = 0; i < 300 && (await station.value('calls.hub', {})).you === null; i++)
      await new Promise((r) => setTimeout(r, 20));
    const created = await station.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('not created');
    await station.value('patients.get', { id: created.patient.id });
    const db = stationDatabase(dir, { readonly: true });
    cleanups.push(() => void db.close());
    const row = db.prepare("SELECT id, seq, hash FROM audit_events WHERE event = 'patients.get'").get() as {
      id: string;
      seq: number;
      hash: string;
    };
    let answer: Response | null = null;
    for (let i = 0; i < 300; i++) {
      answer = await fetch(`${hub.fhirUrl}/AuditEvent/${row.id}`, { headers: { Authorization: `Bearer ${token}` } });
      if (answer.status === 200) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answer!.status).toBe(200);
    const event = (await answer!.json()) as Record<string, unknown>;
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      id: row.id,
      type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110110' },
      subtype: [{ code: 'patients.get' }],
      action: 'R',
      outcome: '0',
      agent: [{ requestor: true, name: 'Chariot 7 (station, EHPAD Les Tilleuls)' }],
      source: { site: 'test-cart' },
      entity: [{ what: { reference: `Patient/${created.patient.id}` } }],
    });
    expect(JSON.stringify(event.extension)).toContain(row.hash);
    // Once acknowledged, the region's copy anchors the end of the chain.
    for (let i = 0; i < 300 && (await station.value('audit.verify', {})).anchors.length < 2; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await station.value('audit.verify', {})).anchors).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'regional server' })]),
    );
  });
});
