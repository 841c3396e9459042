// Who wrote a resource at the region: the hub stamps meta.source with the writer's token subject
// at each write (whatever the body said). The hub sets it; a station finds its own resources by it
// (its reconciliation counts them with _source).

/** meta.source of every resource written through the hub with this token subject. */
export const regionSourceOf = (sub: string): string => `urn:relais:peer:${encodeURIComponent(sub)}`;

/**
 * The identifier system of a station or an expert as the hub knows her: the value is her token's
 * subject. An AuditEvent's source.observer, and the recipient of an addressed message, name her so.
 */
export const HUB_PEER_SYSTEM = 'urn:relais:peer';

/** The writer's token subject from a meta.source the hub stamped; null for anything else. */
export function regionWriterOf(source: unknown): string | null {
  if (typeof source !== 'string' || !source.startsWith('urn:relais:peer:')) return null;
  try {
    const sub = decodeURIComponent(source.slice('urn:relais:peer:'.length));
    return sub === '' ? null : sub;
  } catch {
    return null;
  }
}
