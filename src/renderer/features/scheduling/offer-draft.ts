// An offer as the coordinator's form holds it while she types: times and dates as typed text
// (HH:MM, JJ/MM/AAAA), the escalation delay as text, the rota's exceptions as days and times in
// France. offerOfDraft turns it into the shared Offer and checks it with the shared schema, so the
// errors beside the fields are the same rules the station and the hub apply (paths such as
// "hours.rules.0.to" or "rota.exceptions.1.experts").
import type { ActType } from '../../../shared/acts/act-type';
import type { Offer, OfferExpert, OfferInput } from '../../../shared/scheduling/offer';
import { OfferSchema } from '../../../shared/scheduling/offer';
import { parisClock, parisInstant } from '../../../shared/scheduling/opening-hours';
import { specialtyKey } from '../../../shared/scheduling/specialty-key';
import type { FieldError } from '../../../shared/result';
import { parseWithFieldErrors } from '../../../shared/validation';
import { parseTypedDate, parseTypedTime, typedDateOfIso } from '../../ui/typed-values';

export interface RuleDraft {
  days: number[];
  from: string;
  to: string;
}
export interface ShiftDraft extends RuleDraft {
  /** Hub ids, in the order they are rung. */
  experts: string[];
}
export interface ExceptionDraft {
  id: string;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  experts: string[];
  note: string;
}
export interface RotaDraft {
  weekly: ShiftDraft[];
  exceptions: ExceptionDraft[];
  holidaysAsSunday: boolean;
  escalateAfterSeconds: string;
}

export interface OfferDraft {
  /** Null until published: a new offer's id is made from its specialty when it is sent. */
  id: string | null;
  specialty: string;
  specialtyCode: string;
  hospital: string;
  commune: string;
  acts: ActType[];
  alwaysOpen: boolean;
  rules: RuleDraft[];
  holidaysClosed: boolean;
  region: Offer['hours']['region'];
  experts: OfferExpert[];
  openToSpecialty: boolean;
  urgent: boolean;
  rota: RotaDraft;
}

