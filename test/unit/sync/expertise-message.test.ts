// The téléexpertise messages as FHIR Communications, both ways: valid R4, every part kept apart,
// and garbage from the server refused with the reason.
import { describe, expect, it } from 'vitest';
import { communicationToMessage, messageToCommunication } from '../../../src/main/sync/fhir/expertise-message';
import { FhirMappingError } from '../../../src/main/sync/fhir/mapping-error';
import { validateFhir } from '../../../src/main/sync/fhir/validate';
import type { ExpertiseMessage } from '../../../src/shared/teleexpertise/teleexpertise';

const answer: ExpertiseMessage = {
  id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  requestId: '7c4e1d2a-9b3f-4e8a-a1c2-5d6e7f8a9b0c',
  patientId: '6d0c1c5e-7a51-4f7e-9d55-0c3f2c1b9a01',
  kind: 'answer',
  author: { name: 'Dr Le Goff', role: 'physician', rpps: '10003456789', specialty: null },
  recipient: { name: 'IDE Morvan', role: 'nurse', rpps: null, specialty: null },
  sentAt: '2026-11-23T11:20:00.000Z',
  text: 'Naevus bleu, aspect bénin en dermatoscopie.',
  recommendations: 'Photographie de contrôle à 6 mois.',
  followUp: 'in_person',
  inResponseTo: null,
  files: [],
};

describe('téléexpertise message <-> Communication', () => {
  it('maps the expert’s structured answer to a Communication based on the request, about the patient and the act', () => {
    const c = messageToCommunication(answer);
    validateFhir(c);
    expect(c).toMatchObject({
      resourceType: 'Communication',
      id: answer.id,
      status: 'completed',
      basedOn: [{ reference: `ServiceRequest/${answer.requestId}` }],
      subject: { reference: `Patient/${answer.patientId}` },
      encounter: { reference: `Encounter/${answer.requestId}` },
      sent: answer.sentAt,
      sender: { display: 'Dr Le Goff', identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810003456789' } },
      recipient: [{ display: 'IDE Morvan' }],
      category: [{ coding: [{ system: 'urn:relais:CodeSystem:teleexpertise-message', code: 'answer' }] }],
    });
    // Each part in words, readable by a system that ignores our marks.
    expect(c.payload?.map((p) => p.contentString)).toEqual([
      answer.text,
      answer.recommendations,
      'Suivi : Consultation en présentiel',
    ]);
    expect(communicationToMessage(JSON.parse(JSON.stringify(c)))).toEqual({
      ...answer,
      author: { ...answer.author, role: 'physician' },
      recipient: { ...answer.recipient!, role: 'physician' },
    });
  });

  it('keeps a question, the requester’s answer to it and its files', () => {
    const question: ExpertiseMessage = {
      ...answer,
      id: '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e',
      kind: 'information_request',
      text: 'Depuis quand ? Une photo de profil ?',
      recommendations: '',
      followUp: null,
    };
    const provided: ExpertiseMessage = {
      ...answer,
      id: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
      kind: 'information_provided',
      author: answer.recipient!,
      recipient: answer.author,
      text: 'Depuis 3 mois, photo jointe.',
      recommendations: '',
      followUp: null,
      inResponseTo: question.id,
      files: [
        { id: '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a', kind: 'snapshot' },
        { id: '9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b', kind: 'document' },
      ],
    };
    for (const m of [question, provided]) validateFhir(messageToCommunication(m));
    const c = messageToCommunication(provided);
    expect(c.inResponseTo).toEqual([{ reference: `Communication/${question.id}` }]);
    expect(c.payload?.slice(1)).toEqual([
      { contentReference: { reference: `Media/${provided.files[0]!.id}` } },
      { contentReference: { reference: `DocumentReference/${provided.files[1]!.id}` } },
    ]);
    const back = communicationToMessage(c);
    expect(back).toMatchObject({
      kind: 'information_provided',
      text: provided.text,
      inResponseTo: question.id,
      files: provided.files,
    });
    expect(communicationToMessage(messageToCommunication(question))).toMatchObject({
      kind: 'information_request',
      text: question.text,
      followUp: null,
    });
    const conversion = messageToCommunication({
      ...answer,
      kind: 'teleconsultation_proposed',
      text: 'Je préfère voir la patiente.',
      recommendations: '',
      followUp: 'teleconsultation',
    });
    validateFhir(conversion);
    expect(communicationToMessage(conversion)).toMatchObject({
      kind: 'teleconsultation_proposed',
      followUp: 'teleconsultation',
    });
  });

  it('refuses a Communication that is no téléexpertise message, saying why', () => {
    const chat = { ...messageToCommunication(answer), category: [{ text: 'Message pendant la téléconsultation' }] };
    expect(() => communicationToMessage(chat)).toThrow(FhirMappingError);
    expect(() => communicationToMessage(chat)).toThrow(/no téléexpertise message/);
    expect(() =>
      communicationToMessage({ ...messageToCommunication(answer), basedOn: [{ reference: 'CarePlan/1' }] }),
    ).toThrow(/based on no ServiceRequest/);
    for (const garbage of [
      null,
      'text',
      42,
      {},
      { resourceType: 'Communication', id: 'not-a-uuid' },
      { ...messageToCommunication(answer), sent: 'yesterday' },
    ]) {
      expect(() => communicationToMessage(garbage)).toThrow(FhirMappingError);
    }
  });
});
