// The agenda feature's screens (issue 22, points 2 and 3), drawn from their state in French and
// English: the booking form (offline, pending, confirmed, refused with the next free slots as
// buttons), the agenda's day and week, and today's reminders on the page's clock (fake timers: the
// reminder appears 15 minutes before the appointment and not a minute earlier; at its time, the
// button that opens the act and calls).
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Appointment, FreeSlot } from '../../src/shared/scheduling/appointment';
import { OfferSchema } from '../../src/shared/scheduling/offer';
import type { Patient } from '../../src/shared/patients/patient';

vi.mock('../../src/renderer/api', () => ({ relais: {}, stationMode: 'browser', hasStationKey: true }));

const { BookingForm } = await import('../../src/renderer/features/agenda/booking-screen');
const { AgendaView } = await import('../../src/renderer/features/agenda/agenda-screen');
const { TodayAppointmentsView } = await import('../../src/renderer/features/agenda/today-appointments');
const { en } = await import('../../src/renderer/i18n/en');
const { fr } = await import('../../src/renderer/i18n/fr');

async function render(language: 'fr' | 'en', element: ReactElement): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

// Local times (the page's own time zone), as the station shows them.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute);
const PATIENT = '3c1e5a7b-2d4f-4e6a-8b0c-1d2e3f405162';
const offer = OfferSchema.parse({
  id: 'derm-brest',
  specialty: 'Dermatologie',
  hospital: 'CHU de Brest',
  acts: ['teleconsultation'],
  hours: { alwaysOpen: true, rules: [], holidays: 'open' },
  experts: [{ id: 'dr-kerleau', name: 'Dr Anne Kerleau' }],
});
const slot = (id: string, start: Date): FreeSlot => ({
  id,
  scheduleId: 'sch-1',
  expertId: 'dr-kerleau',
  start: start.toISOString(),
  end: new Date(start.getTime() + 30 * 60_000).toISOString(),
});
const appointment = (start: Date, patch: Partial<Appointment> = {}): Appointment => ({
  id: `apt-${start.getTime()}`,
  patientId: PATIENT,
  offerId: 'derm-brest',
  expertId: 'dr-kerleau',
  slotId: 'slot-1',
  scheduleId: 'sch-1',
  start: start.toISOString(),
  end: new Date(start.getTime() + 30 * 60_000).toISOString(),
  reason: 'Lésion pigmentée du dos',
  encounterId: null,
  patientName: null,
  siteName: null,
  status: 'confirmed',
  cancelReason: null,
  movedFrom: null,
  movedTo: null,
  proposedSlots: [],
  refusal: null,
  synced: true,
  createdAt: at(7, 9).toISOString(),
  version: 1,
  ...patch,
});
const patient = { birthName: 'Le Bihan', firstName: 'Yvonne', birthDate: '1942-03-15' } as Patient;
const noop = () => {};
const form = (patch: Partial<Parameters<typeof BookingForm>[0]>) =>
  createElement(BookingForm, {
    offers: [offer],
    offerId: 'derm-brest',
    slots: [slot('s1', at(8, 9)), slot('s2', at(8, 9, 30))],
    slotsError: null,
    chosen: null,
    reason: '',
    followUp: false,
    error: null,
    busy: false,
    booked: null,
    onOffer: noop,
    onChoose: noop,
    onReason: noop,
    onSubmit: noop,
    onBookProposed: noop,
    ...patch,
  });

afterEach(() => vi.useRealTimers());

describe('the booking screen', () => {
  it('lists the offer’s free slots with their expert, and says why "Réserver" waits', async () => {
    const text = await render('fr', form({}));
    expect(text).toContain('Dermatologie — CHU de Brest');
    expect(text).toContain('mardi 8 décembre, 09:00–09:30 · avec Dr Anne Kerleau');
    expect(text).toContain('mardi 8 décembre, 09:30–10:00');
    expect(text).toContain('Réserver Choisissez d’abord un créneau.');
  });

  it('says plainly offline that free slots cannot be read, and that a booking made earlier will be confirmed', async () => {
    const slotsError = { code: 'hub_unavailable' as const, message: 'The regional hub cannot be reached now' };
    const text = await render('fr', form({ slots: null, slotsError }));
    expect(text).toContain('Hors ligne : les créneaux libres se lisent sur le serveur régional');
    expect(text).toContain('Une réservation déjà faite sera confirmée au retour du réseau.');
    expect(text).not.toContain('Lecture des créneaux libres');
    expect(await render('en', form({ slots: null, slotsError }))).toContain('A booking already made will be confirmed');
  });

  it('shows the booking pending, then confirmed', async () => {
    const pending = appointment(at(8, 9), { status: 'pending', synced: false });
    const text = await render('fr', form({ booked: pending }));
    expect(text).toContain('Rendez-vous pris : mardi 8 décembre, 09:00–09:30. en attente de confirmation');
    expect(text).toContain('le serveur régional le confirmera ou le refusera');
    expect(await render('fr', form({ booked: appointment(at(8, 9)) }))).toContain('09:00–09:30. confirmé');
  });

  it('says a slot taken meanwhile plainly, with the next free slots as buttons', async () => {
    const refused = appointment(at(8, 9), {
      status: 'refused',
      refusal: { code: 'slot_taken', detail: 'This slot was taken by another booking.' },
      proposedSlots: [slot('s3', at(8, 10)), slot('s4', at(8, 10, 30))],
    });
    const text = await render('fr', form({ booked: refused }));
    expect(text).toContain('refusé : créneau déjà pris');
    expect(text).toContain('Créneaux libres proposés : Réserver mardi 8 décembre, 10:00–10:30');
    expect(text).toContain('Réserver mardi 8 décembre, 10:30–11:00');
    expect(await render('en', form({ booked: refused }))).toContain('refused: slot already taken');
  });

  it('says when a booking is a follow-up of an act, and the reason’s error beside it', async () => {
    const error = {
      code: 'validation_failed' as const,
      message: 'Invalid',
      fields: [{ path: 'reason', code: 'appointment.reason_required' }],
    };
    const text = await render('fr', form({ followUp: true, error }));
    expect(text).toContain('Rendez-vous de suivi de l’acte');
    expect(text).toContain('Motif Indiquez le motif.');
  });
});

