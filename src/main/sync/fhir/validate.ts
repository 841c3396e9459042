// Checks a resource against the FHIR R4 base definitions (cardinalities, types, formats and
// FHIRPath invariants, by @medplum/core's validator) and the FR Core rules the station knows
// (fr-core-rules.ts) before anything is sent, and turns what is wrong into one sentence per
// problem. The definitions load once, on first use: Relais' own cut of R4 (resources/fhir/, made by
// scripts/fhir-definitions.mjs), about a tenth of a second where all of R4 took a second.
import {
  indexStructureDefinitionBundle,
  isDataTypeLoaded,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import definitions from '../../../../resources/fhir/r4-definitions.json' with { type: 'json' };
import { frCoreProblems } from './fr-core-rules';

// The index is @medplum/core's own, shared by the process: if the embedded hub (same process in
// browser mode) loaded it already, it is not parsed a second time.
export function loadFhirDefinitions(): void {
  if (isDataTypeLoaded('Patient')) return;
  indexStructureDefinitionBundle(definitions.types as Bundle);
  indexStructureDefinitionBundle(definitions.resources as Bundle);
}

export class FhirValidationError extends Error {
  constructor(
    readonly resourceType: string,
    readonly problems: string[],
  ) {
    super(`The ${resourceType} to send is not valid (FHIR R4, FR Core): ${problems.join('; ')}`);
    this.name = 'FhirValidationError';
  }
}

/** Throws FhirValidationError listing every problem; returns the resource when it is valid. */
export function validateFhir<R extends Resource>(resource: R): R {
  loadFhirDefinitions();
  let issues;
  try {
    issues = validateResource(resource);
  } catch (error) {
    if (error instanceof OperationOutcomeError) issues = error.outcome.issue ?? [];
    else throw error;
  }
  const problems = [
    ...issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map(
        (i) =>
          `${i.details?.text ?? i.diagnostics ?? 'invalid'}${i.expression?.length ? ` (${i.expression.join(', ')})` : ''}`,
      ),
    ...frCoreProblems(resource),
  ];
  if (problems.length > 0) throw new FhirValidationError(resource.resourceType, problems);
  return resource;
}
