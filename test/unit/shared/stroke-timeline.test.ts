// The stroke timeline: times typed with their date (an onset before midnight), the delays, and the
// treatment windows counted from the time last known well, as the guidelines count them:
// AHA/ASA, Powers WJ et al., "2019 Update to the 2018 Guidelines for the Early Management of
// Acute Ischemic Stroke", Stroke 2019;50:e344-e418, section 3.5.1 (IV alteplase within 3 h and
// 3-4.5 h "of symptom onset or patient last known well or at baseline state") and section 3.7
// (mechanical thrombectomy: groin puncture within 6 h; 6 to 24 h from last known normal on the
// DAWN or DEFUSE 3 imaging criteria); ESO, Berge E et al., "European Stroke Organisation (ESO)
// guidelines on intravenous thrombolysis for acute ischaemic stroke", Eur Stroke J
// 2021;6(1):I-LXII (4.5 h, from last known well when the onset is not witnessed).
import { describe, expect, it } from 'vitest';
import { formatMinutes, viewTimeline, type Timeline } from '../../../src/shared/stroke/timeline';
import { parseTypedDateTime, typedDateOf, typedTimeOf } from '../../../src/shared/stroke/typed-time';
import { treatmentWindows, WINDOWS } from '../../../src/shared/stroke/windows';

const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi);
const entry = (at: Date) => ({ at: at.toISOString(), by: 'IDE Morvan' });

describe('times typed with their date, 24-hour, as written in France (JJ/MM/AAAA, HH:MM)', () => {
  const now = local(2026, 12, 6, 1, 10);

  it('takes an onset before midnight, on the day typed', () => {
    expect(parseTypedDateTime('05/12/2026', '23:30', now)).toEqual({
      ok: true,
      at: local(2026, 12, 5, 23, 30).toISOString(),
    });
    expect(parseTypedDateTime('5/12/2026', '23h30', now)).toEqual({
      ok: true,
      at: local(2026, 12, 5, 23, 30).toISOString(),
    });
    expect(parseTypedDateTime('06/12/2026', '0:45', now)).toEqual({
      ok: true,
      at: local(2026, 12, 6, 0, 45).toISOString(),
    });
  });

  it('refuses a date or a time that does not exist, and a time still to come', () => {
    expect(parseTypedDateTime('31/11/2026', '10:00', now)).toEqual({ ok: false, problem: 'date.invalid' });
    expect(parseTypedDateTime('31/02/2026', '9:5', now)).toEqual({ ok: false, problem: 'date.invalid' });
    expect(parseTypedDateTime('2026-12-05', '10:00', now)).toEqual({ ok: false, problem: 'date.invalid' });
    expect(parseTypedDateTime('05/12/2026', '24:00', now)).toEqual({ ok: false, problem: 'time.invalid' });
    expect(parseTypedDateTime('05/12/2026', '11:30 PM', now)).toEqual({ ok: false, problem: 'time.invalid' });
    expect(parseTypedDateTime('06/12/2026', '01:30', now)).toEqual({ ok: false, problem: 'in_future' });
  });

  it('writes a time back the same way', () => {
    expect([typedDateOf(local(2026, 3, 4, 7, 5)), typedTimeOf(local(2026, 3, 4, 7, 5))]).toEqual([
      '04/03/2026',
      '07:05',
    ]);
  });
});

