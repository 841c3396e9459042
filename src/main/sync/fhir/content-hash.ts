// What a resource says, as one hash: without meta (the version and time the server sets) or the
// narrative (some servers generate one), and with keys in a stable order, so that the same
// content always gives the same hash whoever serialised it. Used to recognise our own write in the server's copy, and to skip no-op changes.
import { createHash } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function contentHash(resource: Resource): string {
  const { meta: _meta, text: _narrative, ...rest } = resource as Resource & { meta?: unknown; text?: unknown };
  return createHash('sha256')
    .update(JSON.stringify(canonical(rest)))
    .digest('hex');
}

export const sameContent = (a: Resource | null, b: Resource | null): boolean =>
  a === null || b === null ? a === b : contentHash(a) === contentHash(b);
