// Judges an `npm audit --json` report against the reviewed allowlist: which high or critical
// findings are accepted (with a reason), which are not, and which accepted ones are gone.

export interface Accepted {
  package: string;
  advisory: string;
  severity: string;
  reason: string;
}
export interface Finding {
  package: string;
  advisory: string;
  severity: string;
  title: string;
}
interface Via {
  source?: number;
  title?: string;
  url?: string;
  severity?: string;
}
export type AuditReport = { vulnerabilities?: Record<string, { severity?: string; via?: unknown[] }> };

// An entry without a package, an advisory or a reason a reviewer can read is refused.
export function invalidEntries(accepted: unknown): string[] {
  if (!Array.isArray(accepted)) return ['the allowlist has no "accepted" list'];
  return accepted
    .filter((e: Partial<Accepted>) => typeof e?.package !== 'string' || typeof e.advisory !== 'string' || typeof e.reason !== 'string' || e.reason.trim().length < 20)
    .map((e) => `needs a package, an advisory and a real reason: ${JSON.stringify(e)}`);
}

export function judgeAudit(report: AuditReport, accepted: Accepted[]): { found: Finding[]; unexplained: Finding[]; stale: Accepted[] } {
  const found: Finding[] = [];
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    // A package reached only through another vulnerable one has no advisory of its own: its
    // "via" is that package's name (a string), and the advisory is judged there.
    for (const via of vulnerability?.via ?? []) {
      if (typeof via !== 'object' || via === null) continue;
      const v = via as Via;
      if (!v.severity || !['high', 'critical'].includes(v.severity)) continue;
      found.push({ package: name, advisory: v.url ?? String(v.source), severity: v.severity, title: v.title ?? '' });
    }
  }
  const matches = (a: Accepted, f: Finding) => a.package === f.package && a.advisory === f.advisory;
  return {
    found,
    unexplained: found.filter((f) => !accepted.some((a) => matches(a, f))),
    stale: accepted.filter((a) => !found.some((f) => matches(a, f))),
  };
}
