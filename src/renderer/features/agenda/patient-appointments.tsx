// The patient's appointments on her screen (issue 22, points 2 and 3), follow-ups of her acts
// included, each with its status; "Déplacer" and "Annuler" each ask a reason. "Prendre
// rendez-vous" opens the booking screen.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBooked, type Appointment, type FreeSlot } from '../../../shared/scheduling/appointment';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { useView } from '../../ui/view-store';
import { ActError } from '../../ui/error-line';
import { splitFieldErrors } from '../../ui/field-errors';
import { FormField } from '../../ui/form-field';
import { ReasonedButton } from '../../ui/disabled-reason';
import { AppointmentStatus, offerWords, slotWhen } from './appointment-words';
import { addDays } from './agenda-time';
import './agenda.css';

type Change = { kind: 'cancel' | 'move'; appointment: Appointment };

function ChangeForm({ change, onDone }: { change: Change; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [slotsError, setSlotsError] = useState<AppError | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const { appointment: a, kind } = change;
  useEffect(() => {
    if (kind !== 'move') return;
    const from = new Date(Date.now());
    void relais
      .invoke('scheduling.freeSlots', {
        offerId: a.offerId,
        from: from.toISOString(),
        to: addDays(from, 7).toISOString(),
      })
      .then((r) => (r.ok ? setSlots(r.value) : setSlotsError(r.error)));
  }, [kind, a.offerId]);
  const { byPath, rest } = splitFieldErrors(t, error, ['reason', 'slot']);
  async function submit() {
    const slot = slots?.find((s) => s.id === chosen);
    const r =
      kind === 'cancel'
        ? await relais.invoke('scheduling.cancelAppointment', { id: a.id, version: a.version, reason })
        : slot
          ? await relais.invoke('scheduling.moveAppointment', { id: a.id, version: a.version, slot, reason })
          : null;
    if (!r) return;
    setError(r.ok ? null : r.error);
    if (r.ok) onDone();
  }
  const noSlot = kind === 'move' && chosen === null ? t('agenda.book.chooseSlot') : null;
  return (
    <form
      noValidate
      className="card appointment-change"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {kind === 'move' && slotsError && (
        <p role="alert" className="error-text">
          {slotsError.code === 'hub_unavailable'
            ? t('agenda.book.offline')
            : t('agenda.book.slotsError', { reason: slotsError.message })}
        </p>
      )}
      {kind === 'move' && slots && (
        <fieldset className="booking-slots">
          <legend>{t('agenda.patient.newSlot')}</legend>
          {slots.length === 0 && <p>{t('agenda.book.noSlot')}</p>}
          {slots.map((slot) => (
            <div key={slot.id} className="booking-slot">
              <input
                type="radio"
                id={`move-${slot.id}`}
                name="move-slot"
                checked={chosen === slot.id}
                onChange={() => setChosen(slot.id)}
              />
              <label htmlFor={`move-${slot.id}`}>{slotWhen(t, slot, i18n.language)}</label>
            </div>
          ))}
          {byPath.slot && <p className="error-text">{byPath.slot}</p>}
        </fieldset>
      )}
      <FormField
        id={`change-reason-${a.id}`}
        label={kind === 'cancel' ? t('agenda.patient.cancelReason') : t('agenda.patient.moveReason')}
        value={reason}
        error={byPath.reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ReasonedButton type="submit" className={kind === 'cancel' ? 'warning' : 'primary'} reason={noSlot}>
        {kind === 'cancel' ? t('agenda.patient.confirmCancel') : t('agenda.patient.confirmMove')}
      </ReasonedButton>{' '}
      <button type="button" onClick={onDone}>
        {t('agenda.patient.close')}
      </button>
      <ActError error={rest} />
    </form>
  );
}

export function PatientAppointments({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const show = useView((s) => s.show);
  const offers = useCalls((s) => s.hub.offers);
  const [list, setList] = useState<Appointment[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [change, setChange] = useState<Change | null>(null);
  const load = useCallback(
    () =>
      void relais.invoke('scheduling.patientAppointments', { patientId }).then((r) => {
        if (r.ok) setList(r.value);
        setError(r.ok ? null : r.error);
      }),
    [patientId],
  );
  useEffect(() => {
    load();
    return relais.on('scheduling.appointmentChanged', load);
  }, [load]);
  async function bookProposed(a: Appointment, slot: FreeSlot) {
    const r = await relais.invoke('scheduling.book', {
      patientId,
      offerId: a.offerId,
      slot,
      reason: a.reason,
      encounterId: a.encounterId,
    });
    setError(r.ok ? null : r.error);
  }
  return (
    <section aria-labelledby="patient-appointments-title" className="patient-appointments">
      <div className="appointments-head">
        <h2 id="patient-appointments-title">{t('agenda.patient.title')}</h2>
        <button type="button" className="primary" onClick={() => show({ name: 'book', patientId, encounterId: null })}>
          {t('agenda.book.open')}
        </button>
      </div>
      <ActError error={error} />
      {list?.length === 0 && <p>{t('agenda.patient.none')}</p>}
      <ul className="plain-list appointment-list">
        {list?.map((a) => (
          <li key={a.id} data-testid="patient-appointment">
            <strong>{slotWhen(t, a, i18n.language)}</strong> · {offerWords(offers, a.offerId)} · {a.reason}
            {a.encounterId && <span className="hint"> · {t('agenda.patient.followUp')}</span>} ·{' '}
            <AppointmentStatus appointment={a} onBookProposed={(slot) => void bookProposed(a, slot)} />
            {a.status === 'cancelled' && a.cancelReason && (
              <span className="hint"> · {t('agenda.patient.cancelledWhy', { reason: a.cancelReason })}</span>
            )}
            {isBooked(a) && (
              <>
                {' '}
                <button type="button" onClick={() => setChange({ kind: 'move', appointment: a })}>
                  {t('agenda.patient.move')}
                </button>{' '}
                <button type="button" onClick={() => setChange({ kind: 'cancel', appointment: a })}>
                  {t('agenda.patient.cancel')}
                </button>
              </>
            )}
            {change?.appointment.id === a.id && (
              <ChangeForm key={`${change.kind}-${a.version}`} change={change} onDone={() => setChange(null)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Prendre rendez-vous de suivi" on an act: the booking keeps the act's id. */
export function BookFollowUp({ encounter }: { encounter: { id: string; patientId: string } }) {
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  return (
    <button
      type="button"
      onClick={() => show({ name: 'book', patientId: encounter.patientId, encounterId: encounter.id })}
    >
      {t('agenda.book.openFollowUp')}
    </button>
  );
}
