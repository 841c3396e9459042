// The station's activity report as the contract carries it: the month range asked for, the rows
// of the monthly activity, why some acts have no km estimate, and where the commune coordinates
// came from; and the same as CSV, with those reasons written out. Pure zod and text.
import { z } from 'zod';
import { ActTypeSchema } from '../acts/encounter';
import { activityCsv } from './monthly-activity';

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month.invalid');

/** At most five years at once: a coordinator's yearly or multi-year report, not a whole archive. */
export const MAX_MONTHS = 60;

/** Every month from `from` to `to`, both included (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  while (months.length <= MAX_MONTHS) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > to) break;
    months.push(current);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

// The range is checked only once both months are months: one error per mistake.
const bothMonths = (q: { from: string; to: string }) =>
  MonthSchema.safeParse(q.from).success && MonthSchema.safeParse(q.to).success;
export const ActivityQuerySchema = z
  .strictObject({ from: MonthSchema, to: MonthSchema })
  .refine((q) => !bothMonths(q) || q.from <= q.to, { path: ['to'], message: 'activity.range_backwards' })
  .refine((q) => !bothMonths(q) || monthsBetween(q.from, q.to).length <= MAX_MONTHS, {
    path: ['from'],
    message: 'activity.range_too_long',
  });
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

export const ActivityRowSchema = z.object({
  month: z.string(),
  act: ActTypeSchema,
  specialty: z.string(),
  acts: z.number().int(),
  minutes: z.number().int(),
  km: z.number(),
  kmUnknown: z.number().int(),
});

/** Why acts have no km estimate, each act counted once, under the first reason that applies. */
export const KmMissingSchema = z.object({
  /** The patient's commune of residence is not recorded. */
  patientCommune: z.number().int(),
  /** The act does not say in which commune the expert's site is. */
  siteCommune: z.number().int(),
  /** Both communes are known, but no coordinate table is loaded. */
  noTable: z.number().int(),
  /** A commune is not in the loaded table (a code merged away, a typo). */
  notInTable: z.number().int(),
});
export type KmMissing = z.infer<typeof KmMissingSchema>;

export const CoordinatesSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('loaded'),
    file: z.string(),
    reference: z.enum(['mairie', 'centre']),
    communes: z.number().int(),
    skipped: z.number().int(),
  }),
  z.object({ status: z.literal('missing'), file: z.string() }),
  z.object({ status: z.literal('unreadable'), file: z.string(), fr: z.string(), en: z.string() }),
]);
export type Coordinates = z.infer<typeof CoordinatesSchema>;

export const ActivityReportSchema = z.object({
  /** This station's name: the report covers the acts recorded here, not the region's. */
  station: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(ActivityRowSchema),
  /** How the km were estimated; null when none could be. */
  method: z.string().nullable(),
  kmMissing: KmMissingSchema,
  coordinates: CoordinatesSchema,
});
export type ActivityReport = z.infer<typeof ActivityReportSchema>;

/** Where the coordinates came from, or why there are none, in French (the CSV's language). */
export function coordinatesNote(coordinates: Coordinates): string {
  const name = coordinates.file.split(/[\\/]/).pop() ?? coordinates.file;
  if (coordinates.status === 'loaded')
    return `Coordonnées des communes : ${coordinates.reference === 'mairie' ? 'mairies' : 'centres'} (${coordinates.communes} communes, fichier ${name})`;
  if (coordinates.status === 'missing')
    return `Aucune table des coordonnées des communes n’est chargée (fichier ${name} absent) : les km évités ne sont pas estimés.`;
  return `La table des coordonnées des communes (${name}) est illisible : ${coordinates.fr} Les km évités ne sont pas estimés.`;
}

/** The reasons some acts have no km, one sentence each, only those that apply. */
export function kmMissingNotes(missing: KmMissing): string[] {
  const notes: string[] = [];
  if (missing.patientCommune)
    notes.push(`${missing.patientCommune} acte(s) sans km : commune de résidence du patient non renseignée`);
  if (missing.siteCommune)
    notes.push(`${missing.siteCommune} acte(s) sans km : commune du site de l’expert non renseignée`);
  if (missing.noTable) notes.push(`${missing.noTable} acte(s) sans km : pas de table des coordonnées des communes`);
  if (missing.notInTable)
    notes.push(`${missing.notInTable} acte(s) sans km : commune absente de la table des coordonnées`);
  return notes;
}

/** The report as CSV: the rows, the method, where the coordinates came from, why km are missing. */
export function activityReportCsv(report: ActivityReport): string {
  return activityCsv(report.station, report, [
    coordinatesNote(report.coordinates),
    ...kmMissingNotes(report.kmMissing),
  ]);
}

export const activityCsvFileName = (report: Pick<ActivityReport, 'station' | 'from' | 'to'>): string =>
  `activite-${
    report.station
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'station'
  }-${report.from}-${report.to}.csv`;
