// English texts of the images shown to the other side of a call (the same keys as the French).
import type { Texts } from '../../i18n/texts';
import type { sharedImagingFr } from './texts-shared-imaging-fr';

export const sharedImagingEn: Texts<typeof sharedImagingFr> = {
  shareTitle: 'Patient images',
  start: 'Show images (CT, MRI…)',
  patient: 'Patient (name, birth date)',
  noPatient: 'No patient found.',
  otherPatient: 'Another patient',
  title: 'Shared images: {{label}}',
  sent: '{{sent}}/{{count}} images sent',
  received: '{{received}}/{{count}} images received',
  stop: 'Stop sharing',
};
