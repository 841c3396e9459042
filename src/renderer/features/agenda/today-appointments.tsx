// Today's appointments on the home screen of the cart and of the expert's desk (issue 22, point 3):
// each still to come, a reminder `minutesBefore` its start (RELAIS_REMINDER_MINUTES, 15 by default)
// that stays until dismissed, and at its time "Ouvrir l'acte et appeler". The phases are computed
// from the page's clock (Date.now(), checked every 15 s), so that Playwright's page.clock and
// vitest's fake timers decide them.
//
// Patient reminders by SMS or e-mail are not sent: they need the region's messaging gateway (an
// SMS/e-mail service with the patient's consent to be contacted), which Relais does not have. The
// seam is here: a gateway would be told each appointment's `reminding` phase, as this screen is.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../shared/scheduling/appointment';
import { DEFAULT_REMINDER_MINUTES } from '../../../shared/scheduling/appointment';
import type { Offer } from '../../../shared/scheduling/offer';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { useSlots } from '../../ui/slots';
import { useView } from '../../ui/view-store';
import { ActError } from '../../ui/error-line';
import { formatTime } from '../../ui/format';
import { addDays, startOfDay } from './agenda-time';
import { offerWords } from './appointment-words';
import { patientWords, usePatients, type PatientsById } from './patient-names';
import { phaseOf, todaysAppointments } from './reminders';
import { useDismissedReminders } from './reminder-store';
import { actOfAppointment } from './open-act-and-call';
import './agenda.css';

const TICK_MS = 15_000;
const RELOAD_MS = 5 * 60_000;

export interface TodayViewProps {
  appointments: Appointment[];
  now: Date;
  minutesBefore: number;
  patients: PatientsById;
  offers: Offer[];
  dismissed: ReadonlySet<string>;
  onDismiss(id: string): void;
  onOpenAndCall(a: Appointment): void;
}

export function TodayAppointmentsView(p: TodayViewProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const today = todaysAppointments(p.appointments, p.now);
  const words = (a: Appointment) => ({
    time: formatTime(a.start, lang),
    patient: patientWords(t, p.patients, a, lang),
    offer: offerWords(p.offers, a.offerId),
  });
  return (
    <section aria-labelledby="today-appointments-title" className="card today-appointments">
      <h2 id="today-appointments-title">{t('agenda.today.title')}</h2>
      {today.map((a) => {
        const phase = phaseOf(a, p.now, p.minutesBefore);
        if (phase === 'due')
          return (
            <div key={`due-${a.id}`} role="alert" className="reminder reminder-due" data-testid="reminder-due">
              <p>{t('agenda.today.due', words(a))}</p>
              {/* On the expert's desk (an appointment read from the hub), the cart calls from its act. */}
              {a.patientName === null ? (
                <button type="button" className="primary" onClick={() => p.onOpenAndCall(a)}>
                  {t('agenda.today.openAndCall')}
                </button>
              ) : (
                <p className="hint">{t('agenda.today.siteCalls', { site: a.siteName ?? '—' })}</p>
              )}
            </div>
          );
        if (phase === 'reminding' && !p.dismissed.has(a.id))
          return (
            <div key={`remind-${a.id}`} role="alert" className="reminder" data-testid="reminder">
              <p>{t('agenda.today.reminder', words(a))}</p>
              <button type="button" onClick={() => p.onDismiss(a.id)}>
                {t('agenda.today.dismiss')}
              </button>
            </div>
          );
        return null;
      })}
      {today.length === 0 ? (
        <p className="hint">{t('agenda.today.none')}</p>
      ) : (
        <ul className="plain-list">
          {today.map((a) => (
            <li key={a.id} data-testid="today-appointment">
              <strong>{formatTime(a.start, lang)}</strong> · {words(a).patient} · {words(a).offer}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('agenda.today.reminderSetting', { minutes: p.minutesBefore })}</p>
    </section>
  );
}

/** The page's clock, read again every 15 s. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date(Date.now())), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function TodayAppointments() {
  const { t } = useTranslation();
  const { calls } = useSlots();
  const show = useView((s) => s.show);
  const hub = useCalls((s) => s.hub);
  const now = useNow();
  const { ids: dismissed, dismiss } = useDismissedReminders();
  const [appointments, setAppointments] = useState<Appointment[]>([]);
  const [minutesBefore, setMinutesBefore] = useState(DEFAULT_REMINDER_MINUTES);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const day = startOfDay(now).toISOString();
  // Read again every 5 minutes: on the expert's desk, a cart's new booking comes from the hub, not
  // from an event of her own station.
  const round = Math.floor(now.getTime() / RELOAD_MS);
  const load = useCallback(() => {
    const from = new Date(day);
    void relais
      .invoke('scheduling.agenda', { from: from.toISOString(), to: addDays(from, 1).toISOString() })
      .then((r) => (r.ok ? setAppointments(r.value) : setError(r.error)));
  }, [day]);
  useEffect(() => relais.on('scheduling.appointmentChanged', load), [load]);
  useEffect(() => load(), [load, round]);
  useEffect(() => {
    void relais.invoke('scheduling.reminderSetting', {}).then((r) => r.ok && setMinutesBefore(r.value.minutesBefore));
  }, []);
  const patients = usePatients(appointments.filter((a) => a.patientName === null).map((a) => a.patientId));

  async function openAndCall(a: Appointment) {
    const offer = hub.offers.find((o) => o.id === a.offerId);
    const act = await actOfAppointment(a, offer, hub.you?.site ?? '');
    if (!act.ok) return setError(act.error);
    setError(null);
    show({ name: 'act', id: act.encounterId });
    const expert = hub.peers.find((p) => p.id === a.expertId);
    if (!expert || hub.link !== 'online') return setNotice(t('agenda.today.expertOffline'));
    setNotice(null);
    await calls.ring(a.expertId, a.reason, false, act.encounterId);
  }

  return (
    <>
      <TodayAppointmentsView
        appointments={appointments}
        now={now}
        minutesBefore={minutesBefore}
        patients={patients}
        offers={hub.offers}
        dismissed={dismissed}
        onDismiss={dismiss}
        onOpenAndCall={(a) => void openAndCall(a)}
      />
      {notice && (
        <p role="status" className="hint">
          {notice}
        </p>
      )}
      <ActError error={error} />
    </>
  );
}
