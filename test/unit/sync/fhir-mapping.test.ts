// The FHIR R4 mapping of the station's records, against fixtures reviewed by hand (FR Core
// Patient/Patient INS, Encounter class VR, vital-signs Observation, Consent), each also checked
// by the R4 validator; and a broken resource refused with a sentence naming what is wrong.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consentToFhir } from '../../../src/main/sync/fhir/consent';
import { encounterToFhir } from '../../../src/main/sync/fhir/encounter';
import { observationToFhir } from '../../../src/main/sync/fhir/observation';
import { patientToFhir } from '../../../src/main/sync/fhir/patient';
import { FhirValidationError, validateFhir } from '../../../src/main/sync/fhir/validate';
import { chatResourceId, chatToCommunication } from '../../../src/main/sync/fhir/communication';
import { attachmentToMedia } from '../../../src/main/sync/fhir/media';
import { attachmentToDocumentReference } from '../../../src/main/sync/fhir/document';
import { namedProfessionals } from '../../../src/main/sync/fhir/named-professionals';
import { practitionerToFhir } from '../../../src/main/sync/fhir/practitioner';
import {
  reportPdfContent,
  reportPdfToBinary,
  reportToBinary,
  reportToDocumentReference,
} from '../../../src/main/sync/fhir/report';
import { serviceRequestToFhir } from '../../../src/main/sync/fhir/service-request';
import { imagingStudyToFhir } from '../../../src/main/sync/fhir/imaging-study';
import {
  bloodPressure,
  consentToAct,
  headCt,
  expertiseRequest,
  finishedEncounter,
  mitralSound,
  qualifiedPatient,
  signedReport,
  signedReportPdf,
  signedReportPdfBytes,
} from './fhir-samples';

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.resolve('test/fixtures/fhir', `${name}.json`), 'utf8')) as unknown;

