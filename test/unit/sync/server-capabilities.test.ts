// The regional server's CapabilityStatement decides what the sync does with it: everything with
// the hub's; less, and said in words, with a server that lacks a resource, client-chosen ids,
// versioned updates, the _lastUpdated search or batches.
import { describe, expect, it } from 'vitest';
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { readCapabilities } from '../../../src/main/sync/server-capabilities';

const resource = (
  type: string,
  extra: Partial<CapabilityStatementRestResource> = {},
): CapabilityStatementRestResource => ({
  type: type as 'Patient',
  versioning: 'versioned-update',
  updateCreate: true,
  interaction: [{ code: 'read' }, { code: 'update' }, { code: 'search-type' }],
  ...extra,
});
const statement = (resources: CapabilityStatementRestResource[]): CapabilityStatement => ({
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: '2026-11-23',
  kind: 'instance',
  fhirVersion: '4.0.1',
  format: ['json'],
  rest: [{ mode: 'server', interaction: [{ code: 'batch' }], resource: resources }],
});
const ALL = [
  'Patient',
  'Encounter',
  'ServiceRequest',
  'MedicationRequest',
  'Observation',
  'Consent',
  'Media',
  'DocumentReference',
  'Binary',
  'Communication',
];
const practitioner = resource('Practitioner', {
  conditionalCreate: true,
  interaction: [{ code: 'read' }, { code: 'create' }],
});

describe('server capabilities', () => {
  it('does everything with a server that offers everything', () => {
    const caps = readCapabilities(statement([...ALL.map((t) => resource(t)), practitioner]));
    expect(ALL.map((t) => caps.refuses(t))).toEqual(ALL.map(() => null));
    expect(caps.createsPractitioners).toBe(true);
    expect(ALL.every((t) => caps.versionedUpdate(t))).toBe(true);
    expect(caps.pullTypes).toEqual(['Patient', 'Encounter']);
    expect(caps.batch).toBe(true);
    expect(caps.notes).toEqual([]);
  });

  it('sends records one request each to a server that does not say it takes batches', () => {
    const all = statement([...ALL.map((t) => resource(t)), practitioner]);
    const caps = readCapabilities({ ...all, rest: [{ ...all.rest![0]!, interaction: [{ code: 'search-system' }] }] });
    expect(caps.batch).toBe(false);
    expect(caps.notes).toEqual([expect.stringMatching(/does not take batch Bundles: records go one request each/)]);
    expect(readCapabilities({ ...all, rest: [{ ...all.rest![0]!, interaction: undefined }] }).batch).toBe(false);
  });

  it('keeps here what the server does not take, and says why', () => {
    const caps = readCapabilities(
      statement([
        ...ALL.filter((t) => t !== 'Consent' && t !== 'Media').map((t) => resource(t)),
        resource('Consent', { updateCreate: false }),
        resource('Media', { interaction: [{ code: 'read' }] }),
        practitioner,
      ]),
    );
    expect(caps.refuses('Patient')).toBeNull();
    expect(caps.refuses('Consent')).toMatch(/does not let the station choose Consent ids \(updateCreate\)/);
    expect(caps.refuses('Media')).toMatch(/does not accept Media updates/);
    expect(caps.notes).toEqual([caps.refuses('Consent'), caps.refuses('Media')]);
  });

  it('writes without If-Match where the server does not check versions, and says what that costs', () => {
    const caps = readCapabilities(
      statement([
        ...ALL.map((t) => resource(t, t === 'Patient' || t === 'Binary' ? { versioning: 'versioned' } : {})),
        practitioner,
      ]),
    );
    expect(caps.versionedUpdate('Patient')).toBe(false);
    expect(caps.versionedUpdate('Encounter')).toBe(true);
    expect(caps.notes).toEqual([
      expect.stringMatching(
        /does not check versions on Patient updates: the station reads the server’s copy before writing/,
      ),
    ]);
  });

  it('does not pull a type the server cannot search by _lastUpdated', () => {
    const caps = readCapabilities(
      statement([
        ...ALL.map((t) =>
          resource(
            t,
            t === 'Encounter'
              ? { searchParam: [{ name: 'patient', type: 'reference' }] }
              : t === 'Patient'
                ? { searchParam: [{ name: '_lastUpdated', type: 'date' }] }
                : {},
          ),
        ),
        practitioner,
      ]),
    );
    expect(caps.pullTypes).toEqual(['Patient']);
    expect(caps.notes).toEqual([expect.stringMatching(/cannot be searched for changed Encounter resources/)]);
  });

  it('names professionals by IdNatPS only where Practitioners cannot be created conditionally', () => {
    const caps = readCapabilities(
      statement([...ALL.map((t) => resource(t)), resource('Practitioner', { interaction: [{ code: 'read' }] })]),
    );
    expect(caps.createsPractitioners).toBe(false);
    expect(caps.notes).toEqual([expect.stringMatching(/named by their IdNatPS only/)]);
  });

  it('assumes a standard server when the statement is garbage, and says so', () => {
    for (const garbage of [
      null,
      'hello',
      { resourceType: 'Patient' },
      { resourceType: 'CapabilityStatement', rest: 'x' },
    ]) {
      const caps = readCapabilities(garbage);
      expect(caps.refuses('Media')).toBeNull();
      // Batches are optional in R4: not assumed.
      expect(caps.batch).toBe(false);
      expect(caps.notes).toEqual([
        expect.stringMatching(/could not be read: the station assumes a standard FHIR R4 server/),
      ]);
    }
  });
});
