// How an appointment is said on every screen of the agenda: its times, its status (with the next
// free slots proposed when the hub refused it because the slot was taken), its offer's name.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../shared/scheduling/offer';
import type { Appointment, FreeSlot } from '../../../shared/scheduling/appointment';
import { formatTime } from '../../ui/format';
import { formatDay } from './agenda-time';

export function slotWhen(t: TFunction, slot: { start: string; end: string }, language: string): string {
  return t('agenda.slotTimes', {
    day: formatDay(new Date(slot.start), language),
    from: formatTime(slot.start, language),
    to: formatTime(slot.end, language),
  });
}

export function statusWords(t: TFunction, a: Appointment): string {
  if (a.status === 'refused')
    return a.refusal?.code === 'refused' ? t('agenda.status.refused') : t('agenda.status.refused_slot_taken');
  if (a.status === 'cancelled') return a.synced ? t('agenda.status.cancelled') : t('agenda.status.cancelledNotSynced');
  return t(`agenda.status.${a.status}`);
}

/** "Dermatologie — CHU de Brest", or the offer's id when the directory does not know it (offline). */
export function offerWords(offers: Offer[], id: string): string {
  const offer = offers.find((o) => o.id === id);
  return offer ? `${offer.specialty} — ${offer.hospital}` : id;
}

/** The status, and for a booking refused because its slot was taken, the next free slots as buttons. */
export function AppointmentStatus({
  appointment,
  onBookProposed,
}: {
  appointment: Appointment;
  onBookProposed?: (slot: FreeSlot) => void;
}) {
  const { t, i18n } = useTranslation();
  const proposed = appointment.status === 'refused' ? appointment.proposedSlots : [];
  return (
    <span className="appointment-status">
      <strong data-testid="appointment-status" data-status={appointment.status}>
        {statusWords(t, appointment)}
      </strong>
      {appointment.refusal?.code === 'refused' && <span className="hint"> ({appointment.refusal.detail})</span>}
      {proposed.length > 0 && onBookProposed && (
        <span className="proposed-slots">
          {' '}
          {t('agenda.book.proposed')}{' '}
          {proposed.map((slot) => (
            <button key={slot.id} type="button" onClick={() => onBookProposed(slot)}>
              {t('agenda.book.bookProposed', { when: slotWhen(t, slot, i18n.language) })}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
