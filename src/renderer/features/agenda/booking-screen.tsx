// Booking a téléconsultation for a patient (issue 22, point 2), at a cart's 1366x768 screen: the
// region's téléconsultation offers (the hub's directory), the chosen offer's free slots for the next
// 7 days (read from the hub: offline, said plainly), the reason, "Réserver". The booking is kept at
// once on the station, "en attente de confirmation" until the hub confirms or refuses it; a slot
// taken meanwhile is said with the next free slots, each a button that books it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../shared/scheduling/offer';
import type { Appointment, FreeSlot } from '../../../shared/scheduling/appointment';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { useView } from '../../ui/view-store';
import { ActError } from '../../ui/error-line';
import { splitFieldErrors } from '../../ui/field-errors';
import { FormField } from '../../ui/form-field';
import { ReasonedButton } from '../../ui/disabled-reason';
import { expertNameIn } from '../../../shared/scheduling/offer';
import { AppointmentStatus, slotWhen } from './appointment-words';
import { addDays } from './agenda-time';
import './agenda.css';

const DAYS_AHEAD = 7;

export interface BookingFormProps {
  offers: Offer[];
  offerId: string;
  /** null: not read (yet); the error when the hub could not be reached. */
  slots: FreeSlot[] | null;
  slotsError: AppError | null;
  chosen: string | null;
  reason: string;
  followUp: boolean;
  error: AppError | null;
  busy: boolean;
  booked: Appointment | null;
  onOffer(id: string): void;
  onChoose(slotId: string): void;
  onReason(reason: string): void;
  onSubmit(): void;
  onBookProposed(slot: FreeSlot): void;
}

/** The form itself, from its state (render tests draw it so). */
export function BookingForm(p: BookingFormProps) {
  const { t, i18n } = useTranslation();
  const { byPath, rest } = splitFieldErrors(t, p.error, ['reason', 'slot']);
  const offer = p.offers.find((o) => o.id === p.offerId);
  const offline = p.slotsError?.code === 'hub_unavailable';
  return (
    <form
      noValidate
      className="booking-form"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      {p.followUp && <p className="hint">{t('agenda.book.followUp')}</p>}
      {p.offers.length === 0 ? (
        <p role="status">{t('agenda.book.noOffer')}</p>
      ) : (
        <div className="field">
          <label htmlFor="booking-offer">{t('agenda.book.offer')}</label>
          <select id="booking-offer" value={p.offerId} onChange={(e) => p.onOffer(e.target.value)}>
            <option value="">{t('agenda.book.chooseOffer')}</option>
            {p.offers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.specialty} — {o.hospital}
              </option>
            ))}
          </select>
        </div>
      )}
      {offline && (
        <p role="alert" className="error-text" data-testid="booking-offline">
          {t('agenda.book.offline')}
        </p>
      )}
      {p.slotsError && !offline && (
        <p role="alert" className="error-text">
          {t('agenda.book.slotsError', { reason: p.slotsError.message })}
        </p>
      )}
      {p.offerId && p.slots === null && !p.slotsError && <p role="status">{t('agenda.book.loadingSlots')}</p>}
      {p.slots !== null && offer && (
        <fieldset className="booking-slots">
          <legend>{t('agenda.book.slots')}</legend>
          {p.slots.length === 0 && <p>{t('agenda.book.noSlot')}</p>}
          {p.slots.map((slot) => (
            <div key={slot.id} className="booking-slot">
              <input
                type="radio"
                id={`slot-${slot.id}`}
                name="slot"
                checked={p.chosen === slot.id}
                onChange={() => p.onChoose(slot.id)}
              />
              <label htmlFor={`slot-${slot.id}`}>
                {slotWhen(t, slot, i18n.language)} ·{' '}
                {t('agenda.book.expert', { name: expertNameIn(offer, slot.expertId) })}
              </label>
            </div>
          ))}
          {byPath.slot && <p className="error-text">{byPath.slot}</p>}
        </fieldset>
      )}
      <FormField
        id="reason"
        label={t('agenda.book.reason')}
        value={p.reason}
        error={byPath.reason}
        onChange={(e) => p.onReason(e.target.value)}
      />
      <ReasonedButton
        type="submit"
        className="primary"
        reason={p.busy ? t('agenda.book.booking') : p.chosen === null ? t('agenda.book.chooseSlot') : null}
      >
        {t('agenda.book.submit')}
      </ReasonedButton>
      <ActError error={rest} />
      {p.booked && (
        <div role="status" className="card booking-result" data-testid="booking-result">
          <p>{t('agenda.book.booked', { when: slotWhen(t, p.booked, i18n.language) })}</p>
          <AppointmentStatus appointment={p.booked} onBookProposed={p.onBookProposed} />
          {p.booked.status === 'pending' && <p className="hint">{t('agenda.book.pendingHint')}</p>}
        </div>
      )}
    </form>
  );
}

/** The booking's status, followed live (the hub's answer arrives through the sync). */
function useBooked(patientId: string) {
  const [booked, setBooked] = useState<Appointment | null>(null);
  const id = booked?.id;
  useEffect(() => {
    if (!id) return;
    return relais.on('scheduling.appointmentChanged', (e) => {
      if (e.id !== id) return;
      void relais.invoke('scheduling.patientAppointments', { patientId }).then((r) => {
        const now = r.ok ? r.value.find((a) => a.id === id) : undefined;
        if (now) setBooked(now);
      });
    });
  }, [id, patientId]);
  return [booked, setBooked] as const;
}

export function BookingScreen({ patientId, encounterId }: { patientId: string; encounterId: string | null }) {
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const offers = useCalls((s) => s.hub.offers).filter((o) => o.acts.includes('teleconsultation'));
  const [offerId, setOfferId] = useState('');
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [slotsError, setSlotsError] = useState<AppError | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useBooked(patientId);

  useEffect(() => {
    if (!offerId) return;
    let current = true;
    const from = new Date(Date.now());
    void relais
      .invoke('scheduling.freeSlots', {
        offerId,
        from: from.toISOString(),
        to: addDays(from, DAYS_AHEAD).toISOString(),
      })
      .then((r) => {
        if (!current) return;
        if (r.ok) setSlots(r.value);
        else setSlotsError(r.error);
      });
    return () => {
      current = false;
    };
  }, [offerId]);

  async function book(slot: FreeSlot) {
    setBusy(true);
    const r = await relais.invoke('scheduling.book', {
      patientId,
      offerId: offerId || booked!.offerId,
      slot,
      reason,
      encounterId,
    });
    setBusy(false);
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setBooked(r.value);
      setChosen(null);
      setSlots((all) => all?.filter((s) => s.id !== slot.id) ?? null);
    }
  }

  return (
    <section aria-labelledby="booking-title" className="booking-screen">
      <button type="button" className="link" onClick={() => show({ name: 'patient', id: patientId })}>
        ← {t('agenda.book.back')}
      </button>
      <h1 id="booking-title">{t('agenda.book.title')}</h1>
      <BookingForm
        offers={offers}
        offerId={offerId}
        slots={slots}
        slotsError={slotsError}
        chosen={chosen}
        reason={reason}
        followUp={encounterId !== null}
        error={error}
        busy={busy}
        booked={booked}
        onOffer={(id) => {
          setOfferId(id);
          setChosen(null);
          setSlots(null);
          setSlotsError(null);
        }}
        onChoose={setChosen}
        onReason={setReason}
        onSubmit={() => {
          const slot = slots?.find((s) => s.id === chosen);
          if (slot) void book(slot);
        }}
        onBookProposed={(slot) => void book(slot)}
      />
    </section>
  );
}
