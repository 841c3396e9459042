// The cart's home (the requesting site): start a consultation, take up the acts in progress, and
// the place of today's appointments (empty and said so until scheduling is in service, issue 22).
import { useTranslation } from 'react-i18next';
import { useView } from '../../ui/view-store';
import { OpenActs } from './open-acts';

const IN_PROGRESS = ['draft', 'in_progress', 'awaiting_report'] as const;

export function CartHome() {
  const { t } = useTranslation();
  const show = useView((v) => v.show);
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
      <section className="card" aria-labelledby="home-appointments">
        <h2 id="home-appointments">{t('roleHome.cart.appointments')}</h2>
        <p>{t('roleHome.cart.noAppointments')}</p>
      </section>
    </>
  );
}