describe('the agenda', () => {
  const week = [
    appointment(at(8, 9)),
    appointment(at(8, 14), { status: 'pending', synced: false }),
    appointment(at(10, 11), { status: 'cancelled', cancelReason: 'Hospitalisée' }),
  ];
  const view = (mode: 'day' | 'week') =>
    createElement(AgendaView, {
      mode,
      anchor: at(8, 12),
      appointments: week,
      patients: { [PATIENT]: patient },
      offers: [offer],
      onMode: noop,
      onMove: noop,
      onToday: noop,
    });

  it('shows a day: time, the patient with her birth date, the offer and the status', async () => {
    const text = await render('fr', view('day'));
    expect(text).toContain('mardi 8 décembre');
    expect(text).toContain('09:00–09:30 LE BIHAN Yvonne, né(e) le 15/03/1942 Dermatologie — CHU de Brest');
    expect(text).toContain('14:00–14:30');
    expect(text).toContain('en attente de confirmation');
    expect(text).not.toContain('11:00–11:30');
  });

  it('shows a week from Monday to Sunday, each day with its appointments or none', async () => {
    const text = await render('fr', view('week'));
    expect(text).toContain('Semaine du lundi 7 décembre au dimanche 13 décembre');
    expect(text).toMatch(/lundi 7 décembre Aucun rendez-vous\./);
    expect(text).toContain('11:00–11:30');
    expect(text).toContain('annulé');
    expect(await render('en', view('week'))).toContain('Week of Monday, December 7 to Sunday, December 13');
  });
});

describe('today’s reminders', () => {
  const at10 = appointment(at(8, 10));
  const view = (dismissed: ReadonlySet<string> = new Set()) =>
    createElement(TodayAppointmentsView, {
      appointments: [at10],
      // The page's clock, as the home reads it.
      now: new Date(Date.now()),
      minutesBefore: 15,
      patients: { [PATIENT]: patient },
      offers: [offer],
      dismissed,
      onDismiss: noop,
      onOpenAndCall: noop,
    });

  it('lists the appointment and reminds nobody 16 minutes before', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(at(8, 9, 44));
    const text = await render('fr', view());
    expect(text).toContain('Rendez-vous du jour 10:00 · LE BIHAN Yvonne');
    expect(text).not.toContain('Rappel :');
    expect(text).not.toContain('Ouvrir l’acte et appeler');
  });

  it('reminds 15 minutes before, until dismissed', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(at(8, 9, 45));
    const text = await render('fr', view());
    expect(text).toContain('Rappel : rendez-vous à 10:00 avec LE BIHAN Yvonne');
    expect(text).toContain('(Dermatologie — CHU de Brest). J’ai vu');
    expect(text).not.toContain('Ouvrir l’acte et appeler');
    expect(await render('fr', view(new Set([at10.id])))).not.toContain('Rappel :');
  });

  it('offers "Ouvrir l’acte et appeler" at the time, until the appointment ends', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(at(8, 10));
    const text = await render('fr', view());
    expect(text).toContain('C’est l’heure du rendez-vous de 10:00 avec LE BIHAN Yvonne');
    expect(text).toContain('Ouvrir l’acte et appeler');
    expect(await render('en', view())).toContain('Open the act and call');
    vi.setSystemTime(at(8, 10, 30));
    const over = await render('fr', view());
    expect(over).not.toContain('Ouvrir l’acte et appeler');
    expect(over).toContain('Aucun autre rendez-vous aujourd’hui.');
  });

  it('reminds of no cancelled or refused appointment', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(at(8, 9, 50));
    const cancelled = { ...at10, status: 'cancelled' as const };
    const text = await render(
      'fr',
      createElement(TodayAppointmentsView, {
        appointments: [cancelled],
        now: new Date(Date.now()),
        minutesBefore: 15,
        patients: {},
        offers: [],
        dismissed: new Set<string>(),
        onDismiss: noop,
        onOpenAndCall: noop,
      }),
    );
    expect(text).not.toContain('Rappel :');
    expect(text).toContain('Aucun autre rendez-vous aujourd’hui.');
  });
});
