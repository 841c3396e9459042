// The title of a report by act type, in French: printed at the head of its PDF, sent as the
// title of its DocumentReference, and shown where the act lists its files.
import type { Encounter } from './encounter';

export const REPORT_TITLES: Record<Encounter['act'], string> = {
  teleconsultation: 'Compte rendu de téléconsultation',
  teleexpertise: 'Compte rendu de téléexpertise',
  telesurveillance: 'Compte rendu de télésurveillance',
  teleassistance: 'Compte rendu de téléassistance',
};
