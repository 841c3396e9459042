// The npm audit gate: a high or critical advisory fails unless the allowlist explains it.
import { describe, expect, it } from 'vitest';
import { invalidEntries, judgeAudit } from '../../../scripts/security/audit-judge';

// The shape of `npm audit --json` (auditReportVersion 2), cut down to what is judged.
const report = {
  vulnerabilities: {
    'url-parse': {
      severity: 'critical',
      via: [
        {
          source: 1,
          title: 'Authorization bypass',
          url: 'https://github.com/advisories/GHSA-aaaa',
          severity: 'critical',
        },
      ],
    },
    'tus-js-client': { severity: 'critical', via: ['url-parse'] },
    pako: {
      severity: 'moderate',
      via: [{ source: 2, title: 'Slow inflate', url: 'https://github.com/advisories/GHSA-bbbb', severity: 'moderate' }],
    },
    'js-yaml': {
      severity: 'high',
      via: [
        { source: 3, title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-cccc', severity: 'high' },
      ],
    },
  },
};
const reason = 'Only parses the packaged app-update.yml, which is ours; fixed upstream in the next release.';

describe('npm audit judge', () => {
  it('lists each high and critical advisory once, under the package that has it', () => {
    const { found } = judgeAudit(report, []);
    expect(found.map((f) => `${f.package} ${f.severity}`).sort()).toEqual(['js-yaml high', 'url-parse critical']);
  });

  it('fails on what the allowlist does not explain', () => {
    const { unexplained } = judgeAudit(report, [
      { package: 'js-yaml', advisory: 'https://github.com/advisories/GHSA-cccc', severity: 'high', reason },
    ]);
    expect(unexplained.map((f) => f.package)).toEqual(['url-parse']);
  });

  it('does not let an entry for one package explain the same advisory in another', () => {
    const { unexplained } = judgeAudit(report, [
      { package: 'tus-js-client', advisory: 'https://github.com/advisories/GHSA-aaaa', severity: 'critical', reason },
    ]);
    expect(unexplained.map((f) => f.package).sort()).toEqual(['js-yaml', 'url-parse']);
  });

  it('names accepted entries that no longer occur', () => {
    const { stale } = judgeAudit({ vulnerabilities: {} }, [
      { package: 'ws', advisory: 'GHSA-dddd', severity: 'high', reason },
    ]);
    expect(stale.map((a) => a.package)).toEqual(['ws']);
  });

  it('refuses allowlist entries without a real reason, and garbage', () => {
    expect(invalidEntries([{ package: 'ws', advisory: 'GHSA-dddd', severity: 'high', reason: 'ok' }])).toHaveLength(1);
    expect(invalidEntries([null, 'x'])).toHaveLength(2);
    expect(invalidEntries('nope')).toHaveLength(1);
    expect(invalidEntries([{ package: 'ws', advisory: 'GHSA-dddd', severity: 'high', reason }])).toEqual([]);
  });

  it('survives a report with odd entries', () => {
    expect(
      judgeAudit({ vulnerabilities: { x: { via: [null, 3, { severity: 'high' }] } } } as never, []).found,
    ).toHaveLength(1);
  });
});