describe('treatment windows, from the time last known well (AHA/ASA 2019 §3.5.1 and §3.7; ESO 2021)', () => {
  it('are 4 h 30 for IV thrombolysis and 6 h, or 24 h on imaging criteria, for thrombectomy', () => {
    expect(WINDOWS).toEqual({
      ivThrombolysisMinutes: 270,
      thrombectomyMinutes: 360,
      thrombectomyExtendedMinutes: 1440,
    });
  });

  it('count from last known well when it is entered, even when the onset was seen later; both elapsed times are shown', () => {
    const timeline: Timeline = {
      last_known_well: entry(local(2026, 12, 5, 22, 0)),
      onset: entry(local(2026, 12, 5, 23, 30)),
    };
    const view = treatmentWindows(timeline, {}, local(2026, 12, 6, 1, 0));
    expect(view).toEqual({
      basis: 'last_known_well',
      sinceOnsetMinutes: 90,
      sinceLastKnownWellMinutes: 180,
      ivThrombolysisRemainingMinutes: 90,
      thrombectomyRemainingMinutes: 180,
      thrombectomyExtendedRemainingMinutes: 1260,
      bothUnknown: false,
    });
  });

  it('count from a witnessed onset when no time last known well is entered (the onset is then the last time seen well)', () => {
    const view = treatmentWindows({ onset: entry(local(2026, 12, 5, 23, 30)) }, {}, local(2026, 12, 6, 4, 30));
    expect(view).toMatchObject({
      basis: 'onset',
      sinceOnsetMinutes: 300,
      sinceLastKnownWellMinutes: null,
      ivThrombolysisRemainingMinutes: -30,
    });
  });

  it('say that nothing can be counted when both times are unknown (a wake-up stroke without a time)', () => {
    const unknown = {
      onset: { by: 'IDE Morvan', at: '2026-12-06T00:10:00.000Z' },
      last_known_well: { by: 'IDE Morvan', at: '2026-12-06T00:10:00.000Z' },
    };
    expect(treatmentWindows({}, unknown, local(2026, 12, 6, 1, 0))).toMatchObject({
      basis: null,
      ivThrombolysisRemainingMinutes: null,
      bothUnknown: true,
    });
    expect(treatmentWindows({}, {}, local(2026, 12, 6, 1, 0))).toMatchObject({ basis: null, bothUnknown: false });
  });
});

describe('stroke timeline delays', () => {
  const t = (hhmm: string) => ({ at: `2026-11-23T${hhmm}:00.000Z`, by: 'IDE Morvan' });

  it('measures the delays from the reference (last known well when entered), door to imaging, to needle and to groin', () => {
    const view = viewTimeline(
      {
        last_known_well: t('08:00'),
        onset: t('08:10'),
        arrival: t('09:05'),
        imaging: t('09:22'),
        decision: t('09:40'),
        needle: t('09:48'),
        groin: t('10:35'),
      },
      new Date('2026-11-23T10:40:00.000Z'),
    );
    expect(view).toEqual({
      reference: { milestone: 'last_known_well', at: '2026-11-23T08:00:00.000Z' },
      delaysMinutes: {
        referenceToArrival: 65,
        doorToImaging: 17,
        doorToNeedle: 43,
        doorToGroin: 90,
        referenceToNeedle: 108,
      },
      sinceReferenceMinutes: 160,
      outOfOrder: [],
    });
    expect(formatMinutes(98)).toBe('1 h 38');
    expect(formatMinutes(43)).toBe('43 min');
  });

  it('counts from the onset when no time last known well is entered', () => {
    const view = viewTimeline({ onset: t('23:30'), arrival: t('23:59') }, new Date('2026-11-24T00:30:00.000Z'));
    expect(view.reference).toEqual({ milestone: 'onset', at: '2026-11-23T23:30:00.000Z' });
    expect(view.sinceReferenceMinutes).toBe(60);
  });

  it('flags times out of order for a person to check', () => {
    const view = viewTimeline(
      { onset: t('09:00'), arrival: t('09:30'), imaging: t('09:20'), needle: t('09:50'), groin: t('09:10') },
      new Date('2026-11-23T10:00:00.000Z'),
    );
    expect(view.outOfOrder).toEqual([
      ['arrival', 'imaging'],
      ['arrival', 'groin'],
    ]);
    expect(
      viewTimeline({ onset: t('09:00'), last_known_well: t('09:30') }, new Date('2026-11-23T10:00:00.000Z')).outOfOrder,
    ).toEqual([['last_known_well', 'onset']]);
  });
});
