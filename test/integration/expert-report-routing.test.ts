// The routing rules of the expert's report (issue 21, point 4): the requesting station files a
// signed report on its act only when it comes from the expert of that act (the hub-authenticated
// peer of the act's call, named as its signer), unaltered (its SHA-256 checked), once (a report
// delivered over the call and again through the hub is filed once); anything else is refused with
// the reason and both outcomes are in the audit trail. The act closes with the report; a correction
// is a new version with its reason, the first one kept.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expertReportContent, type ReportSections, type SignedExpertReport } from '../../src/shared/acts/expert-report';
import { ACT_EXPERT as EXPERT, useCartWithCall } from '../helpers/cart-with-call';
import { pdfText } from '../helpers/pdf-text';

const cartWithCall = useCartWithCall();
const sections: ReportSections = {
  motif: 'Plaie du talon gauche',
  histoire: 'Plaie depuis trois semaines.',
  examen: 'Plaie propre, fond fibrineux, pas de signe d’infection.',
  mesures: 'SpO2 97 %, pouls 72/min',
  conclusion: 'Escarre de stade 2.',
  conduite: 'Hydrocolloïde, décharge du talon.',
  suivi: 'Réévaluation à J10.',
};

function signed(over: Partial<Omit<SignedExpertReport, 'sha256'>> & { encounterId: string }): SignedExpertReport {
  const body = {
    id: randomUUID(),
    sections,
    author: EXPERT,
    signedAt: '2026-11-23T10:20:00.000+01:00',
    replaces: null,
    correctionReason: null,
    ...over,
  };
  return { ...body, sha256: createHash('sha256').update(expertReportContent(body)).digest('hex') };
}

describe('a report signed by the expert, received by the requesting station', () => {
  it('is filed on the act from the act’s expert over the call, in her name and RPPS, and closes the act', async () => {
    const { station, act, trail } = await cartWithCall();
    const report = signed({ encounterId: act.id });
    const filed = await station.value('encounters.expertReport', { callId: 'call-1', report });
    expect(filed).toEqual({ reportId: report.id, outcome: 'filed' });
    const record = await station.value('encounters.get', { id: act.id });
    expect(record.encounter.status).toBe('closed');
    expect(record.reports).toHaveLength(1);
    expect(record.reports[0]).toMatchObject({
      id: report.id,
      author: { name: 'Dr Le Goff', rpps: '10003456789', role: 'physician' },
      signedAt: report.signedAt,
    });
    expect(record.reports[0]?.text).toContain('Conclusion\nEscarre de stade 2.');
    expect(record.encounter.expert).toMatchObject({ name: 'Dr Le Goff', rpps: '10003456789' });
    // Its PDF names both professionals and carries the SHA-256 she signed.
    const pdf = await station.value('encounters.reportPdf', { reportId: report.id });
    const text = pdfText(Buffer.from(pdf.data, 'base64'));
    for (const expected of [
      'Demandé par : IDE Morvan',
      'Expert : Dr Le Goff',
      'Signé par Dr Le Goff (RPPS 10003456789)',
    ])
      expect(text).toContain(expected);
    expect(text.replace(/\s+/g, '')).toContain(report.sha256);
    const events = await trail('report.');
    expect(events.map((e) => e.event)).toEqual(['report.received']);
    expect(events[0]?.detail).toContain('from expert-legoff over the call');
  });

  it('is filed once when it arrives over the call and again through the hub', async () => {
    const { station, act } = await cartWithCall();
    const report = signed({ encounterId: act.id });
    await station.value('encounters.expertReport', { callId: 'call-1', report });
    const again = await station.value('encounters.expertReport', { callId: 'call-1', report });
    expect(again).toEqual({ reportId: report.id, outcome: 'already_filed' });
    expect((await station.value('encounters.get', { id: act.id })).reports).toHaveLength(1);
  });

  it('is refused, audited and not filed from a peer who is not the act’s expert', async () => {
    const { station, act, trail } = await cartWithCall({ id: 'nurse-elsewhere', role: 'cart' });
    const answer = await station.call('encounters.expertReport', {
      callId: 'call-1',
      report: signed({ encounterId: act.id, author: { ...EXPERT, hubId: 'nurse-elsewhere' } }),
    });
    expect(!answer.ok && answer.error.code).toBe('forbidden');
    expect((await station.value('encounters.get', { id: act.id })).reports).toHaveLength(0);
    const events = await trail('report.');
    expect(events.map((e) => e.event)).toEqual(['report.refused']);
    expect(events[0]?.detail).toMatch(/not the expert of this act/);
  });

  it('is refused when its signer is not the peer who sent it', async () => {
    const { station, act } = await cartWithCall();
    const answer = await station.call('encounters.expertReport', {
      callId: 'call-1',
      report: signed({ encounterId: act.id, author: { ...EXPERT, hubId: 'expert-someone-else' } }),
    });
    expect(!answer.ok && answer.error.code).toBe('forbidden');
    expect((await station.value('encounters.get', { id: act.id })).reports).toHaveLength(0);
  });

  it('is refused when it was altered on the way (its SHA-256 does not match)', async () => {
    const { station, act, trail } = await cartWithCall();
    const report = signed({ encounterId: act.id });
    const altered = { ...report, sections: { ...report.sections, conclusion: 'Rien de grave.' } };
    const answer = await station.call('encounters.expertReport', { callId: 'call-1', report: altered });
    expect(!answer.ok && answer.error.code).toBe('validation_failed');
    expect(!answer.ok && answer.error.fields?.[0]?.code).toBe('report.hash_mismatch');
    expect((await station.value('encounters.get', { id: act.id })).reports).toHaveLength(0);
    expect((await trail('report.')).map((e) => e.event)).toEqual(['report.refused']);
  });

  it('is refused for an act that is not the call’s', async () => {
    const { station } = await cartWithCall();
    const answer = await station.call('encounters.expertReport', {
      callId: 'call-1',
      report: signed({ encounterId: randomUUID() }),
    });
    expect(!answer.ok && answer.error.code).toBe('forbidden');
  });

  it('takes a correction as a new version with its reason, the first one kept', async () => {
    const { station, act } = await cartWithCall();
    const first = signed({ encounterId: act.id });
    await station.value('encounters.expertReport', { callId: 'call-1', report: first });
    const correction = signed({
      encounterId: act.id,
      sections: { ...sections, suivi: 'Réévaluation à J7.' },
      replaces: first.id,
      correctionReason: 'Délai de réévaluation corrigé',
      signedAt: '2026-11-23T11:00:00.000+01:00',
    });
    await station.value('encounters.expertReport', { callId: 'call-1', report: correction });
    const reports = (await station.value('encounters.get', { id: act.id })).reports;
    expect(reports.map((r) => r.id)).toEqual([first.id, correction.id]);
    expect(reports[1]?.replaces).toBe(first.id);
    expect(reports[1]?.text).toContain('Correction : Délai de réévaluation corrigé');
  });
});
