// An audit row as a FHIR R4 AuditEvent, against a fixture reviewed by hand (DICOM audit codes,
// the person and the station as agents, the patient and the record as entities, the chain), and
// valid R4 for each kind of event the station records.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../src/main/audit/audit-chain';
import { auditRowToFhir } from '../../../src/main/sync/fhir/audit-event';
import { validateFhir } from '../../../src/main/sync/fhir/validate';

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.resolve('test/fixtures/fhir', `${name}.json`), 'utf8')) as unknown;

const row = (overrides: Partial<AuditRow> = {}): AuditRow => ({
  seq: 42,
  id: '5f0c6f2e-8a41-4d7e-9a53-0b6a8f1c2d3e',
  at: '2026-11-23T10:15:00.000Z',
  station: 'chariot-ehpad-1',
  who: 'Chariot 1 (station, EHPAD Les Tilleuls)',
  person: 'IDE Morvan',
  action: 'update',
  event: 'encounters.setStatus',
  entityType: 'encounter',
  entityId: '9b2d7c4e-1f3a-4b5c-8d6e-7f8091a2b3c4',
  patientIds: ['3c1e5a7b-2d4f-4e6a-8b0c-1d2e3f405162'],
  outcome: 'success',
  detail: null,
  origin: 'websocket 127.0.0.1',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
  ...overrides,
});

describe('AuditEvent mapping', () => {
  it('maps an act changed by a named nurse in browser mode to a Patient Record event, action U, the nurse as requestor', () => {
    const resource = auditRowToFhir(row(), 'cart-ehpad-1');
    expect(resource).toEqual(fixture('audit-event-act-update'));
    expect(() => validateFhir(resource)).not.toThrow();
  });

  it('maps a list read to a Query naming each patient shown, with the station alone as requestor over IPC', () => {
    const resource = auditRowToFhir(
      row({
        action: 'read',
        event: 'patients.search',
        entityType: 'patient',
        entityId: null,
        person: null,
        origin: 'ipc',
        patientIds: ['p-1', 'p-2'],
        detail: '2 shown',
      }),
      'cart-ehpad-1',
    );
    expect(validateFhir(resource)).toBe(resource);
    expect(resource.type.code).toBe('110112');
    expect(resource.action).toBe('R');
    expect(resource.agent).toEqual([
      expect.objectContaining({ requestor: true, name: 'Chariot 1 (station, EHPAD Les Tilleuls)' }),
    ]);
    expect(resource.agent[0]!.network).toBeUndefined();
    expect(resource.entity?.map((e) => e.what?.reference ?? e.description)).toEqual([
      'Patient/p-1',
      'Patient/p-2',
      '2 shown',
    ]);
  });

  it('maps an export to DICOM Export (action R), a grant to an application activity (E), and a failure to its code', () => {
    const pdf = auditRowToFhir(
      row({ action: 'export', event: 'encounters.reportPdf', entityType: 'report', entityId: 'r-1' }),
      'cart-ehpad-1',
    );
    expect([pdf.type.code, pdf.action, pdf.entity?.[1]?.what?.reference]).toEqual([
      '110106',
      'R',
      'DocumentReference/r-1',
    ]);
    const grant = auditRowToFhir(
      row({ action: 'grant', event: 'control.granted', entityType: 'page_event', entityId: 'call-1', patientIds: [] }),
      'cart-ehpad-1',
    );
    expect([grant.type.code, grant.action, grant.subtype?.[0]?.code]).toEqual(['110100', 'E', 'control.granted']);
    expect(grant.entity?.[0]?.what?.identifier).toEqual({
      system: 'urn:relais:CodeSystem:audit-entity:page_event',
      value: 'call-1',
    });
    const refused = auditRowToFhir(
      row({ action: 'read', event: 'patients.get', outcome: 'not_found' }),
      'cart-ehpad-1',
    );
    expect([refused.outcome, refused.outcomeDesc]).toEqual(['4', 'not_found']);
    expect(auditRowToFhir(row({ outcome: 'internal' }), 'cart-ehpad-1').outcome).toBe('8');
    for (const resource of [pdf, grant, refused]) expect(() => validateFhir(resource)).not.toThrow();
  });

  it('maps a cart opened with a badge, or a refused badge, to a DICOM User Authentication (E) with the channel as subtype', () => {
    const opened = auditRowToFhir(
      row({
        action: 'execute',
        event: 'identity.unlockBadge',
        entityType: 'station_lock',
        entityId: null,
        patientIds: [],
        person: null,
      }),
      'cart-ehpad-1',
    );
    expect([opened.type.code, opened.type.display, opened.action, opened.subtype?.[0]?.code, opened.outcome]).toEqual([
      '110114',
      'User Authentication',
      'E',
      'identity.unlockBadge',
      '0',
    ]);
    expect(opened.entity).toBeUndefined();
    const refused = auditRowToFhir(
      row({
        action: 'execute',
        event: 'identity.unlockBadge',
        entityType: 'station_lock',
        entityId: null,
        patientIds: [],
        person: null,
        outcome: 'validation_failed',
      }),
      'cart-ehpad-1',
    );
    expect([refused.outcome, refused.outcomeDesc]).toEqual(['4', 'validation_failed']);
    for (const resource of [opened, refused]) expect(() => validateFhir(resource)).not.toThrow();
  });
});
