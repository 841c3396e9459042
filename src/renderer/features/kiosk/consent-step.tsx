// The patient's consent to the teleconsultation, in plain words and large buttons; the pharmacist
// present collects it (her name is recorded with it). A refusal ends the session without an act.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { speak } from './voice';

export function ConsentStep({ onDecision }: { onDecision(decision: 'given' | 'refused'): void }) {
  const { t, i18n } = useTranslation();
  useEffect(() => speak(t('kiosk.consent.spoken'), i18n.language), [t, i18n.language]);
  return (
    <section className="kiosk-card" aria-labelledby="kiosk-consent-title">
      <h2 id="kiosk-consent-title">{t('kiosk.consent.title')}</h2>
      <ul className="kiosk-explain">
        <li>{t('kiosk.consent.what')}</li>
        <li>{t('kiosk.consent.data')}</li>
        <li>{t('kiosk.consent.free')}</li>
      </ul>
      <div className="kiosk-choices">
        <button type="button" className="kiosk-button" onClick={() => onDecision('given')}>
          {t('kiosk.consent.accept')}
        </button>
        <button type="button" className="kiosk-button secondary" onClick={() => onDecision('refused')}>
          {t('kiosk.consent.refuse')}
        </button>
      </div>
    </section>
  );
}
