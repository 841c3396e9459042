// English texts of the expert's prescriptions on the act (and in the cabin at the end of a session).
import type { actPrescriptionsFr } from './texts-prescriptions-fr';
import type { Texts } from '../../i18n/texts';

export const actPrescriptionsEn: Texts<typeof actPrescriptionsFr> = {
  title: 'Expert’s prescriptions',
  none: 'No prescription from the expert for this act.',
  lines: 'Items of the prescription',
  signer: '{{name}} (RPPS {{rpps}})',
  signerWithSpecialty: '{{name}} ({{specialty}}, RPPS {{rpps}})',
  signedBy: 'Signed by {{signer}} on {{when}}',
  replaced: 'replaced by a correction',
  correction: 'Corrects the previous prescription: {{reason}}',
  kinds: {
    biology: 'Laboratory tests',
    imaging: 'Imaging',
    nursing: 'Nursing care',
    other: 'Other',
  },
  words: {
    during: 'for {{duration}}',
    quantity: 'Quantity: {{quantity}}.',
    nonSubstitutable: 'Not substitutable ({{reason}}).',
  },
  print: 'Print the prescription',
  download: 'Download the PDF',
  saved: 'This station does not print the PDF itself: it was saved as {{fileName}}; open it to print it.',
  cannotPrintInCabin:
    'This station cannot print from the cabin. The pharmacist leaves cabin mode (“Pharmacist”) and prints the prescription from the patient’s act.',
};
