// The pharmacy cabin's home outside kiosk mode (the pharmacist's): the pharmacy's name, and the way
// back to the patient's guided session (kiosk mode, the KioskEntry slot).
import { useTranslation } from 'react-i18next';
import { useSlots } from '../../ui/slots';

export function CabinHome({ pharmacy }: { pharmacy: string }) {
  const { t } = useTranslation();
  const { KioskEntry } = useSlots();
  return (
    <>
      <p className="home-site" data-testid="pharmacy-name">
        <span className="home-site-label">{t('roleHome.cabin.site')}</span> {pharmacy}
      </p>
      <p>{t('roleHome.cabin.what')}</p>
      <KioskEntry />
    </>
  );
}
