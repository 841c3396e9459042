// The station's agenda (issue 22, point 2): its appointments by day or by week, one component for the
// cart and the expert's desk: time, patient (names and birth date as the station holds her), offer,
// status; previous, next, today. "Today" is the page's clock (Date.now()), so that a test's mocked
// clock decides it.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../shared/scheduling/appointment';
import type { Offer } from '../../../shared/scheduling/offer';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { ActError } from '../../ui/error-line';
import { useView } from '../../ui/view-store';
import { formatTime } from '../../ui/format';
import { addDays, formatDay, periodOf, sameDay, type AgendaMode } from './agenda-time';
import { offerWords, statusWords } from './appointment-words';
import { patientWords, usePatients, type PatientsById } from './patient-names';
import './agenda.css';

export interface AgendaViewProps {
  mode: AgendaMode;
  anchor: Date;
  appointments: Appointment[];
  patients: PatientsById;
  offers: Offer[];
  onMode(mode: AgendaMode): void;
  onMove(days: number): void;
  onToday(): void;
}

/** The days of the period, each with its appointments (a week shows its 7 days, empty ones too). */
export function AgendaView(p: AgendaViewProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { from, to } = periodOf(p.mode, p.anchor);
  const days = Array.from({ length: p.mode === 'day' ? 1 : 7 }, (_, i) => addDays(from, i));
  const title =
    p.mode === 'day'
      ? formatDay(from, lang)
      : t('agenda.agenda.weekOf', { from: formatDay(from, lang), to: formatDay(addDays(to, -1), lang) });
  return (
    <div className="agenda-view">
      <div className="agenda-bar">
        <span role="group" aria-label={t('agenda.agenda.title')}>
          {(['day', 'week'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={p.mode === m} onClick={() => p.onMode(m)}>
              {t(`agenda.agenda.${m}`)}
            </button>
          ))}
        </span>{' '}
        <button type="button" onClick={() => p.onMove(p.mode === 'day' ? -1 : -7)}>
          ← {t('agenda.agenda.previous')}
        </button>
        <button type="button" onClick={p.onToday}>
          {t('agenda.agenda.today')}
        </button>
        <button type="button" onClick={() => p.onMove(p.mode === 'day' ? 1 : 7)}>
          {t('agenda.agenda.next')} →
        </button>
        <h2 className="agenda-period" data-testid="agenda-period">
          {title}
        </h2>
      </div>
      {days.map((day) => {
        const ofDay = p.appointments.filter((a) => sameDay(new Date(a.start), day));
        return (
          <section key={day.toISOString()} className="agenda-day" aria-label={formatDay(day, lang)}>
            {p.mode === 'week' && <h3>{formatDay(day, lang)}</h3>}
            {ofDay.length === 0 ? (
              <p className="hint">{t('agenda.agenda.empty')}</p>
            ) : (
              <table className="agenda-table">
                <thead>
                  <tr>
                    <th scope="col">{t('agenda.agenda.time')}</th>
                    <th scope="col">{t('agenda.agenda.patient')}</th>
                    <th scope="col">{t('agenda.agenda.offer')}</th>
                    <th scope="col">{t('agenda.agenda.statusColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ofDay.map((a) => (
                    <tr key={a.id} data-testid="agenda-appointment" className={`agenda-${a.status}`}>
                      <td>
                        {formatTime(a.start, lang)}–{formatTime(a.end, lang)}
                      </td>
                      <td>{patientWords(t, p.patients, a, lang)}</td>
                      <td>
                        {offerWords(p.offers, a.offerId)}
                        <br />
                        <span className="hint">{a.reason}</span>
                      </td>
                      <td>{statusWords(t, a)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}

export function AgendaScreen() {
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const expert = useCalls((s) => s.hub.you?.role === 'expert');
  const offers = useCalls((s) => s.hub.offers);
  const [mode, setMode] = useState<AgendaMode>('day');
  const [anchor, setAnchor] = useState(() => new Date(Date.now()));
  const [appointments, setAppointments] = useState<Appointment[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const { from, to } = periodOf(mode, anchor);
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  const load = useCallback(
    () =>
      void relais.invoke('scheduling.agenda', { from: fromIso, to: toIso }).then((r) => {
        if (r.ok) setAppointments(r.value);
        setError(r.ok ? null : r.error);
      }),
    [fromIso, toIso],
  );
  useEffect(() => {
    load();
    return relais.on('scheduling.appointmentChanged', load);
  }, [load]);
  const patients = usePatients(appointments.filter((a) => a.patientName === null).map((a) => a.patientId));
  return (
    <section aria-labelledby="agenda-title" className="agenda-screen">
      <div className="appointments-head">
        <h1 id="agenda-title">{t('agenda.agenda.title')}</h1>
        {expert && (
          <button type="button" onClick={() => show({ name: 'availability' })}>
            {t('agenda.availability.open')}
          </button>
        )}
      </div>
      <ActError error={error} />
      <AgendaView
        mode={mode}
        anchor={anchor}
        appointments={appointments}
        patients={patients}
        offers={offers}
        onMode={setMode}
        onMove={(days) => setAnchor((a) => addDays(a, days))}
        onToday={() => setAnchor(new Date(Date.now()))}
      />
    </section>
  );
}
