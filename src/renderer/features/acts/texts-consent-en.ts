// English texts of the patient's consent (same keys as texts-consent-fr.ts).
import type { Texts } from '../../i18n/texts';
import type { consentFr } from './texts-consent-fr';

export const consentEn: Texts<typeof consentFr> = {
  scope: 'For',
  givenByLegend: 'Who consents (or refuses)?',
  givers: {
    patient: 'the patient',
    legal_representative: 'her legal representative (minor, protected adult)',
    trusted_person: 'her trusted person (personne de confiance)',
    vital_emergency: 'nobody: vital emergency, consent impossible',
  },
  names: {
    legal_representative: 'Name of the legal representative',
    trusted_person: 'Name of the trusted person',
    vital_emergency: 'Physician who decides',
  },
  law: {
    patient: 'CSP L1111-4 and R6316-2: the patient’s free and informed consent, which she may withdraw at any time.',
    legal_representative:
      'CSP L1111-4: the holders of parental authority or the guardian consent; the minor’s or protected adult’s view is sought.',
    trusted_person:
      'CSP L1111-6: the trusted person named by the patient is consulted when she cannot express her will.',
    vital_emergency:
      'CSP L1111-4: in a vital emergency, when nobody can consent, the physician decides. It is neither a refusal nor an agreement to record.',
  },
  chooseGiver: 'Choose who consents before recording the answer.',
  nameFirst: 'Give their name.',
  emergencyNoRecording:
    'A vital emergency does not allow recording: recording waits for the consent of the patient or of her representative.',
  emergencyNoRefusal: 'In a vital emergency nobody refuses: only the patient or her representative can refuse.',
  line: '{{scope}}: {{decision}} — {{giver}} (collected by {{by}}, {{when}})',
  giverLine: {
    patient: 'by the patient',
    legal_representative: 'by {{name}}, legal representative',
    trusted_person: 'by {{name}}, trusted person',
    vital_emergency: 'vital emergency, consent impossible: decided by {{name}}',
    unknown: 'by: not recorded',
  },
  blocked: {
    recording_missing:
      'Recording not possible: the patient’s consent to recording has not been collected. Collect it under “Patient consent”.',
    recording_refused: 'Recording not possible: the patient refused recording.',
    image_sharing_missing:
      'Sharing not possible: the patient’s consent to sharing images has not been collected. Collect it under “Patient consent”.',
    image_sharing_refused: 'Sharing not possible: the patient refused the sharing of her images.',
    other_patient: 'Sharing not possible: these images are of another patient than the call’s act.',
    call_without_act:
      'No act is linked to this call, hence no consent: link the call to the patient’s act (“Consent for this call”).',
    recording_missing_call:
      'Recording not possible: the patient’s consent to recording has not been collected. Collect it under “Consent for this call”.',
    image_sharing_missing_call:
      'Sharing not possible: the patient’s consent to sharing images has not been collected. Collect it under “Consent for this call”.',
    remote_without_act: 'Photo not possible: {{name}} has not sent the patient’s consent to recording yet.',
  },
  call: {
    title: 'Consent for this call',
    none: 'No act is linked to this call: no recording and no image sharing without the patient’s consent, collected in her act.',
    choose: 'Link the call to the patient’s act',
    acts: 'This patient’s open acts',
    useAct: 'Link to this act',
    noOpenAct: 'No open act for this patient.',
    newAct: 'Open an act for this call',
    requester: 'Requester (your name)',
    decisions: { given: 'given', refused: 'refused', none: 'not collected' },
  },
};
