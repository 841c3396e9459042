// A server resource the station cannot take in as it is: one sentence per problem, naming the
// field, so that a person (or the regional team) knows what to correct on the server.
export class FhirMappingError extends Error {
  constructor(
    readonly resourceType: string,
    readonly problems: string[],
  ) {
    super(`The regional server's ${resourceType} cannot be taken in: ${problems.join('; ')}`);
    this.name = 'FhirMappingError';
  }
}

/** The problems of a server resource that failed its schema, one sentence per field. */
export const schemaProblems = (issues: readonly { path: PropertyKey[]; message: string }[]): string[] =>
  issues.map((i) => `${i.path.map(String).join('.') || 'resource'}: ${i.message}`);