export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const emptyRule = (): RuleDraft => ({ days: [...WEEKDAYS], from: '08:00', to: '18:00' });
export const emptyShift = (): ShiftDraft => ({ days: [...WEEKDAYS], from: '08:00', to: '18:00', experts: [] });
export const emptyException = (): ExceptionDraft => ({
  id: `x${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
  fromDate: '',
  fromTime: '08:00',
  toDate: '',
  toTime: '20:00',
  experts: [],
  note: '',
});

export const emptyDraft = (): OfferDraft => ({
  id: null,
  specialty: '',
  specialtyCode: '',
  hospital: '',
  commune: '',
  acts: ['teleconsultation'],
  alwaysOpen: false,
  rules: [emptyRule()],
  holidaysClosed: true,
  region: 'national',
  experts: [],
  openToSpecialty: true,
  urgent: false,
  rota: { weekly: [], exceptions: [], holidaysAsSunday: true, escalateAfterSeconds: '30' },
});

/** An instant written back as the day and time France's clock shows. */
function typedOfInstant(iso: string): { date: string; time: string } {
  const clock = parisClock(new Date(iso));
  const hh = String(Math.floor(clock.minutes / 60)).padStart(2, '0');
  const mm = String(clock.minutes % 60).padStart(2, '0');
  return { date: typedDateOfIso(clock.day), time: `${hh}:${mm}` };
}

/** A published offer, back in the form to be changed. */
export function draftOfOffer(offer: Offer): OfferDraft {
  return {
    id: offer.id,
    specialty: offer.specialty,
    specialtyCode: offer.specialtyCode ?? '',
    hospital: offer.hospital,
    commune: offer.commune ?? '',
    acts: [...offer.acts],
    alwaysOpen: offer.hours.alwaysOpen,
    rules: offer.hours.rules.map((r) => ({ days: [...r.days], from: r.from, to: r.to })),
    holidaysClosed: offer.hours.holidays === 'closed',
    region: offer.hours.region,
    experts: offer.experts.map((e) => ({ ...e })),
    openToSpecialty: offer.openToSpecialty,
    urgent: offer.urgent,
    rota: {
      weekly: (offer.rota?.weekly ?? []).map((s) => ({ ...s, days: [...s.days], experts: [...s.experts] })),
      exceptions: (offer.rota?.exceptions ?? []).map((e) => {
        const from = typedOfInstant(e.from);
        const to = typedOfInstant(e.to);
        return {
          id: e.id,
          fromDate: from.date,
          fromTime: from.time,
          toDate: to.date,
          toTime: to.time,
          experts: [...e.experts],
          note: e.note,
        };
      }),
      holidaysAsSunday: (offer.rota?.holidays ?? 'sunday') === 'sunday',
      escalateAfterSeconds: String(offer.rota?.escalateAfterSeconds ?? 30),
    },
  };
}

/** A typed time as the schema wants it ("9h30" → "09:30"); what cannot be read is left for the schema to refuse. */
const time = (typed: string) => parseTypedTime(typed) ?? typed.trim();

/** A day and a time typed in France, as an instant; empty (refused by the schema) when either cannot be read. */
function instantOf(date: string, typedTime: string): string {
  const day = parseTypedDate(date);
  const at = parseTypedTime(typedTime);
  if (!day || !at) return '';
  return parisInstant(day, Number(at.slice(0, 2)) * 60 + Number(at.slice(3, 5))).toISOString();
}

/** A new offer's id: its specialty's words and a short random part, in FHIR's id characters. */
export function newOfferId(specialty: string): string {
  const words = specialtyKey(specialty || 'offre')
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, 40);
  return `${words || 'offre'}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The offer the draft says, as the hub will be sent it (not yet checked). */
export function offerOfDraft(draft: OfferDraft): OfferInput {
  const delay = draft.rota.escalateAfterSeconds.trim();
  return {
    id: draft.id ?? newOfferId(draft.specialty),
    specialty: draft.specialty.trim(),
    specialtyCode: draft.specialtyCode || null,
    hospital: draft.hospital.trim(),
    ...(draft.commune.trim() ? { commune: draft.commune.trim().toUpperCase() } : {}),
    acts: draft.acts,
    hours: {
      alwaysOpen: draft.alwaysOpen,
      rules: draft.alwaysOpen ? [] : draft.rules.map((r) => ({ days: r.days, from: time(r.from), to: time(r.to) })),
      holidays: draft.holidaysClosed && !draft.alwaysOpen ? 'closed' : 'open',
      region: draft.region,
    },
    experts: draft.experts.map((e) => ({ id: e.id.trim(), name: e.name.trim() })),
    openToSpecialty: draft.openToSpecialty,
    urgent: draft.urgent,
    rota: draft.urgent
      ? {
          weekly: draft.rota.weekly.map((s) => ({
            days: s.days,
            from: time(s.from),
            to: time(s.to),
            experts: s.experts,
          })),
          exceptions: draft.rota.exceptions.map((e) => ({
            id: e.id,
            from: instantOf(e.fromDate, e.fromTime),
            to: instantOf(e.toDate, e.toTime),
            experts: e.experts,
            note: e.note.trim(),
          })),
          holidays: draft.rota.holidaysAsSunday ? 'sunday' : 'weekday',
          // Digits only: "30 s" or "abc" is refused beside the field (NaN) rather than read as something else.
          escalateAfterSeconds: /^\d+$/.test(delay) ? Number(delay) : Number.NaN,
        }
      : null,
  };
}

export type DraftCheck = { ok: true; offer: Offer } | { ok: false; fields: FieldError[] };

/**
 * The schema's generic words where the form can say more: an empty list of days, acts or experts
 * is "choose at least one", and any problem with the delay says its range.
 */
function sayMore(f: FieldError): FieldError {
  if (f.path === 'rota.escalateAfterSeconds') return { path: f.path, code: 'rota.delay_range' };
  if (f.code !== 'field.too_small') return f;
  if (f.path === 'acts') return { path: f.path, code: 'offer.acts_required' };
  if (/\.days$/.test(f.path)) return { path: f.path, code: 'hours.days_required' };
  if (/\.experts$/.test(f.path)) return { path: f.path, code: 'rota.experts_required' };
  return f;
}

/** The draft checked by the shared schema: the offer to send, or each field's problem by its path. */
export function checkDraft(draft: OfferDraft): DraftCheck {
  const fields: FieldError[] = [];
  if (!draft.specialtyCode) fields.push({ path: 'specialty', code: 'field.required' });
  // The hub keeps one PractitionerRole per expert and an offer: it refuses an expert named twice.
  draft.experts.forEach((e, index) => {
    const id = e.id.trim();
    if (id && draft.experts.findIndex((other) => other.id.trim() === id) < index)
      fields.push({ path: `experts.${index}.id`, code: 'offer.expert_twice' });
  });
  const parsed = parseWithFieldErrors(OfferSchema, offerOfDraft(draft));
  if (!parsed.success)
    for (const f of parsed.fields) if (!fields.some((g) => g.path === f.path)) fields.push(sayMore(f));
  return fields.length > 0 || !parsed.success ? { ok: false, fields } : { ok: true, offer: parsed.data };
}
