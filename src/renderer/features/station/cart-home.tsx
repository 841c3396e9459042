// The cart's home (the requesting site): start a consultation, take up the acts in progress, and
// today's appointments with their reminders (the agenda feature, through a slot).
import { useTranslation } from 'react-i18next';
import { useView } from '../../ui/view-store';
import { useSlots } from '../../ui/slots';
import { OpenActs } from './open-acts';

const IN_PROGRESS = ['draft', 'in_progress', 'awaiting_report'] as const;

export function CartHome() {
  const { t } = useTranslation();
  const show = useView((v) => v.show);
  const { TodayAppointments } = useSlots();
  return (
    <>
      <div className="home-start">
        {/* The patient first (found or created), then the act: the patients screen leads there. */}
        <button type="button" className="primary home-start-button" onClick={() => show({ name: 'patients' })}>
          {t('roleHome.cart.start')}
        </button>
        <p>{t('roleHome.cart.startHint')}</p>
      </div>
      <section className="card" aria-labelledby="home-in-progress">
        <h2 id="home-in-progress">{t('roleHome.cart.inProgress')}</h2>
        <OpenActs statuses={IN_PROGRESS} empty={t('roleHome.cart.noneInProgress')} />
      </section>
      <TodayAppointments />
    </>
  );
}
