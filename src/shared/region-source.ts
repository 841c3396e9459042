// Who wrote a resource at the region: the hub stamps meta.source with the writer's token subject
// at each write (whatever the body said). The hub sets it; a station finds its own resources by it
// (its reconciliation counts them with _source).

/** meta.source of every resource written through the hub with this token subject. */
export const regionSourceOf = (sub: string): string => `urn:relais:peer:${encodeURIComponent(sub)}`;