describe('FHIR mapping', () => {
  it('maps a qualified patient to FR Core Patient INS, with the INS slice and the identity status', () => {
    const resource = patientToFhir(qualifiedPatient);
    expect(resource).toEqual(fixture('patient-qualified'));
    expect(validateFhir(resource)).toBe(resource);
  });

  it('never sends the INS of an identity that is not qualified', () => {
    for (const identityStatus of ['RECUP', 'VALI', 'PROV'] as const) {
      const resource = patientToFhir({
        ...qualifiedPatient,
        identityStatus,
        ins: identityStatus === 'RECUP' ? qualifiedPatient.ins : null,
      });
      expect(resource.identifier?.map((i) => i.system)).toEqual(['urn:ietf:rfc:3986']);
      expect(resource.meta?.profile).toEqual(['https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient']);
      expect(resource.extension?.[0]?.extension?.[0]?.valueCoding?.code).toBe(identityStatus);
      validateFhir(resource);
    }
    // Without used traits, a single official name; "I" (indeterminate) is "other".
    const plain = patientToFhir({ ...qualifiedPatient, usedName: null, sex: 'I' });
    expect(plain.name).toEqual([{ use: 'official', family: 'LE GALL', given: ['ANNE', 'MARIE'] }]);
    expect(plain.gender).toBe('other');
  });

  it('maps an act to Encounter class VR with its participants, period and status', () => {
    const resource = encounterToFhir(finishedEncounter);
    expect(resource).toEqual(fixture('encounter-teleconsultation-assisted'));
    validateFhir(resource);
    const draft = encounterToFhir({
      ...finishedEncounter,
      status: 'draft',
      startedAt: null,
      endedAt: null,
      expert: null,
    });
    expect(draft).toMatchObject({ status: 'planned', participant: [{ individual: { display: 'IDE Morvan' } }] });
    expect(draft.period).toBeUndefined();
    expect(encounterToFhir({ ...finishedEncounter, status: 'closed', startedAt: null, endedAt: null }).status).toBe(
      'cancelled',
    );
    expect(encounterToFhir({ ...finishedEncounter, status: 'in_progress', endedAt: null })).toMatchObject({
      status: 'in-progress',
      period: { start: '2026-11-23T09:42:00.000Z' },
    });
  });

  it('maps vital signs to the vital-signs profile with LOINC and UCUM', () => {
    const resource = observationToFhir(bloodPressure, finishedEncounter);
    expect(resource).toEqual(fixture('observation-blood-pressure'));
    validateFhir(resource);
    const spo2 = observationToFhir(
      { ...bloodPressure, vital: { code: 'spo2', value: 96, unit: '%' }, method: 'device', device: 'CMS50D+' },
      finishedEncounter,
    );
    expect(spo2).toMatchObject({
      code: { coding: [{ system: 'http://loinc.org', code: '59408-5' }] },
      valueQuantity: { value: 96, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
      device: { display: 'CMS50D+' },
    });
    expect(spo2.component).toBeUndefined();
    validateFhir(spo2);
    const temperature = observationToFhir(
      { ...bloodPressure, vital: { code: 'body_temperature', value: 38.4, unit: 'Cel' } },
      finishedEncounter,
    );
    expect(temperature.code.coding?.[0]?.code).toBe('8310-5');
  });

  it('maps consent to the act as permit, and a refusal to share images as deny', () => {
    const resource = consentToFhir(consentToAct, finishedEncounter);
    expect(resource).toEqual(fixture('consent-act-given'));
    validateFhir(resource);
    const refused = consentToFhir({ ...consentToAct, scope: 'image_sharing', decision: 'refused' }, finishedEncounter);
    expect(refused).toMatchObject({
      scope: { coding: [{ code: 'patient-privacy' }] },
      provision: { type: 'deny', action: [{ coding: [{ code: 'disclose' }] }] },
    });
    validateFhir(refused);
  });

  it('names who gave consent as the Code de la santé publique allows (L1111-4, L1111-6), and nobody for a consent recorded before it was asked', () => {
    const trusted = consentToFhir(
      { ...consentToAct, givenBy: { kind: 'trusted_person', name: 'M. Yann Le Bihan' } },
      finishedEncounter,
    );
    expect(trusted.performer).toEqual([{ display: 'M. Yann Le Bihan (personne de confiance, CSP L1111-6)' }]);
    expect(trusted.extension).toContainEqual({
      url: 'urn:relais:StructureDefinition:consent-given-by',
      valueCode: 'trusted_person',
    });
    validateFhir(trusted);
    const urgency = consentToFhir(
      { ...consentToAct, givenBy: { kind: 'vital_emergency', physician: 'Dr Urgences' } },
      finishedEncounter,
    );
    expect(urgency.performer).toEqual([
      { display: 'Dr Urgences (urgence vitale, consentement impossible, CSP L1111-4)' },
    ]);
    validateFhir(urgency);
    const old = consentToFhir({ ...consentToAct, givenBy: { kind: 'unknown' } }, finishedEncounter);
    expect(old.performer).toBeUndefined();
    expect(old.extension).toContainEqual({
      url: 'urn:relais:StructureDefinition:consent-given-by',
      valueCode: 'unknown',
    });
    validateFhir(old);
  });

  it('says on the Observation that an unusual value was checked and confirmed', () => {
    const confirmed = observationToFhir(
      { ...bloodPressure, vital: { code: 'body_temperature', value: 45, unit: 'Cel' }, unusualConfirmed: true },
      finishedEncounter,
    );
    expect(confirmed.note).toEqual([{ text: 'Valeur inhabituelle vérifiée et confirmée par IDE Morvan.' }]);
    validateFhir(confirmed);
    expect(observationToFhir(bloodPressure, finishedEncounter).note).toBeUndefined();
  });

  it('maps a téléexpertise to a ServiceRequest that follows the act, and the act names it', () => {
    const resource = serviceRequestToFhir(expertiseRequest);
    expect(resource).toEqual(fixture('service-request-teleexpertise'));
    validateFhir(resource);
    expect(encounterToFhir(expertiseRequest).basedOn).toEqual([{ reference: `ServiceRequest/${expertiseRequest.id}` }]);
    expect(encounterToFhir(finishedEncounter).basedOn).toBeUndefined(); // a téléconsultation is no request
    expect(serviceRequestToFhir({ ...expertiseRequest, status: 'draft', startedAt: null }).status).toBe('draft');
    expect(serviceRequestToFhir({ ...expertiseRequest, status: 'closed' }).status).toBe('completed');
    expect(serviceRequestToFhir({ ...expertiseRequest, status: 'closed', startedAt: null }).status).toBe('revoked');
    const toAnySpecialist = serviceRequestToFhir({ ...expertiseRequest, expert: null });
    expect(toAnySpecialist.performer).toBeUndefined();
    expect(toAnySpecialist.performerType).toEqual({
      coding: [{ system: 'urn:relais:CodeSystem:specialty', code: 'dermatologie' }],
      text: 'dermatologie',
    });
    // The routing key is the same whatever the case and accents the requester typed.
    expect(
      serviceRequestToFhir({ ...expertiseRequest, specialty: ' Gériatrie ' }).performerType?.coding?.[0]?.code,
    ).toBe('geriatrie');
    // An expert chosen from the hub's presence is named by her hub identity; the name is for people.
    const named = serviceRequestToFhir({
      ...expertiseRequest,
      expert: { name: 'Dr Le Goff', role: 'physician', rpps: null, specialty: 'dermatologie', hubId: 'dr-le-goff' },
    });
    expect(named.performer).toEqual([
      { display: 'Dr Le Goff', identifier: { system: 'urn:relais:hub-peer', value: 'dr-le-goff' } },
    ]);
    validateFhir(named);
  });

  it('carries a sent téléexpertise’s urgency, context and sending time', () => {
    const resource = serviceRequestToFhir(expertiseRequest, {
      encounterId: expertiseRequest.id,
      context: 'Apparu il y a 3 mois, saigne au contact.',
      priority: 'urgent',
      submittedAt: '2026-11-23T09:55:00.000Z',
    });
    expect(resource).toMatchObject({
      priority: 'urgent',
      note: [{ text: 'Apparu il y a 3 mois, saigne au contact.' }],
      authoredOn: '2026-11-23T09:55:00.000Z',
    });
    validateFhir(resource);
    expect(
      serviceRequestToFhir(expertiseRequest, {
        encounterId: expertiseRequest.id,
        context: '',
        priority: 'routine',
        submittedAt: null,
      }).note,
    ).toBeUndefined();
  });

  it('maps a signed report to its PDF and its text as Binaries, and a DocumentReference (class Compte rendu) describing both', () => {
    const binary = reportToBinary(signedReport);
    expect(binary).toEqual(fixture('binary-report'));
    expect(Buffer.from(binary.data!, 'base64').toString('utf8')).toBe(signedReport.text);
    validateFhir(binary);
    // The PDF's Binary has an id of its own, derived from the report's (name-based UUID, worked out by hand).
    const pdfBinary = reportPdfToBinary(signedReport.id, signedReportPdfBytes);
    expect(pdfBinary).toEqual({
      resourceType: 'Binary',
      id: 'bfcf326f-32b0-57b7-a401-50f2fa40cb69',
      contentType: 'application/pdf',
      data: signedReportPdfBytes.toString('base64'),
    });
    validateFhir(pdfBinary);
    expect(reportPdfContent(signedReportPdfBytes, signedReportPdf.sha256)).toEqual(signedReportPdf);

    const document = reportToDocumentReference(signedReport, finishedEncounter, {
      pdf: signedReportPdf,
      superseded: false,
    });
    expect(document).toEqual(fixture('document-reference-report'));
    validateFhir(document);
  });

  it('marks a corrected report superseded and its correction as replacing it; a téléexpertise report says so', () => {
    const first = reportToDocumentReference(signedReport, finishedEncounter, {
      pdf: signedReportPdf,
      superseded: true,
    });
    expect(first).toEqual({ ...(fixture('document-reference-report') as object), status: 'superseded' });
    validateFhir(first);
    const correction = reportToDocumentReference(
      { ...signedReport, id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', replaces: signedReport.id },
      finishedEncounter,
      { pdf: signedReportPdf, superseded: false },
    );
    expect(correction.relatesTo).toEqual([
      { code: 'replaces', target: { reference: `DocumentReference/${signedReport.id}` } },
    ]);
    expect(correction.content.map((c) => c.attachment.url)).toEqual([
      'Binary/bc9d25e7-4666-5f68-b4f4-38a055178892',
      'Binary/5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    ]);
    validateFhir(correction);
    const expertise = reportToDocumentReference(signedReport, expertiseRequest, {
      pdf: signedReportPdf,
      superseded: false,
    });
    expect(expertise.type?.text).toBe('Compte rendu de téléexpertise');
    expect(expertise.content[0]!.attachment.title).toBe('Compte rendu de téléexpertise (PDF signé)');
  });

  it('describes the text alone for a report whose PDF is not kept yet (signed before PDFs were kept)', () => {
    const document = reportToDocumentReference(signedReport, finishedEncounter, { pdf: null, superseded: false });
    expect(document.identifier).toBeUndefined();
    expect(document.content).toEqual([(fixture('document-reference-report') as { content: unknown[] }).content[1]]);
    validateFhir(document);
  });

  it('maps a professional with an RPPS to an FR Core Practitioner by IdNatPS, and finds those a resource names', () => {
    const practitioner = practitionerToFhir(signedReport.author);
    expect(practitioner).toEqual(fixture('practitioner-rpps'));
    validateFhir(practitioner!);
    expect(practitionerToFhir({ name: 'IDE Morvan', role: 'nurse', rpps: null, specialty: null })).toBeNull();
    expect(namedProfessionals(serviceRequestToFhir(expertiseRequest)).map((p) => [p.name, p.rpps])).toEqual([
      ['Dr Guillou', '10001234567'],
      ['Dr Le Goff', '10003456789'],
    ]);
    expect(namedProfessionals(encounterToFhir({ ...finishedEncounter, expert: null }))).toEqual([]); // the nurse has no RPPS here
  });

  it('maps an auscultation to an audio Media with its body site, pointing at the uploaded bytes, and a photo to an image', () => {
    const content = { url: 'http://127.0.0.1:8443/uploads/5f2b9c', sha1Base64: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=' };
    const sound = attachmentToMedia(mitralSound, finishedEncounter, content);
    expect(sound).toEqual(fixture('media-auscultation-mitral'));
    validateFhir(sound);
    const photo = attachmentToMedia(
      { ...mitralSound, kind: 'snapshot', mime: 'image/png', bodySite: null, device: 'Dermatoscope' },
      finishedEncounter,
      content,
    );
    expect(photo).toMatchObject({
      type: { coding: [{ code: 'image' }] },
      content: { contentType: 'image/png', title: 'Photo — Dermatoscope' },
    });
    expect(photo.bodySite).toBeUndefined();
    validateFhir(photo);
  });

  it('maps a PDF added to an act to a DocumentReference pointing at the uploaded bytes', () => {
    const letter = {
      ...mitralSound,
      id: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
      callId: null,
      encounterId: finishedEncounter.id,
      kind: 'document' as const,
      mime: 'application/pdf' as const,
      bodySite: null,
      title: 'Courrier du dermatologue (2025)',
      device: 'Import',
      size: 184_233,
    };
    const resource = attachmentToDocumentReference(letter, finishedEncounter, {
      url: 'http://127.0.0.1:8443/uploads/9d1e7a',
      sha1Base64: 'vYq1xN7Qm0bT5mXGf4o0k2g7l1w=',
    });
    expect(resource).toEqual(fixture('document-reference-letter'));
    validateFhir(resource);
  });

  it('maps a chat line of the act’s call to a Communication whose id comes from the call and the line', () => {
    const line = {
      callId: 'call-42',
      id: 'line-7',
      direction: 'received' as const,
      author: 'Dr Le Goff',
      text: 'Souffle systolique 2/6 au foyer mitral.',
      at: '2026-11-23T09:50:00.000Z',
    };
    const resource = chatToCommunication(line, finishedEncounter);
    expect(resource).toEqual(fixture('communication-chat-line'));
    validateFhir(resource);
    expect(resource.id).toBe(chatResourceId('call-42', 'line-7'));
    expect(resource.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(chatResourceId('call-42', 'line-8')).not.toBe(resource.id);
    expect(chatResourceId('call-4', '2\nline-7')).not.toBe(resource.id);
    // A line without an author is said by who wrote it from each side.
    expect(chatToCommunication({ ...line, author: '', direction: 'sent' }, finishedEncounter).sender).toEqual({
      display: 'IDE Morvan',
    });
  });

  it('maps an imported study to an ImagingStudy by its DICOM UIDs, named after the Study Instance UID, with the identity check noted', () => {
    const resource = imagingStudyToFhir(headCt);
    expect(resource).toEqual(fixture('imaging-study-head-ct'));
    expect(validateFhir(resource)).toBe(resource);
    expect(imagingStudyToFhir({ ...headCt, imported_at: 'later' }).id).toBe(resource.id); // the same study, the same resource
    const plain = imagingStudyToFhir({
      ...headCt,
      encounter_id: null,
      accession_number: null,
      mismatch_accepted_by: null,
      study_date: 'garbage',
    });
    expect(plain).not.toHaveProperty('encounter');
    expect(plain).not.toHaveProperty('note');
    expect(plain).not.toHaveProperty('started');
    expect(plain.identifier).toHaveLength(2);
    validateFhir(plain);
  });

  it('refuses a resource that is not valid R4, saying what and where', () => {
    const broken = {
      ...patientToFhir(qualifiedPatient),
      birthDate: '03/12/1956',
      gender: undefined,
      favouriteColour: 'blue',
    };
    let error: unknown;
    try {
      validateFhir(broken as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FhirValidationError);
    expect((error as FhirValidationError).message).toMatch(/^The Patient to send is not valid \(FHIR R4, FR Core\): /);
    expect((error as FhirValidationError).problems.join('\n')).toMatch(/Patient\.birthDate/);
    expect((error as FhirValidationError).problems.join('\n')).toMatch(/favouriteColour/);
    // A Consent without a policy breaks an R4 invariant (ppc-1).
    const noPolicy = { ...consentToFhir(consentToAct, finishedEncounter), policyRule: undefined };
    expect(() => validateFhir(noPolicy as never)).toThrow(FhirValidationError);
  });
});
