// The PDF of the expert's prescription on the requesting station (issue 21, point 5): rendered
// once, when the prescription is kept on the act, and kept with its SHA-256 (prescription_pdfs), so
// that what the nurse or the pharmacist prints, then or later, is byte for byte the same document;
// read back with pdftotext, it names the patient, the expert's RPPS, the medicine, and the place of
// the national ordonnance numérique marked as not issued. A refused prescription has no PDF.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NATIONAL_ID_NOT_ISSUED } from '../../src/main/acts/prescription-pdf';
import { ACT_EXPERT, useCartWithCall } from '../helpers/cart-with-call';
import { pdfText } from '../helpers/pdf-text';
import { AMOXICILLIN, DRESSING, signedPrescription } from '../helpers/prescriptions';
import { stationDatabase } from '../helpers/station-database';

const cartWithCall = useCartWithCall();
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Signed by the act's expert for Jeanne Martin as the act's context showed her. */
const signed = (over: Parameters<typeof signedPrescription>[0] & { encounterId: string }) =>
  signedPrescription({
    patient: { birthName: 'MARTIN', usedName: 'DURAND', firstName: 'JEANNE', birthDate: '1906-12-03', sex: 'F' },
    lines: [AMOXICILLIN, DRESSING],
    author: ACT_EXPERT,
    signedAt: '2026-11-23T10:25:00.000+01:00',
    ...over,
  });

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The rows of prescription_pdfs, as the station wrote them. */
function keptRows(dir: string): { prescription_id: string; sha256: string; size: number }[] {
  const db = stationDatabase(dir);
  try {
    return db.prepare('SELECT prescription_id, sha256, size FROM prescription_pdfs ORDER BY rowid').all() as never;
  } finally {
    db.close();
  }
}

describe('the PDF of a prescription kept on the act', () => {
  it('is rendered when the prescription is kept, and the same bytes are given each time it is asked', async () => {
    const { station, dir, act } = await cartWithCall();
    const prescription = signed({ encounterId: act.id });
    await station.value('encounters.expertPrescription', { callId: 'call-1', prescription });
    // Kept at arrival, before anyone asked for it.
    const [row] = keptRows(dir);
    expect(row?.prescription_id).toBe(prescription.id);

    const first = await station.value('encounters.prescriptionPdf', { prescriptionId: prescription.id });
    const again = await station.value('encounters.prescriptionPdf', { prescriptionId: prescription.id });
    expect(again).toEqual(first);
    const bytes = Buffer.from(first.data, 'base64');
    expect(sha256(bytes)).toBe(row?.sha256);
    expect(bytes.length).toBe(row?.size);
    expect(first.fileName).toBe('ordonnance-MARTIN-JEANNE-2026-11-23.pdf');
    // The same prescription delivered again (over the call, then through the hub) keeps no second PDF.
    await station.value('encounters.expertPrescription', { callId: 'call-1', prescription });
    expect(keptRows(dir)).toHaveLength(1);
  });

  it('names the patient, the expert and her RPPS, the medicine, and the ordonnance numérique as not issued', async () => {
    const { station, act } = await cartWithCall();
    const prescription = signed({ encounterId: act.id });
    await station.value('encounters.expertPrescription', { callId: 'call-1', prescription });
    const pdf = await station.value('encounters.prescriptionPdf', { prescriptionId: prescription.id });
    const text = pdfText(Buffer.from(pdf.data, 'base64')).replace(/\s+/g, ' ');
    for (const expected of [
      'Nom de naissance : MARTIN',
      'Prénom(s) de naissance : JEANNE LOUISE',
      'Date de naissance : 03/12/1906',
      'Nom : Dr Le Goff',
      'Identifiant RPPS : 10003456789',
      'Amoxicilline 500 mg, gélule — 2 gélules, voie orale, 3 fois par jour, pendant 7 jours.',
      'Pansement hydrocolloïde du talon tous les 3 jours.',
      `Empreinte SHA-256 de l’ordonnance signée : ${prescription.sha256}`,
      NATIONAL_ID_NOT_ISSUED,
    ])
      expect(text).toContain(expected);
  });

  it('is made when first asked for a prescription kept without it, and kept from then on', async () => {
    const { station, dir, act } = await cartWithCall();
    // Kept on the act, its PDF not made: the station stopped between the two, or the renderer failed.
    const prescription = signed({ encounterId: act.id });
    const db = stationDatabase(dir);
    db.prepare(
      `INSERT INTO act_prescriptions (id, encounter_id, sender, via, call_id, sha256, signed_json, replaces, received_at)
       VALUES (?, ?, 'expert-legoff', 'call', 'call-1', ?, ?, NULL, '2026-11-23T09:26:00.000Z')`,
    ).run(prescription.id, act.id, prescription.sha256, JSON.stringify(prescription));
    db.close();
    expect(keptRows(dir)).toEqual([]);

    const first = await station.value('encounters.prescriptionPdf', { prescriptionId: prescription.id });
    expect(keptRows(dir).map((r) => r.sha256)).toEqual([sha256(Buffer.from(first.data, 'base64'))]);
    expect(await station.value('encounters.prescriptionPdf', { prescriptionId: prescription.id })).toEqual(first);
  });

  it('does not exist for a refused prescription, nor for an id the station never kept', async () => {
    const { station, dir, act } = await cartWithCall();
    const otherPatient = signed({
      encounterId: act.id,
      patient: { birthName: 'MARTIN', usedName: null, firstName: 'JEANNE', birthDate: '1960-12-03', sex: 'F' },
    });
    const refused = await station.call('encounters.expertPrescription', {
      callId: 'call-1',
      prescription: otherPatient,
    });
    expect(refused.ok).toBe(false);
    for (const prescriptionId of [otherPatient.id, UNKNOWN_ID]) {
      const answer = await station.call('encounters.prescriptionPdf', { prescriptionId });
      expect(!answer.ok && answer.error.code, prescriptionId).toBe('not_found');
    }
    expect(keptRows(dir)).toEqual([]);
  });

  it('is in the audit trail as an export when given out', async () => {
    const { station, act, trail } = await cartWithCall();
    const prescription = signed({ encounterId: act.id });
    await station.value('encounters.expertPrescription', { callId: 'call-1', prescription });
    await station.value('encounters.prescriptionPdf', { prescriptionId: prescription.id });
    const [exported] = await trail('encounters.prescriptionPdf');
    expect(exported).toMatchObject({ action: 'export', entityType: 'prescription', entityId: prescription.id });
  });
});
