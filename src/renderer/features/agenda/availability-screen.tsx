// "Mes disponibilités" on the expert's desk (issue 22, point 4): for an offer she serves, a day,
// from, to and a slot length; "Publier" sends the slots to the hub (scheduling.publishSlots, online
// only: said plainly otherwise). Publishing the same slots again changes nothing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { servesOffer } from '../../../shared/scheduling/offer';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { useView } from '../../ui/view-store';
import { ActError } from '../../ui/error-line';
import { DateInput } from '../../ui/date-input';
import { TimeInput } from '../../ui/time-input';
import { FieldError } from '../../ui/form-field';
import { invalidProps } from '../../ui/field-errors';
import { SLOT_LENGTHS, slotsOfDay, type AvailabilityProblem } from './availability';
import './agenda.css';

export function AvailabilityScreen() {
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const hub = useCalls((s) => s.hub);
  const you = hub.you;
  const offers = you ? hub.offers.filter((o) => servesOffer(you, o)) : [];
  const [offerId, setOfferId] = useState('');
  const [day, setDay] = useState('');
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('12:00');
  const [minutes, setMinutes] = useState(30);
  const [problems, setProblems] = useState<AvailabilityProblem>({});
  const [error, setError] = useState<AppError | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const chosen = offerId || offers[0]?.id || '';

  async function publish() {
    setPublished(null);
    const result = slotsOfDay({ day, from, to, minutes }, new Date(Date.now()));
    if ('problems' in result) return setProblems(result.problems);
    setProblems({});
    const r = await relais.invoke('scheduling.publishSlots', { offerId: chosen, slots: result.slots });
    setError(r.ok ? null : r.error);
    if (r.ok) setPublished(r.value.slots.length);
  }
  const problem = (field: keyof AvailabilityProblem) =>
    problems[field] ? t(`agenda.availability.problems.${problems[field]}`) : undefined;

  return (
    <section aria-labelledby="availability-title" className="availability-screen">
      <button type="button" className="link" onClick={() => show({ name: 'agenda' })}>
        ← {t('agenda.agenda.title')}
      </button>
      <h1 id="availability-title">{t('agenda.availability.title')}</h1>
      {offers.length === 0 ? (
        <p role="status">{t('agenda.availability.noOffer')}</p>
      ) : (
        <form
          noValidate
          className="booking-form"
          onSubmit={(e) => {
            e.preventDefault();
            void publish();
          }}
        >
          <div className="field">
            <label htmlFor="availability-offer">{t('agenda.availability.offer')}</label>
            <select id="availability-offer" value={chosen} onChange={(e) => setOfferId(e.target.value)}>
              {offers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.specialty} — {o.hospital}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="availability-day">{t('agenda.availability.day')}</label>
            <DateInput
              id="availability-day"
              value={day}
              onChange={setDay}
              {...invalidProps('availability-day', problem('day'))}
            />
            <FieldError id="availability-day-error" error={problem('day')} />
          </div>
          <div className="availability-times">
            <div className="field">
              <label htmlFor="availability-from">{t('agenda.availability.from')}</label>
              <TimeInput
                id="availability-from"
                value={from}
                onChange={setFrom}
                {...invalidProps('availability-from', problem('from'))}
              />
              <FieldError id="availability-from-error" error={problem('from')} />
            </div>
            <div className="field">
              <label htmlFor="availability-to">{t('agenda.availability.to')}</label>
              <TimeInput
                id="availability-to"
                value={to}
                onChange={setTo}
                {...invalidProps('availability-to', problem('to'))}
              />
              <FieldError id="availability-to-error" error={problem('to')} />
            </div>
            <div className="field">
              <label htmlFor="availability-length">{t('agenda.availability.length')}</label>
              <select id="availability-length" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
                {SLOT_LENGTHS.map((m) => (
                  <option key={m} value={m}>
                    {t('agenda.availability.minutes', { count: m })}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="primary">
            {t('agenda.availability.publish')}
          </button>
          <ActError error={error} />
          {published !== null && (
            <p role="status" className="ok-text" data-testid="availability-published">
              {t('agenda.availability.published', { count: published })}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
