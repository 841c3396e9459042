// The four acts of telemedicine the code de la santé publique names (article R. 6316-1): a leaf
// module, so that the offers (which the hub protocol carries) can name them without importing
// the act itself.
import { z } from 'zod';

export const ActTypeSchema = z.enum(['teleconsultation', 'teleexpertise', 'telesurveillance', 'teleassistance']);
export type ActType = z.infer<typeof ActTypeSchema>;
