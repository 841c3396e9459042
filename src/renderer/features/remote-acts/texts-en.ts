// English texts of the expert's report written on her station (same keys as texts-fr.ts).
import type { Texts } from '../../i18n/texts';
import type { expertReportFr, remoteActFr } from './texts-fr';

export const expertReportEn: Texts<typeof expertReportFr> = {
  title: 'Report',
  template: 'Template',
  templateHint: 'Changing the template only replaces the sections that are empty or still as the template wrote them.',
  sections: {
    motif: 'Reason',
    histoire: 'History',
    examen: 'Remote examination',
    mesures: 'Measurements',
    conclusion: 'Conclusion',
    conduite: 'Plan',
    suivi: 'Follow-up',
  },
  takeMeasurements: 'Take the measurements from the record',
  draftSaved: 'Draft saved at {{time}}.',
  sign: 'Sign and send',
  signCorrection: 'Sign the correction',
  signing: 'Signing…',
  signedBy: 'Signed by {{name}} (RPPS {{rpps}}) on {{time}}',
  fingerprint: 'SHA-256 fingerprint: {{sha}}',
  why: {
    notSignedIn: 'Sign in (Pro Santé Connect): the report is signed in your name.',
    noRpps: 'Your sign-in gives no RPPS number: it is needed to sign.',
    noConclusion: 'Write the conclusion: without it, this is a draft.',
    noReason: 'Say why you correct it.',
    untouched: 'Read these sections again, still as the template wrote them: {{sections}}.',
  },
  untouchedConfirm: 'I have read these sections: they say what I observed.',
  delivery: {
    pending:
      'Not yet received by the requesting station: the regional server hands it over as soon as that station is online (or during a next call about this act).',
    call: 'Received by the requesting station during the call, on {{time}}.',
    hub: 'Received by the requesting station through the regional server, on {{time}}.',
    refused: 'Refused by the requesting station: {{reason}}',
  },
  replaced: 'Corrected by a later version.',
  correctionOf: 'Correction of the version signed on {{time}}',
  correctionReason: 'Reason for the correction',
  correct: 'Correct this report',
  cancelCorrection: 'Cancel the correction',
  versions: 'Signed versions',
  noAct: 'Call without an associated record: the report is written on an act the requesting station sent.',
  signedIn: 'Signing as {{name}}',
};

// English texts of the expert's acts of other stations (same keys as texts-fr.ts).
export const remoteActEn: Texts<typeof remoteActFr> = {
  back: 'Back to home',
  title: 'Act requested by {{station}}',
  worklist: {
    title: 'Reports to write',
    empty: 'No report waiting.',
    waited: 'waiting for {{duration}}',
    open: 'Write',
    states: {
      to_write: 'To write',
      draft: 'Draft',
      waiting: 'Signed, not yet received by the requesting station',
      refused: 'Refused by the requesting station',
    },
    actTypes: {
      teleconsultation: 'Teleconsultation',
      teleexpertise: 'Tele-expertise',
      telesurveillance: 'Telemonitoring',
      teleassistance: 'Tele-assistance',
    },
  },
};
