// The expert's signed report over the call (issue 21, point 4), page side: the expert's page sends
// what she signed, and the versions still waiting when the link opens; the requesting station's
// page hands a report to its station (which checks it) and answers with a receipt; her station is
// told what became of it, except for a refusal for a passing reason, which leaves it waiting.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedExpertReport } from '../../src/shared/acts/expert-report';
import { realContext } from '../helpers/act-context';
import { onSideOfCall, openedLink } from './call-fakes';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('../../src/renderer/api', () => ({ relais: { invoke, on: () => () => {} } }));

const share = await import('../../src/renderer/features/calls/expert-report-share');
const { useActContext } = await import('../../src/renderer/features/calls/act-context-share');

const report: SignedExpertReport = {
  id: '6a1b9d2e-3c4f-4a5b-8c6d-7e8f9a0b1c2d',
  encounterId: realContext.act.id,
  sections: { motif: '', histoire: '', examen: '', mesures: '', conclusion: 'Escarre', conduite: '', suivi: '' },
  author: { name: 'Dr Kerleau', rpps: '10001234567', specialty: null, hubId: 'dr-kerleau' },
  signedAt: '2026-12-07T09:00:00.000Z',
  replaces: null,
  correctionReason: null,
  sha256: 'a'.repeat(64),
};
const flush = () => new Promise((r) => setTimeout(r, 0));

const linkOpen = () => openedLink(share.reportLinkOpened);

beforeEach(() => {
  invoke.mockReset();
  share.reportCallEnded();
  useActContext.setState({ callId: null, context: null });
});

describe('the expert’s report over the call', () => {
  it('expert: sends what she signs, and the versions still waiting when the link opens', async () => {
    onSideOfCall('expert');
    useActContext.setState({ callId: 'call-1', context: realContext });
    const waiting = { ...report, id: '7b2c0e3f-4d5a-4b6c-9d7e-8f9a0b1c2d3e' };
    invoke.mockResolvedValue({
      ok: true,
      value: {
        draft: null,
        signed: [
          { report, delivery: { state: 'delivered', via: 'call', at: '2026-12-07T09:01:00.000Z' }, replacedBy: null },
          { report: waiting, delivery: { state: 'pending' }, replacedBy: null },
        ],
      },
    });
    const sent = linkOpen();
    await flush();
    expect(invoke).toHaveBeenCalledWith('remoteActs.report', { peerId: 'cart-7', actId: realContext.act.id });
    expect(sent).toEqual([{ type: 'act.report', report: waiting }]);
    expect(share.sendSignedReport(report)).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'act.report', report });
    share.reportCallEnded();
    expect(share.sendSignedReport(report)).toBe(false);
  });

  it('requesting station: hands the report to its station and answers with what became of it', async () => {
    onSideOfCall('cart');
    const sent = linkOpen();
    invoke.mockResolvedValueOnce({ ok: true, value: { reportId: report.id, outcome: 'filed' } });
    share.onReportMessage({ type: 'act.report', report });
    await flush();
    expect(invoke).toHaveBeenCalledWith('encounters.expertReport', { callId: 'call-1', report });
    expect(sent).toEqual([{ type: 'act.report.receipt', reportId: report.id, outcome: 'filed', reason: null }]);

    invoke.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'x',
        fields: [{ path: 'report.sha256', code: 'report.hash_mismatch' }],
      },
    });
    share.onReportMessage({ type: 'act.report', report });
    await flush();
    expect(sent.at(-1)).toEqual({
      type: 'act.report.receipt',
      reportId: report.id,
      outcome: 'refused',
      reason: 'report.hash_mismatch',
    });
  });

  it('requesting station: a receipt is not its business; expert: a report sent to her is not filed', async () => {
    onSideOfCall('cart');
    share.onReportMessage({ type: 'act.report.receipt', reportId: report.id, outcome: 'filed', reason: null });
    onSideOfCall('expert');
    share.onReportMessage({ type: 'act.report', report });
    await flush();
    expect(invoke).not.toHaveBeenCalled();
  });

  it('expert: her station is told of a receipt, but a refusal for a passing reason leaves the version waiting', async () => {
    onSideOfCall('expert');
    invoke.mockResolvedValue({ ok: true, value: {} });
    share.onReportMessage({ type: 'act.report.receipt', reportId: report.id, outcome: 'filed', reason: null });
    share.onReportMessage({ type: 'act.report.receipt', reportId: report.id, outcome: 'refused', reason: 'disk_full' });
    share.onReportMessage({ type: 'act.report.receipt', reportId: report.id, outcome: 'refused', reason: 'forbidden' });
    expect(invoke.mock.calls).toEqual([
      ['remoteActs.delivered', { reportId: report.id, outcome: 'filed' }],
      ['remoteActs.delivered', { reportId: report.id, outcome: 'refused', reason: 'forbidden' }],
    ]);
  });
});
