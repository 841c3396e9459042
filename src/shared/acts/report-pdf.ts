// The PDF of a signed report as the act lists it among its files: kept once, at signing, with
// its SHA-256, so that what is printed for the patient is what the region files.
import { z } from 'zod';

export const ReportPdfInfoSchema = z.object({
  reportId: z.uuid(),
  fileName: z.string(),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  renderedAt: z.string(),
});
export type ReportPdfInfo = z.infer<typeof ReportPdfInfoSchema>;
