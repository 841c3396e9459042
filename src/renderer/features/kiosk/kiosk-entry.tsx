// On the station's home screen: turns the station into a pharmacy cabin (kiosk mode). The first
// time, the pharmacist chooses the PIN that will be needed to leave it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from './kiosk-store';
import { PinPad } from './pin-pad';

export function KioskEntry() {
  const { t } = useTranslation();
  const { state, load } = useKiosk();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!state) void load();
  }, [state, load]);
  return (
    <section className="card" aria-labelledby="kiosk-entry-title">
      <h2 id="kiosk-entry-title">{t('kiosk.entry.title')}</h2>
      <p>{t('kiosk.entry.what')}</p>
      {open ? (
        <PinPad
          purpose="enter"
          choosing={!state?.pinSet}
          onDone={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t('kiosk.entry.button')}
        </button>
      )}
    </section>
  );
}
